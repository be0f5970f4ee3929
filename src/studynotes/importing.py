"""Importing many files as one operation, shared by the command line and the import dialog.

`detect(paths)` expands folders, reads and decodes each file once, recognises its format and
parses it, so a plan can show each file's format, notebook and weeks before anything is saved.
`import_plan(library, plan)` saves the plan's files in one transaction, parsing a file again only
when the user chose another format or week for it (from the text already read, never the disk):
a cancelled or failed save leaves the library exactly as it was.  A file that cannot be read is
reported and skipped; the others still import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .importers import ImportedFile, collect_files, common_source_keys, parse_file, read_source
from .importers.bundles import open_bundle, parse_bundle, split_paths
from .importers.notion_columns import Field
from .importers.parts.reading import ReadFile
from .library import ImportResult, Library
from .model import ImportContext, ImportFailure
from .parse_ahead import Ahead, ParseAhead, worker_count

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


def _name_sources_chosen_one_by_one(parsed: Sequence[ImportedFile]) -> None:
    """Files that share a name are named by their path below their common folder (`week1/notes.md`)."""
    loose = [f for f in parsed if not f.source_name and not f.folder_path]
    if len({f.path.name for f in loose}) == len(loose):
        return  # no two share a name: the bare name is their path below any folder they share
    keys = common_source_keys(f.path for f in loose)
    for imported in loose:
        imported.folder_path = keys[imported.path]


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
    """Read, parse and save file by file in one transaction (the command line, the samples, scripts).

    Memory holds one file at a time, whatever the number of files: a million questions import
    in flat memory, and a failure or cancel still leaves the library as it was.  A file whose
    bytes the notebook already holds is skipped before it is parsed.
    `columns` corrects the fields Notion database columns were recognised as."""
    context = with_people(library, notebook, context or ImportContext())
    bundles, others = split_paths(paths)
    files, errors = collect_files(others)
    files = list(dict.fromkeys(files))
    report = ImportReport(errors=list(errors))
    keys = _loose_source_keys(files)
    with library.batch():
        ready, bundle_errors = parse_bundles(
            bundles, context, format_name, progress, cancelled, columns or {}, notebook
        )
        report.files = by_bundle(ready, save_parsed(library, ready, notebook, cancelled=cancelled))
        del ready
        workers = worker_count(_sizes(files)) if files else 0
        loose = [(path, keys.get(path, "")) for path in files]

        def looks_unchanged(path: Path, sha256: str) -> bool:
            return library.unchanged_file(path, sha256, notebook) is not None

        with ParseAhead(loose, context, format_name, looks_unchanged, workers) as ahead:
            for index, item in enumerate(ahead):
                if cancelled():
                    raise Cancelled
                if progress:
                    progress(index, len(files), f"Importing {item.path.name} ({index + 1} of {len(files)})")
                result = _save_one(library, item, notebook, ahead)
                if isinstance(result, ImportFailure):
                    report.errors.append(result)
                else:
                    report.files.append(result)
    report.errors += bundle_errors
    if progress:
        progress(len(files), len(files), "Done")
    return report


def _loose_source_keys(files: Sequence[Path]) -> dict[Path, str]:
    """Files that share a name are named by their path below their common folder (`week1/notes.md`)."""
    if len({f.name for f in files}) == len(files):
        return {}
    return common_source_keys(files)


def _sizes(files: Sequence[Path]) -> Iterator[int]:
    for path in files:
        try:
            yield path.stat().st_size
        except OSError:
            yield 0


def _save_one(
    library: Library, item: Ahead, notebook: str | None, ahead: ParseAhead
) -> ImportResult | ImportFailure:
    """One file, checked against what the notebook holds by its hash (as the files saved before it
    left the notebook), parsed (by a worker, or here) and saved."""
    if isinstance(item.raw, ImportFailure):
        return item.raw
    known = library.unchanged_file(item.path, item.raw.sha256, notebook)
    if known is not None:
        item.drop()
        return known
    parsed = item.parsed(ahead.context, ahead.format_name)
    if isinstance(parsed, ImportFailure):
        return parsed
    return library.save_import(parsed, notebook=notebook)


def with_people(library: Library, notebook: str | None, context: ImportContext) -> ImportContext:
    """The notebook's instructors and merged names added to the context, for reading its chats."""
    notebook_id = library.notebook_id(notebook) if notebook else None
    return library.chat_people(notebook_id).context(context) if notebook_id is not None else context


