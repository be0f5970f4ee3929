"""Long pages shown a screen first: the first cells as a whole document, the rest in pieces after.

A day of a busy chat holds thousands of messages; rendering all of them (and
typesetting every formula) before showing anything took tens of seconds and
a page of tens of MB.  A long page is cut into its first screen, which is
shown at once, and pieces of the rest that the preview adds below it one by
one.  Each piece is a run of whole elements, so it can be put in place
without touching what is already shown.  Short pages are rendered whole,
exactly as `render_note` and `render_notes` do.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Note
from ..wording import translate
from . import Theme, cell_html, document, note_header

FIRST_SCREEN_CELLS = 40  # more than a tall screen shows
PIECE_CELLS = 150  # one piece: a few tens of ms of rendering
REST_ID = "page-rest"


@dataclass
class PagedPage:
    """The first screen as a whole document, and the rest as body pieces in order."""

    first: str
    rest: Iterator[str] = field(default_factory=lambda: iter(()))
    cut: bool = False  # whether anything was left for the rest


class _Item(NamedTuple):
    """A note's header (position -1) or one of its cells: a tuple, since a long chat day has
    100,000 of them and each is made before the first screen."""

    note: Note
    position: int  # the cell's position in its note; -1 for the note's header

    def element_ids(self) -> tuple[str, ...]:
        if self.position < 0:
            return (f"note-{self.note.id}",)
        cell = self.note.cells[self.position]
        ids = []
        if cell.question is not None and cell.question.id is not None:
            ids.append(f"question-{cell.question.id}")
        if cell.id is not None:
            ids.append(f"cell-{cell.id}")
        return tuple(ids)


def render_paged(
    notes: list[Note],
    *,
    title: str,
    theme: Theme = "light",
    font_size: int = 15,
    through: str | None = None,
) -> PagedPage:
    """The page of one note or several; `through` (an element id) is always in the first screen,
    so that scrolling to a question or a search result needs nothing that comes later."""
    from . import render_note, render_notes

    cells = sum(len(note.cells) for note in notes)
    if cells <= FIRST_SCREEN_CELLS + PIECE_CELLS:
        whole = (
            render_note(notes[0], theme=theme, font_size=font_size)
            if len(notes) == 1
            else render_notes(notes, title=title, theme=theme, font_size=font_size)
        )
        return PagedPage(whole)
    items = _items(notes)
    cut = _first_cut(items, through)
    heading = "" if len(notes) == 1 else f"<h1>{html.escape(title)}</h1>"
    level = 1 if len(notes) == 1 else 2
    body = heading + _piece(items[:cut], level, continued=False)
    rest = translate("Preview", "Showing the rest of this page…")
    body += f'<p id="{REST_ID}" class="page-rest">{rest}</p>'
    page_title = notes[0].title if len(notes) == 1 else title
    return PagedPage(
        document(page_title, body, theme, font_size), _pieces(items, cut, level), cut=cut < len(items)
    )


def _items(notes: list[Note]) -> list[_Item]:
    items: list[_Item] = []
    for note in notes:
        items.append(_Item(note, -1))
        items += [_Item(note, position) for position in range(len(note.cells))]
    return items


def _first_cut(items: list[_Item], through: str | None) -> int:
    """How many items the first screen holds: its share of cells, and at least up to `through`."""
    last = 0
    if through:
        last = next((i for i, item in enumerate(items) if through in item.element_ids()), 0)
    cells = 0
    for index, item in enumerate(items):
        cells += item.position >= 0
        if cells > FIRST_SCREEN_CELLS and index > last:
            return index
    return len(items)


def _pieces(items: list[_Item], start: int, level: int) -> Iterator[str]:
    """Runs of items after the first screen; rendered only when asked for, in the preview's worker."""
    while start < len(items):
        stop, cells = start, 0
        while stop < len(items) and cells < PIECE_CELLS:
            cells += items[stop].position >= 0
            stop += 1
        yield _piece(items[start:stop], level, continued=True)
        start = stop


def _piece(items: list[_Item], level: int, *, continued: bool) -> str:
    """Whole articles: a note cut between pieces goes on in an article marked as its continuation."""
    out: list[str] = []
    open_note: Note | None = None
    for item in items:
        if item.position < 0 or open_note is not item.note:
            if open_note is not None:
                out.append("</article>")
            if item.position < 0:
                out.append(f'<article class="note" id="note-{item.note.id}">{note_header(item.note, level)}')
            else:
                out.append(f'<article class="note note-continued" data-note="{item.note.id}">')
            open_note = item.note
        if item.position >= 0:
            out.append(_cell(item))
    if open_note is not None:
        out.append("</article>")
    return "".join(out)


def _cell(item: _Item) -> str:
    note = item.note
    render: Callable[[str], str] = _renderer(note)
    return cell_html(note.cells[item.position], item.position, render)


def _renderer(note: Note) -> Callable[[str], str]:
    from . import render_markdown

    def render(text: str) -> str:
        return render_markdown(text, note.attachments)

    return render
