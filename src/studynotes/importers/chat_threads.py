"""Pairing a chat's answers with its questions, on evidence (see `chat_log`'s docstring).

Every chat format ends here: Zoom's chat note by note, the group chats day by day
(`chat_days`).  A question stays open unless a reply says whom it answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import AnsweredBy, Cell, Note, Question
from .chat_messages import Message
from .chat_text import (
    asker_name,
    asks,
    ends_asking,
    ends_exchange,
    is_instructor,
    is_small_talk,
    message_markdown,
)
from .parts.questions import QUESTION_LABEL, without_question_label
from .parts.replies import affirms, asks_yes_or_no, content_words, is_code, mentioned, name_parts

CONTENT_WINDOW_SECONDS = 10 * 60  # a reply sharing the question's words, after the question
ADDRESSED_WINDOW_SECONDS = 5 * 60  # the person a question was addressed to, replying
AFFIRM_WINDOW_SECONDS = 2 * 60  # `yes!` soon after a yes-or-no question
IMMEDIATE_SECONDS = 70  # the first reply, this soon after a question, is to it
MINUTE_CLOCK_SLACK = 2 * 60  # chats that stamp whole minutes (KakaoTalk) say `3:21` for 3:21:59
_TO_EVERYONE = re.compile(
    r"\b(?:any\s*one|every\s*one|all of you|just joined|여러분|다들|모두)\b", re.IGNORECASE
)
FOLLOW_ON_SECONDS = 2 * 60  # `and you can also…` right after an answer adds to it
_FOLLOW_ON = re.compile(r"^\W*(?:and|also|plus|그리고|또한|또|추가로)\b", re.IGNORECASE)
FIRST_REPLIES = 2  # among the first replies after a question, one shared word is enough
PRIVATE_WINDOW_SECONDS = 15 * 60
RECENT_QUESTIONS = 20  # the questions a reply is weighed against
QUOTED_QUESTIONS = 500  # how far back a quoted question or a named asker is looked for
_START = 12  # questions are indexed by their first characters, for quotes this long or longer
_DAY_SECONDS = 24 * 3600
LATE_ANSWER_SECONDS = 30 * 60  # the instructor's `good question: …`, after the slide is done
_GOOD_QUESTION = re.compile(
    r"^\W*(?:(?:this|that|it)(?:'s|’s|\s+is|\s+was)\s+(?:a\s+|an\s+|such\s+a\s+)?|what\s+an?\s+|정말\s*)?"
    r"(?:좋은\s*질문|(?:good|great|interesting|excellent)\s+question)",
    re.IGNORECASE,
)


def _split_inline(text: str) -> tuple[str, str]:
    """`question? > answer` on one line: the instructor's answer typed after the question."""
    start = 0
    while (at := text.find(" > ", start)) >= 0:
        if ends_asking(text[:at]) and text[at + 3 :].strip():
            return text[:at].rstrip(), text[at + 3 :].strip()
        start = at + 3
    return text, ""


@dataclass
class Thread:
    question: Question
    sender: str
    seconds: int
    plain: str  # the question as typed, for matching Zoom's reply quotes
    instructor_answered: bool = False
    answered_at: int | None = None  # when the latest answer from the chat came
    closed: bool = False  # thanks after an answer: what follows is not about it
    addressee: str = ""  # the person the question named (`Hi Kate, …`), folded
    index: int = 0  # its place among the chat's public questions
    counted: int = 0  # replies counted in the chat when it was asked (see `Threads.replies`)
    own: int = 0  # of those, its asker's own
    _words: frozenset[str] | None = None
    _yes_no: bool | None = None

    @property
    def words(self) -> frozenset[str]:
        """Its topic words, worked out once: every later message is compared with them."""
        if self._words is None:
            self._words = content_words(self.plain)
        return self._words

    @property
    def yes_no(self) -> bool:
        if self._yes_no is None:
            self._yes_no = asks_yes_or_no(self.plain)
        return self._yes_no


_ELSEWHERE = object()  # a reply addressed to someone who asked nothing here


