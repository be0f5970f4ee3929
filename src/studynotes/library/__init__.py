"""The library: one SQLite file holding notebooks, weeks, lectures, notes and questions."""

from .connection import LibraryError
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
    "Counts",
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
    "SearchHit",
    "WeekInfo",
]
