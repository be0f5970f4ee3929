"""Writing a parsed document into the library, inside the caller's transaction.

Ids are assigned here (the write lock is held), so notes, cells, questions and
attachments go in as batches through sqlite-utils instead of row by row.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from ..model import Cell, Lecture, Note, Question, nfc

if TYPE_CHECKING:
    from .save_hints import SaveHints


def stable_key(question: Question, source_name: str, hints: SaveHints | None = None) -> str:
    """Identity of a question across re-imports: its words, who asked, which file
    (or the id its source gives it, with the file).  `hints`: keys worked out where the file
    was parsed, used when made from the same values."""
    made_of = (question.origin_key, question.text, question.asker, source_name)
    if hints is not None:
        known = hints.question_keys.get(made_of)
        if known is not None:
            return known
    return stable_key_of(*made_of)


_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def stable_key_of(origin_key: str, text: str, asker: str, source_name: str) -> str:
    """Kept for the file being saved: a question's key is asked for by the decisions, the
    cell's key and the question's row, each a normalisation and a hash of its words."""
    if origin_key:  # the source names it: edits of its words keep it the same question
        raw = "\x1f".join(("origin", origin_key, source_name))
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()
    words = _SPACES.sub(" ", nfc(text)).strip().casefold()
    raw = "\x1f".join((words, nfc(asker).casefold(), source_name))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def cell_key(cell: Cell, source_name: str, hints: SaveHints | None = None) -> str:
    """What the file said in this cell, to find it again when the file is imported again."""
    if cell.question is not None:
        return "q:" + stable_key(cell.question, source_name, hints)
    if hints is not None:
        known = hints.text_keys.get(cell.markdown)
        if known is not None:
            return known
    return text_key(nfc(cell.markdown))


def text_key(markdown: str) -> str:
    """A text cell's key, from its Markdown (NFC)."""
    return "m:" + hashlib.sha1(markdown.encode("utf-8")).hexdigest()


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class Batch:
    """Rows for one document, with ids already assigned."""

    notes: list[dict[str, Any]] = field(default_factory=list)
    cells: list[dict[str, Any]] = field(default_factory=list)
    questions: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    lectures: list[dict[str, Any]] = field(default_factory=list)


