"""Zoom chat files → messages: every header shape Zoom writes, in any language.

Handles `HH:MM:SS From Name : text`, tab-separated headers, `From A to B:` with
the text on indented lines below, a `YYYY-MM-DD` date before the time, Korean
(`발신자 A 수신자 모두에게:`) and Chinese (`A 对 所有人:`) headers, `- ` list
prefixes, `>` answer lines, and messages that run over several lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

_PREFIX = r"^\s*(?:[-*•]\s+)?"
_WHEN = r"(?:(?P<date>\d{4}-\d{2}-\d{2})\s+)?(?P<time>\d{1,2}:\d{2}:\d{2})\s+"
_HEADERS = [
    re.compile(
        _PREFIX + _WHEN + r"From\s+(?P<sender>[^:\n]+?)\s+to\s+(?P<to>[^:\n]+?)\s*:\s*(?P<text>.*)$",
        re.IGNORECASE,
    ),
    re.compile(_PREFIX + _WHEN + r"From\s+(?P<sender>[^:\n]+?)\s*:\s*(?P<text>.*)$", re.IGNORECASE),
    re.compile(
        _PREFIX + _WHEN + r"발신자\s+(?P<sender>.+?)\s+수신자\s+(?P<to>[^:：]+?)\s*[:：]\s*(?P<text>.*)$"
    ),
    re.compile(_PREFIX + _WHEN + r"(?P<sender>.+?)\s+对\s+(?P<to>[^:：]+?)\s*[:：]\s*(?P<text>.*)$"),
]
_ANSWER_LINE = re.compile(r"^\s*(?:[-*•]\s+)?>\s?(?P<text>.*)$")
_PUBLIC = re.compile(r"^(everyone|all|all participants|모두에게|모두|所有人|大家)$", re.IGNORECASE)
_PRIVATE_MARK = re.compile(r"\((direct message|privately|비공개|다이렉트 메시지|私聊|私信)\)", re.IGNORECASE)
_SYSTEM = re.compile(
    r"^(reacted to |removed a .* reaction from |님이 .*에 반응|对.*做出了回应)", re.IGNORECASE
)
_STUDENT_NUMBER = re.compile(r"\(?\b\d{4,}\b\)?")
_LINK = re.compile(r'<a\s+[^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)


@dataclass
class Message:
    time: str
    sender: str
    text: str
    line: int
    date: dt.date | None = None
    private: bool = False
    answers: list[str] = field(default_factory=list)  # `>` lines (the instructor's)

    @property
    def seconds(self) -> int:
        hours, minutes, seconds = (int(p) for p in self.time.split(":"))
        return hours * 3600 + minutes * 60 + seconds


def asker_name(sender: str) -> str:
    """`20175499 이성준` → 이성준, `심상민 (20203347)` → 심상민: the name without the student number."""
    name = " ".join(_STUDENT_NUMBER.sub(" ", sender).split())
    return name or sender.strip()


def html_links_to_markdown(text: str) -> str:
    def link(match: re.Match[str]) -> str:
        href, label = match.group(1), re.sub(r"<[^>]+>", "", match.group(2)).strip()
        return f"<{href}>" if not label or label == href else f"[{label}]({href})"

    return _LINK.sub(link, text)


def match_header(line: str) -> re.Match[str] | None:
    for pattern in _HEADERS:
        found = pattern.match(line)
        if found:
            return found
    return None


def read_messages(text: str) -> list[Message]:
    """Split the file into messages, keeping `>` answer lines with the message they follow."""
    messages: list[Message] = []
    in_answer = False
    for number, line in enumerate(text.split("\n"), start=1):
        header = match_header(line)
        if header is not None:
            groups = header.groupdict()
            to = (groups.get("to") or "").strip()
            private = bool(_PRIVATE_MARK.search(to)) or (bool(to) and not _PUBLIC.match(to))
            date = dt.date.fromisoformat(groups["date"]) if groups.get("date") else None
            messages.append(
                Message(
                    groups["time"].zfill(8),
                    groups["sender"].strip(),
                    groups["text"].strip(),
                    number,
                    date,
                    private,
                )
            )
            in_answer = False
            continue
        answer = _ANSWER_LINE.match(line)
        if answer is not None and messages:
            messages[-1].answers.append(answer.group("text"))
            in_answer = True
            continue
        if messages:
            target = messages[-1]
            if in_answer:
                target.answers.append(line.strip() if not line.startswith("\t") else line[1:])
            else:
                target.text += "\n" + (line[1:] if line.startswith("\t") else line)
    for message in messages:
        message.text = message.text.strip("\n").strip()
        while message.answers and not message.answers[-1].strip():
            message.answers.pop()
    return [m for m in messages if m.text and not _SYSTEM.match(m.text)]


def merge_runs(messages: list[Message], gap_seconds: int = 120) -> list[Message]:
    """Consecutive lines of one sender a moment apart are one message."""
    merged: list[Message] = []
    for message in messages:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.sender == message.sender
            and previous.private == message.private
            and not previous.answers
            and 0 <= message.seconds - previous.seconds <= gap_seconds
            and not previous.text.rstrip().endswith("?")
        ):
            previous.text += "\n" + message.text
            previous.answers = message.answers
            continue
        merged.append(message)
    return merged
