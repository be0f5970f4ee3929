"""Notion question boards: `#### ✅ \\`asker\\` \\`21:30\\` \\`p20\\` question`, grouped by lecture.

`# 스터디 2주차` / `# Week 2` sets the week, `## Lecture 3` / `## 3강` starts a
lecture (one note each), and every heading carrying a status mark or
backticked fields is a question whose answer is the text up to the next
heading.  The mark decides the status, so an answered question may have an
empty answer and an open one may already carry notes.  Questions written as
checklist items, marked bullets, toggles or `Q.`/`A.` paragraphs (see
`board_items`) read the same way, and a page of a Notion question database
(see `board_page`) is a board of one question.
"""

from __future__ import annotations

import re

from ..model import Attachment, Cell, ImportContext, Note, ParsedDocument, Question
from .base import Importer
from .board_items import (
    QUESTION_LABEL,
    Block,
    item_asks,
    read_item,
    read_toggle,
    split_labelled_answer,
    summary_text,
)
from .board_page import QuestionPage, read_question_page, status_from_body
from .parts.fields import ANSWERED, OPEN_MARKS, is_known_field, read_heading, status_mark
from .parts.lines_with import lines_with
from .parts.links import image_links
from .parts.markdown_blocks import HEADING
from .parts.names import strip_notion_id, title_from_file_name
from .parts.questions import looks_like_question

_HEADING = HEADING
_WEEK = re.compile(r"(\d{1,3})\s*주\s*차|\bweek\s*(\d{1,3})\b", re.IGNORECASE)
_LECTURE = re.compile(
    r"(?:^|\s|·|-)(?:lecture|lec\.?)\s*(\d{1,3})\b|(?<!\d)(\d{1,3})\s*강(?:의|좌)?(?![가-힣])", re.IGNORECASE
)
_TOC_LINE = re.compile(r"^\s*+(?:[-*+]|\d+[.)])?\s*\[[^\]]+\]\(#[^)]*\)\s*$")
_BREAK_LINE = re.compile(r"^\s*+(?:<br\s*/?>\s*)+$", re.IGNORECASE)
_FENCE = re.compile(r"^\s*+(```|~~~)")
_BACKTICK_FIELD = re.compile(r"`([^`\n]+)`")


def score(text: str) -> float:
    """High only with the board's own markers: status marks and `asker`/`p7`/`21:30` fields."""
    if read_question_page(text.split("\n", 40)[:40]) is not None:
        return 0.8
    marked = fielded = both = 0
    for line in lines_with(text, _SCORE_MARK):
        title, checked = _scored_title(line)
        if title is None:
            continue
        has_mark = title.startswith((ANSWERED, *OPEN_MARKS)) or (checked and looks_like_question(title))
        has_field = any(is_known_field(f) for f in _BACKTICK_FIELD.findall(title))
        marked += has_mark
        fielded += has_field
        both += has_mark and bool(_BACKTICK_FIELD.search(title))
        if both >= 2:  # the highest score, whatever the lines after
            return 0.9
    if both == 1 or (marked >= 2 and fielded >= 1):
        return 0.75
    if marked >= 2:
        return 0.65
    if fielded >= 2:
        return 0.6
    return 0.0


# A line counts only with a status mark or a checkbox (`has_mark`) or a backtick (a field); a
# toggle's summary (`<summary>`) may spell them as HTML.  Other lines need no test.
_SCORE_MARK = re.compile("|".join(map(re.escape, (ANSWERED, *OPEN_MARKS, "`", "<"))) + r"|\[[ xX]\]")
_SCORED_ITEM = re.compile(r"^\s*+(?:[-*+]|\d{1,3}[.)])\s+(\[[ xX]\]\s+)?(.*)$")
_SUMMARY_LINE = re.compile(r"<summary\b[^>]*>(.*?)(?:</summary|$)", re.IGNORECASE)


