"""A notebook as the items a merge compares: plain data keyed by ids that hold across libraries.

A note's or cell's `uid` names it in every library that shares the notebook;
`id` is the number it had in the library that made it, so a folder imported
into a fresh library gets the same ids back.  Values are what the published
files carry, so a state read from the library and one parsed from a file
compare equal when nothing changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

QUESTION_FIELDS = (
    "text",
    "answer",
    "status",
    "asker",
    "raw_sender",
    "asked_at",
    "media_time",
    "slide_page",
    "lecture_ref",
    "answered_by",
    "private",
    "resolved_at",
    "edited_by_user",
    "status_changed_at",
)
NOTE_FIELDS = (
    "title",
    "kind",
    "date",
    "day",
    "week_number",
    "placed_by_user",
    "lecture",
    "position",
    "properties",
)
# Edits of these, made on both sides, are kept side by side until the user picks.
TEXT_FIELDS = frozenset({"markdown", "text", "answer"})


@dataclass
class CellState:
    uid: str
    kind: str  # "markdown" or "question"
    values: dict[str, Any]  # {"markdown": …} or the question's fields
    conflicts: dict[str, str] = field(default_factory=dict)  # field → the other side's text
    id: int | None = None  # the cell's id where it was made
    question_id: int | None = None


@dataclass
class AttachmentState:
    name: str
    mime_type: str
    data: bytes


@dataclass
class NoteState:
    uid: str
    fields: dict[str, Any]
    cells: list[CellState] = field(default_factory=list)
    attachments: list[AttachmentState] = field(default_factory=list)
    week: int | None = None  # where the note sits now (its folder), derived from the schedule
    id: int | None = None

    def comparable(self) -> tuple[Any, ...]:
        """Everything a merge looks at (the derived week is not the note's own)."""
        return (
            sorted(self.fields.items()),
            [(c.uid, c.kind, sorted(c.values.items()), sorted(c.conflicts.items())) for c in self.cells],
            sorted((a.name, a.mime_type, a.data) for a in self.attachments),
        )


@dataclass
class NotebookMeta:
    """Settings and lectures, from the metadata file."""

    uid: str
    title: str
    start_date: str | None = None
    days_per_week: int = 5
    description: str = ""
    properties: dict[str, str] = field(default_factory=dict)
    lectures: dict[int, dict[str, Any]] = field(default_factory=dict)  # number → title, date, week

    def settings(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "start_date": self.start_date,
            "days_per_week": self.days_per_week,
            "description": self.description,
            "properties": self.properties,
        }
