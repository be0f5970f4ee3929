"""A long note's cells, read a run at a time as the preview comes to them.

A 20 MB chat day is 100,000 cells and 63,000 questions: reading them all into a Note took
seconds and hundreds of MB before its first screen could be rendered, though that screen shows
40 cells.  `CellPages` is the cells list of such a note: its length comes from one count, and
indexing or iterating reads runs of cells (with their questions) through a connection of its
own, in whatever thread renders them (the preview's worker), keeping only the last few runs.
"""

from __future__ import annotations

import os
import sqlite3
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, overload

from ..model import Cell, Question

RUN_CELLS = 200  # cells read at a time
KEPT_RUNS = 4  # runs kept: the page is rendered in order, so older runs are not asked for again


NOTE_QUESTION_COLUMNS = """cell_id, text, answer, status, asker, raw_sender, asked_at, media_time, slide_page,
    lecture_ref, answered_by, private, id, resolved_at, edited_by_user"""


def note_question(r: tuple[Any, ...]) -> Question:
    """A row of NOTE_QUESTION_COLUMNS (after its cell id) as the note's Question."""
    return Question(
        text=r[1],
        answer=r[2],
        status=r[3],
        asker=r[4],
        raw_sender=r[5],
        asked_at=r[6],
        media_time=r[7],
        slide_page=r[8],
        lecture_ref=r[9],
        answered_by=r[10],
        private=bool(r[11]),
        id=r[12],
        resolved_at=r[13],
        edited_by_user=bool(r[14]),
    )


class CellPages(Sequence[Cell]):
    """The cells of one note in order, read on demand."""

    def __init__(self, path: Path, note_id: int, count: int) -> None:
        self._path = path
        self._note_id = note_id
        self._count = count
        self._conn: sqlite3.Connection | None = None
        self._runs: OrderedDict[int, list[Cell]] = OrderedDict()
        self._ends: dict[int, tuple[int, int]] = {}  # run -> (position, id) of its last cell

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Cell: ...

    @overload
    def __getitem__(self, index: slice) -> list[Cell]: ...

    def __getitem__(self, index: int | slice) -> Cell | list[Cell]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        run, at = divmod(index, RUN_CELLS)
        cells = self._runs.get(run)
        if cells is None:
            cells = self._read(run)
        else:
            self._runs.move_to_end(run)
        return cells[at]

    def __iter__(self) -> Iterator[Cell]:
        for index in range(self._count):
            yield self[index]

    def _read(self, run: int) -> list[Cell]:
        if self._conn is None:
            # Opened where the cells are first wanted (the preview's worker); read-only, so it
            # never waits for a write, and sees the note as last committed.
            uri = f"{self._path.resolve().as_uri()}?mode=ro"
            if not os.access(self._path.parent, os.W_OK):
                uri += "&immutable=1"  # as the library's own read-only connection: no -shm can be made
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        after = self._ends.get(run - 1)
        if after is not None:  # go on from the run before: a deep OFFSET walks every cell before it
            rows = self._conn.execute(
                """SELECT id, kind, markdown, position FROM cells WHERE note_id = ? AND (position, id) > (?, ?)
                   ORDER BY position, id LIMIT ?""",
                (self._note_id, *after, RUN_CELLS),
            ).fetchall()
        else:
            rows = self._conn.execute(
                "SELECT id, kind, markdown, position FROM cells WHERE note_id = ? ORDER BY position, id LIMIT ? OFFSET ?",
                (self._note_id, RUN_CELLS, run * RUN_CELLS),
            ).fetchall()
        if len(rows) < min(RUN_CELLS, self._count - run * RUN_CELLS):
            raise LookupError(f"note {self._note_id} changed while it was shown")
        questions = self._questions([row[0] for row in rows])
        cells = [
            Cell(kind=kind, markdown=markdown, question=questions.get(cell_id), id=cell_id)
            for cell_id, kind, markdown, _ in rows
        ]
        self._ends[run] = (rows[-1][3], rows[-1][0])
        self._runs[run] = cells
        while len(self._runs) > KEPT_RUNS:
            self._runs.popitem(last=False)
        return cells

    def _questions(self, cell_ids: list[int]) -> dict[int, Question]:
        assert self._conn is not None
        marks = ", ".join("?" * len(cell_ids))
        rows = self._conn.execute(
            f"SELECT {NOTE_QUESTION_COLUMNS} FROM questions WHERE cell_id IN ({marks})", cell_ids
        )
        return {row[0]: note_question(row) for row in rows}

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
