"""Daily study logs ("Day N" blog posts, TIL): one note per day.

Blog chrome (`2 minute read`, `Leave a comment`) and `image` placeholders are
dropped, indented bullets become nested Markdown lists, `\\(..\\)`/`\\[..\\]`
become `$..$`/`$$..$$`, a bullet that asks is a question answered by the
bullets under it, and `피어세션:` (peer session) paragraphs stay cells of their
own.  Weeks come from the day number (the library counts study days per week)
unless the log names its week.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Attachment, ImportContext, Note, ParsedDocument
from .base import Importer
from .log_cells import log_cells
from .parts.dates import parse_any_date
from .parts.front_matter import split_front_matter
from .parts.lines_with import lines_with
from .parts.links import local_image_links
from .parts.names import title_from_file_name
from .parts.outline import expand_display, latex_to_dollars, outline_to_markdown
from .parts.periods import page_week
from .parts.schedule_tables import schedule_sessions

_DAY_CORE = (
    r"(?:\*\*)?\[?\s*+(?:(?:Week|W)\s*+(?P<week>\d{1,3})\s*+\]?\s*+[-–—,/·|]?\s*+)?"
    r"Day\s*+(?P<day>\d{1,4})\s*+\]?(?:\*\*)?"
)
# Every `Day N` line holds it.  Spelt as classes, not with IGNORECASE (no other character folds
# to these letters): a pattern that starts with a class is scanned for in C, a third faster.
_DAY_MARK = re.compile("[dD][aA][yY]")
_LINE_REST = 80  # a longer line after `Day N` is prose, not a heading
_DAY_LINE = re.compile(rf"^\s*+{_DAY_CORE}\s*+(?:(?:[:\-–—|.]|(?=\())\s*+(?P<rest>.*))?$", re.IGNORECASE)
_DAY_HEADING = re.compile(rf"^\s*+#{{1,6}}\s*+{_DAY_CORE}\s*+[:\-–—|.]?\s*+(?P<rest>.*)$", re.IGNORECASE)
_WEEK_HEADING = re.compile(
    r"^\s*+(?:#{1,6}\s*+)?\[?\s*+(?:Week\s*+(?P<en>\d{1,3})|(?P<ko>\d{1,3})\s*+주차)\s*+\]?\s*+$",
    re.IGNORECASE,
)
_CHROME = re.compile(
    r"^\s*+(\d+\s+min(ute)?s?\s+read|leave a comment|share on\b.*|updated:?\s.*|posted:?\s.*|"
    r"previous(\s+next)?|\d+\s*분\s*소요|댓글\s*남기기|on this page|categories:.*|tags:.*)\s*$",
    re.IGNORECASE,
)
_RELATED = re.compile(r"^\s*+(you may also enjoy|related posts|관련\s*글)\s*$", re.IGNORECASE)
_IMAGE_PLACEHOLDER = re.compile(
    r"^\s*+(?:[-*+•]\s*)?(image|img|이미지|\[image\]|\(image\))\s*$", re.IGNORECASE
)
_WEEKDAY = re.compile(
    r"\(\s*[월화수목금토일]\s*\)|\(\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*\)", re.IGNORECASE
)
_LIST_LINE = re.compile(r"^\s*+(?:- |\d+\. )")


@dataclass
class _Day:
    """The lines of one day (or of the text before the first day) and where they start."""

    line: int
    day: int | None = None
    week: int | None = None
    date: dt.date | None = None
    subtitle: str = ""
    lines: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)


def score(text: str) -> float:
    days = 0
    for line in lines_with(text, _DAY_MARK):
        days += _day_heading(line) is not None
        if days >= 2:
            return 0.85
    if days == 1 and ("•" in text or any(_CHROME.match(line) for line in text.split("\n"))):
        return 0.6
    return 0.0


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="daily_log")
    front, body, skipped = split_front_matter(text)
    days = _split_days(body.split("\n"), skipped + 1, document)
    preamble = days.pop(0)
    if any(line.strip() for line in preamble.lines) or not days:
        days.insert(0, preamble)
    fallback_title = front.get("title") or title_from_file_name(context.file_name or "Notes")
    stated = page_week(front, _first_heading(preamble.lines), fallback_title, context.folder_name)
    for part in days:
        title = fallback_title if part.day is None else f"Day {part.day}"
        if part.subtitle:
            title = f"{title}: {part.subtitle}"
        week = part.week or stated or context.week  # a stated week beats one counted from days
        note = Note(title=title, kind="log", day=part.day, date=part.date, week=week)
        lines = _drop_placeholders(part, note.title, document)
        markdown_lines = _markdown(lines)
        note.cells = log_cells(markdown_lines)
        note.attachments = [Attachment(name) for name in local_image_links("\n".join(markdown_lines))]
        for key in ("tags", "categories"):
            if front.get(key):
                note.properties[key] = front[key]
        document.notes.append(note)
    _dates(document, front, context)
    document.lectures = schedule_sessions(body, document, year=_year(document), first_line=skipped + 1)
    return document


def _year(document: ParsedDocument) -> int | None:
    return next((note.date.year for note in document.notes if note.date), None)


def _first_heading(lines: list[str]) -> str:
    """The page's title line above its first day (`# [Week 9] 회고`), if it has one."""
    first = next((line for line in lines if line.strip()), "")
    return first if first.lstrip().startswith("#") else ""


