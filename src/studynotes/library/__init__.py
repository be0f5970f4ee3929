"""The library: one SQLite file holding notebooks, weeks, lectures, notes and questions."""

from .connection import LibraryError
from .review_rows import CardState
from .reviewing import DueCard, ReviewChange
from .store import Library
from .views import (
    Counts,
    HistoryEntry,
    ImportResult,
    LectureInfo,
    NotebookInfo,
    NoteInfo,
    QuestionChange,
    QuestionFilter,
    QuestionRow,
    SearchHit,
    WeekInfo,
)

__all__ = [
    "CardState",
    "Counts",
    "DueCard",
    "HistoryEntry",
    "ImportResult",
    "LectureInfo",
    "Library",
    "LibraryError",
    "NoteInfo",
    "NotebookInfo",
    "QuestionChange",
    "QuestionFilter",
    "QuestionRow",
    "ReviewChange",
    "SearchHit",
    "WeekInfo",
]
