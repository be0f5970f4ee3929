"""Peer-session and meeting notes as study repositories keep them: minutes without a 회의록 title.

`# Day7` over `### 피어세션 정리`, `# Week2 - Day2` over `## Today Peersession`, `## 피어세션
16:00 ~ 17:30`, `# Meeting notes`, `# Week3 - Day2` over `## 오늘의 질문`: recognised from the
page's opening lines.  One note of kind minutes per file; its week from front matter `week:`,
the title (`Week3 - Day2`, `2주차`) or the file's folder (`Week 03/day2.md`), its day from the
title or the file's name (`Day17.md`), its date from the title or front matter.  Questions and
answers are found by the one detector (`parts.markdown_questions`) wherever they stand; a
schedule table gives the notebook its sessions, as anywhere.
"""

from __future__ import annotations

import re

from ..model import Attachment, ImportContext, Note, ParsedDocument
from .base import Importer
from .parts.dates import parse_any_date
from .parts.front_matter import split_front_matter
from .parts.links import local_image_links
from .parts.markdown_blocks import HEADING_TEXT
from .parts.markdown_questions import cells_with_questions, is_question_section
from .parts.names import title_from_file_name
from .parts.periods import page_week, stated_day
from .parts.schedule_tables import schedule_sessions

_MEETING = re.compile(
    r"피어\s*세션|peer\s*-?\s*sessions?|meeting\s*(?:notes?|minutes|log|records?)|"
    r"(?:팀|주간|정기|스터디)\s*회의(?!록)|회의\s*(?:내용|기록|정리)|스터디\s*모임\s*(?:기록|정리|내용)|"
    r"study\s*(?:group\s*)?meeting|stand-?up\s*(?:notes?|meeting)|데일리\s*스크럼",
    re.IGNORECASE,
)
_DAY_TITLE = re.compile(
    r"^\W*(?:week\s*\d{1,2}\W*)?day\s*\d{1,3}\b|^\W*\d{1,2}\s*주\s*차\W*\d{1,2}\s*일\s*차", re.IGNORECASE
)
_HEADING = re.compile(rf"^\s*+#{{1,6}}\s+{HEADING_TEXT}")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_NOT_TITLE = re.compile(r"^\s*(?:[-*+•>|]|\d{1,3}[.)]\s|```|~~~|<(?!h\d))")
_TAG = re.compile(r"<[^>]+>")
_MINUTES_TITLE = re.compile(r"회의록")
_PROSE = re.compile(r"[:：]\s+\S+\s+\S+|[.!?。]\s*$")  # `key: a sentence`, or a sentence


def score(text: str) -> float:
    """A meeting or peer-session title, or a day's title over a peer-session or questions heading.

    A weekly log with a `# 피어세션` section among others stays a log.
    """
    front, body, _ = split_front_matter(text[:20000])
    opening = ([front["title"]] if front.get("title") else []) + _opening(body.split("\n"))
    if not opening or any(_MINUTES_TITLE.search(line) for line in opening):
        return 0.0  # 회의록 pages are the minutes importer's
    if _MEETING.search(opening[0]):
        return 0.7
    under = opening[1:3]  # a day's title over `## Today Peersession` or `## 오늘의 질문`
    if _DAY_TITLE.match(opening[0]) and any(_MEETING.search(s) or is_question_section(s) for s in under):
        return 0.7
    return 0.0


def _opening(lines: list[str]) -> list[str]:
    """The title and the first headings or short lines standing alone, before the page gets going.

    A line of prose (`피어세션: 17.5, 17.6 부분이 어려웠다`) is not a heading, however short.
    """
    found: list[str] = []
    for line in [line for line in lines if line.strip()][:12]:
        if _RULE.match(line) or _NOT_TITLE.match(line):
            continue
        heading = _HEADING.match(line)
        text = _TAG.sub("", heading.group(1) if heading else line).strip()
        if heading or (len(text) < 40 and not _PROSE.search(text)):
            found.append(text)
        if len(found) == 4:
            break
    return found


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="peer_session")
    front, body, skipped = split_front_matter(text)
    title, rest = _title(body)
    fallback = title_from_file_name(context.file_name or "Meeting notes")
    title = front.get("title") or title or fallback
    note = Note(title=title, kind="minutes")
    note.week = context.week or page_week(front, title, fallback, context.folder_name)
    note.day = stated_day(title, fallback, front.get("tags", ""))
    note.date = context.date or parse_any_date(front.get("date", "")) or parse_any_date(title)
    if front.get("tags"):
        note.properties["tags"] = front["tags"]
    note.cells = cells_with_questions(rest)
    note.attachments = [Attachment(name) for name in local_image_links(rest)]
    document.notes.append(note)
    year = note.date.year if note.date else None
    document.lectures = schedule_sessions(body, document, year=year, first_line=skipped + 1)
    return document


def _title(body: str) -> tuple[str, str]:
    """The first heading, or a first short line set apart (`Week 6 - Day 1` then `----`); the rest."""
    lines = body.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return "", body
    heading = _HEADING.match(lines[first])
    if heading and heading.group(1).strip():
        return heading.group(1).strip(), "\n".join(lines[first + 1 :])
    following = next((line for line in lines[first + 1 :] if line.strip()), "")
    if len(lines[first].strip()) < 60 and not _NOT_TITLE.match(lines[first]) and _RULE.match(following):
        return lines[first].strip(), "\n".join(lines[first + 1 :])
    return "", body


IMPORTER = Importer(
    name="peer_session",
    description="peer-session and meeting notes from study repositories (minutes without a 회의록 title)",
    kind="minutes",
    score=score,
    parse=parse,
    ceiling=0.7,
)
