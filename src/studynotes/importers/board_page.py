"""One page of a Notion question database: the title asks, properties say who, where and whether answered.

Study groups often keep questions as a Notion database (질문 게시판); exporting
it writes one Markdown file per question, the title as `# heading`, then
`질문자: 재용`, `상태: 해결`, `페이지: p.42` property lines, then the answer.
Such a page is a board of one question.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import Question
from .parts.dates import parse_any_date
from .parts.fields import media_time, slide_page
from .parts.markdown_blocks import HEADING_TEXT
from .parts.names import strip_notion_id
from .parts.questions import looks_like_question

_TITLE = re.compile(rf"^#\s+{HEADING_TEXT}")
# A `key: value` line (`- **질문자**: 홍길동`, `Status<TAB>Open`): marks, then a key of 1-20
# characters, a colon or a tab, the value.  Read by `_property`, which finds what the pattern
# `^[^\w`]*\s*([^:：\t]{1,20}?)\s*(?:[:：]|\t)\s*(.*)$` finds, in time linear in the line (the
# pattern tried every split of a run of spaces: 2,000 spaces after a question's title, 400 s).
_LEAD = re.compile(r"[^\w`]*")
_SEPARATOR = re.compile(r"[:：\t]")
_KEY_LENGTH = 20
_KEYS: dict[str, tuple[str, ...]] = {
    "asker": ("질문자", "작성자", "이름", "asker", "asked by", "author", "created by", "name"),
    "status": ("상태", "해결", "해결 여부", "답변 여부", "status", "state", "resolved", "answered"),
    "page": ("페이지", "슬라이드", "쪽", "page", "slide", "slides"),
    "time": ("시간", "영상 시간", "타임스탬프", "time", "timestamp", "video time"),
    "lecture": ("강의", "강", "lecture", "lec", "class"),
    "week": ("주차", "week"),
    "date": ("작성일시", "생성일시", "날짜", "일시", "created", "created time", "date"),
}
_ANSWERED = re.compile(
    r"^(?:해결|해결됨|답변\s*완료|완료|done|resolved|answered|closed|yes|true|✅|☑️?|✔️?)$", re.IGNORECASE
)
_OPEN = re.compile(
    r"^(?:미해결|대기|답변\s*대기|진행\s*중|질문|open|unresolved|unanswered|todo|to do|no|false|❓|⬜)$",
    re.IGNORECASE,
)


@dataclass
class QuestionPage:
    """What a question page says about its one question."""

    question: Question
    body_start: int
    lecture: int | None = None
    lecture_title: str = ""
    week: int | None = None
    date: dt.date | None = None
    properties: dict[str, str] = field(default_factory=dict)


def _kind(key: str) -> str | None:
    lowered = key.strip().lower()
    return next((kind for kind, names in _KEYS.items() if lowered in names), None)


def _property(line: str) -> tuple[str, str] | None:
    """(key as written, value stripped) of a `key: value` line, or None.

    The key starts after the leading marks, as late as it can, and is the shortest run of
    1-20 characters without a colon or tab that only spaces part from a colon or a tab.
    Keys starting between two separators all reach the later one, each needing the same
    spaces before it: the latest start is tried, or none of them fits."""
    separators = [found.start() for found in _SEPARATOR.finditer(line)]
    lead = _LEAD.match(line)
    latest = lead.end() if lead else 0
    spaces = len(line) + 1  # where the run of spaces before the separator begins
    for index in range(len(separators) - 1, -1, -1):
        separator = separators[index]
        start = min(separator - 1, latest)
        if start < 0 or (index > 0 and start <= separators[index - 1]):
            continue  # no key can start before this separator and after the one before
        if spaces > separator:  # not in the run of the separator after it (tabs are spaces)
            spaces = separator
            while spaces > 0 and line[spaces - 1].isspace():
                spaces -= 1
        if spaces - start <= _KEY_LENGTH:
            end = max(start + 1, spaces)
            return line[start:end], _value(line, end)
    return None


def _value(line: str, end: int) -> str:
    """The value after the key that ends at `end`: past its spaces and the separator they lead to
    (a colon after them, else the last tab among them)."""
    after = end
    while after < len(line) and line[after].isspace():
        after += 1
    if after < len(line) and line[after] in ":：":
        return line[after + 1 :].strip()
    return line[line.rindex("\t", end, after) + 1 :].strip()


def read_question_page(lines: list[str]) -> QuestionPage | None:
    """The page's question when its title asks and at least two question properties follow it."""
    index = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    title = _TITLE.match(lines[index]) if index < len(lines) else None
    if title is None or not looks_like_question(strip_notion_id(title.group(1))):
        return None
    properties: dict[str, str] = {}
    kinds: dict[str, str] = {}
    position = index + 1
    body_start = position
    while position < len(lines):  # one block of `key: value` lines; a blank line after it ends it
        line = lines[position]
        position += 1
        if not line.strip():
            if properties:
                break
            continue
        pair = _property(line)
        if pair is None or not pair[0].strip():
            break
        properties[pair[0].strip()] = pair[1]
        if kind := _kind(pair[0]):
            kinds.setdefault(kind, pair[1])
        body_start = position
    if len(set(kinds) - {"date"}) < 2:
        return None
    question = Question(text=strip_notion_id(title.group(1)), asker=kinds.get("asker", ""))
    question.slide_page = slide_page(kinds.get("page", "")) or _number(kinds.get("page", ""))
    question.media_time = media_time(kinds.get("time", ""))
    page = QuestionPage(question, body_start, properties=properties)
    page.lecture = _number(kinds.get("lecture", ""))
    page.lecture_title = kinds.get("lecture", "") if page.lecture is not None else ""
    page.week = _number(kinds.get("week", ""))
    page.date = parse_any_date(kinds.get("date", ""))
    question.status = "answered" if _ANSWERED.match(kinds.get("status", "")) else "open"
    return page


def _number(value: str) -> int | None:
    found = re.search(r"\d{1,4}", value)
    return int(found.group(0)) if found else None


def status_from_body(page: QuestionPage, answer: str) -> None:
    """With no status property (or one the page does not spell out), an answer means answered."""
    status = next((v for k, v in page.properties.items() if _kind(k) == "status"), "")
    if not (_ANSWERED.match(status) or _OPEN.match(status)):
        page.question.status = "answered" if answer.strip() else "open"
