"""Importers: find the files, read them, recognise the format, parse.

Every module in this package that defines `IMPORTER` is a format; nothing
else lists them, so a new module cannot be forgotten.  `import_file` is the
one entry point: it returns pure data and never touches the library.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import heapq
import importlib
import logging
import os
import pkgutil
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import ImportContext, ImportFailure, ImportWarning, ParsedDocument
from .base import Importer
from .parts.attachments import load_attachments
from .parts.reading import DecodedText, ReadFile, read_file
from .slack_bundle import bundle_text, is_export_folder, is_export_zip

if TYPE_CHECKING:
    from ..library.save_hints import SaveHints

log = logging.getLogger(__name__)

IMPORTABLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text", ".mdown", ""})
FALLBACK_FORMAT = "markdown"
_INFRASTRUCTURE = frozenset({"base", "parts", "slack_bundle"})
_ZOOM_FOLDER = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ _]\d{2}\.\d{2}\.\d{2}")


@cache
def registry() -> dict[str, Importer]:
    """All importers by name, found by scanning this package."""
    found: dict[str, Importer] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name in _INFRASTRUCTURE:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        importer = getattr(module, "IMPORTER", None)
        if isinstance(importer, Importer):
            found[importer.name] = importer
    return found


def format_names() -> list[str]:
    return sorted(registry())


def sniff(text: str) -> Importer:
    """The importer whose score is highest (the first in the registry's order on a tie);
    plain Markdown when nothing fits better.

    A scorer runs only while it could still win: formats are tried from the highest score
    they could give (their `ceiling`, then their `bound` for this text, a mark looked for in
    C), so once a chat has said it is one, the formats that could not beat it are not read,
    and a format whose marks the text lacks is not scored at all.  The highest score and
    the tie's winner are the same whatever the order the scorers run in."""
    importers = registry()
    fallback = best = importers[FALLBACK_FORMAT]
    best_score = 0.1
    order = _ranks()
    # (minus the highest score it could give, its place in the registry, whether the text's bound is in)
    waiting = [
        (-i.ceiling, order[i.name], i.bound is None, i) for i in importers.values() if i is not fallback
    ]
    heapq.heapify(waiting)
    while waiting:
        most, rank, bounded, importer = heapq.heappop(waiting)
        if _cannot_win(importer, -most, best, best_score, order, fallback):
            continue
        if not bounded:
            heapq.heappush(waiting, (-_bound(importer, text), rank, True, importer))
            continue
        try:
            score = importer.score(text)
        except Exception:  # a scorer bug must not stop an import
            log.exception("scoring %s failed", importer.name)
            continue
        if score > best_score or (
            score == best_score and best is not fallback and order[importer.name] < order[best.name]
        ):
            best, best_score = importer, score
    return best


@cache
def _ranks() -> dict[str, int]:
    """Each importer's place in the registry, which breaks a tie."""
    return {name: index for index, name in enumerate(registry())}


def _bound(importer: Importer, text: str) -> float:
    """The highest score the importer could give this text (its ceiling when its bound fails)."""
    assert importer.bound is not None
    try:
        return min(importer.ceiling, importer.bound(text))
    except Exception:  # the scorer itself then decides
        log.exception("bounding %s failed", importer.name)
        return importer.ceiling


def _cannot_win(
    importer: Importer,
    most: float,
    best: Importer,
    best_score: float,
    order: dict[str, int],
    fallback: Importer,
) -> bool:
    """Its highest score is below the best so far, or equal to it and a tie goes to the best."""
    if most != best_score:
        return most < best_score
    return best is fallback or order[importer.name] > order[best.name]


@dataclass
class ImportedFile:
    """A parsed file, ready for the library to save in one transaction."""

    path: Path
    raw_text: str
    sha256: str
    encoding: str
    document: ParsedDocument
    warnings: list[ImportWarning] = field(default_factory=list)
    # Inside a Notion export or a repository: the name that finds this page again in a
    # later import (its Notion id or its path), and the zip or folder it came from.
    source_name: str = ""
    bundle: str = ""
    # A plain file's path below the folder it was imported from (`week1/notes.md`).
    folder_path: str = ""
    # What saving works out from the file's words alone, worked out by the process that parsed it.
    hints: SaveHints | None = None

    @property
    def source_key(self) -> str:
        """What names its source in the library: never the bare name of a file inside a folder."""
        return self.source_name or self.folder_path or self.path.name

    @property
    def format(self) -> str:
        return self.document.format

    @cached_property
    def resolved_path(self) -> str:
        """Where the file is on disk (asked of the file system once: saving looks it up and stores it)."""
        return str(self.path.resolve())


def import_file(
    path: Path, context: ImportContext | None = None, format_name: str | None = None
) -> ImportedFile:
    """Read, decode, recognise and parse one file; raise ImportFailure with a reason."""
    return parse_file(read_source(path), context, format_name)


def read_source(path: Path) -> ReadFile:
    """A file read once (`read_file`), or a Slack export folder or zip read as one document."""
    if bundle_format(path):
        text = bundle_text(path)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return ReadFile(path, digest, DecodedText(text, "utf-8"), format_hint="slack")
    return read_file(path)


def parse_file(
    read: ReadFile, context: ImportContext | None = None, format_name: str | None = None
) -> ImportedFile:
    """Recognise and parse a file already read (`read_file`); raise ImportFailure with a reason."""
    path, decoded, display = read.path, read.decoded, str(read.path)
    context = _complete_context(context or ImportContext(), path)
    importer = _choose(decoded.text, format_name or read.format_hint, display)
    try:
        with _long_lived_objects(len(decoded.text)):
            document = importer.parse(decoded.text, context)
    except ImportFailure:
        raise
    except Exception as error:  # an importer bug must reach the user as one line
        log.exception("parsing %s as %s failed", display, importer.name)
        raise ImportFailure(display, f"could not be read as {importer.name}: {error}") from None
    _apply_user_choices(document, context)
    warnings = list(decoded.warnings) + list(document.warnings)
    warnings += load_attachments(document, path.parent)
    return ImportedFile(
        path=path,
        raw_text=decoded.text,
        sha256=read.sha256,
        encoding=decoded.encoding,
        document=document,
        warnings=warnings,
    )


def _apply_user_choices(document: ParsedDocument, context: ImportContext) -> None:
    """What the user chose in the import dialog or on the command line wins."""
    for note in document.notes:
        if context.week is not None:
            note.week = context.week
        if context.lecture is not None:
            note.lecture = context.lecture
        if context.date is not None and note.date is None:
            note.date = context.date


def collect_files(
    paths: Iterable[Path], skipped: list[ImportFailure] | None = None
) -> tuple[list[Path], list[ImportFailure]]:
    """Expand folders (recursively) into importable files; report what cannot be.

    `skipped`, when given, receives what a folder held that is not imported, and why."""
    found, errors = collect_sources(paths, skipped)
    return list(found), errors


def collect_sources(
    paths: Iterable[Path], skipped: list[ImportFailure] | None = None
) -> tuple[dict[Path, str], list[ImportFailure]]:
    """Each importable file with its source key: its path below the folder given (`week1/notes.md`)."""
    files: dict[Path, str] = {}
    errors: list[ImportFailure] = []
    for path in paths:
        if path.is_dir() and is_export_folder(path):
            files.setdefault(path, path.name)
        elif path.is_dir():
            found = sorted(_walk(path, skipped))
            if not found:
                errors.append(ImportFailure(str(path), "the folder holds no Markdown or text files"))
            for file in found:
                files.setdefault(file, file.relative_to(path).as_posix())
        elif path.exists():
            files.setdefault(path, path.name)
        else:
            errors.append(ImportFailure(str(path), "no such file or folder"))
    return files, errors


def common_source_keys(paths: Iterable[Path]) -> dict[Path, str]:
    """Source keys for a list of files chosen one by one: paths below their common folder."""
    chosen = list(paths)
    if not chosen:
        return {}
    try:
        root = Path(os.path.commonpath([p.resolve().parent for p in chosen]))
    except ValueError:  # different drives
        return {p: p.name for p in chosen}
    return {p: p.resolve().relative_to(root).as_posix() for p in chosen}


def _walk(folder: Path, skipped: list[ImportFailure] | None = None) -> Iterator[Path]:
    def skip(child: Path, reason: str) -> None:
        if skipped is not None:
            skipped.append(ImportFailure(str(child), reason))

    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            skip(child, "hidden, skipped")
            continue
        if child.is_symlink() and not _inside(child.resolve(), folder.resolve()):
            skip(child, "a link to outside the folder, not read")
            continue
        if child.is_dir():
            if is_export_folder(child):
                yield child
            else:
                yield from _walk(child, skipped)
        elif (
            (child.suffix.lower() in IMPORTABLE_SUFFIXES and child.is_file())
            or is_export_zip(child)
            or _is_chat_data(child)
        ):
            yield child
        else:
            skip(child, f"not a note or chat export ({child.suffix or 'no extension'}), skipped")


_CHAT_DATA_SUFFIXES = frozenset({".json", ".csv"})
_CHAT_FORMATS = ("kakaotalk", "discord", "slack")


def _is_chat_data(path: Path) -> bool:
    """A `.json` or `.csv` in a folder is imported only when it is a chat export (not a Notion table)."""
    if path.suffix.lower() not in _CHAT_DATA_SUFFIXES or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(8192).decode("utf-8", errors="ignore")
    except OSError:
        return False
    importers = registry()
    return any(importers[name].score(head) >= 0.9 for name in _CHAT_FORMATS if name in importers)


def bundle_format(path: Path) -> str | None:
    """`slack` for an export folder or zip (read as one document); None for an ordinary file."""
    return "slack" if path.is_dir() or is_export_zip(path) else None


_BIG_TEXT = 1_000_000  # characters


@contextmanager
def _long_lived_objects(size: int) -> Iterator[None]:
    """Parsing a big file makes hundreds of thousands of objects (lines, blocks, cells) that all
    live until it ends; the cyclic collector walked them over and over (15% of parsing a 20 MB
    note, more as files grow).  It is paused while a big file is parsed and collects afterwards."""
    if size < _BIG_TEXT or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _choose(text: str, format_name: str | None, display: str) -> Importer:
    if format_name is None:
        return sniff(text)
    try:
        return registry()[format_name]
    except KeyError:
        raise ImportFailure(
            display, f"unknown format {format_name!r}; choose one of {', '.join(format_names())}"
        ) from None


def _complete_context(context: ImportContext, path: Path) -> ImportContext:
    """Fill the file and folder names; Zoom names its folders by the meeting's date."""
    folder = path.parent.name
    date = context.date
    if date is None:
        match = _ZOOM_FOLDER.match(folder)
        if match:
            try:
                date = dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                date = None
    return replace(context, file_name=context.file_name or path.name, folder_name=folder, date=date)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True
