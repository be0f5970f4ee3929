"""What a search, an import, a note's history, the bin, a review, sharing and the people of a
chat answer with: frozen records like views.py's, in a module of their own because none of them is
needed to open a library and show the window (a record's class costs 3-6 million instructions
to make), so they are made when first used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .review_rows import CardState


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "question" or "cell"
    id: int
    note_id: int
    note: str
    snippet: str


@dataclass(frozen=True)
class ImportResult:
    """What saving one imported file did."""

    path: str
    format: str
    notebook: str
    notes: int
    questions: int
    warnings: list[str] = field(default_factory=list)
    unchanged: bool = False
    updated: bool = False
    kept_user_changes: int = 0
    note_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class HistoryEntry:
    """An earlier version of a cell's text or a question's text or answer."""

    id: int
    note_id: int
    cell_id: int | None
    question_id: int | None
    field: str
    old_value: str
    changed_at: str


@dataclass(frozen=True)
class DeletedItem:
    """A deleted note or notebook, kept whole until it is restored."""

    id: int
    kind: str  # "note" or "notebook"
    title: str
    notebook: str
    deleted_at: str
    notes: int
    questions: int
    text: str  # the note's (or notebook's notes') text, to recognise it by


@dataclass(frozen=True)
class DueCard:
    """A question to review now; `card` is None for one never reviewed."""

    question_id: int
    note_id: int
    notebook: str
    week: int | None
    text: str
    answer: str
    card: CardState | None


@dataclass(frozen=True)
class Conflict:
    """One text both sides edited: ours is in place, theirs waits here until the user picks."""

    cell_id: int
    note_id: int
    note_title: str
    field: str
    ours: str
    theirs: str
    question_id: int | None = None


@dataclass(frozen=True)
class PersonCount:
    """A name as the notebook's chats show it: how many questions it asked and answers it gave."""

    name: str
    asked: int = 0
    answered: int = 0