class IdAllocator:
    """Hands out the next free id per table; valid while the write lock is held."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._next: dict[str, int] = {}

    def __call__(self, table: str) -> int:
        if table not in self._next:
            row = self._conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
            self._next[table] = int(row[0]) + 1
        value = self._next[table]
        self._next[table] = value + 1
        return value


def lecture_ids(
    conn: sqlite3.Connection,
    notebook_id: int,
    lectures: list[Lecture],
    notes: list[Note],
    new_id: IdAllocator,
) -> tuple[dict[int, int], list[dict[str, Any]]]:
    """Find or create the lectures the document names; new rows are returned to insert."""
    known = {
        int(number): int(lecture_id)
        for lecture_id, number in conn.execute(
            "SELECT id, number FROM lectures WHERE notebook_id = ?", (notebook_id,)
        )
    }
    rows: list[dict[str, Any]] = []
    for lecture in lectures:
        values = {
            "title": nfc(lecture.title),
            "date": lecture.date.isoformat() if lecture.date else None,
            "week_number": lecture.week,
            "properties": json.dumps(lecture.properties, ensure_ascii=False),
        }
        if lecture.number in known:
            sets = ", ".join(f"{k} = coalesce(?, {k})" for k in values)
            conn.execute(
                f"UPDATE lectures SET {sets} WHERE id = ?",
                [v if v not in ("", "{}") else None for v in values.values()] + [known[lecture.number]],
            )
            continue
        known[lecture.number] = new_id("lectures")
        rows.append(
            {"id": known[lecture.number], "notebook_id": notebook_id, "number": lecture.number, **values}
        )
    for note in notes:
        if note.lecture is not None and note.lecture not in known:
            known[note.lecture] = new_id("lectures")
            rows.append(
                {
                    "id": known[note.lecture],
                    "notebook_id": notebook_id,
                    "number": note.lecture,
                    "title": nfc(note.lecture_title or ""),
                    "date": note.date.isoformat() if note.date and note.kind != "log" else None,
                    "week_number": None,
                    "properties": "{}",
                }
            )
    return known, rows


def note_rows(
    notes: list[Note],
    *,
    notebook_id: int,
    source_id: int | None,
    source_name: str,
    lectures: dict[int, int],
    new_id: IdAllocator,
    first_position: int = 0,
) -> Batch:
    batch = Batch()
    for offset, note in enumerate(notes):
        note_id = new_id("notes")
        batch.notes.append(
            note_row(note, note_id, notebook_id=notebook_id, source_id=source_id, lectures=lectures)
            | {"position": first_position + offset}
        )
        for position, cell in enumerate(note.cells):
            add_cell_rows(batch, cell, new_id("cells"), note_id, position, source_name, new_id)
        add_attachment_rows(batch, note, note_id, new_id)
    return batch


def note_row(
    note: Note, note_id: int, *, notebook_id: int, source_id: int | None, lectures: dict[int, int]
) -> dict[str, Any]:
    return {
        "id": note_id,
        "notebook_id": notebook_id,
        "lecture_id": lectures.get(note.lecture) if note.lecture is not None else None,
        "source_id": source_id,
        "kind": note.kind,
        "title": nfc(note.title) or "Untitled",
        "date": note.date.isoformat() if note.date else None,
        "day": note.day,
        "week_number": note.week,
        "properties": json.dumps(note.properties, ensure_ascii=False),
    }


def add_cell_rows(
    batch: Batch,
    cell: Cell,
    cell_id: int,
    note_id: int,
    position: int,
    source_name: str,
    new_id: IdAllocator,
    import_key: str | None = None,
    hints: SaveHints | None = None,
) -> None:
    """The cell's row (and its question's); `import_key` when the caller has worked it out."""
    batch.cells.append(
        {
            "id": cell_id,
            "note_id": note_id,
            "position": position,
            "kind": cell.kind,
            "markdown": nfc(cell.markdown),
            "import_key": import_key or cell_key(cell, source_name, hints),
        }
    )
    if cell.question is not None:
        batch.questions.append(
            question_row(cell.question, new_id("questions"), cell_id, note_id, source_name, hints)
        )


def add_attachment_rows(batch: Batch, note: Note, note_id: int, new_id: IdAllocator) -> None:
    for attachment in note.attachments:
        batch.attachments.append(
            {
                "id": new_id("attachments"),
                "note_id": note_id,
                "name": attachment.name,
                "mime_type": attachment.mime_type,
                "data": attachment.data,
                "sha256": attachment.sha256,
            }
        )


def question_row(
    question: Question,
    question_id: int,
    cell_id: int,
    note_id: int,
    source_name: str,
    hints: SaveHints | None = None,
) -> dict[str, Any]:
    text = nfc(question.text).strip() or "(no text)"
    return {
        "id": question_id,
        "cell_id": cell_id,
        "note_id": note_id,
        "text": text,
        "answer": nfc(question.answer),
        "status": question.status,
        "asker": nfc(question.asker),
        "raw_sender": nfc(question.raw_sender),
        "asked_at": question.asked_at,
        "media_time": question.media_time,
        "slide_page": question.slide_page,
        "lecture_ref": question.lecture_ref,
        "answered_by": question.answered_by,
        "private": int(question.private),
        "resolved_at": question.resolved_at,
        "stable_key": stable_key(question, source_name, hints),
        "edited_by_user": int(question.edited_by_user),
    }


CELL_COLUMNS = ("id", "note_id", "position", "kind", "markdown", "import_key")
QUESTION_COLUMNS = tuple(question_row(Question(""), 0, 0, 0, ""))  # as question_row makes them


_SQL_VARIABLES = 900  # under SQLite's oldest limit on a statement's `?`s (999)


def insert_batch(conn: sqlite3.Connection, batch: Batch) -> None:
    """Insert in dependency order (foreign keys are checked), many rows per statement."""
    for table, rows in (
        ("lectures", batch.lectures),
        ("notes", batch.notes),
        ("cells", batch.cells),
        ("questions", batch.questions),
        ("attachments", batch.attachments),
    ):
        if not rows:
            continue
        columns = _columns(rows)
        pick = itemgetter(*columns)  # a row's values in column order (one column: the value itself)
        insert_values(
            conn,
            table,
            columns,
            list(map(pick, rows)) if len(columns) > 1 else [(v,) for v in map(pick, rows)],
        )


def insert_values(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Rows of values in `columns`' order, as many per statement as its `?`s allow.

    One statement for many rows, not one per row: a 100,000-message chat saves a quarter faster than
    row-by-row checks did, and each statement run (`executemany` runs one per row) that fires
    triggers costs SQLite a statement journal of its own."""
    one_row = "(" + ", ".join("?" * len(columns)) + ")"
    per_statement = max(1, _SQL_VARIABLES // len(columns))
    names = ", ".join(columns)
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        conn.execute(
            f"INSERT INTO {table} ({names}) VALUES {', '.join([one_row] * len(chunk))}",
            list(chain.from_iterable(chunk)),
        )


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    """The columns of a table's rows, in the order they first appear: the first row's, when every
    row has the same keys (as the rows a table's builder makes do), found without visiting each key."""
    first = rows[0].keys()
    if all(row.keys() == first for row in rows):
        return list(first)
    return list(dict.fromkeys(key for row in rows for key in row))
