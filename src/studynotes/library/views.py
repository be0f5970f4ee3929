"""What the library answers with: small frozen records, never live rows.

The ones a search, an import, a note's history, the bin, a review or sharing answers with are in
answers.py, made when first used: the window is shown before any of them is needed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Counts:
    questions: int = 0
    open: int = 0

    @property
    def answered(self) -> int:
        return self.questions - self.open


@dataclass(frozen=True)
class NotebookInfo:
    id: int
    title: str
    start_date: dt.date | None
    days_per_week: int
    description: str
    properties: dict[str, str]
    counts: Counts = Counts()


@dataclass(frozen=True)
class WeekInfo:
    id: int
    notebook_id: int
    number: int
    label: str
    first_day: dt.date | None
    counts: Counts = Counts()


@dataclass(frozen=True)
class LectureInfo:
    id: int
    notebook_id: int
    week_id: int | None
    number: int
    title: str
    date: dt.date | None
    properties: dict[str, str]
    counts: Counts = Counts()
    notes: int = 0  # a lecture from a schedule has none until notes are imported for it

    @property
    def label(self) -> str:
        return f"Lecture {self.number}" + (
            f": {self.title}" if self.title and self.title != f"Lecture {self.number}" else ""
        )


@dataclass(frozen=True)
class NoteInfo:
    id: int
    notebook_id: int
    notebook: str
    week_id: int | None
    week: int | None
    lecture_id: int | None
    lecture: int | None
    title: str
    kind: str
    date: dt.date | None
    counts: Counts = Counts()


@dataclass(frozen=True)
class QuestionRow:
    id: int
    note_id: int
    note: str
    notebook: str
    week: int | None
    lecture: int | None
    asker: str
    text: str
    answer: str
    status: str
    page: int | None
    media_time: str | None
    asked_at: str | None
    answered_by: str | None
    lecture_ref: int | None
    edited_by_user: bool
    resolved_at: str | None


@dataclass(frozen=True)
class QuestionFilter:
    status: str | None = None
    notebook: str | None = None
    notebook_id: int | None = None
    week: int | None = None
    week_id: int | None = None
    lecture: int | None = None
    lecture_id: int | None = None
    note_id: int | None = None
    asker: str | None = None
    unsorted: bool = False