class Threads:
    """Turns messages into question cells (answers folded in) and chat text cells."""

    def __init__(self, note: Note, instructors: frozenset[str] = frozenset()) -> None:
        self.note = note
        self.instructors = instructors  # casefolded names the notebook says are its instructors
        self.chatter: list[str] = []
        self.latest: Thread | None = None  # the latest public question, for peer answers
        self.threads: list[Thread] = []
        self.by_asker: dict[str, Thread] = {}  # casefolded name or raw sender → latest question
        self.private_open: dict[tuple[str, str], Thread] = {}  # (asker, recipient) → question
        self.last_said: dict[str, int] = {}  # sender → when they last wrote in public
        # Indexes that keep a long chat linear: questions by any part of their asker's name and by
        # how they start, and the replies counted so far (in all and by sender).
        self.by_name: dict[str, list[Thread]] = {}
        self.by_start: dict[str, list[Thread]] = {}
        self.counted = 0
        self.counted_by: dict[str, int] = {}
        self.in_clock_order = True  # every question asked at or after the one before (see `_recent`)

    def build(self, messages: list[Message]) -> None:
        for message in messages:
            if message.private:
                self._private(message)
            else:
                self._public(message)
                if not is_small_talk(message.text):
                    self.last_said[message.sender] = message.seconds
        self._flush_chatter()

    def _public(self, message: Message) -> None:
        text, inline = _split_inline(message.text)
        instructor = (
            "\n".join(part for part in [inline, "\n".join(message.answers)] if part.strip())
            if inline or message.answers
            else ""
        )
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
                target = self._evidence_target(message, text)
            self._count_reply(message)
            if isinstance(target, Thread):
                self._answer(target, message, text)
                return
        if text and (asking or (instructor and not small)):
            self._question(message, text, instructor)
        else:
            self._chat(message)

    def is_instructor(self, sender: str) -> bool:
        """Named so (`교수`, `TA`) or named as the notebook's instructor or mentor."""
        return is_instructor(sender) or asker_name(sender).casefold() in self.instructors

    def _addressed(self, message: Message, text: str) -> Thread | object | None:
        """The question a reply is addressed to: a quoted thread, `@Name` or `Name님`."""
        if message.reply_to is not None:
            quoted = self._quoting(plain_key(message.reply_to))
            return quoted if quoted is not None and quoted.sender != message.sender else _ELSEWHERE
        lowered = text.casefold()
        for name in mentioned(text):
            thread = self._asked_by(name, message.sender)
            if thread is not None and _elapsed(thread.seconds, message.seconds) <= LATE_ANSWER_SECONDS:
                return thread
        if lowered.startswith("@"):
            return _ELSEWHERE
        if "님" in lowered[:24]:
            called = self._named(lowered, "님")
            if called is not None and called.sender != message.sender:
                return called
        return None

    def _named(self, lowered: str, suffix: str) -> Thread | None:  # `소현님 …`
        best = ""
        for name in self.by_asker:
            if len(name) > len(best) and lowered.startswith(name + suffix):
                rest = lowered[len(name) + len(suffix) :]
                if not rest or not rest[0].isalnum() or rest.startswith("님"):
                    best = name
        return self.by_asker.get(best) if best else None

    def _asked_by(self, name: str, sender: str) -> Thread | None:
        """The latest of the last `QUOTED_QUESTIONS` questions asked by the person `name` is any
        part of (`@Jan` → Jan Kowalski)."""
        oldest = len(self.threads) - QUOTED_QUESTIONS
        for thread in reversed(self.by_name.get(name, ())):
            if thread.index < oldest:
                return None
            if thread.sender != sender:
                return thread
        return None

    def _quoting(self, quote: str) -> Thread | None:
        """The latest of the last `QUOTED_QUESTIONS` questions that starts as `quote` does."""
        if not quote:
            return None
        oldest = len(self.threads) - QUOTED_QUESTIONS
        if len(quote) >= _START:
            candidates: Sequence[Thread] = self.by_start.get(quote[:_START], ())
        else:
            candidates = self.threads[max(oldest, 0) :]
        for thread in reversed(candidates):
            if thread.index < oldest:
                return None
            if thread.plain.startswith(quote):
                return thread
        return None

    def replies(self, thread: Thread) -> int:
        """Messages from others since the question was asked (read only of the recent questions)."""
        own = self.counted_by.get(thread.sender, 0) - thread.own
        return self.counted - thread.counted - own

    def _evidence_target(self, message: Message, text: str) -> Thread | None:
        """The question this message answers, when something says so; None leaves questions open.

        The person a question named replying; a `yes`/`no` or pasted code right after it;
        words shared with it (one is enough among its first replies); or the instructor's
        `good question`, which may come a while later, after a slide is done.
        """
        now = message.seconds
        latest = self.latest
        if latest is not None and latest.sender != message.sender and not latest.closed:
            waited = _elapsed(latest.seconds, now)
            answered = latest.answered_at
            if (
                answered is not None
                and _FOLLOW_ON.match(text)
                and _elapsed(answered, now) <= FOLLOW_ON_SECONDS
            ):
                return latest
            if latest.answered_at is None and _GOOD_QUESTION.match(text):
                late = LATE_ANSWER_SECONDS if self.is_instructor(message.sender) else CONTENT_WINDOW_SECONDS
                return latest if waited <= late else None
            yes_no = latest.answered_at is None and latest.yes_no
            if yes_no and affirms(text) and waited <= AFFIRM_WINDOW_SECONDS + _slack(latest.seconds, now):
                return latest
            if self.replies(latest) == 0 and is_code(text) and waited <= ADDRESSED_WINDOW_SECONDS:
                return latest
        recent = self._recent(message.sender, now)
        if not recent:
            return None
        parts = name_parts(message.sender)
        for thread in recent:
            named = thread.addressee and thread.addressee in parts
            if (
                named
                and thread.answered_at is None
                and _elapsed(thread.seconds, now) <= ADDRESSED_WINDOW_SECONDS
            ):
                return thread
        words = content_words(text)
        scored = [(len(t.words & words), t) for t in recent]
        most = max(score for score, _ in scored)
        if most >= 2:  # the most recent of those sharing the most words
            return next(thread for score, thread in scored if score == most)
        shared = next((t for score, t in scored if score == 1 and self.replies(t) < FIRST_REPLIES), None)
        if shared is not None:
            return shared
        if latest is None or latest not in recent or _TO_EVERYONE.search(text):
            return None
        # Someone spoke first: only the instructor's reply still meets the question, or in a chat
        # stamped in whole minutes (where two replies share a minute) the second reply.
        allowed = 1 if _slack(latest.seconds, now) else 0
        if self.replies(latest) > allowed and not (
            self.is_instructor(message.sender) and latest.answered_at is None
        ):
            return None
        talking = self.last_said.get(message.sender)  # still on what they were saying just before
        if talking is not None and _elapsed(talking, latest.seconds) <= IMMEDIATE_SECONDS:
            return None
        return (
            latest
            if _elapsed(latest.seconds, now) <= IMMEDIATE_SECONDS + _slack(latest.seconds, now)
            else None
        )

    def _recent(self, sender: str, now: int) -> list[Thread]:
        """Of the last `RECENT_QUESTIONS` questions, newest first, the open ones from others asked
        within the content window.

        While the questions came in clock order and `now` is not before the latest, each older
        one was asked longer ago (no midnight between), so the walk stops at the first one
        outside the window: most replies look at one or two questions, not twenty."""
        threads = self.threads[-RECENT_QUESTIONS:]
        if not self.in_clock_order or not threads or now < threads[-1].seconds:
            return [
                t
                for t in reversed(threads)
                if t.sender != sender
                and not t.closed
                and (now - t.seconds) % _DAY_SECONDS <= CONTENT_WINDOW_SECONDS
            ]
        recent = []
        for thread in reversed(threads):
            if now - thread.seconds > CONTENT_WINDOW_SECONDS:
                break
            if thread.sender != sender and not thread.closed:
                recent.append(thread)
        return recent

    def _count_reply(self, message: Message) -> None:
        """A reply counts for every recent question but its sender's own (see `replies`)."""
        self.counted += 1
        self.counted_by[message.sender] = self.counted_by.get(message.sender, 0) + 1

    def _question(self, message: Message, text: str, instructor: str, *, private: bool = False) -> Thread:
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
        thread = Thread(question, message.sender, message.seconds, plain_key(text), bool(answer))
        thread.addressee = next(iter(mentioned(text)), "")
        if not private:
            thread.index, thread.counted = len(self.threads), self.counted
            thread.own = self.counted_by.get(message.sender, 0)
            for part in name_parts(question.asker or message.sender):
                self.by_name.setdefault(part, []).append(thread)
            self.by_start.setdefault(thread.plain[:_START], []).append(thread)
            self.latest = thread
            if self.threads and thread.seconds < self.threads[-1].seconds:
                self.in_clock_order = False
            self.threads.append(thread)
            self.by_asker[question.asker.casefold()] = thread
            self.by_asker[message.sender.casefold()] = thread
        return thread

    def _answer(self, thread: Thread, message: Message, text: str) -> None:
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
        if not message.answers:
            self.chatter.append(entry)
            return
        quoted = "\n".join(
            f"> {line}".rstrip() for line in message_markdown("\n".join(message.answers)).split("\n")
        )
        self.chatter.append(f"{entry}\n\n{quoted}")

    def _flush_chatter(self) -> None:
        if self.chatter:
            self.note.cells.append(Cell.text("\n\n".join(self.chatter)))
            self.chatter = []


def _add_answer(question: Question, text: str, by: AnsweredBy) -> None:
    """Append to the answer; a peer's help is recorded even when the instructor adds to it."""
    question.answer = f"{question.answer}\n\n{text}" if question.answer else text
    question.status = "answered"
    question.answered_by = "peer" if "peer" in (by, question.answered_by) else by


def _slack(since: int, now: int) -> int:
    """Extra time allowed when both times are whole minutes: the clock says less than it knows."""
    return MINUTE_CLOCK_SLACK if since % 60 == 0 and now % 60 == 0 else 0


def _elapsed(since: int, now: int) -> int:
    """Seconds from one message to a later one, across midnight too."""
    return (now - since) % _DAY_SECONDS


def plain_key(text: str) -> str:
    return " ".join(text.split()).casefold()
