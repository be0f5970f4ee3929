"""Questions as cards: status, who asked, where in the lecture, the question and its answer."""

from __future__ import annotations

import html
from collections.abc import Callable

from ..model import Question
from ..wording import translate


def question_card(question: Question, position: int, render: Callable[[str], str]) -> str:
    """One card with a stable id (`question-<id>`) that search and the question list scroll to."""
    ident = question.id if question.id is not None else f"p{position}"
    answered = question.status == "answered"
    action = translate("Card", "Mark open") if answered else translate("Card", "Mark answered")
    status = _status(question)
    details = [
        f'<span class="asker">{html.escape(question.asker)}</span>' if question.asker else "",
        translate("Card", "p. {page}").format(page=question.slide_page)
        if question.slide_page is not None
        else "",
        translate("Card", "video {time}").format(time=html.escape(question.media_time))
        if question.media_time
        else "",
        translate("Card", "asked {when}").format(when=html.escape(question.asked_at))
        if question.asked_at
        else "",
        translate("Card", "lecture {number}").format(number=question.lecture_ref)
        if question.lecture_ref is not None
        else "",
        '<span class="private">' + translate("Card", "private") + "</span>" if question.private else "",
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
        missing = (
            translate("Card", "No answer written down.") if answered else translate("Card", "No answer yet.")
        )
        answer = f'<p class="no-answer">{missing}</p>'
    return (
        f'<section class="question {"answered" if answered else "open"}" id="question-{ident}">'
        f'<header>{toggle}<span class="meta">{meta}</span></header>'
        f'<div class="question-text">{render(question.text)}</div>'
        f'<div class="answer">{answer}</div></section>'
    )


def _status(question: Question) -> str:
    """The card's status word; an answer may not be written down, so say what is known."""
    if question.status != "answered":
        return translate("Card", "○ Open")
    return {
        "self": translate("Card", "✓ Marked answered by you"),
        "instructor": translate("Card", "✓ Answered by the instructor"),
        "peer": translate("Card", "✓ Answered by a classmate"),
    }.get(question.answered_by or "", translate("Card", "✓ Answered"))