def _scored_title(line: str) -> tuple[str | None, bool]:
    """The text that may carry a board's marks on this line: a heading, an item, a toggle's summary."""
    heading = _HEADING.match(line)
    if heading is not None:
        return heading.group(2), False
    summary = _SUMMARY_LINE.search(line) if "<" in line else None
    if summary is not None:
        return summary_text(summary.group(1)), False
    item = _SCORED_ITEM.match(line)
    if item is not None and (item.group(1) or item.group(2).startswith((ANSWERED, *OPEN_MARKS))):
        return item.group(2), bool(item.group(1))
    return None, False


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
        self.labelled = False  # the open question is a `Q.` paragraph: its answer follows `A.`
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
        self.buffer.clear()
        question, labelled = self.question, self.labelled
        self.question, self.labelled = None, False
        if question is None:
            if body := _tidy("\n".join(lines)):
                self.note().cells.append(Cell.text(body))
            return
        asked, answer = split_labelled_answer(lines)
        if answer is None or (not labelled and _tidy("\n".join(asked))):
            asked, answer = [], lines  # no `A.` label opening the answer: all of it answers
        elif labelled:
            question.status = "answered" if _tidy("\n".join(answer)) else "open"
        if labelled and answer is lines:  # `Q.` with no `A.`: an open question, its notes kept as text
            question.status = "open"
            self.note().cells.append(Cell.asking(question))
            if body := _tidy("\n".join(lines)):
                self.note().cells.append(Cell.text(body))
            return
        if details := _tidy("\n".join(asked)):
            question.text = f"{question.text}\n\n{details}"
        question.answer = _tidy("\n".join(answer))
        self.note().cells.append(Cell.asking(question))

    def block(self, block: Block, line_number: int) -> bool:
        """A checklist item, marked bullet or toggle that asks: a question answered by its body."""
        marked = status_mark(block.title) is not None
        explicit = marked or block.checked is not None or block.toggle
        if self.question is not None and not explicit:
            return False  # a bullet inside the answer above
        asked = read_heading(block.title)
        if asked is None and (block.checked is not None or block.toggle or self.question is None):
            asked = read_heading(block.title, unmarked_question=True) if item_asks(block.title) else None
        if asked is None:
            return False
        self.flush()
        if not asked.text:
            asked.text = "(no text)"
            self.document.warn("a question has no text", line_number)
        self.question = asked
        self.buffer.extend(block.body)
        has_body = bool(_tidy("\n".join(block.body)))
        if block.checked is not None:
            asked.status = "answered" if block.checked else "open"
        elif not marked:
            asked.status = "answered" if has_body else "open"
        self.flush()
        return True

    def labelled_question(self, text: str, line_number: int) -> None:
        """`**Q.** 재용 …?`: a question whose answer is the `**A.**` paragraph after it."""
        self.flush()
        asked = read_heading(text, unmarked_question=True) or Question(text=text.strip())
        if not asked.text:
            asked.text = "(no text)"
            self.document.warn("a question has no text", line_number)
        self.question, self.labelled = asked, True

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


def _question_page(document: ParsedDocument, context: ImportContext, page: QuestionPage, body: str) -> None:
    """A page of a question database: one note holding its one question."""
    question = page.question
    question.answer = _tidy(body)
    status_from_body(page, question.answer)
    note = Note(
        title=question.text,
        kind="board",
        week=context.week if context.week is not None else page.week,
        lecture=page.lecture,
        lecture_title=page.lecture_title or None,
        date=context.date or page.date,
        properties=page.properties,
        cells=[Cell.asking(question)],
    )
    note.attachments = [Attachment(name) for name in image_links(question.answer)]
    document.notes.append(note)


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="question_board")
    lines = text.split("\n")
    page = read_question_page(lines)
    if page is not None:
        _question_page(document, context, page, "\n".join(lines[page.body_start :]))
        return document
    board = _Board(document, context)
    in_fence = False
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence or _FENCE.match(line):
            board.buffer.append(line)
            continue
        heading = _HEADING.match(line)
        if heading is not None:
            board.heading(line, len(heading.group(1)), heading.group(2), index)
            continue
        block = read_toggle(lines, index - 1) or read_item(lines, index - 1)
        if block is not None and board.block(block, index):
            index = block.end
            continue
        label = QUESTION_LABEL.match(line)
        if label is not None:
            board.labelled_question(line[label.end() :], index)
            continue
        board.buffer.append(line)
    board.finish()
    return document


IMPORTER = Importer(
    name="question_board",
    description="a Notion question board: ✅ headings with asker, time and page",
    kind="board",
    score=score,
    parse=parse,
    ceiling=0.9,
)
