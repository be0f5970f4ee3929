"""A folder or a zip (several parts, zips inside zips) read as one set of files, safely.

Nothing is ever extracted to disk: entries are read into memory on demand.
What an archive could do to the machine is refused here, by name: a damaged
or encrypted zip, an entry whose expansion ratio or size is absurd (a zip
bomb), a path that climbs out of the archive (`../`, `/etc/…`, `C:\\…`), a
symlink that leaves the imported folder.  Names are decoded as Notion writes
them (UTF-8) or as older Windows tools do (CP949), then NFC-normalised.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import ImportFailure, nfc

MAX_ENTRY_BYTES = 50 * 2**20  # one page, image or CSV
MAX_NESTED_ZIP_BYTES = 512 * 2**20
MAX_TOTAL_BYTES = 4 * 2**30  # everything an archive claims to hold
MAX_RATIO = 200  # uncompressed / compressed; text compresses 5-20x, a bomb by thousands
RATIO_CHECKED_OVER = 2**20  # small entries cannot do harm whatever their ratio
MAX_ENTRIES = 200_000
MAX_NESTING = 3
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_DRIVE = re.compile(r"^[A-Za-z]:")
_SPANNED_PART = re.compile(r"\.z\d\d$", re.IGNORECASE)


@dataclass
class Entry:
    """One file of the set: its path inside the set and how to read it."""

    path: str  # posix, relative, NFC, never with `..`
    size: int
    read: Callable[[], bytes]


@dataclass
class FileSet:
    """The files of one import, by relative path; what was skipped, and why."""

    name: str  # the folder or zip as the user named it
    entries: dict[str, Entry] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def add(self, entry: Entry) -> None:
        if entry.path in self.entries:
            self.skipped.append(f"{entry.path}: appears twice; the first copy is kept")
            return
        self.entries[entry.path] = entry

    def read(self, path: str) -> bytes:
        """An entry's bytes; ImportFailure naming it when it cannot be read."""
        entry = self.entries[path]
        try:
            return entry.read()
        except ImportFailure:
            raise
        except (OSError, zipfile.BadZipFile, EOFError, RuntimeError, ValueError) as error:
            raise ImportFailure(f"{self.name}: {path}", f"cannot be read ({error})") from None

    def paths(self) -> list[str]:
        return sorted(self.entries)


def safe_relative(name: str) -> str | None:
    """A clean relative posix path, or None when the name escapes (`../`, absolute, a drive)."""
    name = name.replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name):
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts) or not parts:
        return None
    return nfc("/".join(parts))


def read_folder(folder: Path) -> FileSet:
    """Every visible file under `folder`; symlinks leading out of it are left out."""
    files = FileSet(str(folder))
    root = folder.resolve()
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            children = sorted(current.iterdir())
        except OSError as error:
            files.skipped.append(f"{current}: cannot be listed ({error.strerror or error})")
            continue
        for child in children:
            if child.name.startswith("."):
                continue
            if child.is_symlink() and not child.resolve().is_relative_to(root):
                files.skipped.append(
                    f"{child.relative_to(folder).as_posix()}: a link out of the folder; not read"
                )
                continue
            if child.is_dir():
                stack.append(child)
            elif child.is_file():
                relative = nfc(child.relative_to(folder).as_posix())
                size = child.stat().st_size
                if size > MAX_ENTRY_BYTES:
                    files.skipped.append(f"{relative}: {size / 2**20:.0f} MB, over the 50 MB a file may have")
                    continue
                files.add(Entry(relative, size, child.read_bytes))
    return files


def read_zips(paths: Iterable[Path], name: str) -> FileSet:
    """The parts of one export as one set of files; nested zips are opened in place."""
    files = FileSet(name)
    for path in paths:
        if _SPANNED_PART.search(path.name):
            raise ImportFailure(
                str(path),
                "a spanned zip part (.z01 …) cannot be read; join the parts with `zip -s 0 in.zip --out whole.zip`",
            )
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            raise ImportFailure(
                str(path), f"not a readable zip ({_reason(error)}); it may be damaged"
            ) from None
        _add_archive(files, archive, prefix="", where=path.name, depth=0)
    return files


