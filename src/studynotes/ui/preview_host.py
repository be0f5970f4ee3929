"""The centre of the window: renders off the GUI thread into a web view made after first paint.

QtWebEngine costs a few hundred milliseconds and a few hundred MB to start,
so the window first paints with a plain placeholder and creates the web
view right after.  Rendering runs in a worker thread; only the newest
request's result is shown.
"""

from __future__ import annotations

import html
import sys
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from ..model import Note
from ..render.paged import PagedPage

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from ..render import Theme

RenderJob = Callable[[], "str | PagedPage"]
PageKey = tuple[tuple[int, ...], str, int]
PAGE_CACHE_SIZE = 24
# A long page's empty piece is rendered while the reader is within this many screens of it,
# and a shown piece is emptied (at its height) once the reader is further than KEEP_SCREENS
# from it: all of a 20 MB chat in the page took 2 GB.
AHEAD_SCREENS = 2
KEEP_SCREENS = 5
# The web engine is asked to let go of the pieces emptied (and of the strings a piece came in)
# after every piece put: left to itself it collects them late, and a reader going on through a
# long note kept hundreds of MB.  Every piece rather than every fourth: 20 MB less at the
# highest, for a collection of 35-90 ms in the renderer per piece (on a machine loaded 8x).
COLLECT_EVERY_PIECES = 1
WATCH_PIECES_MS = 200  # how often the place of the reader is looked at while a long page is shown


class _Signals(QObject):
    done = Signal(int, str, object)  # generation, page, the long page it is the start of (or None)
    piece = Signal(int, int, object)  # generation, piece number, its HTML (None: not rendered)
    located = Signal(int, str, int, object)  # generation, element id, its piece (-1: none), HTML


class _RenderTask(QRunnable):
    def __init__(self, generation: int, job: RenderJob, signals: _Signals) -> None:
        super().__init__()
        self._generation, self._job, self._signals = generation, job, signals

    def run(self) -> None:
        paged: PagedPage | None = None
        try:
            result = self._job()
            if isinstance(result, str):
                page = result
            else:
                page, paged = result.first, (result if result.cut else None)
        except Exception as error:  # noqa: BLE001 (a renderer bug shows as a message, not a crash)
            page = error_page(
                translate("Preview", "This note could not be shown: {error}").format(error=error)
            )
        self._signals.done.emit(self._generation, page, paged)


def _piece_html(paged: PagedPage, number: int) -> str:
    try:
        return paged.piece(number)
    except Exception as error:  # noqa: BLE001 (a renderer bug shows as a message, not a crash)
        text = translate("Preview", "This part of the page could not be shown: {error}")
        return f"<p>{text.format(error=html.escape(str(error)))}</p>"


class _PieceTask(QRunnable):
    """Renders a piece of a long page, unless the user has moved on since it was asked for."""

    def __init__(
        self,
        generation: int,
        paged: PagedPage,
        number: int,
        signals: _Signals,
        current: Callable[[], int],
    ) -> None:
        super().__init__()
        self._generation, self._paged, self._number = generation, paged, number
        self._signals, self._current = signals, current

    def run(self) -> None:
        if self._current() != self._generation:
            self._signals.piece.emit(self._generation, self._number, None)  # the worker is free
            return
        self._signals.piece.emit(self._generation, self._number, _piece_html(self._paged, self._number))


