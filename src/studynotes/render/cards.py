"""Questions as cards: status, who asked, where in the lecture, the question and its answer."""

from __future__ import annotations

import html
from collections.abc import Callable

from ..model import Question

BY = {"instructor": "the instructor", "peer": "a classmate", "self": "you"}


def question_card(question: Question, position: int, render: Callable[[str], str]) -> str:
    """One card with a stable id (`question-<id>`) that search and the question list scroll to."""
    ident = question.id if question.id is not None else f"p{position}"
    answered = question.status == "answered"
    action = "Mark open" if answered else "Mark answered"
    status = "✓ Answered" if answered else "○ Open"
    if answered and question.answered_by == "self":
        status = "✓ Marked answered by you"  # an answer may not be written down: say what is known
    elif answered and question.answered_by in BY:
        status += f" by {BY[question.answered_by]}"
    details = [
        f'<span class="asker">{html.escape(question.asker)}</span>' if question.asker else "",
        f"p. {question.slide_page}" if question.slide_page is not None else "",
        f"video {html.escape(question.media_time)}" if question.media_time else "",
        f"asked {html.escape(question.asked_at)}" if question.asked_at else "",
        f"lecture {question.lecture_ref}" if question.lecture_ref is not None else "",
        '<span class="private">private</span>' if question.private else "",
    ]
    meta = " · ".join(d for d in details if d)
    toggle = (
        f'<a class="status" href="studynotes://toggle/{question.id}" title="{action}">{status}</a>'
        if question.id is not None
        else f'<span class="status">{status}</span>'
    )
    if question.answer.strip():
        answer = render(question.answer)
    else:  # "No answer yet" under a question marked answered would contradict its status
        missing = "No answer written down." if answered else "No answer yet."
        answer = f'<p class="no-answer">{missing}</p>'
    return (
        f'<section class="question {"answered" if answered else "open"}" id="question-{ident}">'
        f'<header>{toggle}<span class="meta">{meta}</span></header>'
        f'<div class="question-text">{render(question.text)}</div>'
        f'<div class="answer">{answer}</div></section>'
    )
