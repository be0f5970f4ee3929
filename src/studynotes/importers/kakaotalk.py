"""KakaoTalk chat exports (PC, Android, iOS, macOS CSV; Korean and English): a note per day.

Where Korean study groups actually talk.  A PC export starts `스터디방 님과 카카오톡
대화` / `저장한 날짜 : …` and separates days with a dashed date line; phone exports
put the date in front of every message; the macOS app writes `Date,User,Message`
CSV.  People joining and leaving, deleted messages, photos and emoticons are not
messages; a message's continuation lines (and blank lines inside it) stay with
it.  What cannot be read is named by its line and skipped; the rest imports.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from ..model import ImportContext, ParsedDocument
from .base import Importer
from .chat_days import ChatMessage, chat_document
from .kakaotalk_lines import (
    DAY_LINE,
    DAY_TIME_LINE,
    FILE_TEXT,
    MEDIA_TEXT,
    MOBILE_LINE,
    MOBILE_TIME_FIRST,
    PC_MESSAGE,
    SAVED_AT,
    TITLE_LINES,
    clock,
    date_of,
    is_system,
    split_sender,
)
from .parts.lines_with import first_lines, lines_hold
from .parts.names import title_from_file_name

FORMAT = "kakaotalk"
_CSV_HEADER = re.compile(r"^\ufeff?\"?Date\"?,\"?User\"?,\"?Message\"?\s*$", re.IGNORECASE)
_CSV_FILE_TITLE = re.compile(r"^KakaoTalk_Chat_(?P<title>.+?)_\d{4}-\d{2}-\d{2}[-_\d]*$", re.IGNORECASE)
# What a header line (`저장한 날짜 :`, `… 님과 카카오톡 대화`, `Date Saved :`, `KakaoTalk Chats with …`)
# holds, and what every message line holds (its time's minutes).
_HEADER_WORDS = ("저장한", "date", "카카오톡", "kakaotalk")  # lower case (no other letter folds to these)
_CLOCK = re.compile(r":\d\d")
_GENERIC_FILE = re.compile(
    r"^(?:KakaoTalk_[\d_]+(?:_group)?|Talk_[\d._ -]+|KakaoTalkChats?|chat)$", re.IGNORECASE
)


def score(text: str) -> float:
    """Sure on a header, a CSV header or several message lines of any client; else nothing."""
    head = text[:20000].split("\n", 300)[:300]
    first = next((line for line in head if line.strip()), "")
    if _CSV_HEADER.match(first):
        return 0.97
    header = any(SAVED_AT.match(line) or any(p.match(line) for p in TITLE_LINES[:4]) for line in head[:6])
    filled = len([line for line in head if line.strip()])
    if not header and not lines_hold("\n".join(head), _CLOCK, max(3, -(-filled // 6))):
        return 0.0  # too few lines with a time to be messages enough, as every message line has one
    messages = sum(1 for line in head if PC_MESSAGE.match(line) or _mobile_message(line))
    if header and (messages or any(DAY_LINE.match(line) for line in head)):
        return 0.97
    if messages >= 3 and messages * 6 >= filled:
        return 0.9
    if messages >= 1 and header:
        return 0.9
    return 0.0


def bound(text: str) -> float:
    """Sure only with a header or a CSV header; without one, no message line without a clock time."""
    head = text[:20000]
    opening = head.lstrip()
    opening_lines = first_lines(head, 6).lower()
    if any(word in opening_lines for word in _HEADER_WORDS) or _CSV_HEADER.match(opening.partition("\n")[0]):
        return 0.97
    return 0.9 if _CLOCK.search(first_lines(head, 300)) else 0.0


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format=FORMAT)
    lines = text.split("\n")
    first = next((line for line in lines if line.strip()), "")
    if _CSV_HEADER.match(first):
        messages, title = _read_csv(text, document), ""
    else:
        messages, title = _read_text(lines, context, document)
    return chat_document(FORMAT, title or _title_from_file(context), messages, context, document)


def _mobile_message(line: str) -> bool:
    found = MOBILE_LINE.match(line) or MOBILE_TIME_FIRST.match(line)
    return found is not None and split_sender(found.group("rest")) is not None


class _Reader:
    """Line by line: day lines set the date, message lines start messages, other lines continue them."""

    def __init__(self, context: ImportContext, document: ParsedDocument) -> None:
        self.document = document
        self.day: dt.date | None = context.date
        self.messages: list[ChatMessage] = []
        self.bodies: list[list[str]] = []
        self.current: list[str] | None = None  # the body being read; None after a system line
        self.title = ""
        self.undated: int | None = None  # the first message line read before any date
        self.dropped = 0

    def line(self, number: int, line: str) -> None:
        pc = PC_MESSAGE.match(line)
        if pc is not None:
            self._pc(number, pc)
            return
        mobile = MOBILE_LINE.match(line) or MOBILE_TIME_FIRST.match(line)
        if mobile is not None:
            self._mobile(number, mobile)
            return
        day = DAY_LINE.match(line.strip()) or DAY_TIME_LINE.match(line.strip())
        if day is not None and (found := date_of(day)) is not None:
            self.day = found
            self.current = None
            return
        if not self.messages:
            self._preamble(line)
            return
        if self.current is not None and not (is_system(line) and "\t" not in line and len(line) < 200):
            self.current.append(line)
        elif line.strip():
            self.current = None
            self.dropped += 1

    def _preamble(self, line: str) -> None:
        for pattern in TITLE_LINES:
            found = pattern.match(line.strip())
            if found is not None and not self.title:
                self.title = found.groupdict().get("title") or ""
                return
        saved = SAVED_AT.match(line.strip())
        if saved is not None and self.day is None:
            when = MOBILE_LINE.match(saved.group("when") + ", x : y")
            self.day = date_of(when) if when is not None else None

    def _pc(self, number: int, found: re.Match[str]) -> None:
        time = clock(found)
        if time is None:
            self.document.warn(f"{found.group(0)[:40]!r} has no real time; skipped", number)
            self.current = None
            return
        if self.day is None and self.undated is None:
            self.undated = number
        self._start(number, found.group("sender"), found.group("text"), self.day, time)

    def _mobile(self, number: int, found: re.Match[str]) -> None:
        day, time = date_of(found), clock(found)
        if day is None or time is None:
            self.document.warn(f"{found.group(0)[:40]!r} has no real date or time; skipped", number)
            self.current = None
            return
        self.day = day
        sender_text = split_sender(found.group("rest"))
        if sender_text is None or found.group("sep").startswith(":"):
            self.current = None  # `2021. 8. 5. 오후 3:22: 홍길동님이 들어왔습니다.`
            self.dropped += 1
            return
        self._start(number, sender_text[0], sender_text[1], day, time)

    def _start(
        self, number: int, sender: str, text: str, day: dt.date | None, time: tuple[int, int, int]
    ) -> None:
        when = dt.datetime.combine(day or dt.date.min, dt.time(*time))
        self.messages.append(
            ChatMessage(sender=sender, text=text, when=when, line=number, dated=day is not None)
        )
        self.current = [text]
        self.bodies.append(self.current)

    def finish(self) -> list[ChatMessage]:
        kept: list[ChatMessage] = []
        for message, body in zip(self.messages, self.bodies, strict=True):
            text = body[0].strip() if len(body) == 1 else "\n".join(body).strip("\n").strip()
            file = FILE_TEXT.match(text)
            if file is not None:
                message.text = f"📎 {file.group('name').strip()}"
            elif MEDIA_TEXT.match(text) or not text or (is_system(text) and "\n" not in text):
                self.dropped += 1
                continue
            else:
                message.text = text
            kept.append(message)
        if self.undated is not None:
            self.document.warn(
                "messages before the first date line have no date; they form an undated note", self.undated
            )
        return kept


def _read_text(
    lines: list[str], context: ImportContext, document: ParsedDocument
) -> tuple[list[ChatMessage], str]:
    reader = _Reader(context, document)
    for number, line in enumerate(lines, start=1):
        reader.line(number, line)
    messages = reader.finish()
    if not messages:
        document.warn(
            "no KakaoTalk messages found (lines like `[이름] [오후 3:21] …` or `2021. 8. 5. 오후 3:21, 이름 : …`)"
        )
    return messages, reader.title


def _read_csv(text: str, document: ParsedDocument) -> list[ChatMessage]:
    """The macOS export: `Date,User,Message`, fields quoted with doubled quotes, newlines inside."""
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    messages: list[ChatMessage] = []
    next(rows, None)
    try:
        for row in rows:
            line = rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < 3:
                document.warn(f"a row with {len(row)} field(s) instead of Date,User,Message; skipped", line)
                continue
            when = _csv_time(row[0])
            if when is None:
                document.warn(f"{row[0][:30]!r} is not a date and time; the row is skipped", line)
                continue
            body = ",".join(row[2:]).strip()
            if not body or MEDIA_TEXT.match(body) or (is_system(body) and "\n" not in body):
                continue
            file = FILE_TEXT.match(body)
            messages.append(
                ChatMessage(
                    sender=row[1].strip(),
                    text=f"📎 {file.group('name').strip()}" if file else body,
                    when=when,
                    line=line - body.count("\n"),
                )
            )
    except csv.Error as error:
        document.warn(f"the CSV breaks off here ({error}); the rows before it are imported", rows.line_num)
    return messages


def _csv_time(value: str) -> dt.datetime | None:
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        pass
    found = MOBILE_LINE.match(value + ", x : y")
    if found is None:
        return None
    day, time = date_of(found), clock(found)
    return dt.datetime.combine(day, dt.time(*time)) if day and time else None


def _title_from_file(context: ImportContext) -> str:
    stem = title_from_file_name(context.file_name) if context.file_name else ""
    csv_title = _CSV_FILE_TITLE.match(stem)
    if csv_title:
        return csv_title.group("title").replace("_", " ")
    if stem and stem != "Untitled" and not _GENERIC_FILE.match(stem):
        return stem
    return "KakaoTalk chat"


IMPORTER = Importer(
    name=FORMAT,
    description="a KakaoTalk chat export (PC, phone or Mac; Korean or English): a note per day",
    kind="chat",
    score=score,
    parse=parse,
    ceiling=0.97,
    bound=bound,
)
