"""A Slack export folder or zip → one JSON text, so the Slack importer stays text in, data out.

A workspace export is a folder (or its zip) of `users.json`, `channels.json` and
one folder per channel of `YYYY-MM-DD.json` day files; a channel's folder on its
own is an export too.  The files are gathered into one document
(`{"slack_export": 1, "users": …, "channels": …, "days": […]}`), which is also
what the library keeps as the source's text.  Zips are read with limits: no
file outside the archive, nothing over the importer's size limit.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path, PurePosixPath

from ..model import ImportFailure
from .parts.reading import MAX_FILE_BYTES

DAY_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}\.json$")
_META = ("users.json", "channels.json", "groups.json", "dms.json", "mpims.json")


def is_export_folder(folder: Path) -> bool:
    """A workspace export (users.json or channels.json beside channel folders) or one channel's folder."""
    try:
        names = {child.name for child in folder.iterdir()}
    except OSError:
        return False
    if "channels.json" in names or "users.json" in names:
        return any((folder / name).is_dir() for name in names)
    return any(DAY_FILE.match(name) for name in names)


def is_export_zip(path: Path) -> bool:
    if path.suffix.lower() != ".zip" or not zipfile.is_zipfile(path):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False
    return any(
        PurePosixPath(n).name in ("channels.json", "users.json") or DAY_FILE.match(PurePosixPath(n).name)
        for n in names
    )


def bundle_text(path: Path) -> str:
    """The export at `path` (folder or zip) as one JSON document; ImportFailure when unreadable."""
    files = _zip_files(path) if path.is_file() else _folder_files(path)
    users: list[object] = []
    channels: list[object] = []
    days: list[dict[str, object]] = []
    problems: list[str] = []
    for name, data in sorted(files.items()):
        parts = PurePosixPath(name).parts
        try:
            value = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(f"{name}: {error}")
            continue
        if parts[-1] == "users.json" and isinstance(value, list):
            users.extend(value)
        elif parts[-1] in _META[1:] and isinstance(value, list):
            channels.extend(value)
        elif DAY_FILE.match(parts[-1]) and isinstance(value, list):
            channel = parts[-2] if len(parts) > 1 else path.stem
            days.append({"channel": channel, "file": name, "messages": value})
    if not days:
        raise ImportFailure(str(path), "no Slack day files (channel/YYYY-MM-DD.json) in this export")
    bundle = {"slack_export": 1, "users": users, "channels": channels, "days": days, "unreadable": problems}
    return json.dumps(bundle, ensure_ascii=False, indent=0)


def _folder_files(folder: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    total = 0
    single_channel = not ((folder / "channels.json").exists() or (folder / "users.json").exists())
    candidates = sorted(folder.glob("*.json")) + ([] if single_channel else sorted(folder.glob("*/*.json")))
    for file in candidates:
        if file.is_symlink() or not file.is_file():
            continue
        relative = file.relative_to(folder).as_posix()
        if single_channel:
            relative = f"{folder.name}/{relative}"
        if not (file.name in _META or DAY_FILE.match(file.name)):
            continue
        total += file.stat().st_size
        if total > MAX_FILE_BYTES:
            raise ImportFailure(str(folder), f"the export is over {MAX_FILE_BYTES // 2**20} MB; not imported")
        files[relative] = file.read_bytes()
    if single_channel:  # a channel's folder taken out of its workspace export: names from beside it
        for name in ("users.json", "channels.json"):
            beside = folder.parent / name
            if beside.is_file() and not beside.is_symlink() and beside.stat().st_size < MAX_FILE_BYTES // 4:
                files[name] = beside.read_bytes()
    return files


def _zip_files(path: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                name = PurePosixPath(info.filename)
                if info.is_dir() or ".." in name.parts or name.is_absolute():
                    continue
                if not (name.name in _META or DAY_FILE.match(name.name)):
                    continue
                total += info.file_size
                if total > MAX_FILE_BYTES:
                    raise ImportFailure(
                        str(path), f"the export is over {MAX_FILE_BYTES // 2**20} MB unpacked; not imported"
                    )
                files[str(name)] = archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ImportFailure(str(path), f"the zip cannot be read ({error})") from None
    return files
