"""Lecture chat logs (Zoom "saved chat"): who asked what, and who answered.

A message is a question when it asks (`?`, `Q:`, a question ending in Korean,
Chinese or Japanese, an English question opening) or when the instructor
answered it with a `>` line.  Answers: those `>` lines, a ` > answer` inside
the question's own line, a reply to the asker (`@Name`, `Name님`, Zoom's
`Replying to "…"`), or the next messages of other people that are not
questions, thanks or greetings, within a few minutes.  Direct messages stay in
the note, marked private, and are never shared questions.  Everything else
said is kept as text cells, so the note reads as the chat did.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..model import AnsweredBy, Cell, ImportContext, Note, ParsedDocument, Question
from .base import Importer
from .chat_messages import Message, match_header, merge_runs, read_messages
from .chat_people import Aliases, instructor_names
from .chat_text import (
    asker_name,
    asks,
    ends_asking,
    ends_exchange,
    is_instructor,
    is_small_talk,
    message_markdown,
)
from .parts.names import strip_notion_id, title_from_file_name
from .parts.questions import QUESTION_LABEL, without_question_label

PEER_WINDOW_SECONDS = 5 * 60  # a first answer from someone else, after the question
FOLLOW_UP_SECONDS = 2 * 60  # a further answer, after the previous one
PRIVATE_WINDOW_SECONDS = 15 * 60
LATE_ANSWER_SECONDS = 30 * 60  # the instructor's `good question: …`, after the slide is done
_GOOD_QUESTION = re.compile(r"^\W*(?:좋은\s*질문|good\s+question|great\s+question)", re.IGNORECASE)
_ZOOM_FOLDER = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})[ _]\d{2}\.\d{2}\.\d{2}(?:\s+(?P<topic>.+?))?(?:\s+\d{9,11})?\s*$"
)
_GENERIC_NAMES = re.compile(
    r"^(meeting_saved_chat|saved_chat|chat|chat_log|zoom_chat|meeting_chat|chat_file|"
    r"gmt\d{8}-\d{6}(_\w+)?|new chat)$",
    re.IGNORECASE,
)
_LECTURE_NUMBER = re.compile(
    r"(?:\blecture|\blec\.?|\bclass|\bsession)[\s_#.-]*(\d{1,3})\b|(?<!\d)(\d{1,3})\s*강(?:의|\b)",
    re.IGNORECASE,
)
_WEEK_NUMBER = re.compile(r"\bweek\s*(\d{1,2})\b|(?<!\d)(\d{1,2})\s*주차", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")


def score(text: str) -> float:
    """High when most of the first lines are chat headers: the `From`/`발신자`/`对` shapes are distinctive."""
    lines = [line for line in text.split("\n", 401)[:400] if line.strip()]
    headers = sum(1 for line in lines if match_header(line))
    if headers >= 3 and headers * 8 >= len(lines):
        return 0.95
    if headers >= 2:
        return 0.6
    if headers == 1 and lines and match_header(lines[0]):
        return 0.6
    return 0.0


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="chat_log")
    log = read_messages(text)
    for message, line in log.problems:
        document.warn(message, line)
    heading, preamble = _split_preamble(log.preamble)
    title = _title(context, heading)
    if heading and title != heading:  # named by its folder: the heading stays as text
        preamble = f"# {heading}\n\n{preamble}".strip()
    note = Note(title=title, kind="chat", week=context.week, lecture=context.lecture)
    if note.lecture is None and (number := _number(_LECTURE_NUMBER, title)) is not None:
        note.lecture, note.lecture_title = number, title
    if note.week is None:
        note.week = _number(_WEEK_NUMBER, title)
    note.date = (
        context.date
        or _folder_date(context.folder_name)
        or next((m.date for m in log.messages if m.date), None)
    )
    if preamble:
        note.cells.append(Cell.text(preamble))
    if not log.messages:
        document.warn("no chat messages found (lines like `10:37:21 From Name : text`)")
    aliases = Aliases(context)
    for said in log.messages if aliases else []:
        said.sender = aliases.person(said.sender)
    days = _by_day(log.messages) if context.date is None else []
    if len(days) < 2:
        _Threads(note, instructor_names(context)).build(merge_runs(log.messages))
        document.notes.append(note)
        return document
    for index, (day, messages) in enumerate(days):  # a continuous chat of several days: a note per day
        day_note = replace(
            note, title=f"{title} · {day.isoformat()}", date=day, cells=[] if index else note.cells
        )
        _Threads(day_note, instructor_names(context)).build(merge_runs(messages))
        document.notes.append(day_note)
    return document


def _by_day(messages: list[Message]) -> list[tuple[dt.date, list[Message]]]:
    """Messages by the date their headers carry (a header without one stays on the day before)."""
    days: dict[dt.date, list[Message]] = {}
    day: dt.date | None = None
    for message in messages:
        day = message.date or day
        if day is None:
            return []
        days.setdefault(day, []).append(message)
    return list(days.items())


def _split_preamble(lines: list[str]) -> tuple[str, str]:
    """Text before the first message: a leading `# Heading` names the chat; the rest is kept."""
    body = "\n".join(lines).strip("\n")
    first, _, rest = body.lstrip().partition("\n")
    heading = _HEADING.match(first)
    if heading:
        return heading.group(1), rest.strip("\n")
    return "", body if body.strip() else ""


def _title(context: ImportContext, heading: str) -> str:
    folder = _ZOOM_FOLDER.match(context.folder_name or "")
    if folder and folder.group("topic"):
        return strip_notion_id(folder.group("topic"))
    if heading:
        return heading
    stem = title_from_file_name(context.file_name) if context.file_name else ""
    if stem and not _GENERIC_NAMES.match(stem) and stem != "Untitled":
        return stem
    return "Lecture chat"


def _folder_date(folder_name: str) -> dt.date | None:
    folder = _ZOOM_FOLDER.match(folder_name or "")
    if folder is None:
        return None
    try:
        return dt.date.fromisoformat(folder.group("date"))
    except ValueError:
        return None


def _number(pattern: re.Pattern[str], title: str) -> int | None:
    found = pattern.search(title)
    if found is None:
        return None
    return int(next(group for group in found.groups() if group))


def _split_inline(text: str) -> tuple[str, str]:
    """`question? > answer` on one line: the instructor's answer typed after the question."""
    start = 0
    while (at := text.find(" > ", start)) >= 0:
        if ends_asking(text[:at]) and text[at + 3 :].strip():
            return text[:at].rstrip(), text[at + 3 :].strip()
        start = at + 3
    return text, ""


