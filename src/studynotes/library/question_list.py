"""A tree node's questions in list order, read a page at a time.

A notebook of 100,000 questions used to be read whole, each row made into a record, before the
question list could show the 30 it has room for (3 s).  Each note keeps its counts (schema
migration 7), so the notes of a node in tree order, with how many questions each adds, tell how
long the list is and in which note any row sits without reading a question; only the pages the
view asks for are read.  The order is `questions()`'s: notes in tree order, then the cells'
order inside each note.
"""

from __future__ import annotations

import bisect
import itertools
import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from .filter_sql import filter_clauses, note_clauses
from .views import Counts, QuestionFilter, QuestionRow

_JOINS = """JOIN notes n ON n.id = q.note_id JOIN notebooks b ON b.id = n.notebook_id
    LEFT JOIN weeks w ON w.id = n.week_id LEFT JOIN lectures l ON l.id = n.lecture_id"""
QUESTION_COLUMNS = """q.id, q.note_id, n.title, b.title, w.number, l.number, q.asker, q.text, q.answer,
    q.status, q.slide_page, q.media_time, q.asked_at, q.answered_by, q.lecture_ref, q.edited_by_user,
    q.resolved_at"""
FACTS_FROM = 5_000  # rows whose side columns are looked at when a list is shown
_NOTE_ORDER = "b.title, w.number IS NULL, w.number, l.number, n.date, n.source_id, n.position, n.id"


def question_row(r: tuple[Any, ...]) -> QuestionRow:
    """A row of `QUESTION_COLUMNS` as the record the views show."""
    return QuestionRow(
        id=r[0],
        note_id=r[1],
        note=r[2],
        notebook=r[3],
        week=r[4],
        lecture=r[5] if r[5] is not None else r[14],
        asker=r[6],
        text=r[7],
        answer=r[8],
        status=r[9],
        page=r[10],
        media_time=r[11],
        asked_at=r[12],
        answered_by=r[13],
        lecture_ref=r[14],
        edited_by_user=bool(r[15]),
        resolved_at=r[16],
    )


@dataclass(frozen=True)
class ListFacts:
    """What the list's side columns would tell about its rows (the empty ones are left out)."""

    askers: bool  # some question names its asker
    pages: bool  # some question has a slide page or a time in the recording
    lectures: bool  # the questions name more than one lecture (or some name one and some none)
    whole: bool = True  # every row was looked at (a long list's first rows only)


