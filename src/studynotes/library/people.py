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
from typing import TYPE_CHECKING, Any

from ..model import ImportContext, Question, StudyNotesError, nfc
from . import saving
from .changes import Change, Operation
from .writing import LibraryWriter

if TYPE_CHECKING:
    from .answers import PersonCount

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
    for key, value in people.properties().items():  # nothing named leaves no trace: undo is exact
        if value:
            properties[key] = value
        else:
            properties.pop(key, None)
    conn.execute(
        "UPDATE notebooks SET properties = ? WHERE id = ?",
        (json.dumps(properties, ensure_ascii=False), notebook_id),
    )


class _Rules:
    """The people settings as the two questions they answer: whose name is this, and who answered."""

    def __init__(self, people: ChatPeople) -> None:
        # The chat readers' rules for names, loaded when a notebook has people settings to apply.
        from ..importers.chat_people import Aliases, instructor_names
        from ..importers.chat_text import asker_name, is_instructor

        context = people.context(ImportContext())
        self.aliases = Aliases(context)
        self.instructors = instructor_names(context)
        self._name, self._is_instructor = asker_name, is_instructor

    def asker(self, asker: str) -> str:
        return self._name(self.aliases.person(asker)) if self.aliases else asker

    def answered_by(self, answer: str, current: str | None, asker: str) -> str | None:
        """`instructor` when every other speaker of a chat answer is one, `peer` when any is not.

        The asker's own words in the answer (under another of their names) count for neither.
        """
        if current not in ("peer", "instructor"):
            return current
        me = self._name(self.aliases.person(asker)).casefold()
        speakers = [self.aliases.person(s) for s in _SPEAKER.findall(answer)]
        others = [s for s in speakers if self._name(s).casefold() != me]
        if not others:
            return current
        return "instructor" if all(self._teaches(s) for s in others) else "peer"

    def _teaches(self, name: str) -> bool:
        return self._is_instructor(name) or self._name(name).casefold() in self.instructors


def apply_to_questions(people: ChatPeople, questions: Iterable[Question]) -> None:
    """Before saving an import: the notebook's names and instructors on its parsed questions."""
    if not (people.instructors or people.aliases):
        return
    rules = _Rules(people)
    for question in questions:
        question.asker = rules.asker(question.asker)
        by = rules.answered_by(question.answer, question.answered_by, question.asker)
        question.answered_by = by if by in ("peer", "instructor") else question.answered_by  # type: ignore[assignment]


def apply_to_notebook(
    conn: sqlite3.Connection, notebook_id: int, people: ChatPeople
) -> dict[int, tuple[int, dict[str, Any], dict[str, Any]]]:
    """After the setting changed: rename askers and recount instructor answers.

    Returns the changed questions: id → (note id, values before, values after).
    """
    rules = _Rules(people)
    rows = conn.execute(
        """SELECT q.id, q.note_id, q.text, q.asker, q.answer, q.answered_by, q.edited_by_user,
                  q.stable_key, s.file_name
           FROM questions q JOIN notes n ON n.id = q.note_id LEFT JOIN sources s ON s.id = n.source_id
           WHERE n.notebook_id = ?""",
        (notebook_id,),
    ).fetchall()
    changed: dict[int, tuple[int, dict[str, Any], dict[str, Any]]] = {}
    for question_id, note_id, text, asker, answer, answered_by, edited, key, file_name in rows:
        new_asker = rules.asker(asker)
        new_by = answered_by if edited else rules.answered_by(answer, answered_by, new_asker)
        if new_asker == asker and new_by == answered_by:
            continue
        new_key = saving.stable_key(Question(text=text, asker=new_asker), file_name or "")
        before = {"asker": asker, "answered_by": answered_by, "stable_key": key}
        after = {"asker": new_asker, "answered_by": new_by, "stable_key": new_key}
        changed[question_id] = (note_id, before, after)
    write_questions(conn, {q: after for q, (_note, _before, after) in changed.items()})
    return changed


