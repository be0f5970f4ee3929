"""A stored note to one safe, offline HTML document: Markdown, LaTeX, code and question cards.

Pure functions of the note (no Qt, no database).  The same HTML feeds the
preview pane, `studynotes render` and HTML export.  Python-Markdown, the sanitiser and the
formula typesetter are loaded when the first text needs them: the window imports this package
for its page layout and shows its first paint without them.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from functools import cache
from typing import Literal

from ..model import Attachment, Cell, Note
from ..wording import translate
from .cards import question_card
from .plain_paragraphs import plain_paragraphs

Theme = Literal["light", "dark"]
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:"
_ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(?:\\\(|\\\[)?(.*?)(?:\\\)|\\\])?</\1>', re.DOTALL)
_local = threading.local()


def _markdown() -> object:
    """One Markdown instance per thread (they keep state between calls)."""
    md = getattr(_local, "md", None)
    if md is None:
        from .markdown_setup import make_markdown

        md = _local.md = make_markdown()
    return md


def render_markdown(
    markdown_text: str, attachments: list[Attachment] | None = None, *, typeset: bool = True
) -> str:
    """Markdown to a sanitised HTML fragment with formulas typeset (or, `typeset=False`,
    left as LaTeX between `\\(...\\)` / `\\[...\\]` for a viewer that typesets them, as Anki does)."""
    plain = plain_paragraphs(markdown_text)  # a chat's plain messages skip the pipeline
    if plain is not None:
        return plain
    from .sanitize import clean, resolve_attachment_links, resolve_images

    fragment = keep_dates_whole(clean(_converted(markdown_text)))
    fragment = _ARITHMATEX.sub(_typeset if typeset else _delimited, fragment)
    return resolve_attachment_links(resolve_images(fragment, attachments or []), attachments or [])


def _converted(markdown_text: str) -> str:
    """The Markdown pipeline's HTML, before it is cleaned."""
    md = _markdown()
    md.reset()  # type: ignore[attr-defined]
    try:
        converted: str = md.convert(markdown_text)  # type: ignore[attr-defined]
    except RecursionError:  # structure nested far beyond any real note: show it as text
        note = translate("Preview", "Nested too deeply to lay out; shown as text.")
        converted = f'<p class="too-deep">{note}</p><pre>{html.escape(markdown_text)}</pre>'
    return converted


_HYPHENATED = re.compile(r"[\w.]+(?:[-–~][\w.]+)+")  # 2022-01-07, chapter 3-1, 2022.01.10-2022.02.23
_CELL_TEXT = re.compile(r"(<t[dh]\b[^>]*>)(.*?)(</t[dh]>)", re.DOTALL)
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def keep_dates_whole(fragment: str) -> str:
    """Dates and numbered parts in table cells never break at their hyphens ("2022-01-/07", "3/-1")."""
    if "<td" not in fragment and "<th" not in fragment:
        return fragment

    def cell(match: re.Match[str]) -> str:
        parts = _TAG_OR_TEXT.split(match.group(2))
        text = [
            part if part.startswith("<") else _HYPHENATED.sub(r'<span class="nowrap">\g<0></span>', part)
            for part in parts
        ]
        return match.group(1) + "".join(text) + match.group(3)

    return _CELL_TEXT.sub(cell, fragment)


def _formula(match: re.Match[str]) -> tuple[str, bool]:
    display = match.group(1) == "div"
    latex = html.unescape(match.group(2))
    if display:
        latex = latex.strip()
        for opener, closer in (("$$", "$$"), ("\\[", "\\]")):
            if latex.startswith(opener) and latex.endswith(closer):
                latex = latex[len(opener) : -len(closer)]
    return latex, display


def _typeset(match: re.Match[str]) -> str:
    from .math import formula_html

    return formula_html(*_formula(match))


def _delimited(match: re.Match[str]) -> str:
    latex, display = _formula(match)
    return (
        f"\\[{html.escape(latex, quote=False)}\\]" if display else f"\\({html.escape(latex, quote=False)}\\)"
    )


def _note_body(note: Note) -> str:
    def render(text: str) -> str:
        return render_markdown(text, note.attachments)

    parts = [cell_html(cell, position, render) for position, cell in enumerate(note.cells)]
    return "\n".join(part for part in parts if part)


def cell_html(cell: Cell, position: int, render: Callable[[str], str]) -> str:
    """One cell: a question card, a text cell, or nothing for an empty cell."""
    if cell.question is not None:
        return question_card(cell.question, position, render)
    if cell.markdown.strip():
        cell_id = f' id="cell-{cell.id}"' if cell.id is not None else ""
        return f'<div class="cell"{cell_id}>{render(cell.markdown)}</div>'
    return ""


def note_header(note: Note, level: int) -> str:
    from .markdown_setup import github_slug

    opening = next((c.markdown for c in note.cells if c.question is None and c.markdown.strip()), "")
    details = [
        note.date.isoformat() if note.date else "",
        # a detail the note's own first paragraph already states (a programme's Facilitator) is not repeated
        *(f"{k}: {v}" for k, v in note.properties.items() if v and v not in opening),
    ]
    meta = " · ".join(html.escape(d) for d in details if d)
    title = html.escape(note.title)
    return f'<h{level} id="{html.escape(github_slug(note.title))}">{title}</h{level}>' + (
        f'<p class="note-meta">{meta}</p>' if meta else ""
    )


def render_note(note: Note, *, theme: Theme = "light", font_size: int = 15) -> str:
    body = f'<article class="note" id="note-{note.id}">{note_header(note, 1)}{_note_body(note)}</article>'
    return document(note.title, body, theme, font_size)


def render_notes(notes: list[Note], *, title: str, theme: Theme = "light", font_size: int = 15) -> str:
    """A week or a lecture: every note in order, each its own article."""
    articles = [
        f'<article class="note" id="note-{note.id}">{note_header(note, 2)}{_note_body(note)}</article>'
        for note in notes
    ]
    body = f"<h1>{html.escape(title)}</h1>" + "\n".join(articles)
    return document(title, body, theme, font_size)


def document(title: str, body: str, theme: Theme, font_size: int) -> str:
    return (
        # The scheme on the root element: the page's scrollbars and form controls follow the theme.
        f'<!DOCTYPE html>\n<html style="color-scheme:{theme}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{html.escape(title)}</title><style>{stylesheet(theme)}"
        f"body{{font-size:{int(font_size)}px}}</style></head>"
        f'<body class="theme-{theme}">{body}</body></html>'
    )


@cache
def stylesheet(theme: Theme) -> str:
    """The page CSS from resources/ plus Pygments colours for the theme."""
    from pygments.formatters import HtmlFormatter

    from ..paths import resources_dir

    base = (resources_dir() / "preview.css").read_text(encoding="utf-8")
    pygments_style = "monokai" if theme == "dark" else "friendly"
    code = HtmlFormatter(style=pygments_style).get_style_defs(".highlight")
    return f"{base}\n{code}"


__all__ = ["render_markdown", "render_note", "render_notes"]