class _LocateTask(QRunnable):
    """Finds the piece of a long page that holds an element (reading its cells as far as it),
    and renders it, so that a question or a result far from the view can be shown."""

    def __init__(
        self,
        generation: int,
        paged: PagedPage,
        element_id: str,
        signals: _Signals,
        current: Callable[[], int],
    ) -> None:
        super().__init__()
        self._generation, self._paged, self._element_id = generation, paged, element_id
        self._signals, self._current = signals, current

    def run(self) -> None:
        number: int | None = None
        if self._current() == self._generation:
            try:
                number = self._paged.piece_of(self._element_id)
            except Exception:  # noqa: BLE001 (a note changed meanwhile: nothing to scroll to)
                number = None
        piece = _piece_html(self._paged, number) if number is not None else None
        self._signals.located.emit(
            self._generation, self._element_id, -1 if number is None else number, piece
        )


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # with the first page rendered, not to show the window

    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def give_back_freed_memory() -> None:
    """Hand the C heap's free pages back to the system (glibc): the strings of the pieces
    rendered in the worker are freed into its thread's arena, which keeps them otherwise."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def error_page(message: str) -> str:
    return f"<!doctype html><meta charset='utf-8'><body style='font-family:sans-serif'><p>{html.escape(message)}</p>"


def render_job(
    notes: list[Note], title: str, theme: Theme, font_size: int, *, through: str | None = None
) -> RenderJob:
    """A closure the worker can run: one note or several; a long page comes as its first screen
    (and the piece holding the element `through`), its other pieces rendered when asked for."""

    def job() -> PagedPage:
        from ..render.paged import render_paged

        return render_paged(notes, title=title, theme=theme, font_size=font_size, through=through)

    return job


class PreviewHost(QStackedWidget):
    """Shows HTML; forwards status clicks; scrolls to an element once the page is in.

    A long page keeps a window of pieces: those near the reader are rendered (in the worker)
    and put in, those far away emptied at their height; an element asked for in an empty
    piece is rendered first, then scrolled to."""

    toggleRequested = Signal(int)
    noteLinkRequested = Signal(str)  # see PreviewPage.noteLinkRequested
    attachmentRequested = Signal(int)  # see PreviewPage.attachmentRequested
    menuRequested = Signal(QPoint, object)  # see PreviewPane.menuRequested
    viewCreated = Signal(QWidget)
    pieceShown = Signal(int, int)  # a piece of a long page was put in: its number, the page's pieces

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = QLabel(translate("Preview", "Loading preview…"))
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self._placeholder)
        self.pane: Any = None
        self._generation = 0
        self._pending_html: str | None = None
        self._pending_scroll: str | None = None
        self._pending_find: str | None = None
        # A change to what is shown (a status, an edit) keeps the reader's place in the page.
        self._keep_place = False
        self._signals = _Signals(self)
        self._signals.done.connect(self._rendered)
        self._signals.piece.connect(self._piece_rendered)
        self._signals.located.connect(self._located)
        self._paged: PagedPage | None = None  # the long page in view, whose pieces come and go
        self._paged_pending: PagedPage | None = None  # the long page about to be shown
        self._piece_asked = False  # the worker is rendering a piece
        self._putting: int | None = None  # a piece on its way into the page (its number)
        # The piece of an element to reach (and the reach: element, nearest, term), on its way in.
        self._locating: tuple[int, tuple[str, bool, str | None]] | None = None
        self._pieces_put = 0
        # An element to scroll to (nearest, the term to mark) once its piece is located and in.
        self._reach_later: tuple[str, bool, str | None] | None = None
        self._watch_pieces = QTimer(self, interval=WATCH_PIECES_MS)
        self._watch_pieces.timeout.connect(self._check_pieces)
        self._shown_generation = 0  # the request whose page was last handed to the web view
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.last_html = ""
        # Pages already rendered, by (note ids, theme, text size): revisiting a note costs a page load.
        self._cache: OrderedDict[PageKey, str] = OrderedDict()
        self._pending_key: PageKey | None = None

    def create_web_view(self) -> None:
        """Called once, after the window's first paint."""
        if self.pane is not None:
            return
        from .preview import PreviewPane

        self.pane = PreviewPane(self)
        self.pane.toggleRequested.connect(self.toggleRequested)
        self.pane.noteLinkRequested.connect(self.noteLinkRequested)
        self.pane.attachmentRequested.connect(self.attachmentRequested)
        self.pane.menuRequested.connect(self.menuRequested)
        self.pane.shown.connect(self._loaded)
        self.pane.piecePut.connect(self._piece_in)
        self.addWidget(self.pane)
        if self.currentWidget() is self._placeholder:  # not over the welcome page of an empty library
            self.setCurrentWidget(self.pane)
        self.viewCreated.emit(self.pane)
        if self._pending_html is not None:
            self._show(self._pending_html)

    def show_view(self) -> None:
        """Bring the preview (or its placeholder while the web view loads) to the front."""
        self.setCurrentWidget(self.pane if self.pane is not None else self._placeholder)

    def render(  # type: ignore[override]
        self,
        job: RenderJob,
        *,
        scroll_to: str | None = None,
        find: str | None = None,
        key: PageKey | None = None,
        keep_place: bool = False,
    ) -> None:
        """Show a rendered page; keep_place keeps the scroll and brings scroll_to just into view."""
        self._generation += 1
        self._forget_pieces()  # the pieces of the page before, if any, are not shown now
        self._pending_scroll, self._pending_find = scroll_to, find
        self._keep_place = keep_place
        if key is not None and key in self._cache:
            self._cache.move_to_end(key)
            self._show(self._cache[key])
            return
        self._pending_key = key
        self._pool.start(_RenderTask(self._generation, job, self._signals))

    def forget(self, note_id: int | None = None) -> None:
        """Drop cached pages showing a note (all pages when None), after it changed."""
        for key in [k for k in self._cache if note_id is None or note_id in k[0]]:
            del self._cache[key]

    def show_html(self, page: str, *, scroll_to: str | None = None) -> None:
        self._generation += 1
        self._forget_pieces()
        self._pending_scroll = scroll_to
        self._keep_place = False
        self._show(page)

    def scroll_to(self, element_id: str, *, nearest: bool = False) -> None:
        """Centre an element (nearest: scroll only as far as needed to show it); one in an
        empty piece of a long page is rendered first."""
        if self.pane is not None:
            self._reach(element_id, nearest=nearest, find=None)

    def clear_marks(self) -> None:
        """The search is over: no marks left in the page."""
        if self.pane is not None:
            self.pane.mark(None, "")

    def wait_for_render(self) -> None:
        """For tests and shutdown: let the worker finish."""
        self._pool.waitForDone()

    def _forget_pieces(self) -> None:
        self._paged = self._paged_pending = None
        self._putting = self._locating = None
        self._watch_pieces.stop()

    def _rendered(self, generation: int, page: str, paged: PagedPage | None) -> None:
        if generation == self._generation:
            if self._pending_key is not None and paged is None:  # a long page is never kept whole
                self._cache[self._pending_key] = page
                while len(self._cache) > PAGE_CACHE_SIZE:
                    self._cache.popitem(last=False)
            self._paged_pending = paged
            self._show(page)

    def _reach(self, element_id: str, *, nearest: bool, find: str | None, locate: bool = True) -> None:
        """Scroll to the element and mark the term in it; in an empty piece, render that first
        (`locate`: once; an element its piece does not show, such as an empty cell, is let be)."""
        generation = self._generation
        self.pane.scroll_to(
            element_id,
            nearest=nearest,
            found=lambda found: self._reached(generation, element_id, found or not locate, nearest, find),
        )
        if find:  # the term marked where the chosen result is, not its first place
            self.pane.mark(element_id, find)

    def _reached(
        self, generation: int, element_id: str, found: bool, nearest: bool, find: str | None
    ) -> None:
        if found or generation != self._generation or self._paged is None:
            return
        self._reach_later = (element_id, nearest, find)
        self._pool.start(
            _LocateTask(generation, self._paged, element_id, self._signals, lambda: self._generation)
        )

    def _located(self, generation: int, element_id: str, number: int, piece: str | None) -> None:
        wanted = self._reach_later
        if generation != self._generation or self.pane is None or wanted is None or wanted[0] != element_id:
            return
        self._reach_later = None
        if piece is None or self._paged is None:
            return  # not in this page
        self._locating = (number, wanted)
        self.pane.put_piece(number, piece)

    def _check_pieces(self) -> None:
        if self._paged is None or self.pane is None:
            self._watch_pieces.stop()
            return
        if self._piece_asked or self._putting is not None:
            return
        generation = self._generation
        self.pane.look_at_pieces(
            AHEAD_SCREENS, KEEP_SCREENS, generation, lambda need: self._pieces_needed(generation, need)
        )

    def _pieces_needed(self, generation: int, need: list[int]) -> None:
        """The empty pieces near the reader, nearest first: render the nearest."""
        if (
            generation != self._generation
            or self._paged is None
            or self._piece_asked
            or self._putting is not None
            or not need
        ):
            return
        if not 0 <= need[0] < self._paged.pieces:
            return
        self._piece_asked = True
        self._pool.start(
            _PieceTask(generation, self._paged, need[0], self._signals, lambda: self._generation)
        )

    def _piece_rendered(self, generation: int, number: int, piece: str | None) -> None:
        self._piece_asked = False
        if generation != self._generation or self.pane is None or self._paged is None or piece is None:
            return  # the user moved on: the pieces of that page are never rendered
        self._putting = number
        self.pane.put_piece(number, piece)

    def _piece_in(self, number: int) -> None:
        """A piece is in the page for the scripts sent from now on: scroll to the element it
        was located for, or go on with the pieces near the reader."""
        if self._paged is None or self.pane is None:
            return
        self.pieceShown.emit(number, self._paged.pieces)
        if self._locating is not None and self._locating[0] == number:
            (element_id, nearest, find), self._locating = self._locating[1], None
            self._reach(element_id, nearest=nearest, find=find, locate=False)
        if number != self._putting:
            return
        self._putting = None
        self._pieces_put += 1
        if self._pieces_put % COLLECT_EVERY_PIECES == 0:
            self.pane.collect_garbage()
            self._pool.start(give_back_freed_memory)  # in the worker: it can take tens of ms
        self._check_pieces()  # another may be within reach: go on at once

    def _show(self, page: str) -> None:
        self.last_html = page
        self._shown_generation = self._generation
        if self.pane is None:
            self._pending_html = page
            return
        self._pending_html = None
        self.pane.set_html(page, keep_scroll=self._keep_place)

    def _loaded(self, ok: bool) -> None:
        if self._shown_generation != self._generation:
            # An earlier page finished loading while the page asked for since is still being
            # rendered: the scroll and the mark wait for that one.
            return
        self._paged, self._paged_pending = self._paged_pending, None
        if self._paged is not None:
            for number in self._paged.shown:
                self.pieceShown.emit(number, self._paged.pieces)
        if self._pending_scroll:
            # Shown at the reader's place: scroll only if the element is out of view.
            self._reach(self._pending_scroll, nearest=self._keep_place, find=self._pending_find)
        elif self._pending_find:
            self.pane.mark(None, self._pending_find)
        self._pending_scroll = self._pending_find = None
        if self._paged is not None:
            self._watch_pieces.start()
            self._check_pieces()
