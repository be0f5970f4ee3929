"""What a week or lecture with no notes shows: its place in the schedule, and how to fill it.

A programme page schedules sessions long before anyone takes notes in them;
selecting one should say when it is and what it covers (the schedule's own
columns), not show a blank page or the whole notebook.
"""

from __future__ import annotations

import html

from ..library import LectureInfo, Library
from ..wording import day_title, lecture_label, translate
from .content import plain_page, property_items
from .keys import native
from .tree_model import Node


def _hint() -> str:
    """How to fill it, with the import shortcut as this platform writes it (Ctrl+O, ⌘O)."""
    shortcut = native("Ctrl+O")  # the import action's QKeySequence.StandardKey.Open
    text = translate(
        "EmptyPage", "No notes yet. Import a file for it ({shortcut}) or drag a note here from the tree."
    )
    return f'<p class="hint">{text.format(shortcut=html.escape(shortcut))}</p>'


def empty_page(library: Library, node: Node, theme: str) -> str:
    """The page of a week, lecture or Unsorted branch that holds no notes."""
    if node.kind == "lecture":
        lecture = library.lecture(node.id)
        if lecture is not None:
            return plain_page(node.title, _lecture_details(lecture) + _hint(), theme)
    if node.kind == "week":
        lectures = library.lectures(node.notebook_id, node.id)
        return plain_page(node.title, _schedule(lectures) + _hint(), theme)
    return plain_page(node.title, _hint(), theme)


def _lecture_details(lecture: LectureInfo) -> str:
    day = (
        f"<li><b>{translate('EmptyPage', 'Date')}</b>: {day_title(lecture.date)} {lecture.date.isoformat()}</li>"
        if lecture.date
        else ""
    )
    items = day + property_items(lecture.properties)
    return f"<ul>{items}</ul>" if items else ""


def _schedule(lectures: list[LectureInfo]) -> str:
    """The week's sessions in order, as the schedule gave them."""
    if not lectures:
        return ""
    rows = "".join(
        f"<tr><td>{lecture.date.isoformat() if lecture.date else ''}</td>"
        f"<td>{html.escape(lecture_label(lecture.number, lecture.title))}</td></tr>"
        for lecture in lectures
    )
    return f"<table>{rows}</table>"
