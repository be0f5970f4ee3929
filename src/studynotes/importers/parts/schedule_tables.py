"""Schedule tables wherever a page has one: the weeks and sessions a README or a note lays out.

Study groups write their plan as a Markdown table: `| 주차 | 날짜 | 주제 |`, `| Week | Date |
Topic |`, `| 회차 | 학습 주차 | 일시 | 선정 주제 |`, `| 차시 | 주제 |`, `Class | Topics To Be
Covered` without outer pipes.  Columns are known by their names and a date column also by what
it holds.  A row with an empty week or date cell is one more session of the row above (two
chapters in week 1); a `| Week 3 | | |` row heads the rows under it.  Dates come in any form
(`2024.03.05 (화)`, `2025년 11월 30일`, `3/17`, `3월 11일`, `Mon Sept 15`, `1/04/16`); one
written without a year takes the year of the table's other dates or of the page, and when
there is none it is kept as written (the session keeps its week) and the page says so once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ...model import Lecture, ParsedDocument
from .dates import parse_any_date

_WEEK_NAME = re.compile(r"주\s*차|^weeks?\b|^wk\.?$|^w$", re.IGNORECASE)
_SESSION_NAME = re.compile(
    r"회차|차시|^session|^lecture\s*(?:#|no\.?)?$|^lec\.?$|^class$|^meeting$", re.IGNORECASE
)
_NUMBER_NAME = re.compile(r"^(?:#|no\.?|nr\.?|번호|순서|순)$", re.IGNORECASE)
_DATE_NAME = re.compile(r"날짜|일자|일시|일정|^dates?\b|^datetime$|^when$", re.IGNORECASE)
_DAY_NAME = re.compile(r"^day$|^요일$", re.IGNORECASE)
_TOPIC_NAME = re.compile(r"주제|제목|목차|내용|topic|title|subject|content|agenda", re.IGNORECASE)
_SOURCE_NAME = re.compile(
    r"강의|강좌|진도|범위|chapter|reading|paper|unit|material|교재|자료|분류", re.IGNORECASE
)

_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|`)")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BRACKETED = re.compile(r"\[([^\[\]]+)\]")
_WEEK_ROW = re.compile(r"^(?:week|wk|w)\s*\.?\s*0*(\d{1,2})\b|^0*(\d{1,2})\s*주\s*차", re.IGNORECASE)
_FIRST_NUMBER = re.compile(r"\d{1,3}")

_MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
_WEEKDAY_LEAD = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_US_DATE = re.compile(rf"^\s*{_WEEKDAY_LEAD}(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}|\d{{2}})(?!\d)", re.IGNORECASE)
_SHORT_YEAR = re.compile(r"^\s*(\d{2})\.\s*(\d{1,2})\.\s*(\d{1,2})(?!\d)")
_MONTH_DAY = re.compile(
    rf"^\s*{_WEEKDAY_LEAD}(?:"
    r"(?P<m1>\d{1,2})\s*[/.]\s*(?P<d1>\d{1,2})(?![\d/])"
    r"|(?P<m2>\d{1,2})\s*월\s*(?P<d2>\d{1,2})\s*일?"
    r"|(?P<name>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d3>\d{1,2})(?!\d)"
    r")",
    re.IGNORECASE,
)
_FULL_DATE_START = re.compile(
    rf"^\s*{_WEEKDAY_LEAD}(?:\d{{4}}\s*[-./년]|[A-Za-z]{{3,9}}\.?\s+\d{{1,2}},?\s+\d{{4}})", re.IGNORECASE
)
_REACH = 200  # lines: a year further above a table is about something else
_PAGE_YEAR = re.compile(r"(?<![\d.])(19[9]\d|20\d{2})(?![\d])")


@dataclass
class _Columns:
    """Which cell of a row holds what; None where the table has no such column."""

    names: list[str]
    week: int | None = None
    number: int | None = None
    date: int | None = None
    topic: int | None = None
    source: int | None = None  # what a session covers (`Unit 4`, `3장`): its title when no topic is written

    def known(self) -> set[int]:
        return {i for i in (self.week, self.number, self.date, self.topic, self.source) if i is not None}


@dataclass
class _Row:
    line: int
    cells: list[str]


@dataclass
class _Table:
    line: int  # the header's line, 1-based
    names: list[str]
    rows: list[_Row] = field(default_factory=list)


def schedule_sessions(
    text: str, document: ParsedDocument | None = None, *, year: int | None = None, first_line: int = 1
) -> list[Lecture]:
    """Every session of every schedule table in `text`, numbered across the page.

    `year` is the page's own year (front matter, a date the user chose) for dates
    written without one; else the nearest year written above the table is used.
    Warnings go to `document`, naming lines counted from `first_line`.
    """
    lines = text.split("\n")
    sessions: list[Lecture] = []
    used: set[int] = set()
    years: list[int | None] | None = None  # the nearest year above each line, found once
    for table in _tables(lines):
        columns = _columns(table)
        if columns is None:
            continue
        if years is None:
            years = _years_above(lines)
        above = year or (years[table.line - 2] if table.line >= 2 else None)  # the lines above the header
        added, undated = _sessions(table, columns, used, above)
        if undated and document is not None:
            document.warn(
                f"the schedule's dates give no year ({undated}); its sessions keep them as written",
                table.line + first_line - 1,
            )
        sessions += added
    return sessions


def _tables(lines: list[str]) -> list[_Table]:
    """GitHub tables: a header row, a `---|---` row, then rows holding a `|` until a blank."""
    tables: list[_Table] = []
    in_fence = False
    end = 0  # past the last table read
    # Only a line holding a `|` or a fence's mark can start a table or a fence: the others
    # are passed over in one comprehension instead of one step of this loop each.
    marked = [i for i, line in enumerate(lines) if "|" in line or "```" in line or "~~~" in line]
    for index in marked:
        if index < end or index >= len(lines) - 1:
            continue  # a row of the table just read, or the last line
        line = lines[index]
        if _FENCE.match(line):
            in_fence = not in_fence
        if (
            in_fence
            or "|" not in line
            or not _DELIMITER.match(lines[index + 1])
            or "|" not in lines[index + 1]
        ):
            continue
        table = _Table(line=index + 1, names=_cells(line))
        end = index + 2
        while end < len(lines) and "|" in lines[end] and lines[end].strip():
            table.rows.append(_Row(end + 1, _cells(lines[end])))
            end += 1
        tables.append(table)
    return tables


def _cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [_plain(cell) for cell in _CELL_SPLIT.split(text)]


def _plain(cell: str) -> str:
    """A cell's words: link text for links, no emphasis, `<br>` as a space."""
    if "<" in cell:
        cell = _BREAK.sub(" ", cell)
    if "[" in cell:
        cell = _LINK.sub(r"\1", cell)
    cell = (
        _EMPHASIS.sub("", cell).replace("\\|", "|").strip()
        if "*" in cell or "_" in cell or "`" in cell or "\\" in cell
        else cell.strip()
    )
    if cell.startswith("[") and cell.endswith("]"):
        bracketed = _BRACKETED.fullmatch(cell)  # a link whose address was never filled in
        return bracketed.group(1).strip() if bracketed else cell
    return cell


