"""Study programme pages: a title, who runs it, numbered discussion questions and a schedule.

The title names the notebook; facilitator, period and members become notebook
and note properties, and the period's start dates the notebook.  The schedule
(see `schedule`) becomes the notebook's lectures, placed into weeks by date.
Numbered questions, nested or not, with or without Notion's dangling `Answer`
link, are open until someone answers them.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Cell, ImportContext, Note, ParsedDocument, Question
from .base import Importer
from .parts.dates import find_date_range
from .parts.front_matter import split_front_matter
from .parts.lines_with import first_lines, lines_with
from .parts.markdown_questions import cells_with_questions
from .parts.names import strip_notion_id, title_from_file_name
from .parts.outline import outline_to_markdown
from .parts.questions import looks_like_question
from .parts.schedule import Table, add_lectures, as_markdown, has_header, header, read_rows, within
from .parts.schedule_tables import year_above

_ITEM = re.compile(r"^([ \t]*)(?:(\d{1,3})[.)]|([•◦▪‣*+-]))[ \t]+(\S.*)$")
_ANSWER_LINK = re.compile(
    r"(?:\[(?:Answer|Answers|답변|정답)\]\(([^)\s]*)\)|\b(?:Answer|Answers)|답변|정답)\s*$", re.IGNORECASE
)
# Every line _ANSWER_LINK finds holds one of `answer` (any case), `답변`, `정답`.  Written to start
# with one class of first characters (`ſ` folds to `s`, as IGNORECASE has it): a pattern that
# does is scanned for in C, where the alternatives were tried at every character of the file.
_ANSWER_WORD = re.compile("[aA답정](?:(?<=[aA])[nN][sSſ][wW][eE][rR]|(?<=답)변|(?<=정)답)")
_FIELD_KEYS = (
    "facilitator|facilitators|organizer|host|leader|date|dates|period|duration|members|member|"
    "time|location|place|진행자|퍼실리테이터|리더|기간|일정|멤버|참여자|참석자|스터디원|장소|시간"
)
_FIELD = re.compile(rf"^\s*+(?:[•◦*+-]\s*)?({_FIELD_KEYS})\s*(?:[:：]|\t)\s*(.+)$", re.IGNORECASE)
_PERIOD_KEYS = ("date", "dates", "period", "duration", "기간", "일정")
_QUESTION_HEADING = re.compile(r"(question|질문|discussion|토론|토의|Q\s*&\s*A)", re.IGNORECASE)
_HEADING = re.compile(r"^\s*+#{1,6}\s+(.*)$")


def score(text: str) -> float:
    lines = text.split("\n")
    tables = 0
    rows = 0
    for index, line in enumerate(lines[:2000]):
        table = header(line)
        if table is not None:
            tables += 1
            rows += len(_peek_rows(table, lines, index + 1))
    answers = 0
    for line in lines_with(text, _ANSWER_WORD):
        answers += bool(_ITEM.match(line) and _ANSWER_LINK.search(line))
        if answers >= 3:
            break
    fields = {m.group(1).lower() for m in map(_FIELD.match, lines[:60]) if m}
    if tables and rows >= 2:
        return 0.9
    if answers >= 3:
        return 0.6
    if len(fields) >= 2 and tables:
        return 0.6
    return 0.0


def bound(text: str) -> float:
    """Sure only with a schedule header in the first lines; else only with `Answer` items."""
    if has_header(first_lines(text, 2000)):
        return 0.9
    return 0.6 if _ANSWER_WORD.search(text) is not None else 0.0


def _peek_rows(table: Table, lines: list[str], index: int) -> list[tuple[int, list[str]]]:
    probe = Table(table.columns, table.labels, table.pipe, table.tabs)
    read_rows(probe, lines, index)
    return probe.rows


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="programme")
    front, body, skipped = split_front_matter(text)
    lines = body.split("\n")
    title_index = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    first = lines[title_index] if title_index < len(lines) else ""
    if front.get("title"):
        title, start = front["title"], 0
    elif first and header(first) is None and not _ITEM.match(first) and not _FIELD.match(first):
        title, start = strip_notion_id(first.strip().lstrip("#").strip()), title_index + 1
    else:
        title, start = title_from_file_name(context.file_name or "Programme"), 0
    document.notebook_title = title or None
    note = Note(title=title or "Programme", kind="programme", week=context.week, date=context.date)
    reader = _Reader(lines, document, note, skipped)
    reader.run(start)
    _period(document, note)
    document.notes.append(note)
    return document


class _Reader:
    """Walks the page once, turning prose, question lists and schedules into cells."""

    def __init__(self, lines: list[str], document: ParsedDocument, note: Note, offset: int) -> None:
        self.lines = lines
        self.document = document
        self.note = note
        self.offset = offset  # lines taken by front matter, so warnings name the file's lines
        self.text: list[str] = []
        self.questions_heading = False
        self.numbers: set[int] = set()  # session numbers taken
        self.plain_until = 0  # lines before this belong to a list already found not to ask

    def run(self, index: int) -> None:
        lines = self.lines
        while index < len(lines):
            line = lines[index]
            field = _FIELD.match(line)
            if field:
                key = field.group(1)
                key = key.capitalize() if key.isascii() else key
                self.document.notebook_properties.setdefault(key, field.group(2).strip())
                self.note.properties.setdefault(key, field.group(2).strip())
            short = 0 < len(line.strip()) < 60 and not line.startswith((" ", "\t")) and not _ITEM.match(line)
            if _HEADING.match(line) or short:
                self.questions_heading = bool(_QUESTION_HEADING.search(line))
            table = header(line)
            if table is not None and _peek_rows(table, lines, index + 1):
                self.flush()
                year = year_above(lines, index)
                index = read_rows(table, lines, index + 1)
                self._schedule(table, year)
                continue
            item = _ITEM.match(line)
            if item and item.group(2) and index >= self.plain_until:
                if self._question_list(index):
                    self.flush()
                    index = self._questions(index)
                    continue
                items = self._items(index)
                self.plain_until = items[-1] + 1 if items else index + 1  # decided for the whole list
            self.text.append(
                f"{field.group(1)}: {field.group(2).strip()}" if field and "\t" in line else line
            )
            index += 1
        self.flush()

    def flush(self) -> None:
        body = "\n".join(outline_to_markdown(self.text)).strip("\n")
        body = re.sub(r"\n{3,}", "\n\n", body)
        if body.strip():
            cells = cells_with_questions(body)  # prose can ask too (`- 왜 학습률을 줄여야 할까?`)
            asking = any(cell.question is not None for cell in cells)
            self.note.cells += cells if asking else [Cell.text(body)]
        self.text.clear()

    def _schedule(self, table: Table, year: int | None) -> None:
        if self.offset:
            table.rows = [(line + self.offset, cells) for line, cells in table.rows]
        lectures = add_lectures(table, self.document, _range_dates(self.note), self.numbers, year)
        self.note.cells.append(Cell.text(as_markdown(table, lectures)))

    def _items(self, index: int) -> list[int]:
        """Indices of the items of the list starting at `index` (blank lines allowed between)."""
        found = []
        for position in range(index, min(len(self.lines), index + 400)):
            line = self.lines[position]
            if _ITEM.match(line):
                found.append(position)
            elif line.strip() and not line.startswith((" ", "\t")):
                break
        return found

    def _question_list(self, index: int) -> bool:
        """Numbered questions: under a questions heading, or most items ask (or link an Answer)."""
        items = [_ITEM.match(self.lines[i]) for i in self._items(index)]
        top = [m for m in items if m is not None]
        numbered = [m for m in top if m.group(2)]
        if not numbered:
            return False
        asking = sum(
            1 for m in numbered if _ANSWER_LINK.search(m.group(4)) or looks_like_question(m.group(4))
        )
        if self.questions_heading:
            return asking * 3 >= len(numbered)
        return (len(numbered) >= 2 and asking * 2 > len(numbered)) or any(
            _ANSWER_LINK.search(m.group(4)) for m in numbered
        )

    def _questions(self, index: int) -> int:
        """Numbered items are questions; lines nested under one are its answer."""
        positions = self._items(index)
        end = positions[-1] + 1 if positions else index + 1
        while end < len(self.lines) and self.lines[end].startswith((" ", "\t")) and self.lines[end].strip():
            end += 1
        current: tuple[Question, int] | None = None
        answer: list[str] = []

        def close() -> None:
            if current is None:
                return
            question, indent = current
            body = "\n".join(outline_to_markdown(_cut_all(answer, indent))).strip("\n")
            if body.strip() and not question.answer:
                question.answer, question.status = body, "answered"
            self.note.cells.append(Cell.asking(question))
            answer.clear()

        for position in range(index, end):
            line = self.lines[position]
            item = _ITEM.match(line)
            indent = len(item.group(1).expandtabs(4)) if item else 0
            if item and item.group(2) and (current is None or indent <= current[1] or _asks(item.group(4))):
                close()
                current = (_question(item.group(4)), indent)
            elif current is not None:
                answer.append(line)
            elif line.strip():
                self.text.append(line)
        close()
        return end


def _asks(text: str) -> bool:
    return bool(_ANSWER_LINK.search(text)) or looks_like_question(text)


def _question(text: str) -> Question:
    """The item's text without the `Answer` link; a link that still has a target is kept as the answer."""
    link = _ANSWER_LINK.search(text)
    asked = _ANSWER_LINK.sub("", text).strip() or text.strip()
    question = Question(text=asked, status="open")
    if link and link.group(1) and re.match(r"https?://", link.group(1)):
        question.answer = f"[Answer]({link.group(1)})"  # the answer lives on another page
    return question


def _cut_all(lines: list[str], indent: int) -> list[str]:
    cut = indent + 1
    return [line.expandtabs(4)[cut:] if line.expandtabs(4)[:cut].strip() == "" else line for line in lines]


def _range_dates(note: Note) -> list[dt.date]:
    for key, value in note.properties.items():
        if key.lower() in _PERIOD_KEYS:
            found = find_date_range(value)
            if found:
                return [d for d in found if d is not None]
    return []


def _period(document: ParsedDocument, note: Note) -> None:
    """The notebook starts the Monday of its period's start, or of an earlier session."""
    period = _range_dates(note)
    dates = period[:1] + [lec.date for lec in document.lectures if lec.date and within(lec.date, period)]
    if dates:
        first = min(dates)
        document.notebook_start = first - dt.timedelta(days=first.weekday())


IMPORTER = Importer(
    name="programme",
    description="a study programme page: discussion questions and a schedule",
    kind="programme",
    score=score,
    parse=parse,
    ceiling=0.9,
    bound=bound,
)
