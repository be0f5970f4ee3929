"""A programme's schedule: sessions with a number, a date, a topic, a textbook and a lecture.

Written as a Markdown pipe table, as tab-separated cells (Notion copied as
text), or as plain rows under a `No. Date Topic Textbook Lecture` header, where
the tail of a row (`chapter 3 -1, chapter 3 -2`, `Lec 2.`) tells the textbook
and lecture columns apart from the topic.  Dates come in English, ISO or Korean
form; a year typed with a digit too many (`20222`) is read as the year the
other rows use, with a warning naming the line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from ...model import Lecture, ParsedDocument
from .dates import parse_any_date
from .lines_with import lines_with

_KEYS: dict[str, tuple[str, ...]] = {
    "number": ("no", "no.", "#", "회차", "번호", "session", "차시", "순서"),
    "week": ("week", "주차"),
    "date": ("date", "dates", "날짜", "일자", "일시", "일정", "day"),
    "topic": ("topic", "topics", "title", "주제", "내용", "subject", "content", "제목"),
    "textbook": ("textbook", "book", "교재", "reading", "readings", "chapter", "chapters"),
    "lecture": ("lecture", "lectures", "강의", "video", "lec", "영상"),
}
_KIND = {name: kind for kind, names in _KEYS.items() for name in names}
_KIND_ORDER = {kind: index for index, kind in enumerate(_KEYS)}
# Any of the date column's names anywhere in a line: the cheap test before splitting it into cells.
_DATE_WORD = re.compile("|".join(map(re.escape, _KEYS["date"])), re.IGNORECASE)
# `_DATE_WORD` (`date`/`day` in any case, 날짜, 일자, 일시, 일정) written to start with one class of
# first characters, so that a text is scanned for it in C: it finds the same lines.
_DATE_MARK = re.compile("[dD날일](?:(?<=[dD])[aA](?:[tT][eE]|[yY])|(?<=날)짜|(?<=일)[자시정])")
_LABELS = {"number": "No.", "date": "Date", "topic": "Topic", "textbook": "Textbook", "lecture": "Lecture"}
_MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_WEEKDAY = r"(?:\s*\(\s*(?:[월화수목금토일]|[A-Za-z]{3}\.?)\s*\))?"
_DATE_AT_START = re.compile(
    r"^\s*+("
    r"[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4,5}"
    r"|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4,5}"
    r"|\d{4,5}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일"
    r"|\d{4,5}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}\.?"
    r"|\d{1,2}\s*월\s*\d{1,2}\s*일"
    r"|\d{1,2}\s*[./]\s*\d{1,2}\.?"
    rf"){_WEEKDAY}(?=\s|$)"
)
_MONTH_DAY = re.compile(r"^\s*+\d{1,2}\s*(?:[./]|월)\s*\d{1,2}(?!\d)")
_ROW_NUMBER = re.compile(r"^\s*+(\d{1,3})[.)]?\s+")
_SEPARATOR = re.compile(r"^\s*+\|?\s*:?-{2,}")
_LECTURE_TAIL = re.compile(
    r"(?:^|\s)((?:Lec(?:ture)?\.?\s*\d+(?:\s*[,&~-]\s*\d+)*\.?|\d+\s*강)(?:\s*[,&]\s*(?:Lec(?:ture)?\.?\s*)?\d+\.?)*)\s*$",
    re.IGNORECASE,
)
_TEXTBOOK_TAIL = re.compile(
    r"(?:^|\s)((?:chapter|chap\.?|ch\.?)\s*\d[\d\s,\-–~.]*(?:,\s*(?:chapter|chap\.?|ch\.?)\s*\d[\d\s,\-–~.]*)*"
    r"|\d+\s*장(?:\s*[,~-]\s*\d+\s*장?)*)\s*$",
    re.IGNORECASE,
)


@dataclass
class Table:
    """A schedule being read: which column holds what, and its rows."""

    columns: list[str]  # a kind from _KEYS, or the header's own name for any other column
    labels: list[str]
    pipe: bool
    tabs: bool
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (line, cells)


def header(line: str) -> Table | None:
    """A schedule header: a date column plus a number or topic column, nothing much else."""
    if len(line) > 300 or not _DATE_WORD.search(line):
        return None
    return _header(line)


def _header(line: str) -> Table | None:
    """`header` for a line known to hold a date column's name."""
    pipe = line.count("|") >= 2
    tabs = "\t" in line.strip()
    if pipe:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
    elif tabs:
        cells = [c.strip() for c in line.strip().split("\t")]
    else:
        cells = line.split()
    if not pipe and not tabs and any(_kind(cell) is None for cell in cells):
        return None  # plain words: each must name a column (`Day 3 recap` is no header)
    kinds = [_kind(cell) for cell in cells]
    known = [k for k in kinds if k]
    if "date" not in known or not ({"number", "topic"} & set(known)):
        return None
    if not pipe and not tabs and len(known) < len(cells):
        return None
    if len(known) * 3 < len(cells) * 2:
        return None
    columns = [kind or cell.lower() for kind, cell in zip(kinds, cells, strict=True)]
    return Table(columns=columns, labels=[c.strip() for c in cells], pipe=pipe, tabs=tabs)


