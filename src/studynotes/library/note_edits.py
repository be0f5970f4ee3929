"""Operations on notes and notebooks: add, rename, move, and a notebook's schedule (deleting is
`deleting`).

Weeks are derived (see `placement`): every operation that changes what decides a note's week
places the note again, and reports the notebook so the tree re-reads that branch.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from ..model import Note, StudyNotesError, nfc
from . import placement, saving
from .changes import Change, Operation
from .writing import LibraryWriter


class NoteEdits(LibraryWriter):
    # -- notes -----------------------------------------------------------------------
    def add_note(
        self,
        notebook_id: int,
        title: str,
        *,
        week: int | None = None,
        lecture: int | None = None,
        date: dt.date | None = None,
    ) -> Change:
        """A new, empty Markdown note; a week given here is the user's and stays."""
        title = _title(title, "note")
        note = Note(title=title, kind="markdown", week=week, lecture=lecture, date=date)
        with self._write() as conn:
            _require(conn, "notebooks", notebook_id, "notebook")
            new_id = saving.IdAllocator(conn)
            lectures, lecture_rows = saving.lecture_ids(conn, notebook_id, [], [note], new_id)
            batch = saving.note_rows(
                [note],
                notebook_id=notebook_id,
                source_id=None,
                source_name="",
                lectures=lectures,
                new_id=new_id,
            )
            batch.lectures = lecture_rows
            saving.insert_batch(conn, batch)
            note_id = int(batch.notes[0]["id"])
            if week is not None:
                conn.execute("UPDATE notes SET placed_by_user = 1 WHERE id = ?", (note_id,))
            placement.place(conn, notebook_id, [note_id])
            return Change(
                "New note",
                inverse=Operation.of("delete_note", note_id=note_id),
                created=(("note", note_id),),
                counts=self._path_counts([note_id]),
                placement=frozenset({notebook_id}),
            )

    def rename_note(self, note_id: int, title: str) -> Change:
        title = _title(title, "note")
        with self._write() as conn:
            row = conn.execute("SELECT title FROM notes WHERE id = ?", (note_id,)).fetchone()
            if row is None:
                raise StudyNotesError(f"no note {note_id}")
            if row[0] == title:
                return Change("Rename note")
            conn.execute("UPDATE notes SET title = ? WHERE id = ?", (title, note_id))
        key = ("note", note_id)
        return Change(
            "Rename note",
            inverse=Operation.of("rename_note", note_id=note_id, title=row[0]),
            before={key: {"title": row[0]}},
            after={key: {"title": title}},
            notes=frozenset({note_id}),
        )

    def move_note(self, note_id: int, *, week: int | None, lecture: int | None) -> Change:
        """Put a note into a week (None: Unsorted) and lecture (by number, made if new)."""
        return self._restore_placement(note_id, week, lecture, 1)

    def _restore_placement(
        self, note_id: int, week: int | None, lecture: int | None, placed_by_user: int
    ) -> Change:
        """Set what places a note: its stated week, its lecture, whether the user chose them."""
        with self._write() as conn:
            row = conn.execute(
                """SELECT n.notebook_id, n.week_number, l.number, n.placed_by_user FROM notes n
                   LEFT JOIN lectures l ON l.id = n.lecture_id WHERE n.id = ?""",
                (note_id,),
            ).fetchone()
            if row is None:
                raise StudyNotesError(f"no note {note_id}")
            old_counts = self._path_counts([note_id])
            self._place_note(conn, int(row[0]), note_id, week, lecture, placed_by_user=placed_by_user)
            return Change(
                "Move note",
                inverse=Operation.of(
                    "_restore_placement", note_id=note_id, week=row[1], lecture=row[2], placed_by_user=row[3]
                ),
                before={("note", note_id): {"week": row[1], "lecture": row[2]}},
                after={("note", note_id): {"week": week, "lecture": lecture}},
                counts=old_counts | self._path_counts([note_id]),
                placement=frozenset({int(row[0])}),
            )

    def _place_note(
        self,
        conn: sqlite3.Connection,
        notebook_id: int,
        note_id: int,
        week: int | None,
        lecture: int | None,
        *,
        placed_by_user: int,
    ) -> None:
        lecture_id = None
        if lecture is not None:
            found = conn.execute(
                "SELECT id FROM lectures WHERE notebook_id = ? AND number = ?", (notebook_id, lecture)
            ).fetchone()
            lecture_id = (
                found[0]
                if found
                else conn.execute(
                    "INSERT INTO lectures (notebook_id, number, week_number) VALUES (?, ?, ?)",
                    (notebook_id, lecture, week),
                ).lastrowid
            )
        conn.execute(
            "UPDATE notes SET week_number = ?, lecture_id = ?, placed_by_user = ? WHERE id = ?",
            (week, lecture_id, placed_by_user, note_id),
        )
        placement.place(conn, notebook_id, [note_id])

    # -- notebooks -------------------------------------------------------------------
    def add_notebook(self, title: str) -> Change:
        """A new, empty notebook (a title already taken is refused)."""
        title = _title(title, "notebook")
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM notebooks WHERE title = ?", (title,)).fetchone():
                raise StudyNotesError(f"a notebook called {title!r} already exists")
            cursor = conn.execute(
                "INSERT INTO notebooks (title, created_at) VALUES (?, ?)", (title, saving.now_iso())
            )
            notebook_id = int(cursor.lastrowid or 0)
        return Change(
            "New notebook",
            inverse=Operation.of("_remove_empty_notebook", notebook_id=notebook_id),
            created=(("notebook", notebook_id),),
            placement=frozenset({notebook_id}),
        )

    def _remove_empty_notebook(self, notebook_id: int) -> Change:
        """Undo of `add_notebook`: only while nothing was put in it."""
        with self._write() as conn:
            rows = self._rows("notebooks", "id = ?", (notebook_id,))
            if not rows:
                raise StudyNotesError(f"no notebook {notebook_id}")
            if conn.execute("SELECT 1 FROM notes WHERE notebook_id = ?", (notebook_id,)).fetchone():
                raise StudyNotesError(f"notebook {rows[0]['title']!r} holds notes; it is kept")
            conn.execute("DELETE FROM notebooks WHERE id = ?", (notebook_id,))
        return Change(
            "Remove notebook",
            inverse=Operation.of("_restore_notebook", row=rows[0]),
            deleted=(("notebook", notebook_id),),
            placement=frozenset({notebook_id}),
        )

    def _restore_notebook(self, row: dict[str, Any]) -> Change:
        with self._write():
            self._insert_rows("notebooks", [row])
        notebook_id = int(row["id"])
        return Change(
            "New notebook",
            inverse=Operation.of("_remove_empty_notebook", notebook_id=notebook_id),
            created=(("notebook", notebook_id),),
            placement=frozenset({notebook_id}),
        )

    def rename_notebook(self, notebook_id: int, title: str) -> Change:
        title = _title(title, "notebook")
        with self._write() as conn:
            old = conn.execute("SELECT title FROM notebooks WHERE id = ?", (notebook_id,)).fetchone()
            if old is None:
                raise StudyNotesError(f"no notebook {notebook_id}")
            if old[0] == title:
                return Change("Rename notebook")
            try:
                conn.execute("UPDATE notebooks SET title = ? WHERE id = ?", (title, notebook_id))
            except sqlite3.IntegrityError:
                raise StudyNotesError(f"a notebook called {title!r} already exists") from None
        key = ("notebook", notebook_id)
        return Change(
            "Rename notebook",
            inverse=Operation.of("rename_notebook", notebook_id=notebook_id, title=old[0]),
            before={key: {"title": old[0]}},
            after={key: {"title": title}},
            placement=frozenset({notebook_id}),
        )

    def set_schedule(self, notebook_id: int, start: dt.date | None, days_per_week: int) -> Change:
        """Set the start date and study days per week; every note's week is recomputed."""
        if not 1 <= days_per_week <= 7:
            raise StudyNotesError("days per week must be between 1 and 7")
        return self._restore_schedule(notebook_id, start.isoformat() if start else None, 0, days_per_week)

    def _restore_schedule(
        self, notebook_id: int, start: str | None, start_auto: int, days_per_week: int
    ) -> Change:
        with self._write() as conn:
            old = conn.execute(
                "SELECT start_date, start_date_auto, days_per_week FROM notebooks WHERE id = ?",
                (notebook_id,),
            ).fetchone()
            if old is None:
                raise StudyNotesError(f"no notebook {notebook_id}")
            conn.execute(
                "UPDATE notebooks SET start_date = ?, start_date_auto = ?, days_per_week = ? WHERE id = ?",
                (start, start_auto, days_per_week, notebook_id),
            )
            placement.place(conn, notebook_id)
        key = ("notebook", notebook_id)
        return Change(
            "Change schedule",
            inverse=Operation.of(
                "_restore_schedule",
                notebook_id=notebook_id,
                start=old[0],
                start_auto=old[1],
                days_per_week=old[2],
            ),
            before={key: {"start_date": old[0], "days_per_week": old[2]}},
            after={key: {"start_date": start, "days_per_week": days_per_week}},
            placement=frozenset({notebook_id}),
        )


def _title(title: str, what: str) -> str:
    title = nfc(title).strip()
    if not title:
        raise StudyNotesError(f"a {what} needs a title")
    return title


def _require(conn: sqlite3.Connection, table: str, row_id: int, what: str) -> None:
    if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is None:
        raise StudyNotesError(f"no {what} {row_id}")
