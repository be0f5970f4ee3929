"""Meeting minutes (회의록), as Notion exports them.

A dated title (`## 8/5(목) 회의록`), a block of `key<TAB>value` properties,
`Q1.` questions with `답변)` answers grouped under `N강` sections, and questions
listed per person (`허진규 :` then numbered items) for a mentor.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Attachment, Cell, ImportContext, Note, ParsedDocument, Question
from .base import Importer, local_image_links, title_from_file_name

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_TITLE_DATE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})")
_KOREAN_DATE = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_ISO_DATE = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
_PROPERTY = re.compile(r"^\W*\s*([^\t]{1,30}?)\t(.*)$")
_LECTURE_SECTION = re.compile(r"(\d+)\s*강|\blecture\s*(\d+)", re.IGNORECASE)
_QUESTION = re.compile(r"^\s*(?:Q\s*(\d*)\s*[.:)]|질문\s*\d*\s*[.:)])\s*(.*)$", re.IGNORECASE)
_ANSWER = re.compile(r"^\s*(?:답변\s*[):.]?|A\s*\d*\s*[.:)]|→)\s*(.*)$")
_PERSON = re.compile(r"^\s*(?:([가-힣]{2,4})\s*:?|([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*:)\s*$")
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")
_INLINE_ANSWER = re.compile(r"^(.*?\S)\s+[-–→]\s+(.+)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TAGS = re.compile(r"<span[^>]*>.*?</span>|<[^>]+>")
_MARKERS = ("회의록", "작성일시", "회의 유형", "답변)", "최종 편집일시")


def score(text: str) -> float:
    hits = sum(1 for marker in _MARKERS if marker in text)
    if hits >= 2:
        return 0.85
    if re.search(r"(?m)^\s*Q\d+\.", text) and re.search(r"(?m)^\s*(답변\)|A\d*\.)", text):
        return 0.65
    return 0.0


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="minutes")
    lines = text.replace("\u00a0", " ").split("\n")
    title, start = _title(lines, context)
    properties, start = _properties(lines, start)
    note = Note(title=title, kind="minutes", properties=properties, week=context.week)
    note.date = context.date or _date(title, properties, document)
    _Reader(note, document).read(lines, start)
    markdown = "\n".join(c.markdown if c.question is None else c.question.answer for c in note.cells)
    note.attachments = [Attachment(name) for name in local_image_links(markdown)]
    document.notes.append(note)
    return document


def _title(lines: list[str], context: ImportContext) -> tuple[str, int]:
    for index, line in enumerate(lines):
        if line.strip():
            heading = _HEADING.match(line)
            if heading:
                return heading.group(2).strip(), index + 1
            break
    return title_from_file_name(context.file_name) if context.file_name else "Meeting minutes", 0


def _properties(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """`🕒 작성일시<TAB>@2021년 8월 5일 오전 9:59` lines right under the title."""
    properties: dict[str, str] = {}
    index = start
    while index < len(lines):
        line = lines[index]
        match = _PROPERTY.match(line) if "\t" in line else None
        if match is None:
            if line.strip() and properties:
                break
            if line.strip() and not properties:
                break
            index += 1
            continue
        key = match.group(1).strip()
        value = _TAGS.sub("", match.group(2)).strip().lstrip("@").strip()
        properties[key] = value
        index += 1
    return properties, index if properties else start


def _date(title: str, properties: dict[str, str], document: ParsedDocument) -> dt.date | None:
    year = None
    for value in properties.values():
        found = _KOREAN_DATE.search(value) or _ISO_DATE.search(value)
        if found:
            try:
                created = dt.date(int(found[1]), int(found[2]), int(found[3]))
            except ValueError:
                continue
            year = created.year
            break
    match = _TITLE_DATE.search(title)
    if match and year is not None:
        try:
            return dt.date(year, int(match[1]), int(match[2]))
        except ValueError:
            document.warn(f"the title's date {match[0]} is not a real date")
    if year is not None:
        return created
    if match:
        document.warn("the title has a day but no year; the note is unsorted until you set its date")
    return None


class _Reader:
    """Walks the lines once, turning Q./답변) pairs and per-person lists into questions."""

    def __init__(self, note: Note, document: ParsedDocument) -> None:
        self.note = note
        self.document = document
        self.text: list[str] = []
        self.question: Question | None = None
        self.answer: list[str] = []
        self.lecture: int | None = None
        self.lecture_level = 7
        self.person: str | None = None

    def read(self, lines: list[str], start: int) -> None:
        in_fence = False
        for line in lines[start:]:
            if _FENCE.match(line):
                in_fence = not in_fence
            if in_fence:
                self._add(line)
                continue
            heading = _HEADING.match(line)
            if heading:
                self._heading(line, len(heading.group(1)), heading.group(2))
            elif (asked := _QUESTION.match(line)) and asked.group(2).strip():
                self._close_question()
                self._flush_text()
                self.person = None
                self.question = Question(text=asked.group(2).strip(), lecture_ref=self.lecture)
            elif self.question is not None and not self.answer and (answer := _ANSWER.match(line)):
                self.answer.append(answer.group(1))
            elif (person := _PERSON.match(line)) and not self.question:
                self._flush_text()
                self.person = person.group(1) or person.group(2)
                self.text.append(line)
            elif self.person and (item := _NUMBERED.match(line)) and not self.question:
                self._person_question(item.group(2))
            else:
                if self.person and line.strip() and not _NUMBERED.match(line):
                    self.person = None
                self._add(line)
        self._close_question()
        self._flush_text()

    def _heading(self, line: str, level: int, text: str) -> None:
        self._close_question()
        self._flush_text()
        self.person = None
        lecture = _LECTURE_SECTION.search(text)
        if lecture:
            self.lecture, self.lecture_level = int(lecture.group(1) or lecture.group(2)), level
        elif level <= self.lecture_level:
            self.lecture, self.lecture_level = None, 7
        self.text.append(line)

    def _add(self, line: str) -> None:
        if self.question is not None:
            if self.answer or line.strip():
                self.answer.append(line)
        else:
            self.text.append(line)

    def _person_question(self, item: str) -> None:
        self._flush_text()
        inline = _INLINE_ANSWER.match(item)
        question = Question(text=item.strip(), asker=self.person or "")
        if inline and not inline.group(2).startswith(("-", "–")):
            question.text, question.answer = inline.group(1).strip(), inline.group(2).strip()
            question.status, question.answered_by = "answered", "instructor"
        self.note.cells.append(Cell.asking(question))

    def _close_question(self) -> None:
        if self.question is None:
            return
        answer = "\n".join(self.answer).strip()
        self.question.answer = answer
        self.question.status = "answered" if answer else "open"
        self.note.cells.append(Cell.asking(self.question))
        self.question, self.answer = None, []

    def _flush_text(self) -> None:
        body = "\n".join(self.text).strip("\n")
        if body.strip():
            self.note.cells.append(Cell.text(body))
        self.text = []


IMPORTER = Importer(
    name="minutes",
    description="meeting minutes (회의록) with Notion properties, Q./답변) and per-person questions",
    kind="minutes",
    score=score,
    parse=parse,
)