class _Heading(NamedTuple):
    day: int
    week: int | None
    rest: str


def _day_heading(line: str) -> _Heading | None:
    """`## Day 3: Optimizers`, or a short `Day 3 - 2021.08.04` line.

    The patterns leave the end of the line to plain string stripping: a pattern that
    trimmed it tried every split of a long run of spaces."""
    found = _DAY_HEADING.match(line)
    rest = (found.group("rest") or "").rstrip().rstrip("#").rstrip() if found else ""
    if found is None:
        found = _DAY_LINE.match(line)
        rest = (found.group("rest") or "").rstrip() if found else ""
        if found is None or len(rest) > _LINE_REST:
            return None
    week = found.group("week")
    return _Heading(int(found.group("day")), int(week) if week else None, rest)


def _split_days(lines: list[str], first_line: int, document: ParsedDocument) -> list[_Day]:
    """Cut the body at each `Day N` line; chrome goes, week headings carry over."""
    days = [_Day(line=first_line)]
    week: int | None = None
    for number, line in enumerate(lines, start=first_line):
        heading = _day_heading(line)
        week_heading = _WEEK_HEADING.match(line)
        if heading:
            date, subtitle = _date_and_subtitle(heading.rest)
            days.append(
                _Day(
                    line=number,
                    day=heading.day,
                    week=week if heading.week is None else heading.week,
                    date=date,
                    subtitle=subtitle,
                )
            )
        elif week_heading:
            week = int(week_heading.group("en") or week_heading.group("ko"))
        elif _RELATED.match(line):
            document.warn("the blog's list of other posts was left out", number)
            break
        elif not _CHROME.match(line):
            days[-1].lines.append(line)
            days[-1].numbers.append(number)
    return days


def _date_and_subtitle(rest: str) -> tuple[dt.date | None, str]:
    """`2021.08.04 (수) Optimizers` → the date and `Optimizers`."""
    date = parse_any_date(rest)
    if date is None:
        return None, rest.strip(" -–—|:()[]")
    residue = re.sub(
        r"\d{4}\s*(?:년\s*\d{1,2}\s*월\s*\d{1,2}\s*일|[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}\.?)|"
        r"[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}",
        "",
        rest,
        count=1,
    )
    residue = _WEEKDAY.sub("", residue)
    return date, residue.strip(" -–—|:()[]")


def _drop_placeholders(part: _Day, title: str, document: ParsedDocument) -> list[str]:
    """`image` lines stood where the blog had pictures that were not copied."""
    kept = [line for line in part.lines if not _IMAGE_PLACEHOLDER.match(line)]
    dropped = len(part.lines) - len(kept)
    if dropped:
        first = next(
            n for n, line in zip(part.numbers, part.lines, strict=True) if _IMAGE_PLACEHOLDER.match(line)
        )
        plural = "s" if dropped > 1 else ""
        document.warn(f"{title}: {dropped} image placeholder{plural} without a picture left out", first)
    return kept


def _markdown(lines: list[str]) -> list[str]:
    """Outline lines → Markdown lines: math first (so formulas are never bullets), then lists."""
    converted, displays = latex_to_dollars(lines)
    markdown = outline_to_markdown(converted)
    return expand_display(_join_lists(markdown), displays)


def _join_lists(lines: list[str]) -> list[str]:
    """Blank lines between two list items are copy-paste gaps (and removed pictures): one list."""
    out: list[str] = []
    in_fence = False
    following = ""
    next_text = [""] * len(lines)  # the next non-blank line after each line
    for index in range(len(lines) - 1, -1, -1):
        next_text[index] = following
        if lines[index].strip():
            following = lines[index]
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not line.strip() and not in_fence and out and _LIST_LINE.match(out[-1]):
            following = next_text[index]
            if _LIST_LINE.match(following) and (following.startswith(" ") or _same_kind(out, following)):
                continue
        out.append(line)
    return out


def _same_kind(out: list[str], following: str) -> bool:
    """Does `following` continue the top-level list above, rather than start one of the other kind?"""
    top = next((line for line in reversed(out) if line.strip() and not line.startswith(" ")), "")
    return top.startswith("- ") == following.startswith("- ")


def _dates(document: ParsedDocument, front: dict[str, str], context: ImportContext) -> None:
    """A date the user chose, or the post's own date, belongs to a note only when it is the only one."""
    posted = parse_any_date(front.get("date", ""))
    only = document.notes[0] if len(document.notes) == 1 else None
    if only is not None:
        only.date = context.date or only.date or posted
    elif posted is not None:
        for note in document.notes:
            note.properties["posted"] = posted.isoformat()


IMPORTER = Importer(
    name="daily_log",
    description="a study blog's Day N log, one note per day",
    kind="log",
    score=score,
    parse=parse,
    ceiling=0.85,
)