@dataclass
class _Thread:
    question: Question
    sender: str
    seconds: int
    plain: str  # the question as typed, for matching Zoom's reply quotes
    instructor_answered: bool = False
    answered_at: int | None = None  # when the latest answer from the chat came
    closed: bool = False  # thanks after an answer: what follows is not about it


_ELSEWHERE = object()  # a reply addressed to someone who asked nothing here


class _Threads:
    """Turns messages into question cells (answers folded in) and chat text cells."""

    def __init__(self, note: Note, instructors: frozenset[str] = frozenset()) -> None:
        self.note = note
        self.instructors = instructors  # casefolded names the notebook says are its instructors
        self.chatter: list[str] = []
        self.latest: _Thread | None = None  # the latest public question, for peer answers
        self.threads: list[_Thread] = []
        self.by_asker: dict[str, _Thread] = {}  # casefolded name or raw sender → latest question
        self.private_open: dict[tuple[str, str], _Thread] = {}  # (asker, recipient) → question

    def build(self, messages: list[Message]) -> None:
        for message in messages:
            if message.private:
                self._private(message)
            else:
                self._public(message)
        self._flush_chatter()

    def _public(self, message: Message) -> None:
        text, inline = _split_inline(message.text)
        instructor = "\n".join(part for part in [inline, "\n".join(message.answers)] if part.strip())
        asking = bool(text) and asks(text)
        if (
            asking
            and not instructor
            and self.is_instructor(message.sender)
            and not QUESTION_LABEL.match(text)
        ):
            self._chat(message)  # `질문 있나요?`, `이제 들리나요?`: asked of the class; a `Q:` quiz stays
            return
        small = is_small_talk(text)
        if small and self.latest is not None and self.latest.question.answer and ends_exchange(text):
            self.latest.closed = True
        if text and not asking and not small:
            target = self._addressed(message, text)
            if target is None and not inline:
                target = self._peer_target(message)
            if isinstance(target, _Thread):
                self._answer(target, message, text)
                return
        if text and (asking or (instructor and not small)):
            self._question(message, text, instructor)
        else:
            self._chat(message)

    def is_instructor(self, sender: str) -> bool:
        """Named so (`교수`, `TA`) or named as the notebook's instructor or mentor."""
        return is_instructor(sender) or asker_name(sender).casefold() in self.instructors

    def _addressed(self, message: Message, text: str) -> _Thread | object | None:
        """The question a reply is addressed to: a quoted thread, `@Name` or `Name님`."""
        if message.reply_to is not None:
            quote = _plain(message.reply_to)
            for quoted in reversed(self.threads[-500:]):
                if quote and quoted.plain.startswith(quote):
                    return quoted if quoted.sender != message.sender else _ELSEWHERE
            return _ELSEWHERE
        lowered = text.casefold()
        if lowered.startswith("@"):
            mentioned = self._named(lowered[1:], "")
            return mentioned if mentioned is not None and mentioned.sender != message.sender else _ELSEWHERE
        if "님" in lowered[:24]:
            called = self._named(lowered, "님")
            if called is not None and called.sender != message.sender:
                return called
        return None

    def _named(self, lowered: str, suffix: str) -> _Thread | None:
        best = ""
        for name in self.by_asker:
            if len(name) > len(best) and lowered.startswith(name + suffix):
                rest = lowered[len(name) + len(suffix) :]
                if not rest or not rest[0].isalnum() or rest.startswith("님"):
                    best = name
        return self.by_asker.get(best) if best else None

    def _peer_target(self, message: Message) -> _Thread | None:
        """The next words of someone else, shortly after a question nobody answered yet, answer it.

        The instructor often answers a while later, after finishing a slide; `좋은 질문입니다` /
        `good question` says which question is meant, so that reply counts within a longer window.
        """
        thread = self.latest
        if thread is None or thread.sender == message.sender or thread.instructor_answered or thread.closed:
            return None
        if (
            thread.answered_at is None
            and _GOOD_QUESTION.match(message.text)
            and self.is_instructor(message.sender)
        ):
            return thread if _elapsed(thread.seconds, message.seconds) <= LATE_ANSWER_SECONDS else None
        if thread.answered_at is not None:
            return thread if _elapsed(thread.answered_at, message.seconds) <= FOLLOW_UP_SECONDS else None
        return thread if _elapsed(thread.seconds, message.seconds) <= PEER_WINDOW_SECONDS else None

    def _question(self, message: Message, text: str, instructor: str, *, private: bool = False) -> _Thread:
        self._flush_chatter()
        answer = message_markdown(instructor)
        question = Question(
            text=message_markdown(without_question_label(text)),
            answer=answer,
            status="answered" if answer else "open",
            asker=asker_name(message.sender),
            raw_sender=message.sender,
            asked_at=message.time,
            answered_by="instructor" if answer else None,
            private=private,
        )
        self.note.cells.append(Cell.asking(question))
        thread = _Thread(question, message.sender, message.seconds, _plain(text), bool(answer))
        if not private:
            self.latest = thread
            self.threads.append(thread)
            self.by_asker[question.asker.casefold()] = thread
            self.by_asker[message.sender.casefold()] = thread
        return thread

    def _answer(self, thread: _Thread, message: Message, text: str) -> None:
        by: AnsweredBy = "instructor" if self.is_instructor(message.sender) else "peer"
        _add_answer(thread.question, f"**{asker_name(message.sender)}**: {message_markdown(text)}", by)
        thread.answered_at = message.seconds
        if by == "instructor":
            thread.instructor_answered = True
        if message.answers:  # the instructor confirmed after the peer
            _add_answer(thread.question, message_markdown("\n".join(message.answers)), "instructor")
            thread.instructor_answered = True

    def _private(self, message: Message) -> None:
        """Direct messages: a private question, the reply to one, or private chat."""
        text, me, them = message.text, message.sender.casefold(), message.recipient.casefold()
        asking = bool(text) and asks(text)
        if text and not asking and not is_small_talk(text):
            thread = self.private_open.get((them, me))
            if thread is not None and _elapsed(thread.seconds, message.seconds) <= PRIVATE_WINDOW_SECONDS:
                self._answer(thread, message, text)
                return
        if asking:
            thread = self._question(message, text, "\n".join(message.answers), private=True)
            self.private_open[(me, them)] = thread
            return
        self._chat(message)

    def _chat(self, message: Message) -> None:
        name = asker_name(message.sender)
        if message.private:
            to = f" → {asker_name(message.recipient)}" if message.recipient else ""
            prefix = f"**{message.time} {name}{to}** *(private)*:"
        else:
            prefix = f"**{message.time} {name}**:"
        body = message_markdown(message.text, hard_breaks=True)
        entry = f"{prefix}\n\n{body}" if body.startswith(("```", "~~~")) else f"{prefix} {body}".rstrip()
        quoted = "\n".join(
            f"> {line}".rstrip() for line in message_markdown("\n".join(message.answers)).split("\n")
        )
        self.chatter.append(f"{entry}\n\n{quoted}" if message.answers else entry)

    def _flush_chatter(self) -> None:
        if self.chatter:
            self.note.cells.append(Cell.text("\n\n".join(self.chatter)))
            self.chatter = []


def _add_answer(question: Question, text: str, by: AnsweredBy) -> None:
    """Append to the answer; a peer's help is recorded even when the instructor adds to it."""
    question.answer = f"{question.answer}\n\n{text}" if question.answer else text
    question.status = "answered"
    question.answered_by = "peer" if "peer" in (by, question.answered_by) else by


def _elapsed(since: int, now: int) -> int:
    """Seconds from one message to a later one, across midnight too."""
    return (now - since) % (24 * 3600)


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


IMPORTER = Importer(
    name="chat_log",
    description="a lecture's Zoom chat: questions, and the instructor's and peers' answers",
    kind="chat",
    score=score,
    parse=parse,
)
