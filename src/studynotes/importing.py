"""Importing many files as one operation, shared by the command line and the window.

Files are parsed first (no database), then saved in one transaction: a
cancelled or failed save leaves the library exactly as it was.  A file that
cannot be read is reported and skipped; the others still import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .importers import ImportedFile, collect_files, import_file
from .importers.bundles import open_bundle, parse_bundle, split_paths
from .importers.notion_columns import Field
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
    *,
    columns: dict[str, Field] | None = None,
    notebook: str | None = None,
) -> tuple[list[ImportedFile], list[ImportFailure]]:
    """Parse files, folders, and whole exports or repositories (`columns` corrects the
    fields Notion database columns were recognised as)."""
    bundles, others = split_paths(paths)
    parsed, errors = parse_bundles(bundles, context, format_name, progress, cancelled, columns, notebook)
    files, file_errors = collect_files(others)
    errors += file_errors
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
    columns: dict[str, Field] | None = None,
) -> ImportReport:
    context = context or ImportContext()
    notebook_id = library.notebook_id(notebook) if notebook else None
    if notebook_id is not None:  # the notebook's instructors and merged names, while reading the chats
        context = library.chat_people(notebook_id).context(context)
    parsed, errors = parse_paths(
        paths, context, format_name, progress, cancelled, columns=columns, notebook=notebook
    )
    results = save_parsed(library, parsed, notebook, progress, cancelled)
    return ImportReport(by_bundle(parsed, results), errors)


def parse_bundles(
    bundles: list[list[Path]],
    context: ImportContext,
    format_name: str | None,
    progress: Progress | None,
    cancelled: Callable[[], bool],
    columns: dict[str, Field] | None,
    notebook: str | None,
) -> tuple[list[ImportedFile], list[ImportFailure]]:
    parsed: list[ImportedFile] = []
    errors: list[ImportFailure] = []
    for parts in bundles:
        try:
            bundle = open_bundle(parts, columns or {}, notebook)
        except ImportFailure as failure:
            errors.append(failure)
            continue
        got, failed = parse_bundle(bundle, context, format_name, progress, cancelled)
        parsed += got
        errors += failed
    return parsed, errors


def by_bundle(parsed: Sequence[ImportedFile], results: list[ImportResult]) -> list[ImportResult]:
    """The pages of one export or repository reported as one result, named by the bundle."""
    merged: list[ImportResult] = []
    groups: dict[str, int] = {}
    for imported, result in zip(parsed, results, strict=True):
        if not imported.bundle:
            merged.append(result)
            continue
        at = groups.get(imported.bundle)
        if at is None:
            groups[imported.bundle] = len(merged)
            kind = "notion" if imported.source_name.startswith("notion/") else "repository"
            merged.append(replace(result, path=imported.bundle, format=kind))
            continue
        total = merged[at]
        merged[at] = replace(
            total,
            notes=total.notes + result.notes,
            questions=total.questions + result.questions,
            warnings=total.warnings + result.warnings,
            unchanged=total.unchanged and result.unchanged,
            updated=total.updated or result.updated,
            kept_user_changes=total.kept_user_changes + result.kept_user_changes,
            note_ids=total.note_ids + result.note_ids,
        )
    return merged
