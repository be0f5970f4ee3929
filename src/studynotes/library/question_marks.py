"""Correcting the detector: a question that is not one becomes text, a text cell becomes a question.

Both keep every word (the question's answer stays below it as text; a cell's first paragraph
becomes the question and the rest its answer) and undo to the very same rows.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..model import Question, StudyNotesError
from . import saving
from .changes import Change, Operation
from .writing import LibraryWriter


class QuestionMarks(LibraryWriter):
    def dismiss_question(self, question_id: int) -> Change:
        """Not a question: its cell becomes a text cell holding the question and its answer."""
        with self._write() as conn:
            questions = self._rows("questions", "id = ?", (question_id,))
            if not questions:
                raise StudyNotesError(f"no question {question_id}")
            question = questions[0]
            cells = self._rows("cells", "id = ?", (question["cell_id"],))
            text = "\n\n".join(p for p in (question["text"], question["answer"]) if p.strip())
            conn.execute("DELETE FROM questions WHERE id = ?", (question_id,))
            conn.execute(
                "UPDATE cells SET kind = 'markdown', markdown = ? WHERE id = ?", (text, question["cell_id"])
            )
            return self._marked("Not a question", cells[0], [question], [], question["note_id"])

    def make_question(self, cell_id: int) -> Change:
        """A text cell becomes a question: its first paragraph asks, the rest answers (open)."""
        with self._write() as conn:
            cells = self._rows("cells", "id = ?", (cell_id,))
            if not cells:
                raise StudyNotesError(f"no cell {cell_id}")
            cell = cells[0]
            if cell["kind"] == "question":
                raise StudyNotesError(f"cell {cell_id} is a question already")
            asked, _, answer = cell["markdown"].strip().partition("\n\n")
            if not asked.strip():
                raise StudyNotesError(f"cell {cell_id} holds no text to ask")
            row = saving.question_row(
                Question(text=asked, answer=answer.strip()), 0, cell_id, cell["note_id"], ""
            )
            row.pop("id")
            row["edited_by_user"] = 1
            conn.execute(
                f"INSERT INTO questions ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            conn.execute("UPDATE cells SET kind = 'question' WHERE id = ?", (cell_id,))
            made = self._rows("questions", "cell_id = ?", (cell_id,))
            return self._marked("Make a question", cell, [], made, cell["note_id"])

    def _restore_marks(self, cell: dict[str, Any], questions: list[dict[str, Any]]) -> Change:
        """A cell and its question (or none) as they were (undo of either correction)."""
        with self._write() as conn:
            now = self._rows("questions", "cell_id = ?", (cell["id"],))
            before = self._rows("cells", "id = ?", (cell["id"],))
            if not before:
                raise StudyNotesError(f"no cell {cell['id']}")
            conn.execute("DELETE FROM questions WHERE cell_id = ?", (cell["id"],))
            _put_cell(conn, cell)
            self._insert_rows("questions", questions)
            return self._marked("Restore", before[0], now, questions, cell["note_id"])

    def _marked(
        self,
        label: str,
        cell_before: dict[str, Any],
        gone: list[dict[str, Any]],
        made: list[dict[str, Any]],
        note_id: int,
    ) -> Change:
        return Change(
            label,
            inverse=Operation.of("_restore_marks", cell=cell_before, questions=gone),
            deleted=tuple(("question", int(q["id"])) for q in gone),
            created=tuple(("question", int(q["id"])) for q in made),
            counts=self._path_counts([note_id]),
            notes=frozenset({int(note_id)}),
        )


def _put_cell(conn: sqlite3.Connection, cell: dict[str, Any]) -> None:
    conn.execute(
        "UPDATE cells SET kind = ?, markdown = ? WHERE id = ?", (cell["kind"], cell["markdown"], cell["id"])
    )