def _columns(table: _Table) -> _Columns | None:
    """Name the columns; None unless this is a schedule (sessions by week, number or date)."""
    names = [re.sub(r"[^\w\s#./&~()-]", "", n).strip() for n in table.names]
    columns = _Columns(names=names)

    def first(pattern: re.Pattern[str], taken: set[int]) -> int | None:
        return next((i for i, n in enumerate(names) if i not in taken and pattern.search(n)), None)

    columns.week = first(_WEEK_NAME, set())
    # A column that holds dates is the date column whatever it is called (`Class`: `Feb 18`).
    dates = [i for i in range(len(names)) if i != columns.week and _mostly_dates(table, i)]
    named = [i for i in dates if _DATE_NAME.search(names[i]) or _DAY_NAME.search(names[i])]
    columns.date = next(iter(named or dates), None)
    columns.number = first(_SESSION_NAME, columns.known())
    session_named = columns.number is not None
    if columns.number is None:
        columns.number = first(_NUMBER_NAME, columns.known())
    if columns.date is None:
        columns.date = first(_DATE_NAME, columns.known())
    columns.topic = first(_TOPIC_NAME, columns.known())
    columns.source = first(_SOURCE_NAME, columns.known())
    if columns.topic is None:
        columns.topic, columns.source = columns.source, None
    if len(table.rows) < 2:
        return None
    if columns.week is None and columns.date is None and not session_named:
        return None
    if columns.topic is None and columns.date is None:
        return None
    return columns


def _mostly_dates(table: _Table, column: int) -> bool:
    values = [_cell(row.cells, column) for row in table.rows]
    values = [v for v in values if v and not _WEEK_ROW.match(v)]
    if not values:
        return False
    dated = sum(1 for v in values if _starts_with_date(v))
    return dated * 5 >= len(values) * 3


def _starts_with_date(text: str) -> bool:
    return bool(_FULL_DATE_START.match(text) or _US_DATE.match(text) or _MONTH_DAY.match(text))


def _cell(cells: list[str], column: int | None) -> str:
    return cells[column] if column is not None and column < len(cells) else ""


