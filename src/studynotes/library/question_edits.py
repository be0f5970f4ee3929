"""Operations on one question: its status and the fields a user may correct.

The rules live here once for every front end: answering records when and (unless known) that the
user answered it themselves; reopening keeps who answered, so answering again by mistake and back
loses nothing; every text is NFC-normalised and trimmed, so search finds what was typed.
"""

from __future__ import annotations

import enum
import re
import sqlite3
from typing import Any

from ..model import StudyNotesError, nfc
from .changes import QUESTION_FIELDS, Change, Operation
from .saving import now_iso
from .writing import LibraryWriter

COLUMNS = {"note_id": "note_id", **QUESTION_FIELDS}
_MEDIA_TIME = re.compile(r"(\d{1,2}:)?\d{1,2}:\d{2}")


class Keep(enum.Enum):
    """An argument left out: the field keeps its value (None would clear it)."""

    KEEP = 0


KEEP = Keep.KEEP


class QuestionEdits(LibraryWriter):
    def set_status(self, question_id: int, status: str) -> Change:
        """Mark a question answered or open (nothing is written if it already is)."""
        if status not in ("open", "answered"):
            raise StudyNotesError(f"status must be open or answered, not {status!r}")
        with self._write() as conn:
            return self._set_status(conn, question_id, status)

    def toggle_status(self, question_id: int) -> Change:
        """Answered becomes open and open answered, decided inside the one transaction."""
        with self._write() as conn:
            current = self._question_values(conn, question_id, ["status"])["status"]
            return self._set_status(conn, question_id, "open" if current == "answered" else "answered")

    def _set_status(self, conn: sqlite3.Connection, question_id: int, status: str) -> Change:
        label = "Mark answered" if status == "answered" else "Mark open"
        current = self._question_values(conn, question_id, ["status", "answered_by"])
        if current["status"] == status:
            return Change(label)
        values: dict[str, Any] = {"status": status}
        if status == "answered":
            values |= {"resolved_at": now_iso(), "answered_by": current["answered_by"] or "self"}
        else:
            values["resolved_at"] = None
        return self._update_question(conn, question_id, values, label)

    def edit_question(
        self,
        question_id: int,
        *,
        text: str | None = None,
        answer: str | None = None,
        asker: str | None = None,
        lecture: int | Keep | None = KEEP,
        page: int | Keep | None = KEEP,
        time: str | Keep | None = KEEP,
    ) -> Change:
        """Correct what a question says or where it was asked; the user's edit wins on re-import."""
        values: dict[str, Any] = {}
        if text is not None:
            if not text.strip():
                raise StudyNotesError("a question cannot be empty")
            values["text"] = nfc(text).strip()
        if answer is not None:
            values["answer"] = nfc(answer).strip()
        if asker is not None:
            values["asker"] = nfc(asker).strip()
        if not isinstance(lecture, Keep):
            values["lecture_ref"] = _positive("lecture", lecture)
        if not isinstance(page, Keep):
            values["page"] = _positive("page", page)
        if not isinstance(time, Keep):
            values["media_time"] = _media_time(time)
        values["edited_by_user"] = True
        with self._write() as conn:
            return self._update_question(conn, question_id, values, "Edit question")

    def _restore_question(self, question_id: int, values: dict[str, Any]) -> Change:
        """Put fields back as a Change recorded them (undo)."""
        with self._write() as conn:
            return self._update_question(conn, question_id, values, "Restore question")

    def _question_values(
        self, conn: sqlite3.Connection, question_id: int, names: list[str]
    ) -> dict[str, Any]:
        columns = ", ".join(COLUMNS[n] for n in names)
        row = conn.execute(f"SELECT {columns} FROM questions WHERE id = ?", (question_id,)).fetchone()
        if row is None:
            raise StudyNotesError(f"no question {question_id}")
        return dict(zip(names, row, strict=True))

    def _update_question(
        self, conn: sqlite3.Connection, question_id: int, values: dict[str, Any], label: str
    ) -> Change:
        names = list(values)
        current = self._question_values(conn, question_id, [*names, "note_id"])
        note_id = int(current.pop("note_id"))
        if "edited_by_user" in current:
            current["edited_by_user"] = bool(current["edited_by_user"])
        changed = {n: v for n, v in values.items() if current[n] != v}
        if not changed:
            return Change(label)
        sets = ", ".join(f"{COLUMNS[n]} = ?" for n in changed)
        conn.execute(f"UPDATE questions SET {sets} WHERE id = ?", [*changed.values(), question_id])
        before = {n: current[n] for n in changed}
        after = dict(changed)
        if "lecture_ref" in changed:  # the list shows the note's lecture, else the question's own
            shown = conn.execute(
                "SELECT l.number FROM notes n LEFT JOIN lectures l ON l.id = n.lecture_id WHERE n.id = ?",
                (note_id,),
            ).fetchone()[0]
            before["lecture"] = shown if shown is not None else before["lecture_ref"]
            after["lecture"] = shown if shown is not None else after["lecture_ref"]
        key = ("question", question_id)
        return Change(
            label,
            inverse=Operation.of(
                "_restore_question", question_id=question_id, values={n: current[n] for n in changed}
            ),
            before={key: before},
            after={key: after},
            counts=self._path_counts([note_id]) if "status" in changed else {},
            notes=frozenset({note_id}),
        )


def _positive(name: str, value: int | None) -> int | None:
    if value is not None and value < 1:
        raise StudyNotesError(f"a {name} number starts at 1, not {value}")
    return value


def _media_time(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = nfc(value).strip()
    if not _MEDIA_TIME.fullmatch(value):
        raise StudyNotesError(f"a time in the recording is m:ss or h:mm:ss, not {value!r}")
    return value
