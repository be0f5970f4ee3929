"""The Library: one SQLite file, and the only code that writes to it.

Every public write is an intent-level operation (`question_edits`, `cell_edits`, `note_edits`,
and the imports here): one transaction that returns a `Change`, so a view updates just what it
names and undo applies its inverse.  Raw column updates are private.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import StudyNotesError, nfc
from . import placement, saving, sources
from .cell_edits import CellEdits
from .changes import Change
from .connection import backup_copy, connect, writable
from .deleting import Deleting
from .note_edits import NoteEdits
from .people import PeopleEdits, apply_to_questions, people_of
from .question_decisions import QuestionDecisions
from .question_edits import QuestionEdits
from .reviewing import ReviewOperations
from .sharing_ops import SharingOperations

if TYPE_CHECKING:
    from ..importers import ImportedFile
    from .answers import HistoryEntry, ImportResult


class Library(
    QuestionEdits,
    QuestionDecisions,
    CellEdits,
    NoteEdits,
    Deleting,
    PeopleEdits,
    ReviewOperations,
    SharingOperations,
):
    OPERATIONS = frozenset(
        {
            "set_status",
            "toggle_status",
            "edit_question",
            "_restore_question",
            "add_cell",
            "edit_cell",
            "delete_cell",
            "move_cell",
            "_restore_cell",
            "add_note",
            "rename_note",
            "move_note",
            "delete_note",
            "_restore_placement",
            "delete_notebook",
            "restore_deleted",
            "purge_deleted",
            "rename_notebook",
            "add_notebook",
            "_remove_empty_notebook",
            "_restore_notebook",
            "set_schedule",
            "_restore_schedule",
            "restore_version",
            "set_chat_people",
            "_restore_people",
            "make_question",
            "dismiss_question",
            "_restore_decided",
        }
    ) | (ReviewOperations.REVIEW_OPERATIONS)

    def __init__(self, conn: sqlite3.Connection, path: Path, *, read_only: bool = False) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self._data_version: int | None = None
        self.closed = False

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
        self.closed = True

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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

    # -- imports ---------------------------------------------------------------
    def unchanged_file(self, path: Path, sha256: str, notebook: str | None) -> ImportResult | None:
        """What importing a file would do when the notebook already holds its bytes, told before
        parsing it (as `save_import` would tell after); None when it must be parsed and saved.

        The notebook is the one named, else the file's folder's, where `save_import` puts a file
        that does not name its own notebook."""
        from .answers import ImportResult

        title = nfc(notebook or path.parent.name).strip() or "Notebook"
        row = self.conn.execute(
            "SELECT s.format FROM sources s JOIN notebooks b ON b.id = s.notebook_id"
            " WHERE b.title = ? AND s.sha256 = ? LIMIT 1",
            (title, sha256),
        ).fetchone()
        if row is None:
            return None
        return ImportResult(str(path), str(row[0]), title, 0, 0, unchanged=True)

    def save_import(self, imported: ImportedFile, *, notebook: str | None = None) -> ImportResult:
        """Save one parsed file in one transaction, or leave the library as it was.

        Unchanged bytes: nothing happens.  Changed bytes of a file imported before
        (the same path below the import's folder): its notes are updated in place,
        keeping their ids and everything the user decided (see reimport.py).
        """
        from . import reimport  # with the decisions: loaded by the first import, not to open a library
        from .answers import ImportResult
        from .decisions import apply_decisions

        document = imported.document
        title = notebook or document.notebook_title or imported.path.parent.name or "Notebook"
        warnings = [str(w) for w in imported.warnings]
        with self._write() as conn:
            notebook_id = self._notebook_for_import(conn, nfc(title).strip() or "Notebook", document)
            people = people_of(conn, notebook_id)
            apply_to_questions(people, document.questions)
            previous = sources.find(conn, notebook_id, imported)
            if previous is not None and previous[1] == imported.sha256:
                return ImportResult(
                    str(imported.path), document.format, title, 0, 0, warnings, unchanged=True
                )
            source_id = sources.save(conn, notebook_id, imported, previous[0] if previous else None)
            file_name = imported.source_name or imported.path.name  # what stable keys are made from
            decisions = self.decisions(notebook_id, file_name)
            apply_decisions(document, decisions, file_name)
            new_id = saving.IdAllocator(conn)
            lectures, lecture_rows = saving.lecture_ids(
                conn, notebook_id, document.lectures, document.notes, new_id
            )
            saving.insert_batch(conn, saving.Batch(lectures=lecture_rows))
            outcome = reimport.update_source(
                conn,
                source_id=source_id,
                notebook_id=notebook_id,
                notes=document.notes,
                source_name=file_name,
                lectures=lectures,
                new_id=new_id,
                hints=imported.hints,
                as_parsed=not decisions and not (people.instructors or people.aliases),
            )
            note_ids = outcome.note_ids
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
            outcome.questions,
            warnings,
            updated=previous is not None,
            kept_user_changes=outcome.kept_user_changes,
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

    # -- history -----------------------------------------------------------------
    def history(self, note_id: int) -> list[HistoryEntry]:
        """Earlier versions of the note's cells and answers, newest first."""
        from .answers import HistoryEntry

        return [
            HistoryEntry(*row)
            for row in self.conn.execute(
                "SELECT id, note_id, cell_id, question_id, field, old_value, changed_at FROM history"
                " WHERE note_id = ? ORDER BY id DESC",
                (note_id,),
            )
        ]

    def version(self, history_id: int) -> HistoryEntry | None:
        from .answers import HistoryEntry

        row = self.conn.execute(
            "SELECT id, note_id, cell_id, question_id, field, old_value, changed_at FROM history WHERE id = ?",
            (history_id,),
        ).fetchone()
        return HistoryEntry(*row) if row else None

    def restore_version(self, history_id: int) -> Change:
        """Put an earlier version back (the current text becomes a version in turn)."""
        entry = self.version(history_id)
        if entry is None:
            raise StudyNotesError(f"no version {history_id} (see `studynotes history NOTE_ID`)")
        label = "Restore an earlier version"
        if entry.field == "markdown" and entry.cell_id is not None:
            if self.conn.execute("SELECT 1 FROM cells WHERE id = ?", (entry.cell_id,)).fetchone() is None:
                raise StudyNotesError(
                    f"the cell of version {history_id} was deleted; copy the text from the history"
                )
            return dataclasses.replace(self.edit_cell(entry.cell_id, entry.old_value), label=label)
        if entry.question_id is None or self.question(entry.question_id) is None:
            raise StudyNotesError(
                f"the question of version {history_id} was deleted; copy the text from the history"
            )
        values = {entry.field: entry.old_value, "edited_by_user": True}
        with self._write() as conn:
            return self._update_question(conn, entry.question_id, values, label)

    def daily_backup(self) -> Path | None:
        from .backups import daily_backup

        return None if self.read_only else daily_backup(self.conn, self.path)
