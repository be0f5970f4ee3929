"""The library: one SQLite file holding notebooks, weeks, lectures, notes and questions.

This package's names are its public face: the window and the command line import from here,
never from its modules.
"""

from typing import TYPE_CHECKING, Any

from . import cell_pages
from .changes import QUESTION_FIELDS, Change, NodeKey, Operation
from .connection import LibraryError, needs_upgrade
from .damage import DamagedLibrary
from .people import ChatPeople
from .question_edits import KEEP, Keep
from .question_list import ListFacts, QuestionList
from .review_rows import STATE_NAMES, CardState
from .reviewing import card_after, review_of, schedule
from .store import Library
from .views import (
    Counts,
    LectureInfo,
    NotebookInfo,
    NoteInfo,
    QuestionFilter,
    QuestionRow,
    WeekInfo,
)

# Loaded when first asked for: opening a library and showing the window use none of them.
_LATER = {
    "parse_query": "search",
    "Conflict": "answers",
    "DeletedItem": "answers",
    "DueCard": "answers",
    "HistoryEntry": "answers",
    "ImportResult": "answers",
    "PersonCount": "answers",
    "SearchHit": "answers",
    "SearchTerms": "search",
    "restore_backup": "backups",
}

if TYPE_CHECKING:
    from .answers import Conflict, DeletedItem, DueCard, HistoryEntry, ImportResult, PersonCount, SearchHit
    from .backups import restore_backup
    from .search import SearchTerms, parse_query


def __getattr__(name: str) -> Any:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "KEEP",
    "QUESTION_FIELDS",
    "STATE_NAMES",
    "CardState",
    "Change",
    "ChatPeople",
    "Conflict",
    "Counts",
    "DamagedLibrary",
    "DeletedItem",
    "DueCard",
    "HistoryEntry",
    "ImportResult",
    "Keep",
    "LectureInfo",
    "Library",
    "LibraryError",
    "ListFacts",
    "NodeKey",
    "NoteInfo",
    "NotebookInfo",
    "Operation",
    "PersonCount",
    "QuestionFilter",
    "QuestionList",
    "QuestionRow",
    "SearchHit",
    "SearchTerms",
    "WeekInfo",
    "card_after",
    "cell_pages",
    "needs_upgrade",
    "parse_query",
    "restore_backup",
    "review_of",
    "schedule",
]
