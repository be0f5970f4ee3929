"""A notebook's chat people: who its instructors are, and which display names are one person.

Kept in the notebook's properties (`instructors`, `aliases`), applied to every
chat import into the notebook and, when the setting changes, to the questions
already there: askers renamed to the person's chosen name (with their stable
keys, so a re-import still finds what the user changed), and answers whose
every speaker is an instructor counted as the instructor's.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..importers.chat_people import Aliases, instructor_names
from ..importers.chat_text import asker_name, is_instructor
from ..model import ImportContext, Question, nfc
from . import saving

_SPEAKER = re.compile(r"^\*\*(.+?)\*\*:", re.MULTILINE)


@dataclass(frozen=True)
class ChatPeople:
    instructors: tuple[str, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()  # (name as written, the person's name)

    def context(self, base: ImportContext) -> ImportContext:
        """The import context with these people added to what the user chose for this import."""
        return replace(
            base,
            instructors=tuple(dict.fromkeys(base.instructors + self.instructors)),
            aliases=tuple(dict.fromkeys(base.aliases + self.aliases)),
        )

    def merged(self, other: ChatPeople) -> ChatPeople:
        return ChatPeople(
            tuple(dict.fromkeys(self.instructors + other.instructors)),
            tuple(dict(self.aliases + other.aliases).items()),
        )

    def properties(self) -> dict[str, object]:
        return {"instructors": list(self.instructors), "aliases": dict(self.aliases)}

    @classmethod
    def from_properties(cls, properties: dict[str, object]) -> ChatPeople:
        instructors = properties.get("instructors")
        aliases = properties.get("aliases")
        return cls(
            tuple(nfc(str(n)).strip() for n in instructors if str(n).strip())
            if isinstance(instructors, list)
            else (),
            tuple((nfc(str(k)).strip(), nfc(str(v)).strip()) for k, v in aliases.items())
            if isinstance(aliases, dict)
            else (),
        )


def people_of(conn: sqlite3.Connection, notebook_id: int) -> ChatPeople:
    row = conn.execute("SELECT properties FROM notebooks WHERE id = ?", (notebook_id,)).fetchone()
    return ChatPeople.from_properties(json.loads(row[0] or "{}")) if row else ChatPeople()


def write_people(conn: sqlite3.Connection, notebook_id: int, people: ChatPeople) -> None:
    row = conn.execute("SELECT properties FROM notebooks WHERE id = ?", (notebook_id,)).fetchone()
    properties = json.loads(row[0] or "{}") if row else {}
    properties.update(people.properties())
    conn.execute(
        "UPDATE notebooks SET properties = ? WHERE id = ?",
        (json.dumps(properties, ensure_ascii=False), notebook_id),
    )


class _Rules:
    """The people settings as the two questions they answer: whose name is this, and who answered."""

    def __init__(self, people: ChatPeople) -> None:
        context = people.context(ImportContext())
        self.aliases = Aliases(context)
        self.instructors = instructor_names(context)

    def asker(self, asker: str) -> str:
        return asker_name(self.aliases.person(asker)) if self.aliases else asker

    def answered_by(self, answer: str, current: str | None, asker: str) -> str | None:
        """`instructor` when every other speaker of a chat answer is one, `peer` when any is not.

        The asker's own words in the answer (under another of their names) count for neither.
        """
        if current not in ("peer", "instructor"):
            return current
        me = asker_name(self.aliases.person(asker)).casefold()
        speakers = [self.aliases.person(s) for s in _SPEAKER.findall(answer)]
        others = [s for s in speakers if asker_name(s).casefold() != me]
        if not others:
            return current
        return "instructor" if all(self._teaches(s) for s in others) else "peer"

    def _teaches(self, name: str) -> bool:
        return is_instructor(name) or asker_name(name).casefold() in self.instructors


def apply_to_questions(people: ChatPeople, questions: Iterable[Question]) -> None:
    """Before saving an import: the notebook's names and instructors on its parsed questions."""
    if not (people.instructors or people.aliases):
        return
    rules = _Rules(people)
    for question in questions:
        question.asker = rules.asker(question.asker)
        by = rules.answered_by(question.answer, question.answered_by, question.asker)
        question.answered_by = by if by in ("peer", "instructor") else question.answered_by  # type: ignore[assignment]


def apply_to_notebook(conn: sqlite3.Connection, notebook_id: int, people: ChatPeople) -> int:
    """After the setting changed: rename askers and recount instructor answers; returns questions changed."""
    rules = _Rules(people)
    rows = conn.execute(
        """SELECT q.id, q.text, q.asker, q.answer, q.answered_by, q.edited_by_user, s.file_name
           FROM questions q JOIN notes n ON n.id = q.note_id LEFT JOIN sources s ON s.id = n.source_id
           WHERE n.notebook_id = ?""",
        (notebook_id,),
    ).fetchall()
    changed = 0
    for question_id, text, asker, answer, answered_by, edited, file_name in rows:
        new_asker = rules.asker(asker)
        new_by = answered_by if edited else rules.answered_by(answer, answered_by, new_asker)
        if new_asker == asker and new_by == answered_by:
            continue
        key = saving.stable_key(Question(text=text, asker=new_asker), file_name or "")
        conn.execute(
            "UPDATE questions SET asker = ?, answered_by = ?, stable_key = ? WHERE id = ?",
            (new_asker, new_by, key, question_id),
        )
        changed += 1
    return changed
