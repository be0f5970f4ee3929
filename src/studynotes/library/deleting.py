"""Deleting notes and notebooks, and bringing them back.

A deleted note or notebook is kept whole in the `deleted` table: every row that went with it
(cells, questions, images, edit history, weeks, lectures, sources, sync records, the user's
question decisions).  Undo restores it from there with the same ids, and so does the Deleted
list later, when the undo stack is long gone; an id taken since is given a new one, with every
row that refers to it following.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from typing import TYPE_CHECKING, Any

from ..model import StudyNotesError
from . import placement
from .changes import Change, Operation, RecordKey
from .saving import now_iso
from .writing import LibraryWriter

if TYPE_CHECKING:
    from .answers import DeletedItem

# What goes with a note: (table, rows of the note `?`), parents before children.
NOTE_PARTS: tuple[tuple[str, str], ...] = (
    ("notes", "id = ?"),
    ("cells", "note_id = ?"),
    ("questions", "note_id = ?"),
    ("attachments", "note_id = ?"),
    ("history", "note_id = ?"),
    ("sync_note_uids", "note_id = ?"),
    ("sync_cell_uids", "cell_id IN (SELECT id FROM cells WHERE note_id = ?)"),
    ("sync_conflicts", "cell_id IN (SELECT id FROM cells WHERE note_id = ?)"),
    ("sync_status_times", "question_id IN (SELECT id FROM questions WHERE note_id = ?)"),
    ("sync_rendered", "note_id = ?"),
    ("review_cards", "question_id IN (SELECT id FROM questions WHERE note_id = ?)"),
    ("reviews", "question_id IN (SELECT id FROM questions WHERE note_id = ?)"),
)
_IN_NOTEBOOK = "note_id IN (SELECT id FROM notes WHERE notebook_id = ?)"
# What goes with a notebook: (table, rows of the notebook `?`), parents before children.
NOTEBOOK_PARTS: tuple[tuple[str, str], ...] = (
    ("notebooks", "id = ?"),
    ("weeks", "notebook_id = ?"),
    ("lectures", "notebook_id = ?"),
    ("sources", "notebook_id = ?"),
    ("notes", "notebook_id = ?"),
    ("cells", _IN_NOTEBOOK),
    ("questions", _IN_NOTEBOOK),
    ("attachments", _IN_NOTEBOOK),
    ("history", _IN_NOTEBOOK),
    ("sync_notebooks", "notebook_id = ?"),
    ("sync_note_uids", _IN_NOTEBOOK),
    ("sync_cell_uids", f"cell_id IN (SELECT id FROM cells WHERE {_IN_NOTEBOOK})"),
    ("sync_conflicts", f"cell_id IN (SELECT id FROM cells WHERE {_IN_NOTEBOOK})"),
    ("sync_status_times", f"question_id IN (SELECT id FROM questions WHERE {_IN_NOTEBOOK})"),
    ("sync_rendered", _IN_NOTEBOOK),
    ("question_decisions", "notebook_id = ?"),
    ("dismissed", "source_id IN (SELECT id FROM sources WHERE notebook_id = ?)"),
    ("review_cards", f"question_id IN (SELECT id FROM questions WHERE {_IN_NOTEBOOK})"),
    ("reviews", f"question_id IN (SELECT id FROM questions WHERE {_IN_NOTEBOOK})"),
)
# Review schedules name their question without a foreign key, so they are removed by hand.
_UNLINKED = ("review_cards", "reviews")
# Which columns name a row of which table, so a row given a new id takes its references along.
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "weeks": (("notebook_id", "notebooks"),),
    "lectures": (("notebook_id", "notebooks"), ("week_id", "weeks")),
    "sources": (("notebook_id", "notebooks"),),
    "notes": (
        ("notebook_id", "notebooks"),
        ("week_id", "weeks"),
        ("lecture_id", "lectures"),
        ("source_id", "sources"),
    ),
    "cells": (("note_id", "notes"),),
    "questions": (("cell_id", "cells"), ("note_id", "notes")),
    "attachments": (("note_id", "notes"),),
    "history": (("note_id", "notes"), ("cell_id", "cells"), ("question_id", "questions")),
    "sync_notebooks": (("notebook_id", "notebooks"),),
    "sync_note_uids": (("note_id", "notes"),),
    "sync_cell_uids": (("cell_id", "cells"),),
    "sync_conflicts": (("cell_id", "cells"),),
    "sync_status_times": (("question_id", "questions"),),
    "sync_rendered": (("note_id", "notes"),),
    "question_decisions": (("notebook_id", "notebooks"),),
    "dismissed": (("source_id", "sources"),),
    "review_cards": (("question_id", "questions"),),
    "reviews": (("question_id", "questions"),),
}
# The tables whose rows have an `id` of their own (the others are keyed by a reference).
OWN_IDS = frozenset(REFERENCES) - {"sync_notebooks", "sync_note_uids", "sync_cell_uids"}
OWN_IDS -= {"sync_conflicts", "sync_status_times", "sync_rendered", "dismissed", "review_cards"}
OWN_IDS |= {"notebooks"}

Tables = list[tuple[str, list[dict[str, Any]]]]


class Deleting(LibraryWriter):
    def delete_note(self, note_id: int) -> Change:
        """Remove a note with its cells, questions and images; it stays restorable."""
        with self._write() as conn:
            note = conn.execute(
                "SELECT n.notebook_id, n.title, b.title, l.number FROM notes n"
                " JOIN notebooks b ON b.id = n.notebook_id"
                " LEFT JOIN lectures l ON l.id = n.lecture_id WHERE n.id = ?",
                (note_id,),
            ).fetchone()
            if note is None:
                raise StudyNotesError(f"no note {note_id}")
            notebook_id = int(note[0])
            tables = self._gather(NOTE_PARTS, note_id)
            old_counts = self._path_counts([note_id])
            kept = self._keep(conn, "note", note[1], note[2], tables, lecture=note[3])
            _drop_unlinked(conn, tables)
            conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            placement.prune_weeks(conn, notebook_id)
            after = self._path_counts([], [notebook_id])
            questions = _ids(tables, "questions")
            return Change(
                "Delete note",
                inverse=Operation.of("restore_deleted", deleted_id=kept),
                deleted=(("note", note_id), *(("question", i) for i in questions)),
                counts={k: after.get(k, v) for k, v in old_counts.items() if k[0] != "note"} | after,
                notes=frozenset({note_id}),
                placement=frozenset({notebook_id}),
            )

    def delete_notebook(self, notebook_id: int) -> Change:
        """Remove a notebook with everything in it; it stays restorable, with the same ids."""
        with self._write() as conn:
            row = conn.execute("SELECT title FROM notebooks WHERE id = ?", (notebook_id,)).fetchone()
            if row is None:
                raise StudyNotesError(f"no notebook {notebook_id}")
            tables = self._gather(NOTEBOOK_PARTS, notebook_id)
            kept = self._keep(conn, "notebook", row[0], row[0], tables)
            _drop_unlinked(conn, tables)
            conn.execute("DELETE FROM notebooks WHERE id = ?", (notebook_id,))
            notes = _ids(tables, "notes")
            return Change(
                "Delete notebook",
                inverse=Operation.of("restore_deleted", deleted_id=kept),
                deleted=(
                    ("notebook", notebook_id),
                    *(("note", i) for i in notes),
                    *(("question", i) for i in _ids(tables, "questions")),
                ),
                notes=frozenset(notes),
                placement=frozenset({notebook_id}),
            )

    def deleted_items(self) -> list[DeletedItem]:
        """What was deleted and can be brought back, the latest first."""
        from .answers import DeletedItem

        try:
            rows = self.conn.execute(
                "SELECT id, kind, title, notebook_title, deleted_at, rows FROM deleted ORDER BY id DESC"
            ).fetchall()
        except sqlite3.OperationalError:  # a library held at an older schema (opened read-only)
            return []
        items = []
        for ident, kind, title, notebook, when, data in rows:
            tables = dict(_decode(data)["tables"])
            items.append(
                DeletedItem(
                    id=int(ident),
                    kind=str(kind),
                    title=str(title),
                    notebook=str(notebook),
                    deleted_at=str(when),
                    notes=len(tables.get("notes", [])),
                    questions=len(tables.get("questions", [])),
                    text=_text(tables),
                )
            )
        return items

    def restore_deleted(self, deleted_id: int) -> Change:
        """A deleted note or notebook back with what went with it (the same ids where still free)."""
        with self._write() as conn:
            row = conn.execute("SELECT kind, rows FROM deleted WHERE id = ?", (deleted_id,)).fetchone()
            if row is None:
                raise StudyNotesError(f"nothing deleted has the number {deleted_id}")
            kind, saved = str(row[0]), _decode(row[1])
            tables: Tables = [(t, [dict(r) for r in rows]) for t, rows in saved["tables"]]
            if kind == "note":
                self._fit_note(conn, tables, saved.get("lecture"))
            else:
                _fit_title(conn, tables)
            _fit_ids(conn, tables)
            for note in dict(tables)["notes"]:  # counted again as its questions go back in
                note["questions_total"] = note["questions_open"] = 0
            for table, rows in tables:
                self._insert_rows(table, rows)
            conn.execute("DELETE FROM deleted WHERE id = ?", (deleted_id,))
            notes = _ids(tables, "notes")
            questions = tuple(("question", i) for i in _ids(tables, "questions"))
            if kind == "note":
                notebook_id = int(dict(tables)["notes"][0]["notebook_id"])
                placement.place(conn, notebook_id, notes)
                return Change(
                    "Restore note",
                    inverse=Operation.of("delete_note", note_id=notes[0]),
                    created=(("note", notes[0]), *questions),
                    counts=self._path_counts(notes),
                    notes=frozenset(notes),
                    placement=frozenset({notebook_id}),
                )
            notebook_id = _ids(tables, "notebooks")[0]
            created: tuple[RecordKey, ...] = (("notebook", notebook_id), *(("note", i) for i in notes))
            return Change(
                "Restore notebook",
                inverse=Operation.of("delete_notebook", notebook_id=notebook_id),
                created=(*created, *questions),
                notes=frozenset(notes),
                placement=frozenset({notebook_id}),
            )

    def purge_deleted(self, deleted_id: int | None = None) -> Change:
        """Forget a deleted note or notebook for good (all of them when None): it cannot come back."""
        with self._write() as conn:
            if deleted_id is None:
                gone = conn.execute("DELETE FROM deleted").rowcount
            else:
                gone = conn.execute("DELETE FROM deleted WHERE id = ?", (deleted_id,)).rowcount
                if not gone:
                    raise StudyNotesError(f"nothing deleted has the number {deleted_id}")
            return Change("Delete permanently")

    # -- what a restore needs --------------------------------------------------------------
    def _gather(self, parts: tuple[tuple[str, str], ...], ident: int) -> Tables:
        return [(table, self._rows(table, where, (ident,))) for table, where in parts]

    def _keep(
        self,
        conn: sqlite3.Connection,
        kind: str,
        title: str,
        notebook: str,
        tables: Tables,
        *,
        lecture: int | None = None,
    ) -> int:
        data = _encode({"tables": tables, "lecture": lecture})
        cursor = conn.execute(
            "INSERT INTO deleted (kind, title, notebook_title, deleted_at, rows) VALUES (?, ?, ?, ?, ?)",
            (kind, title, notebook, now_iso(), data),
        )
        return int(cursor.lastrowid or 0)

    def _fit_note(self, conn: sqlite3.Connection, tables: Tables, lecture: int | None) -> None:
        """A note goes back into its notebook (which must still be there), placed again."""
        note = dict(tables)["notes"][0]
        notebook_id = int(note["notebook_id"])
        if conn.execute("SELECT 1 FROM notebooks WHERE id = ?", (notebook_id,)).fetchone() is None:
            raise StudyNotesError(
                f"note {note['title']!r} was in a notebook that is deleted too: restore the notebook first"
            )
        note["week_id"] = None  # placed again: its week may have gone with it
        found = None
        if lecture is not None:  # its lecture by number, made again if it went since
            found = conn.execute(
                "SELECT id FROM lectures WHERE notebook_id = ? AND number = ?", (notebook_id, lecture)
            ).fetchone()
            if found is None:
                found = (
                    conn.execute(
                        "INSERT INTO lectures (notebook_id, number) VALUES (?, ?)", (notebook_id, lecture)
                    ).lastrowid,
                )
        note["lecture_id"] = found[0] if found else None
        if note["source_id"] is not None:
            still = conn.execute("SELECT 1 FROM sources WHERE id = ?", (note["source_id"],)).fetchone()
            note["source_id"] = note["source_id"] if still else None


def _fit_title(conn: sqlite3.Connection, tables: Tables) -> None:
    """A notebook whose title was taken since comes back as "Title (restored)"."""
    notebook = dict(tables)["notebooks"][0]
    title, number = str(notebook["title"]), 1
    while conn.execute("SELECT 1 FROM notebooks WHERE title = ?", (notebook["title"],)).fetchone():
        notebook["title"] = f"{title} (restored)" if number == 1 else f"{title} (restored {number})"
        number += 1


def _fit_ids(conn: sqlite3.Connection, tables: Tables) -> None:
    """Rows whose ids were taken since get new ones; every reference to them follows."""
    moved: dict[str, dict[int, int]] = {}
    for table, rows in tables:
        if table not in OWN_IDS:
            continue
        top = int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])
        top = max([top, *(int(r["id"]) for r in rows)])
        for row in rows:
            taken = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row["id"],)).fetchone()
            if taken:
                top += 1
                moved.setdefault(table, {})[int(row["id"])] = top
    if not moved:
        return
    for table, rows in tables:
        for row in rows:
            if table in moved and int(row["id"]) in moved[table]:
                row["id"] = moved[table][int(row["id"])]
            for column, target in REFERENCES.get(table, ()):
                value = row.get(column)
                if value is not None and int(value) in moved.get(target, {}):
                    row[column] = moved[target][int(value)]


def _drop_unlinked(conn: sqlite3.Connection, tables: Tables) -> None:
    """Schedules and ratings of the deleted questions go too: a later question must not inherit them."""
    questions = _ids(tables, "questions")
    for start in range(0, len(questions), 500):
        chunk = questions[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for table in _UNLINKED:
            conn.execute(f"DELETE FROM {table} WHERE question_id IN ({marks})", chunk)


def _text(tables: dict[str, list[dict[str, Any]]]) -> str:
    """The text and questions of what was deleted, in order, to recognise it by."""
    questions = {int(q["cell_id"]): str(q["text"]) for q in tables.get("questions", [])}
    cells = sorted(tables.get("cells", []), key=lambda c: (int(c["note_id"]), int(c["position"])))
    parts = [questions.get(int(c["id"]), str(c["markdown"])) for c in cells]
    return "\n\n".join(p for p in parts if p.strip())


def _ids(tables: Tables, table: str) -> tuple[int, ...]:
    return tuple(int(r["id"]) for r in dict(tables).get(table, []))


def _encode(value: Any) -> str:
    """JSON, with images' bytes as base64."""

    def default(item: Any) -> Any:
        if isinstance(item, bytes | memoryview):
            return {"$bytes": base64.b64encode(bytes(item)).decode("ascii")}
        raise TypeError(f"cannot keep {type(item).__name__}")

    return json.dumps(value, ensure_ascii=False, default=default)


def _decode(text: str) -> Any:
    def hook(item: dict[str, Any]) -> Any:
        return base64.b64decode(item["$bytes"]) if set(item) == {"$bytes"} else item

    return json.loads(text, object_hook=hook)
