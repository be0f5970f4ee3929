"""Notion question boards: `#### ✅ \\`asker\\` \\`21:30\\` \\`p20\\` question`, grouped by lecture.

`# 스터디 2주차` / `# Week 2` sets the week, `## Lecture 3` / `## 3강` starts a
lecture (one note each), and every heading carrying a status mark or
backticked fields is a question whose answer is the text up to the next
heading.  The mark decides the status, so an answered question may have an
empty answer and an open one may already carry notes.
"""

from __future__ import annotations

import re

from ..model import Attachment, Cell, ImportContext, Note, ParsedDocument, Question
from .base import Importer, looks_like_question, strip_notion_id, title_from_file_name
from .board_fields import ANSWERED, OPEN_MARKS, image_links, is_known_field, read_heading

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_WEEK = re.compile(r"(\d{1,3})\s*주\s*차|\bweek\s*(\d{1,3})\b", re.IGNORECASE)
_LECTURE = re.compile(
    r"(?:^|\s|·|-)(?:lecture|lec\.?)\s*(\d{1,3})\b|(?<!\d)(\d{1,3})\s*강(?:의|좌)?(?![가-힣])", re.IGNORECASE
)
_TOC_LINE = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*\[[^\]]+\]\(#[^)]*\)\s*$")
_BREAK_LINE = re.compile(r"^\s*(?:<br\s*/?>\s*)+$", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")
_BACKTICK_FIELD = re.compile(r"`([^`\n]+)`")


def score(text: str) -> float:
    """High only with the board's own markers: status marks and `asker`/`p7`/`21:30` fields."""
    marked = fielded = both = 0
    for line in text.split("\n"):
        heading = _HEADING.match(line)
        if heading is None:
            continue
        title = heading.group(2)
        has_mark = title.startswith((ANSWERED, *OPEN_MARKS))
        has_field = any(is_known_field(f) for f in _BACKTICK_FIELD.findall(title))
        marked += has_mark
        fielded += has_field
        both += has_mark and bool(_BACKTICK_FIELD.search(title))
    if both >= 2:
        return 0.9
    if both == 1 or (marked >= 2 and fielded >= 1):
        return 0.75
    if marked >= 2:
        return 0.65
    if fielded >= 2:
        return 0.6
    return 0.0


class _Board:
    """The notes being built while walking the board from top to bottom."""

    def __init__(self, document: ParsedDocument, context: ImportContext) -> None:
        self.document = document
        self.context = context
        self.week: int | None = context.week
        self.board_title: str | None = None
        self.fallback_title = (
            title_from_file_name(context.file_name) if context.file_name else "Question board"
        )
        self.notes: list[Note] = []
        self.current: Note | None = None
        self.lecture_level = 7
        self.question: Question | None = None
        self.buffer: list[str] = []

    def note(self) -> Note:
        """The note content goes to; text before any lecture gets a note of its own."""
        if self.current is None:
            self.current = Note(
                title=self.board_title or self.fallback_title,
                kind="board",
                week=self.week,
                date=self.context.date,
            )
            self.notes.append(self.current)
        return self.current

    def flush(self) -> None:
        """End the open question (its answer is the buffer) or the open text cell."""
        lines = [line for line in self.buffer if not _TOC_LINE.match(line) and not _BREAK_LINE.match(line)]
        body = _tidy("\n".join(lines))
        self.buffer.clear()
        if self.question is not None:
            self.question.answer = body
            self.note().cells.append(Cell.asking(self.question))
            self.question = None
        elif body:
            self.note().cells.append(Cell.text(body))

    def start_lecture(self, number: int, heading_text: str, level: int) -> None:
        self.flush()
        name = strip_notion_id(heading_text)
        self.lecture_level = level
        self.current = Note(
            title=f"{self.board_title} · {name}" if self.board_title else f"{name} questions",
            kind="board",
            week=self.week,
            lecture=number,
            lecture_title=name,
            date=self.context.date,
        )
        self.notes.append(self.current)

    def start_week(self, number: int, heading_text: str) -> None:
        self.flush()
        self.week = number
        self.board_title = strip_notion_id(heading_text)
        self.current = None
        self.lecture_level = 7

    def heading(self, line: str, level: int, text: str, line_number: int) -> None:
        asked = read_heading(text)
        in_lecture = self.current is not None and self.current.lecture is not None
        if asked is None and in_lecture and level > self.lecture_level and looks_like_question(text):
            asked = read_heading(text, unmarked_question=True)  # no mark: an open question
        if asked is not None:
            self.flush()
            if not asked.text:
                asked.text = "(no text)"
                self.document.warn("a question heading has no text", line_number)
            self.question = asked
            return
        week = _WEEK.search(text)
        lecture = _LECTURE.search(strip_notion_id(text))
        if week and (level <= 2 or not in_lecture):
            self.start_week(int(week.group(1) or week.group(2)), text)
            if lecture is None:
                return
        if lecture:
            self.start_lecture(int(lecture.group(1) or lecture.group(2)), text, level)
            return
        if level == 1 and self.board_title is None and not self.notes and not self.buffer_has_text():
            self.board_title = strip_notion_id(text)  # the board's own name, as Notion exports it
            return
        if self.question is not None:
            self.flush()  # a plain heading ends the answer above it
        self.buffer.append(line)

    def buffer_has_text(self) -> bool:
        return any(line.strip() and not _TOC_LINE.match(line) for line in self.buffer)

    def finish(self) -> None:
        self.flush()
        weeks = {note.week for note in self.notes if note.week is not None}
        for note in self.notes:
            if note.week is None and len(weeks) == 1:
                note.week = next(iter(weeks))  # a board of one week: its lectures all belong to it
            markdown = "\n".join(c.markdown if c.question is None else c.question.answer for c in note.cells)
            note.attachments = [Attachment(name) for name in image_links(markdown)]
        self.document.notes = [n for n in self.notes if n.cells or n.lecture is not None]
        if not self.document.notes:
            title = self.board_title or self.fallback_title
            self.document.notes = [Note(title=title, kind="board", week=self.week, date=self.context.date)]
            self.document.warn("no questions or text found on this board")


def _tidy(body: str) -> str:
    """Trim the block and fold runs of blank lines (outside code) into one."""
    out: list[str] = []
    in_fence = False
    for line in body.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        if not in_fence and not line.strip():
            if out and out[-1] == "":
                continue
            line = ""
        out.append(line)
    return "\n".join(out).strip("\n")


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="question_board")
    board = _Board(document, context)
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        if heading is None:
            board.buffer.append(line)
        else:
            board.heading(line, len(heading.group(1)), heading.group(2), number)
    board.finish()
    return document


IMPORTER = Importer(
    name="question_board",
    description="a Notion question board: ✅ headings with asker, time and page",
    kind="board",
    score=score,
    parse=parse,
)
