"""Zoom chat files → messages: every header shape Zoom writes, in any language.

Handles `HH:MM:SS From Name : text`, tab-separated headers, `From A to B:` with
the text on indented lines below, a `YYYY-MM-DD` date before the time, Korean
(`발신자 A 수신자 모두에게:`), Chinese (`A 对 所有人:`) and Japanese headers,
`- ` list prefixes, `>` answer lines, threaded replies (`Replying to "..."`),
and messages that run over several lines (pasted code with blank lines and
`#` comments included) up to the next header.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from .chat_text import asks, is_fragment

_PREFIX = r"^[ \t]*+(?:[-*•][ \t]+)?"
_WHEN = (
    r"(?:(?P<date>\d{4}[-./]\d{1,2}[-./]\d{1,2})[ \t]+)?"
    r"\[?(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\]?[ \t]+"
)
_TEXT = r"[ \t]*(?P<text>.*)$"
_TO = re.compile(r"[ \t]+to[ \t]+", re.IGNORECASE)
_HEADERS = [
    re.compile(_PREFIX + _WHEN + r"From[ \t]+(?P<sender>[^:\n]+?)[ \t]*:" + _TEXT, re.IGNORECASE),
    re.compile(
        _PREFIX
        + _WHEN
        + r"(?:발신자|보낸[ \t]*사람)[ \t]+(?P<sender>[^:：\n]+?)"
        + r"(?:[ \t]+(?:수신자|받는[ \t]*사람)[ \t]+(?P<to>[^:：\n]+?))?[ \t]*[:：]"
        + _TEXT
    ),
    # Zoom's Korean client translates "From" as 시작; the recipient is always named then.
    re.compile(
        _PREFIX
        + _WHEN
        + r"시작[ \t]+(?P<sender>[^:：\n]+?)[ \t]+(?:수신자|받는[ \t]*사람)[ \t]+(?P<to>[^:：\n]+?)[ \t]*[:：]"
        + _TEXT
    ),
    re.compile(
        _PREFIX
        + _WHEN
        + r"(?:(?:来自|从)[ \t]*)?(?P<sender>[^:：\n]+?)[ \t]+(?:对|发送给|至)[ \t]+(?P<to>[^:：\n]+?)[ \t]*[:：]"
        + _TEXT
    ),
    re.compile(
        _PREFIX
        + _WHEN
        + r"(?:送信元|開始|差出人)[ \t]+(?P<sender>[^:：\n]+?)(?:[ \t]+宛先[ \t]+(?P<to>[^:：\n]+?))?[ \t]*[:：]"
        + _TEXT
    ),
]
# Copied from the chat panel rather than saved: `From A to Everyone:  07:02 PM`, `From A to B: (12:29 PM)`.
_PANEL_HEADER = re.compile(
    _PREFIX
    + r"From[ \t]+(?P<pair>[^:\n]+?[ \t]+to[ \t]+[^:\n]+?)[ \t]*:[ \t]*(?P<mark>\([^()\n]{1,30}\))?[ \t]*(?P<paren>\()?[ \t]*"
    + r"(?:(?P<pre>오전|오후)[ \t]*)?(?P<time>\d{1,2}:\d{2}(?::\d{2})?)[ \t]*(?P<ampm>[AaPp]\.?[Mm]\.?)?[ \t]*(?(paren)\)|$)"
    + _TEXT,
)
# What every header above starts with (a time, a date or `From`): a line without it is a message's
# text, and the header shapes are not tried on it one by one.
_MAY_BE_HEADER = re.compile(_PREFIX + r"(?:\[?\d|From)")
_DATE_PARTS = re.compile(r"[-./]")
_ANSWER_LINE = re.compile(r"^[ \t]*+(?:[-*•][ \t]+)?>[ \t]?(?P<text>.*)$")
_PRIVATE_MARK = re.compile(
    r"\(\s*(?:direct message|privately|private|비공개|비공개로|다이렉트\s*메시지|개인\s*메시지|"
    r"私聊|私信|ダイレクトメッセージ|プライベート)\s*\)",
    re.IGNORECASE,
)
_PUBLIC = re.compile(
    r"^(?:everyone|all|all participants|all panelists|all panelists and attendees|hosts? and panelists|"
    r"모든[ \t]*사람(?:에게)?|모두|모두에게|전체|所有人|大家|所有参会者|所有与会者|全員|皆さん)\b",
    re.IGNORECASE,
)
_ME = re.compile(r"^(?:me|나|我|自分)$", re.IGNORECASE)
_QUOTED = r"[\"“].*[\"”]"
_SYSTEM = re.compile(
    rf"^(?:reacted to {_QUOTED} with |removed an? .*reaction from {_QUOTED}|"
    rf"{_QUOTED}\s*에\s*.*반응(?:함|했습니다)|.*님이 {_QUOTED}\s*에 .*반응|"
    rf"对\s*{_QUOTED}\s*做出了回应|用.*回应了\s*{_QUOTED}|{_QUOTED}\s*に.*リアクションしました)",
    re.IGNORECASE,
)
_REPLYING = re.compile(
    r"^(?:replying to\s+\"(?P<en>.*)\"|\"(?P<ko>.*)\"에\s*(?:대한\s*)?(?:회신|답장)|回复\s*\"(?P<zh>.*)\")\s*:?\s*$",
    re.IGNORECASE,
)


@dataclass
class Message:
    """One chat message, with the `>` answer lines that followed it."""

    time: str  # "HH:MM:SS"
    sender: str
    text: str
    line: int
    date: dt.date | None = None
    private: bool = False
    recipient: str = ""
    answers: list[str] = field(default_factory=list)  # `>` lines (the instructor's)
    reply_to: str | None = None  # the start of the message a threaded reply quotes
    indented_body: bool = False  # `From A to B:` with the text on indented lines below

    @cached_property
    def seconds(self) -> int:
        """Asked for every message several times while pairing answers: worked out once."""
        return _clock_seconds(self.time)


@lru_cache(maxsize=4096)
def _clock_seconds(time: str) -> int:
    """`HH:MM:SS` → seconds; asked for every message several times while pairing answers."""
    hours, minutes, seconds = (int(p) for p in time.split(":"))
    return hours * 3600 + minutes * 60 + seconds


@dataclass
class ChatLog:
    """The messages of a file (or of a part of it), the text before the first one, and what was
    dropped: kept apart by kind, so that the logs of a file's two parts add up to the file's."""

    messages: list[Message] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    bad_dates: list[tuple[str, int]] = field(default_factory=list)  # (message, line)
    empty: list[int] = field(default_factory=list)  # lines of messages with no text
    dropped: list[int] = field(default_factory=list)  # lines of reactions and system lines

    @property
    def problems(self) -> list[tuple[str, int]]:
        """(message, line) of what was not read as a message, in the order they are reported."""
        found = self.bad_dates + [("a message with no text was skipped", line) for line in self.empty]
        if self.dropped:
            count = len(self.dropped)
            what = "a reaction or system line" if count == 1 else f"{count} reactions and system lines"
            found.append((f"{what} dropped (not messages)", self.dropped[0]))
        return found

    def then(self, later: ChatLog) -> ChatLog:
        """This log followed by the log of the text after it (which starts with a message)."""
        return ChatLog(
            self.messages + later.messages,
            self.preamble,
            self.bad_dates + later.bad_dates,
            self.empty + later.empty,
            self.dropped + later.dropped,
        )


class Header(NamedTuple):
    time: str
    sender: str
    recipient: str  # "" when the header names none
    text: str
    date: str | None


def match_header(line: str) -> Header | None:
    """The chat header on this line, if it is one."""
    if _MAY_BE_HEADER.match(line) is None:
        return None
    for pattern in _HEADERS:
        found = pattern.match(line)
        if found is None:
            continue
        groups = found.groupdict()
        sender, to = groups["sender"].strip(), (groups.get("to") or "").strip()
        text = groups["text"].strip()
        if pattern is _HEADERS[0]:
            sender, to = _split_recipient(sender, text)
        return Header(groups["time"], sender, to, text, groups.get("date"))
    panel = _PANEL_HEADER.match(line)
    if panel is not None:
        sender, to = _split_recipient(panel.group("pair"), "")
        to = f"{to}{panel.group('mark') or ''}"
        if to:
            return Header(_clock(panel), sender, to, panel.group("text").strip(), None)
    return None


def _clock(found: re.Match[str]) -> str:
    """`07:02 PM` / `오후 7:02` → `19:02`: the panel shows a 12-hour clock."""
    hours, _, rest = found.group("time").partition(":")
    hour = int(hours)
    half = (found.group("ampm") or "").lower().replace(".", "") or {"오전": "am", "오후": "pm"}.get(
        found.group("pre") or "", ""
    )
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{rest}"


def _split_recipient(pair: str, text: str) -> tuple[str, str]:
    """Who wrote to whom; worked out once per pair, as a chat has few senders and many messages."""
    return _split_pair(pair, not text)


@lru_cache(maxsize=4096)
def _split_pair(pair: str, no_text: bool) -> tuple[str, str]:
    """`Kim To Hyun  to  Sarah(Privately)` → (`Kim To Hyun`, `Sarah(Privately)`).

    Zoom writes a lowercase `to`, two spaces around it in older versions; a
    capital `To` is more often part of a name.  A split is taken when what
    follows is a recipient Zoom writes, or when the text is on the lines below
    (only the `to` form does that).
    """
    splits = sorted(_TO.finditer(pair), key=lambda m: (m.group().strip() != "to", -len(m.group()), m.start()))
    for split in splits:
        sender, to = pair[: split.start()].strip(), pair[split.end() :].strip()
        if sender and to and (_is_recipient(to) or no_text):
            return sender, to
    return pair, ""


def _is_recipient(to: str) -> bool:
    """`Everyone`, `Me`, `Kim(Direct Message)`: names Zoom writes after `to`, not part of a name."""
    return bool(_PUBLIC.match(to) or _PRIVATE_MARK.search(to) or _ME.match(to))


@lru_cache(maxsize=4096)
def is_private(recipient: str) -> bool:
    return bool(recipient) and (bool(_PRIVATE_MARK.search(recipient)) or not _PUBLIC.match(recipient))


@lru_cache(maxsize=4096)
def recipient_name(recipient: str) -> str:
    return _PRIVATE_MARK.sub("", recipient).strip()


def read_messages(text: str, first_line: int = 1) -> ChatLog:
    """Split the file (or a part of it that starts on line `first_line`) into messages, keeping
    `>` answer lines with the message they follow."""
    log = ChatLog()
    body: list[list[str]] = []  # the continuation lines of each message
    in_answer = False
    for number, line in enumerate(text.split("\n"), start=first_line):
        header = match_header(line)
        if header is not None:
            log.messages.append(_message(header, number, log))
            body.append([])
            in_answer = False
            continue
        if not log.messages:
            log.preamble.append(line)
            continue
        target = log.messages[-1]
        answer = _ANSWER_LINE.match(line) if ">" in line else None
        if answer is not None and not (target.indented_body and line.startswith("\t")):
            target.answers.append(answer.group("text"))
            in_answer = True
        elif in_answer:
            target.answers.append(line[1:] if line.startswith("\t") else line.strip())
        else:
            body[-1].append(line[1:] if line.startswith("\t") else line)
    kept: list[Message] = []
    for message, lines in zip(log.messages, body, strict=True):
        message.text = _join_body(message.text, lines)
        _take_reply_quote(message)
        while message.answers and not message.answers[-1].strip():
            message.answers.pop()
        if _is_system(message.text):
            log.dropped.append(message.line)
        elif message.text or message.answers:
            kept.append(message)
        else:
            log.empty.append(message.line)
    log.messages = kept
    return log


def header_date(line: str) -> dt.date | None:
    """The calendar date a header line carries, None for any other line."""
    header = match_header(line)
    return _calendar_date(header.date) if header is not None and header.date else None


def _message(header: Header, number: int, log: ChatLog) -> Message:
    time = header.time if header.time.count(":") == 2 else header.time + ":00"
    return Message(
        time=time.zfill(8),
        sender=header.sender,
        text=header.text,
        line=number,
        date=_date(header.date, number, log),
        private=is_private(header.recipient),
        recipient=recipient_name(header.recipient),
        indented_body=bool(header.recipient) and not header.text,
    )


def _date(value: str | None, number: int, log: ChatLog) -> dt.date | None:
    if not value:
        return None
    date = _calendar_date(value)
    if date is None:
        log.bad_dates.append((f"{value!r} is not a date; the message is kept without it", number))
    return date


@lru_cache(maxsize=4096)  # every message of a day carries the same date
def _calendar_date(value: str) -> dt.date | None:
    year, month, day = (int(part) for part in _DATE_PARTS.split(value))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _join_body(first: str, lines: list[str]) -> str:
    """The header's text plus its continuation lines, dedented together (code keeps its shape)."""
    if len(lines) == 1:  # most messages: the header's text and one line, or the text below it
        return f"{first}\n{lines[0].lstrip(' ').rstrip()}".strip()
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    cut = min(indents, default=0)
    rest = [line[cut:].rstrip() for line in lines]
    return "\n".join([first, *rest]).strip("\n").strip()


