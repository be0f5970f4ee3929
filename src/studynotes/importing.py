"""Importing many files as one operation, shared by the command line and the window.

Files are parsed first (no database), then saved in one transaction: a
cancelled or failed save leaves the library exactly as it was.  A file that
cannot be read is reported and skipped; the others still import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .importers import ImportedFile, collect_files, import_file
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
    files, errors = collect_files(paths)
    parsed: list[ImportedFile] = []
    for index, path in enumerate(files):
        if cancelled():
            raise Cancelled
        if progress:
            progress(index, len(files), path.name)
        try:
            parsed.append(import_file(path, context, format_name))
        except ImportFailure as failure:
            errors.append(failure)
    return parsed, errors


def save_parsed(
    library: Library,
    parsed: Sequence[ImportedFile],
    notebook: str | None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[ImportResult]:
    results: list[ImportResult] = []
    with library.batch():
        for index, imported in enumerate(parsed):
            if cancelled():
                raise Cancelled
            if progress:
                progress(index, len(parsed), imported.path.name)
            results.append(library.save_import(imported, notebook=notebook))
    return results


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
