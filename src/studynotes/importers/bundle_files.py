"""One text file of a Notion export or a repository, parsed like a file imported alone.

The file's format is recognised as usual (a Notion page can be a question
board or meeting minutes), then what the bundle knows is added: the notebook,
the place its folders name, the images it uses read from the bundle, and a
source name that finds it again in a later import.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..model import Attachment, ImportContext, ImportFailure, ImportWarning, ParsedDocument
from . import ImportedFile, _apply_user_choices, _choose
from .archive import FileSet
from .parts.reading import decode_bytes
from .place_names import Place

Progress = Callable[[int, int, str], None]


@dataclass
class PageText:
    """A file's text made ready by its bundle: links rewritten, the images it uses."""

    text: str
    images: list[str]


def decoded_text(files: FileSet, path: str) -> tuple[str, bytes, list[ImportWarning]]:
    data = files.read(path)
    decoded = decode_bytes(data, f"{files.name}: {path}")
    return decoded.text, data, list(decoded.warnings)


def parse_page(
    files: FileSet,
    path: str,
    page: PageText,
    *,
    data: bytes,
    key: str,
    context: ImportContext,
    format_name: str | None,
    notebook_title: str,
    place: Place,
    warnings: list[ImportWarning],
) -> ImportedFile:
    """Parse a prepared page; ImportFailure (naming bundle and path) when it cannot be read."""
    display = f"{files.name}: {path}"
    name = path.rsplit("/", 1)[-1]
    folder = path.rsplit("/", 2)[-2] if "/" in path else ""
    local = ImportContext(
        file_name=name,
        folder_name=folder,
        date=context.date,
        week=context.week,
        lecture=context.lecture,
    )
    importer = _choose(page.text, format_name, display)
    try:
        document = importer.parse(page.text, local)
    except ImportFailure:
        raise
    except Exception as error:  # noqa: BLE001 (an importer bug reaches the user as one line)
        raise ImportFailure(display, f"could not be read as {importer.name}: {error}") from None
    place_notes(document, place)
    _apply_user_choices(document, local)
    document.notebook_title = notebook_title
    all_warnings = warnings + list(document.warnings) + attach_images(document, files, page.images)
    return _ready(files, path, document, data=data, key=key, warnings=all_warnings)


def _ready(
    files: FileSet,
    path: str,
    document: ParsedDocument,
    *,
    data: bytes,
    key: str,
    warnings: list[ImportWarning],
    raw_text: str | None = None,
) -> ImportedFile:
    """The file as the library saves it: its bytes kept as text, hashed with its source name
    (two pages with the same words stay two sources)."""
    return ImportedFile(
        path=Path(files.name) / path,
        raw_text=raw_text if raw_text is not None else data.decode("utf-8-sig", errors="replace"),
        sha256=hashlib.sha256(key.encode("utf-8") + b"\0" + data).hexdigest(),
        encoding="utf-8",
        document=document,
        warnings=warnings,
        source_name=key,
        bundle=files.name,
    )


def place_notes(document: ParsedDocument, place: Place) -> None:
    """Folders and page names place notes the document itself does not place."""
    for note in document.notes:
        if note.week is None and place.week is not None:
            note.week = place.week
        if note.lecture is None and place.lecture is not None:
            note.lecture = place.lecture


def attach_images(document: ParsedDocument, files: FileSet, images: list[str]) -> list[ImportWarning]:
    """Fill the attachments the notes name from the bundle's own files."""
    from urllib.parse import quote, unquote

    warnings: list[ImportWarning] = []
    wanted = set(images)
    named = {unquote(a.location or a.name) for note in document.notes for a in note.attachments}
    if document.notes:  # files the page links to (not shows) are kept with its first note
        document.notes[0].attachments += [Attachment(quote(p)) for p in images if p not in named]
    for note in document.notes:
        for attachment in note.attachments:
            target = unquote(attachment.location or attachment.name)
            if target not in wanted or target not in files.entries:
                continue
            try:
                data = files.read(target)
            except ImportFailure as failure:
                warnings.append(ImportWarning(f"image {target!r}: {failure.reason}"))
                continue
            _fill(attachment, target, data)
    return warnings


def _fill(attachment: Attachment, target: str, data: bytes) -> None:
    attachment.data = data
    attachment.sha256 = hashlib.sha256(data).hexdigest()
    attachment.mime_type = mimetypes.guess_type(target)[0] or "application/octet-stream"


def document_file(
    files: FileSet,
    path: str,
    document: ParsedDocument,
    *,
    data: bytes,
    key: str,
    context: ImportContext,
    raw_text: str | None = None,
) -> ImportedFile:
    """A document a bundle built itself (a database's rows), ready to save like a parsed file.

    `data` is everything the document was made from (the CSV and its row pages),
    so a change in any of them counts as a change of the document."""
    from urllib.parse import unquote

    _apply_user_choices(document, context)
    images = [unquote(a.name) for note in document.notes for a in note.attachments]
    warnings = [*document.warnings, *attach_images(document, files, images)]
    return _ready(files, path, document, data=data, key=key, warnings=warnings, raw_text=raw_text)
