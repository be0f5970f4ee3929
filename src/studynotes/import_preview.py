"""The tree an export or a repository will become, shown before anything is saved.

The bundle is parsed and saved into a scratch library in a temporary folder,
which places notes exactly as the real import will (weeks from dates, sessions
from the schedule, the notebook's start); the user's library is not touched.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .importers.notion_columns import Field
from .importing import Progress, parse_bundles, save_parsed
from .library import Library
from .library.views import Counts
from .model import ImportContext, ImportFailure
from .wording import lecture_label, translate, week_label


@dataclass
class TreeRow:
    """One line of the previewed tree: notebook, week, lecture or note, with its question counts."""

    label: str
    open: int = 0
    questions: int = 0
    children: list[TreeRow] = field(default_factory=list)

    def text(self) -> str:
        counts = (
            translate("Tree", "{open} open / {total}").format(open=self.open, total=self.questions)
            if self.questions
            else translate("Overview", "no questions")
        )
        return f"{self.label}  ({counts})"


@dataclass
class Preview:
    tree: list[TreeRow]
    errors: list[ImportFailure]
    warnings: int


def preview_bundle(
    paths: Sequence[Path],
    *,
    columns: dict[str, Field],
    context: ImportContext,
    notebook: str | None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Preview:
    parsed, errors = parse_bundles([list(paths)], context, None, progress, cancelled, columns, notebook)
    with tempfile.TemporaryDirectory(prefix="studynotes-preview-") as folder:
        library = Library.open(Path(folder) / "preview.sqlite3")
        try:
            save_parsed(library, parsed, notebook, None, cancelled)
            return Preview(tree_rows(library), errors, sum(len(f.warnings) for f in parsed))
        finally:
            library.close()


def tree_rows(library: Library) -> list[TreeRow]:
    rows = []
    for notebook in library.notebooks():
        top = _row(notebook.title, notebook.counts)
        for week in library.weeks(notebook.id):
            branch = _row(week_label(week.number, week.first_day, week.label), week.counts)
            branch.children += [
                _row(n.title, n.counts) for n in library.notes(week_id=week.id, direct_only=True)
            ]
            branch.children += _lectures(library, notebook.id, week.id)
            top.children.append(branch)
        unsorted = [
            _row(n.title, n.counts)
            for n in library.notes(notebook_id=notebook.id, unsorted=True, direct_only=True)
        ]
        unsorted += _lectures(library, notebook.id, None)
        if unsorted:
            top.children.append(TreeRow(translate("Tree", "Unsorted"), children=unsorted))
        rows.append(top)
    return rows


def _lectures(library: Library, notebook_id: int, week_id: int | None) -> list[TreeRow]:
    found = []
    for lecture in library.lectures(notebook_id, week_id):
        row = _row(lecture_label(lecture.number, lecture.title), lecture.counts)
        row.children = [_row(n.title, n.counts) for n in library.notes(lecture_id=lecture.id)]
        found.append(row)
    return found


def _row(label: str, counts: Counts) -> TreeRow:
    return TreeRow(label, counts.open, counts.questions)
