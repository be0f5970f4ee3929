"""Notion question boards: `#### ✅ \\`asker\\` \\`21:30\\` \\`p20\\` question`, grouped by lecture.

`# 스터디 2주차` / `# Week 2` sets the week, `## Lecture 3` / `## 3강` starts a
lecture (one note each), and every heading carrying a status mark or
backticked fields is a question whose answer is the text up to the next heading.
"""

from __future__ import annotations

import re

from ..model import Attachment, Cell, ImportContext, Note, ParsedDocument, Question
from .base import Importer, local_image_links, strip_notion_id, title_from_file_name

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_WEEK = re.compile(r"(?:(\d+)\s*주차|\bweek\s*(\d+))", re.IGNORECASE)
_LECTURE = re.compile(r"^(?:lecture|lec\.?|강의)\s*(\d+)\b|^(\d+)\s*강(?!\S*\s*[❓✅⬜☐])", re.IGNORECASE)
_ANSWERED = "✅"
_OPEN_MARKS = ("❓", "⬜", "☐", "🔲")
_FIELD = re.compile(r"\[?`([^`]+)`\]?")
_MEDIA_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
_PAGE = re.compile(r"^p\.?\s*(\d+)$", re.IGNORECASE)
_TOC_LINE = re.compile(r"^\s*[-*+]\s+\[[^\]]+\]\(#[^)]*\)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def score(text: str) -> float:
    headings = [m for line in text.split("\n") if (m := _HEADING.match(line))]
    marked = sum(1 for m in headings if m.group(2).startswith((_ANSWERED, *_OPEN_MARKS)))
    with_fields = sum(1 for m in headings if _FIELD.search(m.group(2)))
    if marked >= 2 and with_fields >= 2:
        return 0.9
    if marked >= 2:
        return 0.7
    return 0.0


def _question_from_heading(title: str) -> Question | None:
    """A heading is a question when it carries a status mark or backticked fields."""
    status = None
    if title.startswith(_ANSWERED):
        status, title = "answered", title[len(_ANSWERED) :]
    else:
        for mark in _OPEN_MARKS:
            if title.startswith(mark):
                status, title = "open", title[len(mark) :]
                break
    title = title.strip()
    question = Question(text="", status="open")
    fields = 0
    while True:
        match = re.match(r"\[?`([^`]+)`\]?\s*", title)
        if match is None:
            break
        fields += 1
        value = match.group(1).strip()
        page = _PAGE.match(value)
        if page:
            question.slide_page = int(page.group(1))
        elif _MEDIA_TIME.match(value):
            question.media_time = value
        elif not question.asker:
            question.asker = value
        title = title[match.end() :]
    if status is None and fields == 0:
        return None
    question.text = title.strip() or "(no text)"
    question.status = "answered" if status == "answered" else "open"
    return question


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="question_board")
    week: int | None = context.week
    title = title_from_file_name(context.file_name) if context.file_name else "Question board"
    notes: list[Note] = []
    current: Note | None = None
    question: Question | None = None
    buffer: list[str] = []
    in_fence = False
    lecture_level = 7
    board_title: str | None = None

    def note_for_content() -> Note:
        nonlocal current
        if current is None:
            current = Note(title=title, kind="board", week=week, date=context.date)
            notes.append(current)
        return current

    def flush() -> None:
        nonlocal question
        body = "\n".join(line for line in buffer if not _TOC_LINE.match(line))
        body = re.sub(r"(?m)^\s*<br\s*/?>\s*$", "", body).strip()
        buffer.clear()
        if question is not None:
            question.answer = body  # an open mark stays open even with notes under it
            note_for_content().cells.append(Cell.asking(question))
            question = None
        elif body:
            note_for_content().cells.append(Cell.text(body))

    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        if heading is None:
            buffer.append(line)
            continue
        level, heading_text = len(heading.group(1)), heading.group(2)
        asked = _question_from_heading(heading_text)
        unmarked = current is not None and current.lecture is not None and level > lecture_level
        if asked is None and unmarked and heading_text.strip():
            asked = Question(text=heading_text.strip(), status="open")  # unmarked: still open
        if asked is not None:
            flush()
            question = asked
            continue
        week_match = _WEEK.search(heading_text)
        lecture_match = _LECTURE.match(strip_notion_id(heading_text))
        if lecture_match and level >= 2:
            flush()
            number = int(lecture_match.group(1) or lecture_match.group(2))
            lecture_level = level
            name = strip_notion_id(heading_text)
            current = Note(
                title=f"{board_title} · {name}" if board_title else f"{name} questions",
                kind="board",
                week=week,
                lecture=number,
                lecture_title=strip_notion_id(heading_text),
                date=context.date,
            )
            notes.append(current)
        elif week_match and level <= 2:
            flush()
            week = int(week_match.group(1) or week_match.group(2))
            title = board_title = strip_notion_id(heading_text)
            current = None
        else:
            buffer.append(line)
    flush()
    for note in notes:
        note.week = week if note.week is None else note.week
        markdown = "\n".join(c.markdown if c.question is None else c.question.answer for c in note.cells)
        note.attachments = [Attachment(name) for name in local_image_links(markdown)]
    document.notes = [n for n in notes if n.cells or n.lecture is not None]
    if not document.notes:
        document.notes = [Note(title=title, kind="board", week=week, date=context.date)]
        document.warn("no questions or text found on this board")
    return document


IMPORTER = Importer(
    name="question_board",
    description="a Notion question board: ✅ headings with asker, time and page",
    kind="board",
    score=score,
    parse=parse,
)
