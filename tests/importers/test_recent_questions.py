"""The questions a reply is weighed against are the same whichever way they are found.

Pairing walks back from the newest question and stops at the first one outside the content
window while the questions came in clock order; it must choose exactly what filtering the last
twenty questions chooses, also across midnight and when a chat's clock goes back.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studynotes.importers.chat_messages import Message
from studynotes.importers.chat_threads import (
    _DAY_SECONDS,
    CONTENT_WINDOW_SECONDS,
    RECENT_QUESTIONS,
    Thread,
    Threads,
)
from studynotes.model import Note, Question

SENDERS = ["민수", "Jisoo", "강사 이영희"]


def _clock(seconds: int) -> str:
    seconds %= _DAY_SECONDS
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _expected(threads: list[Thread], sender: str, now: int) -> list[Thread]:
    return [
        t
        for t in reversed(threads[-RECENT_QUESTIONS:])
        if t.sender != sender and not t.closed and (now - t.seconds) % _DAY_SECONDS <= CONTENT_WINDOW_SECONDS
    ]


ASKED = st.lists(
    st.tuples(st.integers(-300, 900), st.sampled_from(SENDERS), st.booleans()), min_size=0, max_size=40
)


@settings(max_examples=500, deadline=None)
@given(
    start=st.integers(0, _DAY_SECONDS - 1),
    asked=ASKED,
    replies=st.lists(st.tuples(st.integers(-120, 1200), st.sampled_from(SENDERS)), min_size=1, max_size=5),
)
def test_recent_questions_equal_the_last_twenty_filtered(
    start: int, asked: list[tuple[int, str, bool]], replies: list[tuple[int, str]]
) -> None:
    threads = Threads(Note(title="chat"))
    now = start
    for step, sender, closed in asked:  # mostly forward, sometimes back, across midnight too
        now = (now + step) % _DAY_SECONDS
        message = Message(time=_clock(now), sender=sender, text="왜 그런가요?", line=1)
        thread = threads._question(message, message.text, "")
        thread.closed = closed
    for step, sender in replies:
        at = (now + step) % _DAY_SECONDS
        assert threads._recent(sender, at) == _expected(threads.threads, sender, at)


def test_a_chat_whose_clock_goes_back_is_read_in_full() -> None:
    threads = Threads(Note(title="chat"))
    for clock in ("10:00:00", "10:09:00", "09:59:00"):
        threads._question(Message(time=clock, sender="민수", text="왜요?", line=1), "왜요?", "")
    assert not threads.in_clock_order
    at = 10 * 3600 + 5 * 60
    assert [t.seconds for t in threads._recent("Jisoo", at)] == [9 * 3600 + 59 * 60, 10 * 3600]
    assert isinstance(threads.threads[0].question, Question)
