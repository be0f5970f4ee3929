"""Operations that correct the question detector: make a question, dismiss one.

Both change the note now and store the decision, keyed by the question's stable key,
so a re-import of the file gives the same questions (see `decisions`).  Undo puts the
note's cells, questions and the decision back exactly as they were.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from ..model import Question, StudyNotesError
from .changes import Change, Operation
from .saving import now_iso, question_row, stable_key
from .writing import LibraryWriter

if TYPE_CHECKING:
    from .decisions import Decision


class QuestionDecisions(LibraryWriter):
    def make_question(self, note_id: int, text: str) -> Change:
        """The paragraph or item of the note containing `text` becomes a question; the rest of
        its cell becomes the answer.  Exactly one paragraph must contain the words."""
        from .decisions import MAKE, Decision, one_split  # loaded when first decided, not to open a library

        with self._write() as conn:
            snapshot = self._snapshot(note_id)
            markdown_cells = [
                (int(row["id"]), str(row["markdown"]))
                for row in sorted(snapshot["cells"], key=lambda r: int(r["position"]))
                if row["kind"] == "markdown"
            ]
            cell_id, split = one_split(markdown_cells, text)
            notebook_id, source_name = self._origin(conn, note_id)
            question = Question(text=split.question, answer=split.answer)
            question.status = "answered" if split.answer.strip() else "open"
            if split.before.strip():
                position = conn.execute("SELECT position FROM cells WHERE id = ?", (cell_id,)).fetchone()[0]
                conn.execute(
                    "UPDATE cells SET position = position + 1 WHERE note_id = ? AND position > ?",
                    (note_id, position),
                )
                conn.execute("UPDATE cells SET markdown = ? WHERE id = ?", (split.before, cell_id))
                cell_id = int(
                    conn.execute(
                        "INSERT INTO cells (note_id, position, kind, markdown) VALUES (?, ?, 'question', '')",
                        (note_id, position + 1),
                    ).lastrowid
                    or 0
                )
            else:
                conn.execute("UPDATE cells SET kind = 'question', markdown = '' WHERE id = ?", (cell_id,))
            question_id = self._next_id(conn, "questions")
            self._insert_rows(
                "questions", [question_row(question, question_id, cell_id, note_id, source_name)]
            )
            key = stable_key(question, source_name)
            self._decide(conn, notebook_id, source_name, Decision(MAKE, key, question.text))
            return self._change("Make a question", note_id, snapshot, created=(("question", question_id),))

    def dismiss_question(self, question_id: int) -> Change:
        """The question becomes text again (its words, then its answer), and stays text."""
        from .decisions import DISMISS, Decision, as_text

        with self._write() as conn:
            row = conn.execute(
                "SELECT note_id, cell_id, text, answer, stable_key FROM questions WHERE id = ?",
                (question_id,),
            ).fetchone()
            if row is None:
                raise StudyNotesError(f"no question {question_id}")
            note_id, cell_id = int(row[0]), int(row[1])
            snapshot = self._snapshot(note_id)
            notebook_id, source_name = self._origin(conn, note_id)
            conn.execute("DELETE FROM questions WHERE id = ?", (question_id,))
            text = as_text(Question(text=row[2], answer=row[3]))
            conn.execute("UPDATE cells SET kind = 'markdown', markdown = ? WHERE id = ?", (text, cell_id))
            self._decide(conn, notebook_id, source_name, Decision(DISMISS, str(row[4]), str(row[2])))
            return self._change("Not a question", note_id, snapshot, deleted=(("question", question_id),))

    def _restore_decided(self, note_id: int, snapshot: dict[str, list[dict[str, Any]]]) -> Change:
        """Undo: the note's cells and questions, and the decisions, as they were."""
        with self._write() as conn:
            before = self._snapshot(note_id)
            conn.execute("DELETE FROM cells WHERE note_id = ?", (note_id,))
            self._insert_rows("cells", snapshot["cells"])
            self._insert_rows("questions", snapshot["questions"])
            notebook_id, source_name = self._origin(conn, note_id)
            conn.execute(
                "DELETE FROM question_decisions WHERE notebook_id = ? AND source_name = ?",
                (notebook_id, source_name),
            )
            self._insert_rows("question_decisions", snapshot["decisions"])
            gone = {int(q["id"]) for q in before["questions"]} - {int(q["id"]) for q in snapshot["questions"]}
            back = {int(q["id"]) for q in snapshot["questions"]} - {int(q["id"]) for q in before["questions"]}
            return Change(
                "Restore questions",
                inverse=Operation.of("_restore_decided", note_id=note_id, snapshot=before),
                created=tuple(("question", i) for i in sorted(back)),
                deleted=tuple(("question", i) for i in sorted(gone)),
                counts=self._path_counts([note_id]),
                notes=frozenset({note_id}),
            )

    def decisions(self, notebook_id: int, source_name: str) -> list[Decision]:
        """The user's decisions for one imported file of a notebook."""
        from .decisions import Decision

        try:
            rows = self.conn.execute(
                "SELECT decision, stable_key, text FROM question_decisions"
                " WHERE notebook_id = ? AND source_name = ? ORDER BY id",
                (notebook_id, source_name),
            ).fetchall()
        except sqlite3.OperationalError:  # a library held at an older schema (opened read-only to upgrade)
            return []
        return [Decision(str(r[0]), str(r[1]), str(r[2])) for r in rows]

    # --- helpers -------------------------------------------------------------------------

    def _snapshot(self, note_id: int) -> dict[str, list[dict[str, Any]]]:
        if self.conn.execute("SELECT 1 FROM notes WHERE id = ?", (note_id,)).fetchone() is None:
            raise StudyNotesError(f"no note {note_id}")
        notebook_id, source_name = self._origin(self.conn, note_id)
        return {
            "cells": self._rows("cells", "note_id = ?", (note_id,)),
            "questions": self._rows("questions", "note_id = ?", (note_id,)),
            "decisions": self._rows(
                "question_decisions", "notebook_id = ? AND source_name = ?", (notebook_id, source_name)
            ),
        }

    def _origin(self, conn: sqlite3.Connection, note_id: int) -> tuple[int, str]:
        """The note's notebook and the name of the file it came from ('' when written here)."""
        row = conn.execute(
            "SELECT n.notebook_id, coalesce(s.file_name, '') FROM notes n"
            " LEFT JOIN sources s ON s.id = n.source_id WHERE n.id = ?",
            (note_id,),
        ).fetchone()
        return int(row[0]), str(row[1])

    def _decide(
        self, conn: sqlite3.Connection, notebook_id: int, source_name: str, decision: Decision
    ) -> None:
        """One decision per question: the latest word wins (making what was dismissed, and back)."""
        conn.execute(
            "DELETE FROM question_decisions WHERE notebook_id = ? AND source_name = ? AND stable_key = ?",
            (notebook_id, source_name, decision.key),
        )
        conn.execute(
            "INSERT INTO question_decisions (notebook_id, source_name, stable_key, decision, text, made_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (notebook_id, source_name, decision.key, decision.kind, decision.text, now_iso()),
        )

    def _next_id(self, conn: sqlite3.Connection, table: str) -> int:
        return int(conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])

    def _change(
        self,
        label: str,
        note_id: int,
        snapshot: dict[str, list[dict[str, Any]]],
        *,
        created: tuple[tuple[str, int], ...] = (),
        deleted: tuple[tuple[str, int], ...] = (),
    ) -> Change:
        return Change(
            label,
            inverse=Operation.of("_restore_decided", note_id=note_id, snapshot=snapshot),
            created=created,
            deleted=deleted,
            counts=self._path_counts([note_id]),
            notes=frozenset({note_id}),
        )