def _add_archive(files: FileSet, archive: zipfile.ZipFile, prefix: str, where: str, depth: int) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ImportFailure(where, f"holds {len(infos):,} entries; more than {MAX_ENTRIES:,} are not read")
    claimed = sum(info.file_size for info in infos)
    if claimed > MAX_TOTAL_BYTES:
        raise ImportFailure(
            where, f"would expand to {claimed / 2**30:.1f} GB; archives over 4 GB are not read (a zip bomb?)"
        )
    encrypted = [info for info in infos if info.flag_bits & _ENCRYPTED_FLAG]
    if encrypted and len(encrypted) == len([i for i in infos if not i.is_dir()]):
        raise ImportFailure(
            where, "the zip is encrypted (password-protected); export it again without a password"
        )
    for info in infos:
        if info.is_dir():
            continue
        name = decoded_name(info)
        relative = safe_relative(name)
        shown = f"{where}: {name}"
        if relative is None:
            files.skipped.append(f"{shown}: the path leads outside the archive; skipped")
            continue
        if info.flag_bits & _ENCRYPTED_FLAG:
            files.skipped.append(f"{shown}: encrypted; skipped")
            continue
        problem = _size_problem(info)
        if problem:
            files.skipped.append(f"{shown}: {problem}; skipped")
            continue
        path = f"{prefix}{relative}"
        if relative.lower().endswith(".zip"):
            _add_nested(files, archive, info, path, shown, depth)
            continue
        if info.file_size > MAX_ENTRY_BYTES:
            files.skipped.append(f"{shown}: {info.file_size / 2**20:.0f} MB, over the 50 MB a file may have")
            continue
        files.add(Entry(path, info.file_size, _reader(archive, info, shown)))


def _add_nested(
    files: FileSet, archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, shown: str, depth: int
) -> None:
    """Notion puts the parts of a large export in an outer zip: read them as if unpacked here."""
    if depth + 1 >= MAX_NESTING:
        files.skipped.append(f"{shown}: zips nested more than {MAX_NESTING} deep are not opened")
        return
    if info.file_size > MAX_NESTED_ZIP_BYTES:
        files.skipped.append(f"{shown}: an inner zip over 512 MB is not opened")
        return
    try:
        inner = zipfile.ZipFile(io.BytesIO(_reader(archive, info, shown)()))
    except (zipfile.BadZipFile, ImportFailure, EOFError, ValueError) as error:
        files.skipped.append(f"{shown}: the inner zip is damaged ({_reason(error)}); skipped")
        return
    folder = posixpath.dirname(path)
    try:
        _add_archive(files, inner, f"{folder}/" if folder else "", shown, depth + 1)
    except ImportFailure as failure:
        files.skipped.append(f"{shown}: {failure.reason}")


def _size_problem(info: zipfile.ZipInfo) -> str:
    if info.file_size > RATIO_CHECKED_OVER and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size / max(info.compress_size, 1)
        return f"expands {ratio:,.0f} times ({info.file_size / 2**20:,.0f} MB); a zip bomb?"
    return ""


def _reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str) -> Callable[[], bytes]:
    def read() -> bytes:
        try:
            with archive.open(info) as stream:
                data = stream.read(info.file_size + 1)
        except (
            zipfile.BadZipFile,
            OSError,
            EOFError,
            RuntimeError,
            ValueError,
            NotImplementedError,
        ) as error:
            raise ImportFailure(shown, f"cannot be read ({_reason(error)}); the zip may be damaged") from None
        if len(data) > info.file_size:  # the header lied about the size
            raise ImportFailure(shown, "holds more than its header says; not read (a zip bomb?)")
        return data

    return read


def decoded_name(info: zipfile.ZipInfo) -> str:
    """The entry's name as its writer meant it: UTF-8 (flagged or not), else CP949."""
    if info.flag_bits & _UTF8_FLAG:
        return nfc(info.filename)
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return nfc(info.filename)
    for encoding in ("utf-8", "cp949"):
        try:
            return nfc(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    return nfc(info.filename)


def _reason(error: BaseException) -> str:
    return str(error) or type(error).__name__


def part_group(path: Path) -> str:
    """`Export-1a2b-Part-2.zip` and `Export-1a2b-Part-1.zip` are one export: their shared stem."""
    stem = path.stem
    return re.sub(r"(?i)[-_ ]*(?:part[-_ ]?\d+|\(\d+\))$", "", stem) or stem