class QuestionList:
    """The questions of a filter (a note, lecture, week or notebook), optionally narrowed to one
    status or asker, with the notes in `skip_notes` left out."""

    def __init__(
        self, conn: sqlite3.Connection, where: QuestionFilter, skip_notes: frozenset[int] = frozenset()
    ) -> None:
        self._conn = conn
        self.where = where
        self.skip_notes = skip_notes
        self._notes: list[int] = []
        self._starts: list[int] = []  # the list position of each note's first question
        self._place: dict[int, int] = {}  # note id -> its index in _notes
        self._resume: dict[tuple[int, int], tuple[int, int]] = {}  # (note, offset) -> cell order key
        self.total = 0
        self.open = 0
        self.refresh()

    def narrowed(self, *, status: str | None = None, asker: str | None = None) -> QuestionList:
        """The same list with only one status's or one asker's questions."""
        return QuestionList(self._conn, replace(self.where, status=status, asker=asker), self.skip_notes)

    def refresh(self) -> None:
        """Read the notes and their counts again (after a write: a toggle changes the open count)."""
        self._resume.clear()
        note_where, kept = self._note_clauses()
        question_level = self.where.asker is not None or self.where.lecture is not None
        if question_level:
            clauses, params = self._question_clauses()
            counted = {
                row[0]: (row[1], row[2])
                for row in self._conn.execute(
                    f"""SELECT q.note_id, count(*), sum(q.status = 'open') FROM questions q {_JOINS}
                        WHERE {" AND ".join(clauses)} GROUP BY q.note_id""",
                    params,
                )
            }
        rows = self._conn.execute(
            f"""SELECT n.id, n.questions_total, n.questions_open FROM notes n
                JOIN notebooks b ON b.id = n.notebook_id
                LEFT JOIN weeks w ON w.id = n.week_id LEFT JOIN lectures l ON l.id = n.lecture_id
                WHERE n.questions_total > 0 AND {" AND ".join(note_where) or "1 = 1"} ORDER BY {_NOTE_ORDER}""",
            kept,
        )
        status = self.where.status
        counts: list[tuple[int, int, int]] = []
        for note_id, note_total, note_open in rows:
            if question_level:
                note_total, note_open = counted.get(note_id, (0, 0))
            if status == "open":
                note_total = note_open
            elif status == "answered":
                note_total, note_open = note_total - note_open, 0
            if note_total > 0 and note_id not in self.skip_notes:
                counts.append((note_id, note_total, note_open))
        self._notes = [note[0] for note in counts]
        self._starts = list(itertools.accumulate((note[1] for note in counts), initial=0))
        self.total = self._starts.pop()
        self.open = sum(note[2] for note in counts)
        self._place = {note_id: i for i, note_id in enumerate(self._notes)}

    @property
    def counts(self) -> Counts:
        return Counts(self.total, self.open)

    def __len__(self) -> int:
        return self.total

    def rows(self, start: int, count: int) -> list[QuestionRow]:
        """Rows `start` to `start + count` (fewer at the end of the list)."""
        found: list[QuestionRow] = []
        if start < 0 or start >= self.total:
            return found
        at = bisect.bisect_right(self._starts, start) - 1
        offset = start - self._starts[at]
        while len(found) < count and at < len(self._notes):
            found += self._note_rows(at, offset, count - len(found))
            at, offset = at + 1, 0
        return found

    def _note_rows(self, at: int, offset: int, limit: int) -> list[QuestionRow]:
        """Up to `limit` rows of one note from `offset`, going on from where the page before
        ended when it was read (a deep OFFSET would walk every cell before it)."""
        clauses, params = self._question_clauses()
        note_id = self._notes[at]
        clauses.append("c.note_id = ?")
        params.append(note_id)
        skip = offset
        resume = self._resume.get((note_id, offset))
        if resume is not None:
            clauses.append("(c.position, c.id) > (?, ?)")
            params += resume
            skip = 0
        rows = self._conn.execute(
            f"""SELECT {QUESTION_COLUMNS}, c.position, c.id FROM cells c CROSS JOIN questions q ON q.cell_id = c.id
                {_JOINS} WHERE {" AND ".join(clauses)} ORDER BY c.position, c.id LIMIT ? OFFSET ?""",
            [*params, limit, skip],
        ).fetchall()
        if rows:
            self._resume[(note_id, offset + len(rows))] = (rows[-1][-2], rows[-1][-1])
        return [question_row(row) for row in rows]

    def position_of(self, question_id: int) -> int | None:
        """Where a question is in the list; None when the list does not hold it."""
        clauses, params = self._question_clauses()
        found = self._conn.execute(
            f"""SELECT q.note_id, c.position, c.id FROM questions q JOIN cells c ON c.id = q.cell_id {_JOINS}
                WHERE q.id = ? AND {" AND ".join(clauses)}""",
            [question_id, *params],
        ).fetchone()
        if found is None or found[0] not in self._place:
            return None
        note_id, position, cell_id = found
        before = self._conn.execute(
            f"""SELECT count(*) FROM cells c CROSS JOIN questions q ON q.cell_id = c.id {_JOINS}
                WHERE c.note_id = ? AND (c.position, c.id) < (?, ?) AND {" AND ".join(clauses)}""",
            [note_id, position, cell_id, *params],
        ).fetchone()[0]
        return self._starts[self._place[note_id]] + int(before)

    def facts(self, within: int = FACTS_FROM) -> ListFacts:
        """Which side columns have something to tell about the first `within` rows (all of a
        list that short): each asked with EXISTS, which stops at the first row that answers it;
        a longer list's view adds what the rows it reads later tell (see QuestionTableModel)."""
        if not self._notes:
            return ListFacts(False, False, False)
        clauses, params = self._question_clauses()
        if self.total > within:
            notes = self._notes[: bisect.bisect_left(self._starts, within)]
            clauses.append(f"q.note_id IN ({', '.join('?' * len(notes))})")
            params += notes
        base = f"FROM questions q {_JOINS} WHERE {' AND '.join(clauses)}"

        def exists(condition: str, extra: tuple[Any, ...] = ()) -> bool:
            sql = f"SELECT EXISTS(SELECT 1 {base} AND {condition})"
            return bool(self._conn.execute(sql, [*params, *extra]).fetchone()[0])

        first = self.rows(0, 1)[0].lecture
        return ListFacts(
            askers=exists("q.asker != ''"),
            pages=exists("(q.slide_page IS NOT NULL OR coalesce(q.media_time, '') != '')"),
            lectures=exists("coalesce(l.number, q.lecture_ref) IS NOT ?", (first,)),
            whole=self.total <= within,
        )

    def askers(self) -> list[str]:
        """Each asker of the list's questions once, in order."""
        clauses, params = self._question_clauses()
        rows = self._conn.execute(
            f"SELECT DISTINCT q.asker FROM questions q {_JOINS} WHERE {' AND '.join(clauses)} AND q.asker != ''",
            params,
        )
        return sorted(row[0] for row in rows)

    def _note_clauses(self) -> tuple[list[str], list[Any]]:
        """The filter's conditions on notes alone (those the kept counts can answer)."""
        return note_clauses(self.where, note_column="n.id")

    def _question_clauses(self) -> tuple[list[str], list[Any]]:
        """Every condition of the filter, over `questions q` and the joins above."""
        clauses, params = filter_clauses(self.where)
        if self.skip_notes:
            clauses.append(f"q.note_id NOT IN ({', '.join('?' * len(self.skip_notes))})")
            params += sorted(self.skip_notes)
        return clauses, params
