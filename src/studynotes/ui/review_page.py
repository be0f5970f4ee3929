"""The pages review and meeting preparation show: a question rendered as the preview renders it.

Plain functions of the library's records (no Qt), so tests can read the HTML.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..model import Note
from ..render import render_note
from .content import plain_page

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from ..library import Library
    from ..render import Theme


def rating_labels() -> dict[int, str]:
    """Anki's four answers, by the keys 1–4 that give them."""
    return {
        1: translate("ReviewPage", "Again"),
        2: translate("ReviewPage", "Hard"),
        3: translate("ReviewPage", "Good"),
        4: translate("ReviewPage", "Easy"),
    }


_HIDE_STATUS = ".question header .status{display:none}"


def _with_style(page: str, css: str) -> str:
    return page.replace("</head>", f"<style>{css}</style></head>", 1)


def question_page(
    library: Library, question_id: int, note_id: int, *, revealed: bool, theme: Theme, font_size: int
) -> str:
    """One question card with its note's title; the answer hidden until revealed."""
    note = library.note(note_id)
    if note is None:
        return _gone(theme)
    cells = [c for c in note.cells if c.question is not None and c.question.id == question_id]
    place = " · ".join(
        part
        for part in (
            translate("Dates", "Week {number}").format(number=note.week) if note.week is not None else "",
            translate("Dates", "Lecture {number}").format(number=note.lecture)
            if note.lecture is not None
            else "",
        )
        if part
    )
    single = Note(
        title=note.title,
        kind=note.kind,
        cells=cells,
        date=note.date,
        properties={"where": place} if place else {},
        attachments=note.attachments,
        id=note.id,
    )
    css = _HIDE_STATUS + ("" if revealed else ".question .answer{visibility:hidden}")
    return _with_style(render_note(single, theme=theme, font_size=font_size), css)


def context_page(library: Library, question_id: int, note_id: int, *, theme: Theme, font_size: int) -> str:
    """A question in its whole note, marked, for preparing the next meeting."""
    note = library.note(note_id)
    if note is None:
        return _gone(theme)
    mark = "#b8860b" if theme == "light" else "#f0c14b"
    css = f"#question-{question_id}{{outline:3px solid {mark};outline-offset:4px}}"
    return _with_style(render_note(note, theme=theme, font_size=font_size), css)


def interval_text(due: dt.datetime, now: dt.datetime) -> str:
    """How far away a review is, as Anki writes it on its buttons (10 min, 3 d, 2.1 mo)."""
    seconds = max(0.0, (due - now).total_seconds())
    if seconds < 3600:
        return translate("ReviewPage", "{count} min").format(count=max(1, round(seconds / 60)))
    if seconds < 86400:
        return translate("ReviewPage", "{count} h").format(count=round(seconds / 3600))
    days = seconds / 86400
    if days < 30:
        return translate("ReviewPage", "{count} d").format(count=round(days))
    if days < 365:
        return translate("ReviewPage", "{count} mo").format(count=f"{days / 30:.1f}")
    return translate("ReviewPage", "{count} y").format(count=f"{days / 365:.1f}")


def summary_page(title: str, done: str, rows: list[tuple[str, int]], left: str, *, theme: Theme) -> str:
    """The end of a session: how many, how they went, what is left."""
    table = "".join(
        f"<tr><td>{html.escape(label)}</td><td>{count}</td></tr>" for label, count in rows if count
    )
    body = f"<p>{html.escape(done)}</p>" + (f"<table>{table}</table>" if table else "")
    return plain_page(
        translate("ReviewPage", "{title}: done").format(title=title),
        body + f'<p class="hint">{html.escape(left)}</p>',
        theme,
    )


def _gone(theme: Theme) -> str:
    text = translate("ReviewPage", "This question's note was deleted.")
    return plain_page(translate("ReviewPage", "Gone"), f"<p>{text}</p>", theme)
