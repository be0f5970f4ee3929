"""Long pages shown a screen at a time: the page holds every piece, most of them empty.

A day of a busy chat holds thousands of messages; rendering all of them (and
typesetting every formula) before showing anything took tens of seconds and
a page of tens of MB, and a web page that kept every piece the reader had
passed grew by gigabytes.  A long page is cut into pieces of whole cells: the
first screen (and the piece of an element asked for) are rendered at once,
and every other piece starts as an empty block of about its height.  The
preview renders a piece when the reader comes near it and empties it again,
at its measured height, when the reader is far from it, so the page keeps
its length and the reader's place while holding only what is near the view.
Short pages are rendered whole, exactly as `render_note` and `render_notes` do.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Note
from . import Theme, cell_html, document, note_header

FIRST_SCREEN_CELLS = 40  # more than a tall screen shows
PIECE_CELLS = 50  # one piece: a few screens, tens of ms of rendering
PIECE_ID = "page-piece-"  # the id of a piece's block is this and its number
# The height an empty piece not yet rendered takes per cell, in em, until the preview has
# measured pieces of the page (a chat message with its card is about this tall).
ESTIMATE_EM_PER_CELL = 8.0


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


@dataclass
class PagedPage:
    """A page as its first document and the pieces it is cut into, rendered on demand.

    A short page is `first` alone (`cut` is False).  A long one is a document holding a block
    for every piece (`PIECE_ID` and its number): those in `shown` rendered, the others empty;
    `piece(n)` renders the inside of block n, the same HTML whenever asked."""

    first: str
    cut: bool = False
    shown: tuple[int, ...] = ()
    _items: list[_Item] = field(default_factory=list)
    _bounds: list[int] = field(default_factory=list)  # piece n holds items[bounds[n]:bounds[n + 1]]
    _level: int = 1

    @property
    def pieces(self) -> int:
        return max(len(self._bounds) - 1, 0)

    def piece(self, number: int) -> str:
        """The inside of piece `number`'s block: whole articles, a note cut between pieces going
        on in an article marked as its continuation."""
        start, stop = self._bounds[number], self._bounds[number + 1]
        return _piece(self._items[start:stop], self._level, continued=number > 0)

    def piece_of(self, element_id: str) -> int | None:
        """The piece holding an element (a note, question or cell id); None when none does.
        Reads the cells up to it: in the preview's worker."""
        for index, item in enumerate(self._items):
            if element_id in item.element_ids():
                return bisect_right(self._bounds, index) - 1
        return None

    @property
    def rest(self) -> Iterator[str]:
        """The inside of every piece the first document leaves empty, in order."""
        return (self.piece(n) for n in range(self.pieces) if n not in self.shown)


def render_paged(
    notes: list[Note],
    *,
    title: str,
    theme: Theme = "light",
    font_size: int = 15,
    through: str | None = None,
) -> PagedPage:
    """The page of one note or several; `through` (an element id) is always rendered in the
    first document, so that scrolling to a question or a search result is possible at once."""
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
    bounds = _bounds(items)
    level = 1 if len(notes) == 1 else 2
    page = PagedPage("", cut=True, _items=items, _bounds=bounds, _level=level)
    target = page.piece_of(through) if through else None
    page.shown = (0,) if not target else (target,)
    blocks = ["" if len(notes) == 1 else f"<h1>{html.escape(title)}</h1>"]
    for number in range(page.pieces):
        count = sum(item.position >= 0 for item in items[bounds[number] : bounds[number + 1]])
        if number in page.shown:
            blocks.append(
                f'<div class="page-piece" id="{PIECE_ID}{number}" data-cells="{count}">'
                f"{page.piece(number)}</div>"
            )
        else:
            blocks.append(
                f'<div class="page-piece piece-empty" id="{PIECE_ID}{number}" data-cells="{count}" '
                f'style="height:{count * ESTIMATE_EM_PER_CELL:g}em"></div>'
            )
    page_title = notes[0].title if len(notes) == 1 else title
    page.first = document(page_title, "".join(blocks), theme, font_size)
    return page


def _items(notes: list[Note]) -> list[_Item]:
    items: list[_Item] = []
    for note in notes:
        items.append(_Item(note, -1))
        items += [_Item(note, position) for position in range(len(note.cells))]
    return items


def _bounds(items: list[_Item]) -> list[int]:
    """Where each piece starts, and the end: the first screen's share of cells, then runs of
    PIECE_CELLS.  Counted from positions alone, so no cell is read."""
    bounds, cells, limit = [0], 0, FIRST_SCREEN_CELLS
    for index, item in enumerate(items):
        if item.position >= 0:
            if cells == limit:
                bounds.append(index)
                cells, limit = 0, PIECE_CELLS
            cells += 1
    bounds.append(len(items))
    return bounds


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
