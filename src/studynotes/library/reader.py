"""The library's read side: the tree, notes, questions and search.

Reads go straight to sqlite3 (no per-query savepoints) because the tree and
the question list call them on every click.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TypedDict, Unpack

from ..model import Attachment, Cell, Note
from .cell_pages import NOTE_QUESTION_COLUMNS, CellPages, note_question
from .filter_sql import filter_clauses
from .question_list import QUESTION_COLUMNS, QuestionList, question_row
from .question_listing import NOTE_ORDER, iter_questions_json
from .searching import LibrarySearch
from .views import (
    Counts,
    LectureInfo,
    NotebookInfo,
    NoteInfo,
    QuestionFilter,
    QuestionRow,
    WeekInfo,
)
from .weeks import parse_date

_NOTE_COUNTS = "coalesce(sum(n.questions_total), 0), coalesce(sum(n.questions_open), 0)"


class NoteFilters(TypedDict, total=False):
    """The filters of `notes()`; every one given must hold."""

    notebook_id: int | None
    notebook: str | None
    week_id: int | None
    week: int | None
    lecture_id: int | None
    direct_only: bool
    unsorted: bool


class LibraryReader(LibrarySearch):
    conn: sqlite3.Connection
    path: Path

    # -- the tree -------------------------------------------------------
    def notebooks(self) -> list[NotebookInfo]:
        return self._notebooks(None)

    def notebook(self, notebook_id: int) -> NotebookInfo | None:
        """One notebook, counting its questions alone (all notebooks' counts take 15 ms at 100,000)."""
        found = self._notebooks(notebook_id)
        return found[0] if found else None

    def _notebooks(self, notebook_id: int | None) -> list[NotebookInfo]:
        """The notebooks with the counts kept for them (`notebook_counts.py`): no note is read."""
        sql = """SELECT b.id, b.title, b.start_date, b.days_per_week, b.description, b.properties,
                        coalesce(c.questions_total, 0), coalesce(c.questions_open, 0)
                 FROM notebooks b LEFT JOIN notebook_counts c ON c.notebook_id = b.id"""
        sql += " WHERE b.id = ?" if notebook_id is not None else " ORDER BY b.title"
        params = (notebook_id,) if notebook_id is not None else ()
        return [
            NotebookInfo(
                id=row[0],
                title=row[1],
                start_date=parse_date(row[2]),
                days_per_week=row[3],
                description=row[4],
                properties=json.loads(row[5] or "{}"),
                counts=Counts(row[6], row[7]),
            )
            for row in self.conn.execute(sql, params)
        ]

    def notebook_id(self, title: str) -> int | None:
        row = self.conn.execute("SELECT id FROM notebooks WHERE title = ?", (title,)).fetchone()
        return int(row[0]) if row else None

    def weeks(self, notebook_id: int) -> list[WeekInfo]:
        counts = self._grouped_counts("n.week_id", "n.notebook_id = ?", (notebook_id,))
        return [
            WeekInfo(row[0], notebook_id, row[1], row[2], parse_date(row[3]), counts.get(row[0], Counts()))
            for row in self.conn.execute(
                "SELECT id, number, label, first_day FROM weeks WHERE notebook_id = ? ORDER BY number",
                (notebook_id,),
            )
        ]

    def week_id(self, notebook_id: int, number: int) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM weeks WHERE notebook_id = ? AND number = ?", (notebook_id, number)
        ).fetchone()
        return int(row[0]) if row else None

    def unsorted_counts(self, notebook_id: int) -> Counts:
        return self._grouped_counts("1", "n.notebook_id = ? AND n.week_id IS NULL", (notebook_id,)).get(
            1, Counts()
        )

    def has_unsorted(self, notebook_id: int) -> bool:
        row = self.conn.execute(
            """SELECT EXISTS(SELECT 1 FROM notes WHERE notebook_id = ? AND week_id IS NULL)
               OR EXISTS(SELECT 1 FROM lectures WHERE notebook_id = ? AND week_id IS NULL)""",
            (notebook_id, notebook_id),
        ).fetchone()
        return bool(row[0])

    def lectures(self, notebook_id: int, week_id: int | None) -> list[LectureInfo]:
        """Lectures of a week; `week_id=None` gives the unsorted ones."""
        where = "week_id IS NULL" if week_id is None else "week_id = ?"
        params: tuple[Any, ...] = (notebook_id,) if week_id is None else (notebook_id, week_id)
        return self._lectures(notebook_id, where, params)

    def all_lectures(self, notebook_id: int) -> list[LectureInfo]:
        """Every lecture of a notebook, in number order, counted in one query."""
        return self._lectures(notebook_id, "1 = 1", (notebook_id,))

    def _lectures(self, notebook_id: int, where: str, params: tuple[Any, ...]) -> list[LectureInfo]:
        counts = self._grouped_counts("n.lecture_id", "n.notebook_id = ?", (notebook_id,))
        return [
            LectureInfo(
                row[0],
                notebook_id,
                row[1],
                row[2],
                row[3],
                parse_date(row[4]),
                json.loads(row[5] or "{}"),
                counts.get(row[0], Counts()),
                row[6],
            )
            for row in self.conn.execute(
                f"SELECT id, week_id, number, title, date, properties,"
                f" (SELECT count(*) FROM notes n WHERE n.lecture_id = lectures.id) FROM lectures"
                f" WHERE notebook_id = ? AND {where} ORDER BY number",
                params,
            )
        ]

    def lecture(self, lecture_id: int) -> LectureInfo | None:
        row = self.conn.execute(
            "SELECT notebook_id, week_id FROM lectures WHERE id = ?", (lecture_id,)
        ).fetchone()
        if row is None:
            return None
        return next((lec for lec in self.lectures(row[0], row[1]) if lec.id == lecture_id), None)

    def notes(self, **filters: Unpack[NoteFilters]) -> list[NoteInfo]:
        """Notes matching every filter given, in tree order.

        `direct_only` keeps notes not under a lecture (a week's own notes);
        `unsorted` keeps notes with no week.
        """
        return list(self.iter_notes(**filters))

    def iter_notes(
        self,
        *,
        notebook_id: int | None = None,
        notebook: str | None = None,
        week_id: int | None = None,
        week: int | None = None,
        lecture_id: int | None = None,
        direct_only: bool = False,
        unsorted: bool = False,
    ) -> Iterator[NoteInfo]:
        """`notes()` one row at a time, so that a whole library can be printed in flat memory."""
        clauses, params = [], []
        for clause, value in (
            ("n.notebook_id = ?", notebook_id),
            ("b.title = ?", notebook),
            ("n.week_id = ?", week_id),
            ("w.number = ?", week),
            ("n.lecture_id = ?", lecture_id),
        ):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        if direct_only:
            clauses.append("n.lecture_id IS NULL")
        if unsorted:
            clauses.append("n.week_id IS NULL")
        where = " AND ".join(clauses) or "1 = 1"
        counts = self._grouped_counts("n.id", where, tuple(params), joins=True)
        rows = self.conn.execute(
            f"""SELECT n.id, n.notebook_id, b.title, n.week_id, w.number, n.lecture_id, l.number, n.title, n.kind, n.date
                FROM notes n JOIN notebooks b ON b.id = n.notebook_id
                LEFT JOIN weeks w ON w.id = n.week_id LEFT JOIN lectures l ON l.id = n.lecture_id
                WHERE {where}
                ORDER BY b.title, w.number IS NULL, w.number, l.number, n.date, n.source_id, n.position, n.id""",
            params,
        )
        for r in rows:
            yield NoteInfo(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                r[8],
                parse_date(r[9]),
                counts.get(r[0], Counts()),
            )

    def counts(
        self,
        *,
        notebook_id: int | None = None,
        week_id: int | None = None,
        lecture_id: int | None = None,
        note_id: int | None = None,
        unsorted: bool = False,
    ) -> Counts:
        """Open/total questions of one node, by an indexed path (what a toggle has to refresh)."""
        clauses, params = [], []
        for clause, value in (
            ("n.notebook_id = ?", notebook_id),
            ("n.week_id = ?", week_id),
            ("n.lecture_id = ?", lecture_id),
            ("n.id = ?", note_id),
        ):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        if unsorted:
            clauses.append("n.week_id IS NULL")
        where = " AND ".join(clauses) or "1 = 1"
        row = self.conn.execute(f"SELECT {_NOTE_COUNTS} FROM notes n WHERE {where}", params).fetchone()
        return Counts(row[0], row[1])

    def note_place(self, note_id: int) -> tuple[int, int | None, int | None] | None:
        """(notebook id, week id, lecture id) of a note."""
        row = self.conn.execute(
            "SELECT notebook_id, week_id, lecture_id FROM notes WHERE id = ?", (note_id,)
        ).fetchone()
        return (int(row[0]), row[1], row[2]) if row else None

    def note_for_link(self, key: str, notebook_id: int | None = None) -> int | None:
        """The note a `studynotes://note/KEY` link names: the first note of the file imported
        under that name (a Notion id, a path in a repository), in the linking notebook first."""
        row = self.conn.execute(
            """SELECT n.id FROM notes n JOIN sources s ON s.id = n.source_id WHERE s.file_name = ?
               ORDER BY s.notebook_id = ? DESC, n.position, n.id LIMIT 1""",
            (key, notebook_id or 0),
        ).fetchone()
        return int(row[0]) if row else None

    def attachment_file(self, attachment_id: int) -> tuple[str, bytes] | None:
        """The name and bytes of a file kept with a note, for the system's viewer to open."""
        row = self.conn.execute(
            "SELECT name, data FROM attachments WHERE id = ?", (attachment_id,)
        ).fetchone()
        return (str(row[0]), bytes(row[1])) if row is not None and row[1] is not None else None

    def note_info(self, note_id: int) -> NoteInfo | None:
        row = self.conn.execute("SELECT notebook_id FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            return None
        return next((n for n in self.notes(notebook_id=row[0]) if n.id == note_id), None)

    def _grouped_counts(
        self, key: str, where: str, params: tuple[Any, ...], *, joins: bool = False
    ) -> dict[Any, Counts]:
        """Sums of the counts each note keeps (schema migration 7): no question is read."""
        extra = (
            " JOIN notebooks b ON b.id = n.notebook_id LEFT JOIN weeks w ON w.id = n.week_id"
            " LEFT JOIN lectures l ON l.id = n.lecture_id"
            if joins
            else ""
        )
        rows = self.conn.execute(
            f"""SELECT {key}, {_NOTE_COUNTS} FROM notes n{extra}
                WHERE n.questions_total > 0 AND {where} GROUP BY {key}""",
            params,
        )
        return {row[0]: Counts(row[1], row[2]) for row in rows}

    def recounted_mismatches(self) -> list[int]:
        """Notes whose kept counts differ from a count of their questions (empty when all is well)."""
        rows = self.conn.execute(
            """SELECT n.id FROM notes n LEFT JOIN (
                   SELECT note_id, count(*) AS total, sum(status = 'open') AS open
                   FROM questions WHERE private = 0 GROUP BY note_id) q ON q.note_id = n.id
               WHERE n.questions_total != coalesce(q.total, 0) OR n.questions_open != coalesce(q.open, 0)"""
        )
        return [row[0] for row in rows]

    def recounted_notebook_mismatches(self) -> list[int]:
        """Notebooks whose kept counts differ from the sum of their notes' (empty when all is well)."""
        kept = {
            row[0]: Counts(row[1], row[2])
            for row in self.conn.execute(
                "SELECT notebook_id, questions_total, questions_open FROM notebook_counts"
            )
        }
        sums = self._grouped_counts("n.notebook_id", "1 = 1", ())
        notebooks = [row[0] for row in self.conn.execute("SELECT id FROM notebooks ORDER BY id")]
        return [nb for nb in notebooks if kept.get(nb) != sums.get(nb, Counts())]

    # -- one note, whole ---------------------------------------------------
    def cell_count(self, note_id: int) -> int:
        row = self.conn.execute("SELECT count(*) FROM cells WHERE note_id = ?", (note_id,)).fetchone()
        return int(row[0])

    def note(self, note_id: int, *, cells_as_used: bool = False) -> Note | None:
        """A note, whole; with `cells_as_used`, its cells are read only as they are used
        (CellPages), so a long chat's first screen waits for its 40 cells, not 100,000."""
        row = self.conn.execute(
            """SELECT n.title, n.kind, n.date, w.number, n.day, l.number, l.title, n.properties,
                      n.notebook_id, n.source_id, n.position
               FROM notes n LEFT JOIN weeks w ON w.id = n.week_id LEFT JOIN lectures l ON l.id = n.lecture_id
               WHERE n.id = ?""",
            (note_id,),
        ).fetchone()
        if row is None:
            return None
        attachments = [
            Attachment(name=r[0], mime_type=r[1], data=r[2], sha256=r[3], id=r[4])
            for r in self.conn.execute(
                "SELECT name, mime_type, data, sha256, id FROM attachments WHERE note_id = ? ORDER BY id",
                (note_id,),
            )
        ]
        cells: Sequence[Cell]
        if cells_as_used:
            cells = CellPages(self.path, note_id, self.cell_count(note_id))
        else:
            questions = {
                r[0]: note_question(r)
                for r in self.conn.execute(
                    f"SELECT {NOTE_QUESTION_COLUMNS} FROM questions WHERE note_id = ?", (note_id,)
                )
            }
            cells = [
                Cell(kind=kind, markdown=markdown, question=questions.get(cell_id), id=cell_id)
                for cell_id, kind, markdown in self.conn.execute(
                    "SELECT id, kind, markdown FROM cells WHERE note_id = ? ORDER BY position, id", (note_id,)
                )
            ]
        return Note(
            title=row[0],
            kind=row[1],
            cells=cells,  # type: ignore[arg-type]  # a long note's CellPages reads as a list does
            date=parse_date(row[2]),
            week=row[3],
            day=row[4],
            lecture=row[5],
            lecture_title=row[6] or None,
            properties=json.loads(row[7] or "{}"),
            attachments=attachments,
            id=note_id,
            notebook_id=row[8],
            source_id=row[9],
            position=row[10],
        )

    # -- questions -----------------------------------------------------------
    def questions(
        self, where: QuestionFilter | None = None, *, include_private: bool = False
    ) -> list[QuestionRow]:
        return list(self.iter_questions(where, include_private=include_private))

    def question_list(self, where: QuestionFilter, skip_notes: frozenset[int] = frozenset()) -> QuestionList:
        """`questions(where)` for a view: counted from the notes' kept counts, read page by page."""
        return QuestionList(self.conn, where, skip_notes)

    def iter_questions(
        self, where: QuestionFilter | None = None, *, include_private: bool = False
    ) -> Iterator[QuestionRow]:
        """`questions()` one row at a time: a million rows print in flat memory."""
        clauses, params = filter_clauses(where or QuestionFilter(), include_private=include_private)
        sql = f"""SELECT {QUESTION_COLUMNS}
            FROM questions q JOIN notes n ON n.id = q.note_id JOIN notebooks b ON b.id = n.notebook_id
            JOIN cells c ON c.id = q.cell_id
            LEFT JOIN weeks w ON w.id = n.week_id LEFT JOIN lectures l ON l.id = n.lecture_id
            WHERE {" AND ".join(clauses) or "1 = 1"}
            ORDER BY {NOTE_ORDER}, c.position, c.id"""
        for row in self.conn.execute(sql, params):
            yield question_row(row)

    def iter_questions_json(self, where: QuestionFilter | None = None) -> Iterator[bytes]:
        """`questions()` as `questions --json` prints them, note by note: UTF-8 JSON objects
        joined by `question_listing.SEPARATOR` (a million questions in seconds, not a minute)."""
        return iter_questions_json(self.conn, where or QuestionFilter())

    def question(self, question_id: int) -> QuestionRow | None:
        row = self.conn.execute(
            f"""SELECT {QUESTION_COLUMNS}
            FROM questions q JOIN notes n ON n.id = q.note_id JOIN notebooks b ON b.id = n.notebook_id
            LEFT JOIN weeks w ON w.id = n.week_id LEFT JOIN lectures l ON l.id = n.lecture_id
            WHERE q.id = ?""",
            (question_id,),
        ).fetchone()
        return question_row(row) if row else None

    def askers(self, notebook_id: int | None = None) -> list[str]:
        sql = "SELECT DISTINCT q.asker FROM questions q JOIN notes n ON n.id = q.note_id WHERE q.asker != ''"
        params: tuple[Any, ...] = ()
        if notebook_id is not None:
            sql += " AND n.notebook_id = ?"
            params = (notebook_id,)
        return sorted(r[0] for r in self.conn.execute(sql + " ORDER BY q.asker", params))