@dataclass
class PlannedFile:
    """One file of a plan: what it was recognised as, or why it cannot be imported."""

    path: Path
    read: ReadFile | None = None
    parsed: ImportedFile | None = None
    problem: str | None = None
    format: str | None = None  # what it will be read as: the recognised format unless the user chose another

    @property
    def detected(self) -> str | None:
        return self.parsed.format if self.parsed is not None else None

    @property
    def notebook(self) -> str | None:
        """The notebook the document names, else its folder's name (the import's default)."""
        if self.parsed is None:
            return None
        return self.parsed.document.notebook_title or self.path.parent.name or None

    @property
    def weeks(self) -> list[int]:
        """The weeks its notes state (before the notebook's schedule places the others)."""
        if self.parsed is None:
            return []
        return sorted({n.week for n in self.parsed.document.notes if n.week is not None})


@dataclass
class ImportPlan:
    files: list[PlannedFile] = field(default_factory=list)
    context: ImportContext = field(default_factory=ImportContext)
    # Whole Notion exports and repositories (each a list of parts), read page by page at import,
    # and the fields their database columns are read as where the user corrected them.
    bundles: list[list[Path]] = field(default_factory=list)
    columns: dict[str, Field] = field(default_factory=dict)
    format_name: str | None = None  # the format every file is read as, when the user named one

    @property
    def readable(self) -> list[PlannedFile]:
        return [f for f in self.files if f.parsed is not None]


def detect_file(
    path: Path, context: ImportContext | None = None, format_name: str | None = None
) -> PlannedFile:
    """A file read, recognised and parsed; never raises (a problem is the file's message)."""
    planned = PlannedFile(path)
    try:
        planned.read = read_source(path)
        planned.parsed = parse_file(planned.read, context, format_name)
        planned.format = planned.parsed.format
    except ImportFailure as failure:
        planned.problem = failure.reason
    except Exception as error:  # noqa: BLE001 (a scorer or parser bug shows on its row, not as a traceback)
        planned.problem = f"its format could not be recognised ({error})"
    return planned


def detect(
    paths: Sequence[Path],
    context: ImportContext | None = None,
    format_name: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportPlan:
    """Every file under `paths`, each read once and recognised (as `format_name` when given)."""
    context = context or ImportContext()
    bundles, others = split_paths(paths)
    files, errors = collect_files(others)
    plan = ImportPlan([PlannedFile(Path(e.path), problem=e.reason) for e in errors], context, bundles)
    plan.format_name = format_name
    for index, path in enumerate(dict.fromkeys(files)):
        if cancelled():
            raise Cancelled
        if progress:
            progress(index, len(files), path.name)
        plan.files.append(detect_file(path, context, format_name))
    return plan


def import_plan(
    library: Library,
    plan: ImportPlan,
    *,
    notebook: str | None = None,
    context: ImportContext | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Save the plan's readable files in one transaction; a cancel or a failure saves nothing.

    `context`: the user's week, lecture and date when they differ from the plan's.
    """
    context = with_people(library, notebook, context or plan.context)
    ready, errors = parse_bundles(
        plan.bundles, context, plan.format_name, progress, cancelled, plan.columns, notebook
    )
    report = ImportReport(errors=[ImportFailure(str(f.path), f.problem) for f in plan.files if f.problem])
    report.errors += errors
    readable = plan.readable
    total = len(readable) * 2
    for index, planned in enumerate(readable):
        if cancelled():
            raise Cancelled
        if progress:
            progress(index, total, f"Reading {planned.path.name} ({index + 1} of {len(readable)})")
        try:
            ready.append(_parsed_as_chosen(planned, context, plan.context))
        except ImportFailure as failure:
            report.errors.append(failure)

    def saving(done: int, count: int, name: str) -> None:
        if progress:
            progress(len(readable) + done, total, f"Saving {name} ({done + 1} of {count})")

    report.files = by_bundle(ready, save_parsed(library, ready, notebook, saving, cancelled))
    if progress:
        progress(total, total, "Done")
    return report


def _parsed_as_chosen(
    planned: PlannedFile, context: ImportContext, detected_with: ImportContext
) -> ImportedFile:
    """The file as parsed at detection, or parsed again from its text for another format or context."""
    assert planned.parsed is not None and planned.read is not None
    if planned.format in (None, planned.parsed.format) and context == detected_with:
        return planned.parsed
    return parse_file(planned.read, context, planned.format)


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