def _is_system(text: str) -> bool:
    """A reaction or a system line (every one quotes a message: text without a quote is none)."""
    return ('"' in text or "“" in text) and "\n" not in text and _SYSTEM.match(text) is not None


def _take_reply_quote(message: Message) -> None:
    """Zoom's threaded replies start with `Replying to "…"`: keep the quote as the link to the thread."""
    if '"' not in message.text:  # every shape of the quote has one
        return
    first, _, rest = message.text.partition("\n")
    quoted = _REPLYING.match(first.strip())
    if quoted is None:
        return
    quote = quoted.group("en") or quoted.group("ko") or quoted.group("zh") or ""
    message.reply_to = quote.strip().removesuffix("...").removesuffix("…").strip()
    message.text = rest.strip("\n").strip()


# A question that starts by pointing back (`Is that because…?`) goes on asking the one before.
_GOES_ON = re.compile(r"^(?:is\s+that|that|this|it|or|and|so|then|그럼|그러면|혹시|아니면)\b", re.IGNORECASE)


def merge_runs(messages: list[Message], gap_seconds: int = 120) -> list[Message]:
    """Consecutive lines of one sender a moment apart are one message.

    A line that stops mid-sentence goes on in the next; a finished sentence
    is not merged into a question that follows it, two questions typed in a
    row stay two questions, and a reply addressed to someone stands alone.
    """
    merged: list[Message] = []
    for message in messages:
        previous = merged[-1] if merged else None
        if previous is not None and _continues(previous, message, gap_seconds):
            previous.text = f"{previous.text}\n{message.text}".strip()
            previous.answers = message.answers
            continue
        merged.append(message)
    return merged


def _continues(previous: Message, message: Message, gap_seconds: int) -> bool:
    gap = message.seconds - previous.seconds
    if (
        previous.sender != message.sender
        or previous.recipient != message.recipient
        or previous.answers
        or message.reply_to is not None
        or previous.reply_to is not None
        or previous.text.startswith("@")
        or not 0 <= gap <= gap_seconds
    ):
        return False
    if asks(previous.text):
        return gap <= 60 and (not asks(message.text) or (gap <= 30 and bool(_GOES_ON.match(message.text))))
    return is_fragment(previous.text) or not asks(message.text)
