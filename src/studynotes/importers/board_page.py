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
_PROPERTY = re.compile(r"^[^\w`]*\s*([^:：\t]{1,20}?)\s*(?:[:：]|\t)\s*(.*)$")
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
        pair = _PROPERTY.match(line)
        if pair is None or not pair.group(1).strip():
            break
        properties[pair.group(1).strip()] = pair.group(2).strip()
        if kind := _kind(pair.group(1)):
            kinds.setdefault(kind, pair.group(2).strip())
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
