"""Reading the images a note links to: only regular files, only inside the imported folder, capped.

A pipe or device named like an image would block the import forever; a 600 MB
image would take the importer to gigabytes and the library with it.  Both are
left out with a warning, and the preview shows a placeholder in their place.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import stat
from pathlib import Path
from urllib.parse import unquote

from ...model import ImportWarning, ParsedDocument

DEFAULT_MAX_ATTACHMENT_MB = 20
MAX_ATTACHMENT_VARIABLE = "STUDYNOTES_MAX_ATTACHMENT_MB"


def max_attachment_bytes() -> int:
    """The cap on one attachment: 20 MB, or `STUDYNOTES_MAX_ATTACHMENT_MB`."""
    try:
        megabytes = float(os.environ.get(MAX_ATTACHMENT_VARIABLE, DEFAULT_MAX_ATTACHMENT_MB))
    except ValueError:
        megabytes = DEFAULT_MAX_ATTACHMENT_MB
    return int(max(megabytes, 0) * 2**20)


def load_attachments(document: ParsedDocument, folder: Path) -> list[ImportWarning]:
    """Fill each attachment's bytes; a warning for each one left out."""
    warnings: list[ImportWarning] = []
    if not any(note.attachments for note in document.notes):
        return warnings  # the folder is not asked of the file system for nothing
    root = folder.resolve()
    limit = max_attachment_bytes()
    for note in document.notes:
        for attachment in note.attachments:
            shown = unquote(attachment.name)
            target = (folder / unquote(attachment.location or attachment.name)).resolve()
            if not target.is_relative_to(root):
                warnings.append(
                    ImportWarning(f"image {shown!r} points outside the imported folder; not read")
                )
                continue
            try:
                status = target.stat()
            except OSError:
                warnings.append(ImportWarning(f"image {shown!r} is missing; a placeholder is shown"))
                continue
            if not stat.S_ISREG(status.st_mode):
                warnings.append(
                    ImportWarning(f"image {shown!r} is not a regular file (a pipe or device); not read")
                )
                continue
            if status.st_size > limit:
                warnings.append(
                    ImportWarning(
                        f"image {shown!r} is {status.st_size / 2**20:.0f} MB; images over {limit / 2**20:.0f} MB"
                        f" are not stored (set {MAX_ATTACHMENT_VARIABLE} to change); a placeholder is shown"
                    )
                )
                continue
            try:
                data = target.read_bytes()
            except OSError:
                warnings.append(ImportWarning(f"image {shown!r} cannot be read; a placeholder is shown"))
                continue
            attachment.data = data
            attachment.sha256 = hashlib.sha256(data).hexdigest()
            attachment.mime_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    return warnings
