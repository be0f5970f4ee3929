"""The Library: one SQLite file, and the only code that writes to it.

Every public write is one transaction and returns what changed, so the UI can
refresh just that and offer undo by applying the `before` values.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Cell, Note, StudyNotesError, nfc
from . import placement, review_rows, saving
from .connection import LibraryError, backup_copy, connect, failure_reason, transaction, writable
from .reader import LibraryReader
from .reviewing import ReviewOperations
from .views import HistoryEntry, ImportResult, QuestionChange

if TYPE_CHECKING:
    from ..importers import ImportedFile

_EDITABLE_QUESTION_FIELDS = frozenset(
    {
        "text",
        "answer",
        "status",
        "asker",
        "answered_by",
        "resolved_at",
        "edited_by_user",
        "slide_page",
        "media_time",
    }
)


class Library(ReviewOperations, LibraryReader):
    def __init__(self, conn: sqlite3.Connection, path: Path, *, read_only: bool = False) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self._data_version: int | None = None

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool | None = None) -> Library:
        """Open a library; a file this process cannot write opens read-only (`read_only=None`)."""
        path = Path(path).expanduser()
        if read_only is None:
            read_only = path.exists() and not writable(path)
        library = cls(connect(path, read_only=read_only), path, read_only=read_only)
        library.changed_elsewhere()  # remember the current version
        return library

    def changed_elsewhere(self) -> bool:
        """True once after another process (a second window, the CLI) committed a change."""
        version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        changed = self._data_version is not None and version != self._data_version
        self._data_version = version
        return changed

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @cached_property
    def db(self) -> Any:
        """The same connection through sqlite-utils (loaded on first write, not at start-up)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise LibraryError(f"{self.path}: the library is open read-only")
        try:
            with transaction(self.conn) as conn:
                yield conn
        except sqlite3.OperationalError as error:
            raise LibraryError(
                f"{self.path}: the change was not saved ({failure_reason(error)}); the library is as it was"
            ) from error

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group several writes into one transaction: all of them land, or none."""
        with self._write():
            yield

    def backup(self, reason: str = "manual") -> Path:
        return backup_copy(self.conn, self.path, reason=reason)

    # -- notebooks -----------------------------------------------------------
    def ensure_notebook(self, title: str) -> int:
        title = nfc(title).strip() or "Notebook"
        existing = self.notebook_id(title)
        if existing is not None:
            return existing
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO notebooks (title, created_at) VALUES (?, ?)", (title, saving.now_iso())
            )
            return int(cursor.lastrowid or 0)

    def rename_notebook(self, notebook_id: int, title: str) -> str:
        """Returns the old title (for undo)."""
        title = nfc(title).strip()
        if not title:
            raise StudyNotesError("a notebook needs a title")
        with self._write() as conn:
            old = conn.execute("SELECT title FROM notebooks WHERE id = ?", (notebook_id,)).fetchone()
            if old is None:
                raise StudyNotesError(f"no notebook {notebook_id}")
            try:
                conn.execute("UPDATE notebooks SET title = ? WHERE id = ?", (title, notebook_id))
            except sqlite3.IntegrityError:
                raise StudyNotesError(f"a notebook called {title!r} already exists") from None
            return str(old[0])

    def set_schedule(
        self, notebook_id: int, start: dt.date | None, days_per_week: int
    ) -> tuple[dt.date | None, int]:
        """Set the start date and study days per week, re-placing every note; returns the old values."""
        if not 1 <= days_per_week <= 7:
            raise StudyNotesError("days per week must be between 1 and 7")
        with self._write() as conn:
            old = placement.notebook_schedule(conn, notebook_id)
            conn.execute(
                "UPDATE notebooks SET start_date = ?, start_date_auto = 0, days_per_week = ? WHERE id = ?",
                (start.isoformat() if start else None, days_per_week, notebook_id),
            )
            placement.place(conn, notebook_id)
            return old

    # -- imports ---------------------------------------------------------------
    def save_import(self, imported: ImportedFile, *, notebook: str | None = None) -> ImportResult:
        """Save one parsed file in one transaction, or leave the library as it was.

        Unchanged bytes: nothing happens.  Changed bytes of a file imported before:
        its notes are replaced, and statuses and answers the user set are kept.
        """
        document = imported.document
        title = notebook or document.notebook_title or imported.path.parent.name or "Notebook"
        file_name = imported.path.name
        warnings = [str(w) for w in imported.warnings]
        with self._write() as conn:
            notebook_id = self._notebook_for_import(conn, nfc(title).strip() or "Notebook", document)
            previous = (
                conn.execute(
                    "SELECT id, sha256 FROM sources WHERE notebook_id = ? AND sha256 = ?",
                    (notebook_id, imported.sha256),
                ).fetchone()
                or conn.execute(
                    "SELECT id, sha256 FROM sources WHERE notebook_id = ? AND file_name = ?",
                    (notebook_id, file_name),
                ).fetchone()
            )
            if previous is not None and previous[1] == imported.sha256:
                return ImportResult(
                    str(imported.path), document.format, title, 0, 0, warnings, unchanged=True
                )
            user_state: dict[str, dict[str, Any]] = {}
            schedules: dict[str, int] = {}
            if previous is not None:
                user_state = saving.saved_user_state(conn, previous[0])
                schedules = review_rows.schedules_of_source(conn, previous[0])
                conn.execute("DELETE FROM notes WHERE source_id = ?", (previous[0],))
                conn.execute("DELETE FROM sources WHERE id = ?", (previous[0],))
            source_id = conn.execute(
                "INSERT INTO sources (notebook_id, file_name, path, sha256, format, imported_at, raw_text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    notebook_id,
                    file_name,
                    str(imported.path),
                    imported.sha256,
                    document.format,
                    saving.now_iso(),
                    imported.raw_text,
                ),
            ).lastrowid
            new_id = saving.IdAllocator(conn)
            lectures, lecture_rows = saving.lecture_ids(
                conn, notebook_id, document.lectures, document.notes, new_id
            )
            batch = saving.note_rows(
                document.notes,
                notebook_id=notebook_id,
                source_id=source_id,
                source_name=file_name,
                lectures=lectures,
                new_id=new_id,
            )
            batch.lectures = lecture_rows
            saving.insert_batch(self.db, batch)
            note_ids = [row["id"] for row in batch.notes]
            kept = saving.restore_user_state(conn, note_ids, user_state)
            review_rows.carry_schedules(conn, note_ids, schedules)
            dates = [n.date for n in document.notes if n.date] + [
                lec.date for lec in document.lectures if lec.date
            ]
            moved = placement.adopt_start_date(conn, notebook_id, document.notebook_start, dates)
            if moved:
                placement.place(conn, notebook_id)
            else:
                placement.place_lectures(
                    conn, notebook_id, [lectures[lec.number] for lec in document.lectures]
                )
                placement.place(conn, notebook_id, note_ids, prune=previous is not None)
        return ImportResult(
            str(imported.path),
            document.format,
            title,
            len(document.notes),
            len(batch.questions) - sum(q["private"] for q in batch.questions),
            warnings,
            updated=previous is not None,
            kept_user_changes=kept,
            note_ids=tuple(note_ids),
        )

    def _notebook_for_import(self, conn: sqlite3.Connection, title: str, document: Any) -> int:
        row = conn.execute(
            "SELECT id, description, properties FROM notebooks WHERE title = ?", (title,)
        ).fetchone()
        if row is None:
            cursor = conn.execute(
                "INSERT INTO notebooks (title, description, properties, created_at) VALUES (?, ?, ?, ?)",
                (
                    title,
                    nfc(document.notebook_description),
                    json.dumps(document.notebook_properties, ensure_ascii=False),
                    saving.now_iso(),
                ),
            )
            return int(cursor.lastrowid or 0)
        if document.notebook_properties and row[2] in ("", "{}"):
            conn.execute(
                "UPDATE notebooks SET properties = ? WHERE id = ?",
                (json.dumps(document.notebook_properties, ensure_ascii=False), row[0]),
            )
        return int(row[0])

    # -- questions -------------------------------------------------------------
    def set_status(self, question_id: int, status: str) -> QuestionChange:
        if status not in ("open", "answered"):
            raise StudyNotesError(f"status must be open or answered, not {status!r}")
        return self.update_question(
            question_id,
            status=status,
            resolved_at=saving.now_iso() if status == "answered" else None,
            answered_by=None if status == "open" else self._answered_by_or_self(question_id),
        )

    def _answered_by_or_self(self, question_id: int) -> str:
        row = self.conn.execute("SELECT answered_by FROM questions WHERE id = ?", (question_id,)).fetchone()
        return str(row[0]) if row and row[0] else "self"

    def edit_question(
        self, question_id: int, *, text: str | None = None, answer: str | None = None
    ) -> QuestionChange:
        values: dict[str, object] = {"edited_by_user": 1}
        if text is not None:
            if not text.strip():
                raise StudyNotesError("a question cannot be empty")
            values["text"] = nfc(text).strip()
        if answer is not None:
            values["answer"] = nfc(answer).strip()
        return self.update_question(question_id, **values)

    def update_question(self, question_id: int, **values: object) -> QuestionChange:
        """Set fields of a question; the returned change holds the old values for undo."""
        unknown = set(values) - _EDITABLE_QUESTION_FIELDS
        if unknown:
            raise StudyNotesError(f"cannot change {', '.join(sorted(unknown))} of a question")
        columns = list(values)
        with self._write() as conn:
            row = conn.execute(
                f"SELECT note_id, {', '.join(columns)} FROM questions WHERE id = ?", (question_id,)
            ).fetchone()
            if row is None:
                raise StudyNotesError(f"no question {question_id}")
            before = dict(zip(columns, row[1:], strict=True))
            sets = ", ".join(f"{c} = ?" for c in columns)
            conn.execute(f"UPDATE questions SET {sets} WHERE id = ?", [*values.values(), question_id])
        return QuestionChange(question_id, int(row[0]), before, dict(values))

    # -- cells -------------------------------------------------------------------
    def update_cell(self, cell_id: int, markdown: str) -> str:
        """Replace a text cell's Markdown; returns the old text (for undo)."""
        with self._write() as conn:
            row = conn.execute("SELECT markdown FROM cells WHERE id = ?", (cell_id,)).fetchone()
            if row is None:
                raise StudyNotesError(f"no cell {cell_id}")
            conn.execute("UPDATE cells SET markdown = ? WHERE id = ?", (nfc(markdown), cell_id))
            return str(row[0])

    def add_cell(self, note_id: int, cell: Cell, position: int | None = None) -> int:
        """Insert a cell (text or question) at `position` (the end by default); returns its id."""
        with self._write() as conn:
            count = conn.execute("SELECT count(*) FROM cells WHERE note_id = ?", (note_id,)).fetchone()[0]
            position = count if position is None else max(0, min(position, count))
            conn.execute(
                "UPDATE cells SET position = position + 1 WHERE note_id = ? AND position >= ?",
                (note_id, position),
            )
            cell_id = int(
                conn.execute(
                    "INSERT INTO cells (note_id, position, kind, markdown) VALUES (?, ?, ?, ?)",
                    (note_id, position, cell.kind, nfc(cell.markdown)),
                ).lastrowid
                or 0
            )
            if cell.question is not None:
                question = cell.question
                row = saving.question_row(question, 0, cell_id, note_id, "")
                row.pop("id")
                if question.id is not None:
                    row["id"] = question.id
                row["edited_by_user"] = 1
                names = ", ".join(row)
                conn.execute(
                    f"INSERT INTO questions ({names}) VALUES ({', '.join('?' * len(row))})",
                    list(row.values()),
                )
            return cell_id

    def delete_cell(self, cell_id: int) -> tuple[int, int, Cell]:
        """Remove a cell; returns (note id, position, the cell) so it can be put back."""
        with self._write() as conn:
            row = conn.execute("SELECT note_id, position FROM cells WHERE id = ?", (cell_id,)).fetchone()
            if row is None:
                raise StudyNotesError(f"no cell {cell_id}")
            note = self.note(row[0])
            cell = next(c for c in note.cells if c.id == cell_id) if note else Cell()
            conn.execute("DELETE FROM cells WHERE id = ?", (cell_id,))
            conn.execute("UPDATE cells SET position = position - 1 WHERE note_id = ? AND position > ?", row)
            return int(row[0]), int(row[1]), cell

    # -- history -----------------------------------------------------------------
    def history(self, note_id: int) -> list[HistoryEntry]:
        """Earlier versions of the note's cells and answers, newest first."""
        return [
            HistoryEntry(*row)
            for row in self.conn.execute(
                "SELECT id, note_id, cell_id, question_id, field, old_value, changed_at FROM history"
                " WHERE note_id = ? ORDER BY id DESC",
                (note_id,),
            )
        ]

    def restore_version(self, history_id: int) -> HistoryEntry:
        """Put an earlier version back (the current text becomes a version in turn)."""
        row = self.conn.execute(
            "SELECT id, note_id, cell_id, question_id, field, old_value, changed_at FROM history WHERE id = ?",
            (history_id,),
        ).fetchone()
        if row is None:
            raise StudyNotesError(f"no version {history_id} (see `studynotes history NOTE_ID`)")
        entry = HistoryEntry(*row)
        if entry.field == "markdown" and entry.cell_id is not None:
            if self.conn.execute("SELECT 1 FROM cells WHERE id = ?", (entry.cell_id,)).fetchone() is None:
                raise StudyNotesError(
                    f"the cell of version {history_id} was deleted; copy the text from the history"
                )
            self.update_cell(entry.cell_id, entry.old_value)
        elif entry.question_id is not None:
            if self.question(entry.question_id) is None:
                raise StudyNotesError(f"the question of version {history_id} was deleted")
            self.update_question(entry.question_id, **{entry.field: entry.old_value, "edited_by_user": 1})
        return entry

    def daily_backup(self) -> Path | None:
        from .backups import daily_backup

        return None if self.read_only else daily_backup(self.conn, self.path)

    # -- notes ---------------------------------------------------------------------
    def create_note(
        self,
        notebook_id: int,
        title: str,
        *,
        week: int | None = None,
        lecture: int | None = None,
        date: dt.date | None = None,
    ) -> int:
        note = Note(title=title, kind="markdown", week=week, lecture=lecture, date=date)
        with self._write() as conn:
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
            saving.insert_batch(self.db, batch)
            note_id = int(batch.notes[0]["id"])
            if week is not None:
                conn.execute("UPDATE notes SET placed_by_user = 1 WHERE id = ?", (note_id,))
            placement.place(conn, notebook_id, [note_id])
            return note_id

    def move_note(
        self, note_id: int, *, week: int | None, lecture: int | None
    ) -> tuple[int | None, int | None]:
        """Put a note into a week (None: Unsorted) and lecture; returns the old placement."""
        with self._write() as conn:
            row = conn.execute(
                """SELECT n.notebook_id, w.number, l.number FROM notes n LEFT JOIN weeks w ON w.id = n.week_id
                   LEFT JOIN lectures l ON l.id = n.lecture_id WHERE n.id = ?""",
                (note_id,),
            ).fetchone()
            if row is None:
                raise StudyNotesError(f"no note {note_id}")
            notebook_id = row[0]
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
                "UPDATE notes SET week_number = ?, lecture_id = ?, placed_by_user = 1 WHERE id = ?",
                (week, lecture_id, note_id),
            )
            placement.place(conn, notebook_id, [note_id])
            return row[1], row[2]
