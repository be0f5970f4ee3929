"""Who is who in a chat: the notebook's instructors, and one name for a person's several names.

A study group's mentor rarely writes "교수" in their name, and one student shows up
as `홍길동`, `길동 (20학번)` and `gildong` across clients and months.  The notebook
says so once (its settings, or `--instructor` / `--same-person` on the command
line); every chat importer reads it from the `ImportContext`.
"""

from __future__ import annotations

from ..model import ImportContext, nfc
from .chat_text import asker_name


def _key(name: str) -> str:
    return " ".join(nfc(name).split()).casefold()


def instructor_names(context: ImportContext) -> frozenset[str]:
    """Casefolded names whose answers count as the instructor's (aliases resolved)."""
    names = {_key(name) for name in context.instructors if name.strip()}
    names |= {_key(asker_name(name)) for name in context.instructors if name.strip()}
    return frozenset(names)


class Aliases:
    """Maps every written form of a person's name to the one the notebook chose."""

    def __init__(self, context: ImportContext) -> None:
        self._names: dict[str, str] = {}
        for written, person in context.aliases:
            if written.strip() and person.strip():
                self._names[_key(written)] = nfc(person).strip()

    def __bool__(self) -> bool:
        return bool(self._names)

    def person(self, sender: str) -> str:
        """The person's chosen name, or the sender as written when no alias names it."""
        if not self._names:
            return sender
        return self._names.get(_key(sender)) or self._names.get(_key(asker_name(sender))) or sender


def parse_alias(value: str) -> tuple[str, str]:
    """`길동 (20학번)=홍길동` → (`길동 (20학번)`, `홍길동`); the text a user types for one alias."""
    written, sep, person = value.rpartition("=")
    if not sep or not written.strip() or not person.strip():
        raise ValueError(f"not NAME=PERSON: {value!r}")
    return written.strip(), person.strip()