def _sessions(
    table: _Table, columns: _Columns, used: set[int], year: int | None
) -> tuple[list[Lecture], str]:
    """The table's rows as sessions; also the first date that had no year, if any."""
    sessions: list[Lecture] = []
    week: int | None = None
    date_text = ""
    undated = ""
    current_year = _table_year(table, columns) or year
    last_month = 0
    last = max(used, default=0)  # the highest session number so far
    for row in table.rows:
        cells = row.cells
        heading = _WEEK_ROW.match(cells[0]) if cells else None
        if heading and not any(cells[1:]):
            week = int(heading.group(1) or heading.group(2))
            continue
        topic = _cell(cells, columns.topic) or _cell(cells, columns.source)
        written_week = _cell(cells, columns.week)
        written_date = _cell(cells, columns.date)
        if not any(cells):
            continue
        if columns.week is not None and (written_week or not sessions):
            found = _FIRST_NUMBER.search(written_week)
            week = int(found.group(0)) if found else None
        if written_date:
            date_text = written_date
        date, has_year = _date(date_text, current_year, last_month)
        if date is not None:
            if has_year:
                current_year = date.year
            elif date.month < last_month - 6:  # December, then January: the next year
                current_year = (current_year or date.year) + 1
                date = date.replace(year=current_year)
            last_month = date.month
        elif date_text and _MONTH_DAY.match(date_text) and not undated:
            undated = date_text
        number = _number(_cell(cells, columns.number), used, last)
        used.add(number)
        last = max(last, number)
        kept = columns.known() - {columns.source}
        properties = {
            columns.names[i] or f"column {i + 1}": value
            for i, value in enumerate(cells)
            if value and i not in kept and i < len(columns.names)
        }
        if date is None and date_text:
            properties["date"] = date_text
        sessions.append(Lecture(number, topic, date, week=week, properties=properties))
    return sessions, undated


def _number(text: str, used: set[int], highest: int) -> int:
    """The session's own number (`3회차`, `Lecture 4`), else the one after the highest so far."""
    found = _FIRST_NUMBER.search(text)
    if found and int(found.group(0)) not in used:
        return int(found.group(0))
    return highest + 1


def _table_year(table: _Table, columns: _Columns) -> int | None:
    for row in table.rows:
        date, has_year = _date(_cell(row.cells, columns.date), None, 0)
        if date is not None and has_year:
            return date.year
    return None


def _date(text: str, year: int | None, last_month: int) -> tuple[dt.date | None, bool]:
    """The date a cell starts with, and whether it wrote its year."""
    if not text:
        return None, False
    full = parse_any_date(text)
    if full is not None:
        return full, True
    us = _US_DATE.match(text)
    if us:
        century = int(us.group(3)) if len(us.group(3)) == 4 else 2000 + int(us.group(3))
        return _safe(century, int(us.group(1)), int(us.group(2))), True
    short = _SHORT_YEAR.match(text)
    if short:
        return _safe(2000 + int(short.group(1)), int(short.group(2)), int(short.group(3))), True
    month_day = _MONTH_DAY.match(text)
    if month_day is None or year is None:
        return None, False
    if month_day.group("name"):
        month, day = _MONTHS.index(month_day.group("name").lower()[:3]) + 1, int(month_day.group("d3"))
    else:
        month = int(month_day.group("m1") or month_day.group("m2"))
        day = int(month_day.group("d1") or month_day.group("d2"))
    return _safe(year, month, day), False


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _years_above(lines: list[str]) -> list[int | None]:
    """For each line, the nearest year written on it or above it, not far above (see `year_above`)."""
    # Every year the pattern finds starts `199` or `20`: most lines have neither, and two
    # substring tests in one comprehension are far cheaper than a step of a loop per line.
    found = [
        (index, int(match.group(1)))
        for index, line in enumerate(lines)
        if ("20" in line or "199" in line) and (match := _PAGE_YEAR.search(line))
    ]
    years: list[int | None] = [None] * len(lines)
    ends = [index for index, _year in found[1:]] + [len(lines)]
    for (index, year), following in zip(found, ends[: len(found)], strict=True):
        reach = min(following, index + _REACH)  # a year holds until the next one, or `_REACH` lines
        years[index:reach] = [year] * (reach - index)
    return years


def year_above(lines: list[str], index: int) -> int | None:
    """The nearest year written above the table (`2024 스터디`, `기간: 2023.06.28 ~`), not far above."""
    for line in reversed(lines[max(0, index - _REACH) : index]):
        found = _PAGE_YEAR.search(line)
        if found:
            return int(found.group(1))
    return None
