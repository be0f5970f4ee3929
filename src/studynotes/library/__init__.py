"""The library: one SQLite file holding notebooks, weeks, lectures, notes and questions.

This package's names are its public face: the window and the command line import from here,
never from its modules.
"""

from . import cell_pages
from .backups import restore_backup
from .changes import QUESTION_FIELDS, Change, NodeKey, Operation
from .connection import LibraryError, needs_upgrade
from .damage import DamagedLibrary
from .people import ChatPeople, PersonCount
from .question_edits import KEEP, Keep
from .question_list import ListFacts, QuestionList
from .review_rows import STATE_NAMES, CardState
from .reviewing import DueCard, card_after, review_of, schedule
from .search import parse_query
from .sharing_ops import Conflict
from .store import Library
from .views import (
    Counts,
    DeletedItem,
    HistoryEntry,
    ImportResult,
    LectureInfo,
    NotebookInfo,
    NoteInfo,
    QuestionFilter,
    QuestionRow,
    SearchHit,
    WeekInfo,
)

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
    "WeekInfo",
    "card_after",
    "cell_pages",
    "needs_upgrade",
    "parse_query",
    "restore_backup",
    "review_of",
    "schedule",
]
