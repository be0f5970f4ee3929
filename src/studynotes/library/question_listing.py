"""Every question as the JSON that `questions --json` prints, written by SQLite note by note.

At a million questions, building a row object and a dict per question and running
`json.dumps(…, indent=2)` (the pure-Python encoder, since it indents) took 59 s of CPU,
and ordering every question in one query sorted their whole text.  Here the notes are
put in order (a sort of notes only), and each note's questions are read along its cells'
index, already in order, each one formatted by SQLite (`json_quote` escapes exactly as
`json.dumps(ensure_ascii=False)` does: `\\"`, `\\\\`, `\\b \\f \\n \\r \\t`, other control
characters as `\\u00XX`, everything else as it is).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from typing import Any

from .views import QuestionFilter

# One object as `json.dumps(indent=2)` writes it, indented one level more (it sits in a list).
# `?2` and `?3` are the note's part of it (notebook, week; note, note_id), written once per
# note; `status` is `open` or `answered` (a CHECK), so it needs no escaping.
_OBJECT = """'{\n    "id": ' || q.id || ?2 || json_quote(coalesce(?4, q.lecture_ref)) || ?3
    || ',\n    "asker": ' || json_quote(q.asker)
    || ',\n    "text": ' || json_quote(q.text)
    || ',\n    "answer": ' || json_quote(q.answer)
    || ',\n    "status": "' || q.status
    || '",\n    "page": ' || json_quote(q.slide_page)
    || ',\n    "media_time": ' || json_quote(q.media_time)
    || ',\n    "asked_at": ' || json_quote(q.asked_at)
    || ',\n    "answered_by": ' || json_quote(q.answered_by)
    || '\n  }'"""
_NOTE_PARTS = """',\n    "notebook": ' || json_quote(b.title) || ',\n    "week": ' || json_quote(w.number)
    || ',\n    "lecture": ',
    ',\n    "note": ' || json_quote(n.title) || ',\n    "note_id": ' || n.id"""
SEPARATOR = ",\n  "

# Which filter narrows the notes and which the questions of a note; `lecture` does both,
# since a question outside any lecture may name one (`lecture_ref`).
_NOTE_CLAUSES = {
    "notebook": "b.title = ?",
    "notebook_id": "n.notebook_id = ?",
    "week": "w.number = ?",
    "week_id": "n.week_id = ?",
    "lecture": "(l.number IS NULL OR l.number = ?)",
    "lecture_id": "n.lecture_id = ?",
    "note_id": "n.id = ?",
}
_QUESTION_CLAUSES = {
    "status": "q.status = ?",
    "lecture": "coalesce(?4, q.lecture_ref) = ?",
    "asker": "q.asker = ?",
}
FILTERS = {"unsorted", *_NOTE_CLAUSES, *_QUESTION_CLAUSES}  # every field of QuestionFilter

# The order of `Library.questions()`: the notes by notebook, week, lecture, date, file and place.
NOTE_ORDER = "b.title, w.number IS NULL, w.number, l.number, n.date, n.source_id, n.position, n.id"


def iter_questions_json(
    conn: sqlite3.Connection, where: QuestionFilter, *, include_private: bool = False
) -> Iterator[bytes]:
    """Each note's questions (those `where` admits), as UTF-8 JSON objects joined by `SEPARATOR`;
    notes without such questions yield nothing."""
    note_clauses, note_params = [], []
    question_clauses = [] if include_private else ["q.private = 0"]
    question_params: list[Any] = []
    for field in dataclasses.fields(where):
        value = getattr(where, field.name)
        if field.name == "unsorted":
            if value:
                note_clauses.append("n.week_id IS NULL")
            continue
        if value is None:
            continue
        if field.name in _NOTE_CLAUSES:
            note_clauses.append(_NOTE_CLAUSES[field.name])
            note_params.append(value)
        if field.name in _QUESTION_CLAUSES:
            question_clauses.append(_QUESTION_CLAUSES[field.name])
            question_params.append(value)
    notes = conn.execute(
        f"""SELECT n.id, {_NOTE_PARTS}, l.number
            FROM notes n JOIN notebooks b ON b.id = n.notebook_id
            LEFT JOIN weeks w ON w.id = n.week_id LEFT JOIN lectures l ON l.id = n.lecture_id
            WHERE {" AND ".join(note_clauses) or "1 = 1"} ORDER BY {NOTE_ORDER}""",
        note_params,
    )
    # Along `cells_by_note` (note_id, position, then id): each note's questions come in order.
    sql = f"""SELECT CAST({_OBJECT} AS BLOB) FROM cells c JOIN questions q ON q.cell_id = c.id
        WHERE c.note_id = ?1 AND q.note_id = ?1{"".join(" AND " + c for c in question_clauses)}
        ORDER BY c.position, c.id"""
    questions = conn.cursor()
    separator = SEPARATOR.encode()
    for note in notes:
        rows = questions.execute(sql, (*note, *question_params)).fetchall()
        if rows:
            yield separator.join(row[0] for row in rows)
