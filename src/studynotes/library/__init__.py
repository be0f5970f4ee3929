"""The library: one SQLite file holding notebooks, weeks, lectures, notes and questions."""

from .connection import LibraryError
from .people import ChatPeople
from .store import Library
from .views import (
    Counts,
    HistoryEntry,
    ImportResult,
    LectureInfo,
    NotebookInfo,
    NoteInfo,
    PeopleChange,
    QuestionChange,
    QuestionFilter,
    QuestionRow,
    SearchHit,
    WeekInfo,
)

__all__ = [
    "ChatPeople",
    "Counts",
    "HistoryEntry",
    "ImportResult",
    "LectureInfo",
    "Library",
    "LibraryError",
    "NoteInfo",
    "NotebookInfo",
    "PeopleChange",
    "QuestionChange",
    "QuestionFilter",
    "QuestionRow",
    "SearchHit",
    "WeekInfo",
]