def has_header(text: str) -> bool:
    """Whether a line of the text is a schedule header; only lines with a date column's name are tried."""
    return any(len(line) <= 300 and _header(line) is not None for line in lines_with(text, _DATE_MARK))


def _kind(cell: str) -> str | None:
    name = cell.strip().strip("*").strip().lower()
    kind, bare = _KIND.get(name), _KIND.get(name.rstrip("."))
    if kind is None or bare is None:
        return kind or bare
    return min(kind, bare, key=_KIND_ORDER.__getitem__)  # the first in `_KEYS` that has either


def read_rows(table: Table, lines: list[str], index: int) -> int:
    """Collect the rows under a header; returns the index of the first line after them."""
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            if table.rows:
                break
            index += 1
            continue
        if table.pipe:
            if _SEPARATOR.match(line):
                index += 1
                continue
            if line.count("|") < 2:
                break
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
        elif table.tabs and "\t" in line.strip():
            cells = [c.strip() for c in line.strip().split("\t")]
        else:
            row = _text_row(table, line)
            if row is None:
                break
            cells = row
        table.rows.append((index + 1, cells))
        index += 1
    return index


def _text_row(table: Table, line: str) -> list[str] | None:
    """`00 January 07, 2022 Topic chapter 1, 2` → cells in the header's order."""
    rest = line.strip()
    cells = dict.fromkeys(table.columns, "")
    if "number" in table.columns:
        number = _ROW_NUMBER.match(rest)
        if number is None:
            return None
        cells["number"] = number.group(1)
        rest = rest[number.end() :]
    date = _DATE_AT_START.match(rest)
    if date is None:
        return None
    cells["date"] = date.group(0).strip()
    rest = rest[date.end() :].strip()
    after = table.columns[table.columns.index("date") + 1 :]
    for column in reversed(after[1:]):
        pattern = {"lecture": _LECTURE_TAIL, "textbook": _TEXTBOOK_TAIL}.get(column)
        tail = pattern.search(rest) if pattern else None
        if tail:
            cells[column] = tail.group(1).strip()
            rest = rest[: tail.start()].strip()
    if after:
        cells[after[0]] = rest
    return [cells[column] for column in table.columns]


def add_lectures(
    table: Table, document: ParsedDocument, period: list[dt.date], used: set[int], year: int | None = None
) -> list[Lecture]:
    """Rows → lectures in document.lectures, dates parsed (or repaired, with a warning).

    `period` is the programme's declared start (and end); a session far outside
    it is most likely a typo, so it is reported.  `used` holds the session
    numbers taken so far in the document, and gains this table's.  `year` is the
    page's own (written above the table) for dates that give none.
    """
    dated = [_plain_date(_cell(table, cells, "date"), None) for _, cells in table.rows]
    years = {d.year for d in period} | {d.year for d in dated if d is not None}
    default_year = min(years) if years else year
    highest = max(used, default=0)
    added: list[Lecture] = []
    for line, cells in table.rows:
        number_text = _cell(table, cells, "number")
        digits = re.search(r"\d+", number_text)
        number = int(digits.group(0)) if digits else highest + 1
        if number in used:
            document.warn(f"session {number_text or number} appears twice; numbered {highest + 1}", line)
            number = highest + 1
        used.add(number)
        highest = max(highest, number)
        date_text = _cell(table, cells, "date")
        label = number_text or str(number)
        date = _read_date(date_text, years, default_year, document, label, line)
        if date is not None:
            years.add(date.year)
            if not within(date, period):
                span = " to ".join(d.isoformat() for d in period)
                document.warn(
                    f"session {label}: {date.isoformat()} is outside the programme's period ({span})", line
                )
        properties = {
            column: cell
            for column, cell in zip(table.columns, cells, strict=False)
            if cell and column not in ("number", "date", "topic", "week")
        }
        if date is None and date_text:
            properties["date"] = date_text  # kept as written, for the user to mend
        week = re.search(r"\d+", _cell(table, cells, "week"))
        lecture = Lecture(number, _cell(table, cells, "topic"), date, properties=properties)
        lecture.week = int(week.group(0)) if week else None
        document.lectures.append(lecture)
        added.append(lecture)
    return added


