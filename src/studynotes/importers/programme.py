"""Study programme pages: a title, who runs it, numbered discussion questions and a schedule.

The schedule (a pipe table, or text rows `00 January 07, 2022 Topic chapter 1, 2`
under `No. Date Topic Textbook Lecture`) becomes the notebook's lectures, placed
into weeks by date; the questions are open until someone answers them.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Cell, ImportContext, Lecture, Note, ParsedDocument, Question
from .base import Importer, bullets_to_markdown, strip_notion_id
from .dates import find_date_range, parse_any_date

_SCHEDULE_HEADER = re.compile(r"^\s*\|?\s*(No\.?|#|회차)\s*\|?\s*(Date|날짜|일자)\b", re.IGNORECASE)
_TEXT_ROW = re.compile(
    r"^\s*(\d{1,3})\s+((?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4,5})|(?:\d{4,5}[-./]\d{1,2}[-./]\d{1,2})|"
    r"(?:\d{4,5}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일))\s*(.*)$"
)
_NUMBERED = re.compile(r"^(\s*)(\d+)[.)]\s+(.*)$")
_ANSWER_LINK = re.compile(r"\s*(?:\[?Answer\]?(?:\([^)]*\))?|답변)\s*$")
_FIELD = re.compile(
    r"^\s*(?:[-•*]\s*)?(Facilitator|Date|Members|Period|진행자|기간|멤버|참여자)\s*[:：]\s*(.+)$",
    re.IGNORECASE,
)
_LECTURE_REF = re.compile(r"\b(Lec(?:ture)?\.?\s*\d+\.?)\s*$", re.IGNORECASE)
_TEXTBOOK = re.compile(r"\b((?:chapter|ch\.|Chapter)\s*[\d\s,\-]+(?:,\s*(?:chapter|ch\.)\s*[\d\s,\-]+)*)\s*$")


def score(text: str) -> float:
    lines = text.split("\n")
    header = any(_SCHEDULE_HEADER.match(line) for line in lines)
    rows = sum(
        1 for line in lines if _TEXT_ROW.match(line) or (line.count("|") >= 4 and parse_any_date(line))
    )
    answers = sum(1 for line in lines if _NUMBERED.match(line) and _ANSWER_LINK.search(line))
    if header and rows >= 2:
        return 0.9
    if answers >= 3:
        return 0.6
    return 0.0


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="programme")
    lines = text.split("\n")
    title_index = next((i for i, line in enumerate(lines) if line.strip()), 0)
    title = strip_notion_id(lines[title_index].strip().lstrip("#").strip()) if lines else "Programme"
    document.notebook_title = title or None
    note = Note(title=title or "Programme", kind="programme", week=context.week, date=context.date)
    text_lines: list[str] = []
    index = title_index + 1
    while index < len(lines):
        line = lines[index]
        field = _FIELD.match(line)
        if field:
            key = field.group(1).capitalize()
            document.notebook_properties[key] = field.group(2).strip()
            note.properties[key] = field.group(2).strip()
        if _SCHEDULE_HEADER.match(line):
            _flush(note, text_lines)
            index = _schedule(lines, index, document)
            note.cells.append(Cell.text(_schedule_table(document.lectures)))
            continue
        numbered = _NUMBERED.match(line)
        if numbered and (_ANSWER_LINK.search(line) or _in_question_list(lines, index)):
            _flush(note, text_lines)
            index = _questions(lines, index, note)
            continue
        text_lines.append(line)
        index += 1
    _flush(note, text_lines)
    period = note.properties.get("Date") or note.properties.get("Period") or note.properties.get("기간")
    if period:
        found = find_date_range(period)
        if found:
            dates = [found[0]] + [lec.date for lec in document.lectures if lec.date]
            first = min(dates)
            document.notebook_start = first - dt.timedelta(days=first.weekday())
    elif document.lectures and any(lec.date for lec in document.lectures):
        first = min(lec.date for lec in document.lectures if lec.date)
        document.notebook_start = first - dt.timedelta(days=first.weekday())
    document.notes.append(note)
    return document


def _in_question_list(lines: list[str], index: int) -> bool:
    """A numbered list is a question list when most of its items ask something."""
    items = []
    for line in lines[index : index + 40]:
        match = _NUMBERED.match(line)
        if match is None:
            if line.strip():
                break
            continue
        items.append(match.group(3))
    asking = sum(1 for item in items if item.rstrip().endswith(("?", "까요", "나요", "Answer")))
    return len(items) >= 2 and asking * 2 > len(items)


def _questions(lines: list[str], index: int, note: Note) -> int:
    """Read a numbered (possibly nested) list of questions; returns the next line index."""
    while index < len(lines):
        line = lines[index]
        match = _NUMBERED.match(line)
        if match is None:
            if line.strip():
                break
            index += 1
            continue
        text = _ANSWER_LINK.sub("", match.group(3)).strip()
        if text:
            note.cells.append(Cell.asking(Question(text=text, status="open")))
        index += 1
    return index


def _schedule(lines: list[str], index: int, document: ParsedDocument) -> int:
    """Read schedule rows after the header line; returns the next line index."""
    header = lines[index]
    index += 1
    pipe = header.count("|") >= 2
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            if document.lectures:
                break
            index += 1
            continue
        if pipe:
            if re.match(r"^\s*\|?\s*:?-{2,}", line):
                index += 1
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 3 or not cells[0].isdigit():
                break
            _add_lecture(
                document,
                cells[0],
                cells[1],
                cells[2],
                cells[3] if len(cells) > 3 else "",
                cells[4] if len(cells) > 4 else "",
                index + 1,
            )
        else:
            row = _TEXT_ROW.match(line)
            if row is None:
                break
            rest = row.group(3).strip()
            lecture_ref = _LECTURE_REF.search(rest)
            textbook = None if lecture_ref else _TEXTBOOK.search(rest)
            tail = lecture_ref or textbook
            topic = rest[: tail.start()].strip() if tail else rest
            _add_lecture(
                document,
                row.group(1),
                row.group(2),
                topic,
                textbook.group(1).strip() if textbook else "",
                lecture_ref.group(1).strip() if lecture_ref else "",
                index + 1,
            )
        index += 1
    return index


def _add_lecture(
    document: ParsedDocument,
    number: str,
    date_text: str,
    topic: str,
    textbook: str,
    lecture_ref: str,
    line: int,
) -> None:
    date, repaired = parse_any_date(date_text), False
    if date is None:
        fixed = re.sub(r"\b(\d{4})\d\b", r"\1", date_text)  # a doubled digit in the year: 20222
        date, repaired = parse_any_date(fixed), True
    if date is None:
        document.warn(f"session {number}: {date_text!r} is not a date; the session is unsorted", line)
    elif repaired:
        document.warn(f"session {number}: read {date_text!r} as {date.isoformat()}", line)
    properties = {k: v for k, v in (("textbook", textbook), ("lecture", lecture_ref)) if v}
    document.lectures.append(Lecture(int(number), topic, date, properties=properties))


def _schedule_table(lectures: list[Lecture]) -> str:
    rows = ["| No. | Date | Topic | Textbook | Lecture |", "|---|---|---|---|---|"]
    for lecture in lectures:
        rows.append(
            f"| {lecture.number:02d} | {lecture.date.isoformat() if lecture.date else ''} | {lecture.title} | "
            f"{lecture.properties.get('textbook', '')} | {lecture.properties.get('lecture', '')} |"
        )
    return "\n".join(rows)


def _flush(note: Note, text_lines: list[str]) -> None:
    body = "\n".join(bullets_to_markdown(text_lines)).strip("\n")
    if body.strip():
        note.cells.append(Cell.text(re.sub(r"\n{3,}", "\n\n", body)))
    text_lines.clear()


IMPORTER = Importer(
    name="programme",
    description="a study programme page: discussion questions and a schedule",
    kind="programme",
    score=score,
    parse=parse,
)