def write_questions(conn: sqlite3.Connection, values: dict[int, dict[str, Any]]) -> None:
    conn.executemany(
        "UPDATE questions SET asker = ?, answered_by = ?, stable_key = ? WHERE id = ?",
        [(v["asker"], v["answered_by"], v["stable_key"], q) for q, v in values.items()],
    )


class PeopleEdits(LibraryWriter):
    """The operation that sets a notebook's chat people, and its undo."""

    def chat_people(self, notebook_id: int) -> ChatPeople:
        """The notebook's instructors and merged names (its chat settings)."""
        return people_of(self.conn, notebook_id)

    def chat_person_counts(self, notebook_id: int) -> list[PersonCount]:
        """Everyone who asked or answered in the notebook, most active first: the names a user
        picks instructors from and merges."""
        from ..importers.chat_text import asker_name
        from .answers import PersonCount

        asked: dict[str, int] = {}
        answered: dict[str, int] = {}
        rows = self.conn.execute(
            "SELECT q.asker, q.answer FROM questions q JOIN notes n ON n.id = q.note_id WHERE n.notebook_id = ?",
            (notebook_id,),
        )
        for asker, answer in rows:
            if asker:
                asked[asker] = asked.get(asker, 0) + 1
            for speaker in dict.fromkeys(_SPEAKER.findall(answer or "")):
                name = asker_name(speaker)
                answered[name] = answered.get(name, 0) + 1
        people = [PersonCount(n, asked.get(n, 0), answered.get(n, 0)) for n in {**asked, **answered}]
        return sorted(people, key=lambda p: (-(p.asked + p.answered), p.name.casefold()))

    def set_chat_people(self, notebook_id: int, people: ChatPeople) -> Change:
        """Name the notebook's instructors and merge display names: applied to its questions
        now and to every later import.  Undo puts back the settings and each asker as it was."""
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM notebooks WHERE id = ?", (notebook_id,)).fetchone() is None:
                raise StudyNotesError(f"no notebook {notebook_id}")
            before = people_of(conn, notebook_id)
            write_people(conn, notebook_id, people)
            changed = apply_to_notebook(conn, notebook_id, people)
        return self._people_change(notebook_id, before, people, changed)

    def _restore_people(
        self, notebook_id: int, people: ChatPeople, questions: dict[int, dict[str, Any]]
    ) -> Change:
        with self._write() as conn:
            before = people_of(conn, notebook_id)
            write_people(conn, notebook_id, people)
            current = {
                row[0]: (row[1], {"asker": row[2], "answered_by": row[3], "stable_key": row[4]})
                for row in conn.execute(
                    f"SELECT id, note_id, asker, answered_by, stable_key FROM questions"
                    f" WHERE id IN ({','.join('?' * len(questions))})",
                    list(questions),
                )
            }
            write_questions(conn, {q: v for q, v in questions.items() if q in current})
        changed = {q: (note, old, questions[q]) for q, (note, old) in current.items()}
        return self._people_change(notebook_id, before, people, changed)

    def _people_change(
        self,
        notebook_id: int,
        before: ChatPeople,
        after: ChatPeople,
        changed: dict[int, tuple[int, dict[str, Any], dict[str, Any]]],
    ) -> Change:
        shown = ("asker", "answered_by")
        return Change(
            "Set instructors and names",
            inverse=Operation.of(
                "_restore_people",
                notebook_id=notebook_id,
                people=before,
                questions={q: old for q, (_note, old, _new) in changed.items()},
            ),
            before={("notebook", notebook_id): before.properties()}
            | {("question", q): {k: old[k] for k in shown} for q, (_n, old, _a) in changed.items()},
            after={("notebook", notebook_id): after.properties()}
            | {("question", q): {k: new[k] for k in shown} for q, (_n, _b, new) in changed.items()},
            notes=frozenset(note for note, _old, _new in changed.values()),
        )
