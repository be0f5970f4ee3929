"""Importing many files as one operation, shared by the command line and the window.

Files are parsed first (no database), then saved in one transaction: a
cancelled or failed save leaves the library exactly as it was.  A file that
cannot be read is reported and skipped; the others still import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .importers import ImportedFile, collect_sources, common_source_keys, import_file
from .library import ImportResult, Library
from .model import ImportContext, ImportFailure

Progress = Callable[[int, int, str], None]  # done, total, current file name


class Cancelled(Exception):
    """The user stopped the import; nothing was saved."""


@dataclass
class ImportReport:
    files: list[ImportResult] = field(default_factory=list)
    errors: list[ImportFailure] = field(default_factory=list)

    @property
    def notes(self) -> int:
        return sum(f.notes for f in self.files)

    @property
    def questions(self) -> int:
        return sum(f.questions for f in self.files)

    @property
    def warnings(self) -> int:
        return sum(len(f.warnings) for f in self.files)


def parse_paths(
    paths: Sequence[Path],
    context: ImportContext,
    format_name: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[list[ImportedFile], list[ImportFailure]]:
    files, errors = collect_sources(paths)
    parsed: list[ImportedFile] = []
    for index, (path, key) in enumerate(files.items()):
        if cancelled():
            raise Cancelled
        if progress:
            progress(index, len(files), path.name)
        try:
            imported = import_file(path, context, format_name)
        except ImportFailure as failure:
            errors.append(failure)
            continue
        imported.source_key = key
        parsed.append(imported)
    return parsed, errors


def save_parsed(
    library: Library,
    parsed: Sequence[ImportedFile],
    notebook: str | None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[ImportResult]:
    results: list[ImportResult] = []
    _name_sources_chosen_one_by_one(parsed)
    with library.batch():
        for index, imported in enumerate(parsed):
            if cancelled():
                raise Cancelled
            if progress:
                progress(index, len(parsed), imported.path.name)
            results.append(library.save_import(imported, notebook=notebook))
    return results


def _name_sources_chosen_one_by_one(parsed: Sequence[ImportedFile]) -> None:
    """Files listed without their folder (the import dialog) are named below their common folder."""
    loose = [f for f in parsed if f.source_key == f.path.name]
    if len({f.path.name for f in loose}) == len(loose):
        return  # no two share a name: the bare name is their path below any folder they share
    keys = common_source_keys(f.path for f in loose)
    for imported in loose:
        imported.source_key = keys[imported.path]


def import_paths(
    library: Library,
    paths: Sequence[Path],
    *,
    notebook: str | None = None,
    context: ImportContext | None = None,
    format_name: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    context = context or ImportContext()
    notebook_id = library.notebook_id(notebook) if notebook else None
    if notebook_id is not None:  # the notebook's instructors and merged names, while reading the chats
        context = library.chat_people(notebook_id).context(context)
    parsed, errors = parse_paths(paths, context, format_name, progress, cancelled)
    results = save_parsed(library, parsed, notebook, progress, cancelled)
    return ImportReport(results, errors)
