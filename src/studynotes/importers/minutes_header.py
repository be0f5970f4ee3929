"""The top of a minutes page: its title, its Notion properties, and the meeting's date.

Notion copies a page's properties as `🕒 작성일시<TAB>@2021년 8월 5일 오전 9:59`
lines under the title (its Markdown export writes `작성일시: …` instead); the
title usually carries the day without the year (`8/5(목) 회의록`), so the year
comes from the creation property.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import ParsedDocument
from .parts.dates import parse_any_date
from .parts.markdown_blocks import HEADING

_HEADING = HEADING
_TAB_PROPERTY = re.compile(r"^[^\w\t]*+\s*([^\t]{1,40}?)\s*\t(.*)$")
_COLON_PROPERTY = re.compile(r"^[^\w]*+([^:：]{1,20}?)\s*[:：]\s*(.*)$")
# Property names Notion minutes templates use; only these are read from `key: value` lines.
KNOWN_KEYS = frozenset(
    {
        "작성일시",
        "생성일시",
        "작성자",
        "참석자",
        "최종 편집일시",
        "최종 편집자",
        "회의 유형",
        "유형",
        "날짜",
        "일시",
        "회의 일시",
        "장소",
        "태그",
        "created",
        "created time",
        "created by",
        "last edited time",
        "last edited by",
        "date",
        "type",
        "attendees",
        "participants",
        "tags",
        "location",
    }
)
_CREATED_KEYS = ("작성일시", "생성일시", "회의 일시", "일시", "날짜", "created", "created time", "date")
_EDITED = re.compile(r"최종|편집|edited", re.IGNORECASE)
_SPAN = re.compile(r"<span[^>]*>.*?</span>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_TITLE_MARK = re.compile(r"회의록|minutes|\d{1,2}\s*/\s*\d{1,2}|\d{1,2}\s*월\s*\d{1,2}\s*일", re.IGNORECASE)
_MONTH_DAY = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])|(\d{1,2})\s*월\s*(\d{1,2})\s*일")


def read_title(lines: list[str]) -> tuple[str | None, int]:
    """The first heading (or a first line that names a meeting) and the index after it."""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        heading = _HEADING.match(line)
        if heading and heading.group(2).strip():
            return heading.group(2).strip(), index + 1
        if _TITLE_MARK.search(line) and "\t" not in line and len(line) <= 80:
            return line.strip(), index + 1
        return None, index
    return None, len(lines)


def _clean_value(value: str) -> str:
    """`<span>하람</span> 이하람` → `이하람`; `@2021년 8월 5일` → `2021년 8월 5일`."""
    if _SPAN.search(value):
        names = [_TAG.sub("", part).strip() for part in _SPAN.split(value)]
        value = ", ".join(name for name in names if name)
    value = _TAG.sub("", value)
    value = re.sub(r"(^|,\s*)@", r"\1", value.strip())
    return re.sub(r"[ \t]+", " ", value).strip()


def _property(line: str) -> tuple[str, str] | None:
    if "\t" in line:
        match = _TAB_PROPERTY.match(line)
        if match and match.group(1).strip():
            return match.group(1).strip(), _clean_value(match.group(2))
        return None
    match = _COLON_PROPERTY.match(line)
    if match and match.group(1).strip().lower() in KNOWN_KEYS:
        return match.group(1).strip(), _clean_value(match.group(2))
    return None


def read_properties(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """The `key<TAB>value` block right under the title; where the body starts.

    An empty property (`👥 참석자<TAB>`) is kept as an empty string.
    """
    properties: dict[str, str] = {}
    index = start
    body_start = start
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        pair = _property(line)
        if pair is None:
            break
        properties.setdefault(pair[0], pair[1])
        index += 1
        body_start = index
    return properties, body_start


def _created(properties: dict[str, str]) -> dt.date | None:
    """The creation date: the creation property first, then any dated one not an edit time."""
    lowered = {key.lower(): value for key, value in properties.items()}
    for key in _CREATED_KEYS:
        if key in lowered and (found := parse_any_date(lowered[key])):
            return found
    for key, value in properties.items():
        if not _EDITED.search(key) and (found := parse_any_date(value)):
            return found
    return None


def meeting_date(
    title: str, properties: dict[str, str], document: ParsedDocument, title_line: int | None
) -> dt.date | None:
    """The meeting's date: a full date in the title, else the title's day in the created year."""
    full = parse_any_date(title)
    if full is not None:
        return full
    created = _created(properties)
    day = _MONTH_DAY.search(title)
    if day is None:
        return created
    month, mday = int(day.group(1) or day.group(3)), int(day.group(2) or day.group(4))
    if created is None:
        document.warn(
            f"the title gives {day.group(0)} but no year; set the date to place this meeting in a week",
            title_line,
        )
        return None
    try:
        date = dt.date(created.year, month, mday)
    except ValueError:
        document.warn(f"{day.group(0)} in the title is not a date; the creation date is used", title_line)
        return created
    if (date - created).days > 180:  # written in January about a December meeting
        date = _same_day(date, created.year - 1)
    elif (created - date).days > 180:
        date = _same_day(date, created.year + 1)
    return date


def _same_day(date: dt.date, year: int) -> dt.date:
    try:
        return date.replace(year=year)
    except ValueError:  # 29 February
        return date