def within(date: dt.date, period: list[dt.date], slack: int = 14) -> bool:
    """Is `date` inside the period, give or take two weeks (an orientation before the start)?"""
    if not period:
        return True
    margin = dt.timedelta(days=slack)
    return period[0] - margin <= date and (len(period) < 2 or date <= period[-1] + margin)


def _cell(table: Table, cells: list[str], column: str) -> str:
    if column not in table.columns:
        return ""
    index = table.columns.index(column)
    return cells[index].strip() if index < len(cells) else ""


def _read_date(
    text: str, years: set[int], default_year: int | None, document: ParsedDocument, label: str, line: int
) -> dt.date | None:
    if not text:
        return None
    date = _plain_date(text, default_year)
    if date is not None:
        return date
    repaired = _repair(text, years, default_year)
    if repaired is None and default_year is None and _MONTH_DAY.match(text):
        document.warn(f"session {label}: {text!r} gives no year; the session keeps it as written", line)
    elif repaired is None:
        document.warn(f"session {label}: {text!r} is not a date; the session has no date", line)
    else:
        document.warn(f"session {label}: read {text!r} as {repaired.isoformat()}", line)
    return repaired


def _plain_date(text: str, default_year: int | None) -> dt.date | None:
    """A well-formed date; month and day alone take `default_year`."""
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b", r"\2 \1, \3", text)
    found = parse_any_date(text)
    if found is not None or default_year is None:
        return found
    short = re.match(r"^\s*+(\d{1,2})\s*(?:월|[./])\s*(\d{1,2})\s*(?:일|\.)?", text)
    if short and not re.search(r"\d{4}", text):
        try:
            return dt.date(default_year, int(short.group(1)), int(short.group(2)))
        except ValueError:
            return None
    return None


def _repair(text: str, years: set[int], default_year: int | None) -> dt.date | None:
    """Mend a date whose intent is clear: a year with a digit too many, a misspelt month."""
    for match in re.finditer(r"\d{5}", text):
        digits = match.group(0)
        candidates = {int(digits[:i] + digits[i + 1 :]) for i in range(5)}
        plausible = candidates & years if years else {y for y in candidates if 1990 <= y <= 2100}
        if len(plausible) == 1:
            fixed = text[: match.start()] + str(plausible.pop()) + text[match.end() :]
            return _plain_date(fixed, default_year) or _repair(fixed, years, default_year)
    word = re.match(r"^\s*+([A-Za-z]{3,})", text)
    if word and word.group(1).lower() not in _MONTH_NAMES:
        close = difflib.get_close_matches(word.group(1).lower(), _MONTH_NAMES, n=1, cutoff=0.75)
        if close:
            return _plain_date(close[0] + text[word.end() :], default_year)
    return None


def as_markdown(table: Table | None, lectures: list[Lecture]) -> str:
    """The schedule as a pipe table, dates written ISO, in the source's column names."""
    columns = table.columns if table else list(_LABELS)
    labels = table.labels if table else list(_LABELS.values())
    if "number" not in columns:
        columns, labels = ["number", *columns], ["No.", *labels]
    rows = ["| " + " | ".join(labels) + " |", "|" + "---|" * len(labels)]
    for lecture in lectures:
        values = []
        for column in columns:
            if column == "number":
                values.append(f"{lecture.number:02d}")
            elif column == "date":
                values.append(
                    lecture.date.isoformat() if lecture.date else lecture.properties.get("date", "")
                )
            elif column == "week":
                values.append(str(lecture.week) if lecture.week is not None else "")
            elif column == "topic":
                values.append(lecture.title)
            else:
                values.append(lecture.properties.get(column, ""))
        rows.append("| " + " | ".join(v.replace("|", "\\|") for v in values) + " |")
    return "\n".join(rows)
