"""The parts of a question-board heading: status mark, backticked fields, text.

`✅ \\`소현\\` [\\`21:30\\`] \\`p20\\` 질문` → answered, asker 소현, media time 21:30,
slide page 20.  Fields come in any order, at the start of the heading (and a
time or page also at its end); a backticked word that is none of these stays
in the question text, so code in a question is never eaten.
"""

from __future__ import annotations

import re

from ...model import Question

ANSWERED = "✅"
OPEN_MARKS = ("❓", "⬜", "☐", "🔲", "❔", "❗", "❕")
_OTHER_MARKS = ("✔️", "✔", "☑️", "☑")  # answered too, as other tools write it

_LEADING_FIELD = re.compile(r"^\[?\s*`([^`\n]+)`\s*\]?[\s,|·]*")
# Searched from the start of a run of separators only (tried at each, a long run was quadratic).
_TRAILING_FIELD = re.compile(r"(?<![\s,|·])[\s,|·]*+\[?\s*+`([^`\n]+)`\s*+\]?$")
_MEDIA_TIME = re.compile(r"^(?:\d{1,2}:[0-5]\d:[0-5]\d|\d{1,3}:[0-5]\d)$")
_PAGE = re.compile(
    r"^(?:p{1,2}\.?\s*(\d{1,4})|(\d{1,4})\s*(?:p|쪽|페이지)|slide\s*(\d{1,4}))$", re.IGNORECASE
)
_NOT_A_NAME = re.compile(r"[(){}\[\]=<>*/+\\^$;\"'`]|\d")


def media_time(value: str) -> str | None:
    """`21:30`, `1:02:03` → the same text; anything else → None."""
    value = value.strip()
    return value if _MEDIA_TIME.match(value) else None


def slide_page(value: str) -> int | None:
    """`p20`, `p.12`, `pp. 7`, `12p`, `12쪽` → the page number."""
    match = _PAGE.match(value.strip())
    if match is None:
        return None
    return int(match.group(1) or match.group(2) or match.group(3))


def _looks_like_name(value: str) -> bool:
    value = value.strip()
    return 0 < len(value) <= 30 and not _NOT_A_NAME.search(value)


def is_known_field(value: str) -> bool:
    """A field only a board writes: a video time or a slide page."""
    return media_time(value) is not None or slide_page(value) is not None


def status_mark(title: str) -> str | None:
    """`answered`, `open`, or None: what the title's leading mark says."""
    return _status_mark(title)[0]


def _status_mark(title: str) -> tuple[str | None, str]:
    """The status a leading mark gives (None without one) and the title after it."""
    title = title.strip()
    for mark in (ANSWERED, *_OTHER_MARKS):
        if title.startswith(mark):
            return "answered", title[len(mark) :].lstrip("\ufe0f").strip()
    for mark in OPEN_MARKS:
        if title.startswith(mark):
            return "open", title[len(mark) :].lstrip("\ufe0f").strip()
    return None, title


def _take_field(question: Question, value: str, allow_name: bool) -> bool:
    """Fill the field `value` stands for; False when it is not a field at all."""
    page = slide_page(value)
    time = media_time(value)
    if page is not None and question.slide_page is None:
        question.slide_page = page
    elif time is not None and question.media_time is None:
        question.media_time = time
    elif allow_name and not question.asker and _looks_like_name(value):
        question.asker = value.strip()
    else:
        return False
    return True


def read_heading(title: str, *, unmarked_question: bool = False) -> Question | None:
    """A question when the heading carries a status mark or board fields; else None.

    `unmarked_question` says the caller already knows the heading asks
    something, so a lone asker field counts too.  The text may come back
    empty (a heading of only a mark); the caller decides what to show for it.
    """
    status, rest = _status_mark(title)
    question = Question(text="", status="answered" if status == "answered" else "open")
    fields = 0
    while match := _LEADING_FIELD.match(rest):
        if not _take_field(question, match.group(1), allow_name=True):
            break
        fields += 1
        rest = rest[match.end() :]
    while (match := _TRAILING_FIELD.search(rest)) and match.start() > 0:
        if not is_known_field(match.group(1)) or not _take_field(question, match.group(1), allow_name=False):
            break
        fields += 1
        rest = rest[: match.start()]
    known = question.slide_page is not None or question.media_time is not None
    if status is None and not unmarked_question and not known:
        return None  # a plain heading, or one that merely starts with code
    question.text = rest.strip()
    return question
