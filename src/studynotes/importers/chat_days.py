"""A group chat of many days → one note per day, with its questions and answers.

KakaoTalk, Discord and Slack exports run for months.  Each format's module turns
its file into `ChatMessage`s (who, when, what, which message it replies to);
this module does the rest the same way for all of them: names merged as the
notebook says, a day per note (a thread's replies stay with the question that
started it, even when they came the next day), one-word guesses in a class chat
kept as chat, and questions and answers found as the Zoom chat's are.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import ImportContext, Note, ParsedDocument
from .chat_messages import Message, merge_runs
from .chat_people import Aliases, instructor_names
from .chat_text import asks, is_small_talk
from .chat_threads import Thread, Threads, plain_key
from .chat_workers import build_days

GUESS_WINDOW_SECONDS = 3 * 60
_ONE_WORD_GUESS = re.compile(r"^[^\s?？]{1,20}[?？]+$")
# One word that asks all by itself: `왜?`, `why?`, `really?` are questions, not guesses.
_ASKING_WORD = re.compile(
    r"^(?:왜|뭐|뭐요|뭐죠|네|진짜|정말|언제|어디|어디요|누구|어떻게|그래요|그런가요|why|what|how|when|where|who|"
    r"really|seriously|huh|sorry|pardon)[?？]+$",
    re.IGNORECASE,
)


@dataclass
class ChatMessage:
    """One message as an export writes it, before questions are looked for."""

    sender: str
    text: str
    when: dt.datetime
    line: int = 0
    id: str = ""
    reply_to: str = ""  # the id of the message this replies to (a reply or a thread)
    attachments: list[str] = field(default_factory=list)  # Markdown links or file names
    edited: bool = False
    dated: bool = True  # False for a copied fragment with no date line: `when` holds only the time


def chat_document(
    format_name: str,
    title: str,
    messages: Iterable[ChatMessage],
    context: ImportContext,
    document: ParsedDocument | None = None,
) -> ParsedDocument:
    """The notes of a chat: one per day, in date order, each titled by the chat and the day."""
    document = document or ParsedDocument(format=format_name)
    aliases = Aliases(context)
    ordered = _by_day(list(messages))
    instructors = instructor_names(context)
    days = [
        (f"{title} · {day.isoformat()}" if day else title, day, m, aliases, instructors) for day, m in ordered
    ]
    sizes = [len(day_messages) for _, day_messages in ordered]
    document.notes += build_days(_build_day, days, sizes, context.file_name)
    if not document.notes:
        document.warn("no chat messages found")
    return document


_Day = tuple[str, dt.date | None, list[ChatMessage], Aliases, frozenset[str]]


def _build_day(day: _Day) -> Note:
    """One day's note: its questions paired with their answers (in a worker process, or here)."""
    title, date, day_messages, aliases, instructors = day
    note = Note(title=title, kind="chat", date=date)
    note.properties["messages"] = str(len(day_messages))
    zoom_messages = _as_messages(day_messages, aliases)
    guesses = _guesses(zoom_messages)
    threads = _DayThreads(note, instructors, guesses)
    threads.explicit_replies = any(m.reply_to for m in day_messages)
    threads.build(merge_runs(zoom_messages))
    return note


def _by_day(messages: list[ChatMessage]) -> list[tuple[dt.date | None, list[ChatMessage]]]:
    """Messages grouped by day; a reply goes to the day of the message its thread started with.

    Undated messages (a copied fragment) come first, as one note, in the order written.
    """
    by_id = {m.id: m for m in messages if m.id}
    undated = [m for m in messages if not m.dated]
    days: dict[dt.date, list[ChatMessage]] = {}
    for message in sorted((m for m in messages if m.dated), key=lambda m: m.when):
        root = message
        seen = 0
        while root.reply_to and root.reply_to in by_id and seen < 50:
            root = by_id[root.reply_to]
            seen += 1
        days.setdefault(min(root.when, message.when).date(), []).append(message)
    ordered: list[tuple[dt.date | None, list[ChatMessage]]] = [(None, undated)] if undated else []
    return ordered + sorted(days.items())


def _as_messages(messages: list[ChatMessage], aliases: Aliases) -> list[Message]:
    """The chat's messages in the shape the question finder reads (a reply quotes its parent)."""
    text_of = {m.id: m.text for m in messages if m.id}
    out: list[Message] = []
    for message in messages:
        body = message.text
        if message.attachments:
            body = "\n".join([body, *message.attachments]).strip()
        if message.edited and body:
            body += " *(edited)*"
        if not body:
            continue
        converted = Message(
            time=_clock_text(message.when.hour, message.when.minute, message.when.second),
            sender=aliases.person(message.sender),
            text=body,
            line=message.line,
            date=message.when.date() if message.dated else None,
        )
        if message.reply_to:
            converted.reply_to = text_of.get(message.reply_to, "\x00")  # a parent not in this day
        out.append(converted)
    return out


@lru_cache(maxsize=100_000)  # one text per second of the day at most
def _clock_text(hour: int, minute: int, second: int) -> str:
    return f"{hour:02d}:{minute:02d}:{second:02d}"


def _guesses(messages: list[Message]) -> frozenset[int]:
    """`키보드?`, `바이너리???`: one word with `?` right after someone else's question is a guess.

    The lecturer asks the class and dozens answer with a word and a question mark;
    those are answers offered, not questions.  A one-word question with nothing
    before it to answer (`과제?` out of the blue) still asks.
    """
    guesses: set[int] = set()
    last_question: Message | None = None
    for message in messages:
        text = message.text.strip()
        if (
            _ONE_WORD_GUESS.match(text)
            and not _ASKING_WORD.match(text)
            and (
                last_question is not None
                and last_question.sender != message.sender
                and 0 <= message.seconds - last_question.seconds <= GUESS_WINDOW_SECONDS
            )
        ):
            guesses.add(id(message))
            continue
        if asks(text):
            last_question = message
    return frozenset(guesses)


class _DayThreads(Threads):
    """The Zoom chat's question finder, with guesses kept as chat."""

    def __init__(self, note: Note, instructors: frozenset[str], guesses: frozenset[int]) -> None:
        super().__init__(note, instructors)
        self.guesses = guesses
        self.explicit_replies = False  # the chat marks its replies: only those (and `@Name`) answer

    def _evidence_target(self, message: Message, text: str) -> Thread | None:
        return None if self.explicit_replies else super()._evidence_target(message, text)

    def _public(self, message: Message) -> None:
        if id(message) in self.guesses:
            self._chat(message)
            return
        thread = self._quoted(message)
        if thread is not None:  # inside a question's thread: an answer, or the asker's follow-up
            text = message.text
            if thread.sender != message.sender and not is_small_talk(text) and not asks(text):
                self._answer(thread, message, message.text)
            else:
                self._chat(message)
            return
        super()._public(message)

    def _quoted(self, message: Message) -> Thread | None:
        """The question whose thread (or reply) this message is in, when the chat says so."""
        if message.reply_to is None:
            return None
        return self._quoting(plain_key(message.reply_to))
