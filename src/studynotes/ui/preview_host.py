"""The centre of the window: renders off the GUI thread into a web view made after first paint.

QtWebEngine costs a few hundred milliseconds and a few hundred MB to start,
so the window first paints with a plain placeholder and creates the web
view right after.  Rendering runs in a worker thread; only the newest
request's result is shown.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from ..model import Note
from ..render.paged import REST_ID

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from ..render import Theme
    from ..render.paged import PagedPage

RenderJob = Callable[[], "str | PagedPage"]
PageKey = tuple[tuple[int, ...], str, int]
PAGE_CACHE_SIZE = 24
# A long page's next piece is rendered and added while the reader is within this many screens
# of the end of what is shown: all of a 10 MB chat day in the page took 1.2-2 GB.
AHEAD_SCREENS = 3
WATCH_REST_MS = 200  # how often the place of the reader is looked at while a page has more to come


class _Signals(QObject):
    done = Signal(int, str, object)  # generation, page, the pieces still to come (or None)
    piece = Signal(int, object)  # generation, the next piece of a long page (None: no more)


class _RenderTask(QRunnable):
    def __init__(self, generation: int, job: RenderJob, signals: _Signals) -> None:
        super().__init__()
        self._generation, self._job, self._signals = generation, job, signals

    def run(self) -> None:
        rest: Iterator[str] | None = None
        try:
            result = self._job()
            if isinstance(result, str):
                page = result
            else:
                page, rest = result.first, (result.rest if result.cut else None)
        except Exception as error:  # noqa: BLE001 (a renderer bug shows as a message, not a crash)
            page = error_page(
                translate("Preview", "This note could not be shown: {error}").format(error=error)
            )
        self._signals.done.emit(self._generation, page, rest)


class _PieceTask(QRunnable):
    """Renders the next piece of a long page, unless the user has moved on since it was asked for."""

    def __init__(
        self, generation: int, rest: Iterator[str], signals: _Signals, current: Callable[[], int]
    ) -> None:
        super().__init__()
        self._generation, self._rest, self._signals, self._current = generation, rest, signals, current

    def run(self) -> None:
        if self._current() != self._generation:
            self._signals.piece.emit(self._generation, "")  # nothing rendered; the worker is free
            return
        try:
            piece = next(self._rest, None)
        except Exception as error:  # noqa: BLE001 (a renderer bug shows as a message, not a crash)
            text = translate("Preview", "The rest of this page could not be shown: {error}")
            self._signals.piece.emit(self._generation, f"<p>{text.format(error=html.escape(str(error)))}</p>")
            piece = None
        self._signals.piece.emit(self._generation, piece)


def error_page(message: str) -> str:
    return f"<!doctype html><meta charset='utf-8'><body style='font-family:sans-serif'><p>{html.escape(message)}</p>"


def render_job(
    notes: list[Note], title: str, theme: Theme, font_size: int, *, through: str | None = None
) -> RenderJob:
    """A closure the worker can run: one note or several; a long page comes as its first screen
    (holding the element `through`) and pieces of the rest."""

    def job() -> PagedPage:
        from ..render.paged import render_paged

        return render_paged(notes, title=title, theme=theme, font_size=font_size, through=through)

    return job


class PreviewHost(QStackedWidget):
    """Shows HTML; forwards status clicks; scrolls to an element once the page is in."""

    toggleRequested = Signal(int)
    noteLinkRequested = Signal(str)  # see PreviewPage.noteLinkRequested
    attachmentRequested = Signal(int)  # see PreviewPage.attachmentRequested
    menuRequested = Signal(QPoint, object)  # see PreviewPane.menuRequested
    viewCreated = Signal(QWidget)

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
        self._pending_mark_scope: str | None = None
        # A change to what is shown (a status, an edit) keeps the reader's place in the page.
        self._keep_place = False
        self._signals = _Signals(self)
        self._signals.done.connect(self._rendered)
        self._signals.piece.connect(self._piece_rendered)
        self._rest: Iterator[str] | None = None  # pieces of the long page in view, still to show
        self._piece_asked = False  # the worker is rendering a piece
        self._watch_rest = QTimer(self, interval=WATCH_REST_MS)
        self._watch_rest.timeout.connect(self._check_rest)
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
        self._rest = None  # the pieces of the page before, if any, are not shown now
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
        self._rest = None  # the pieces of the page before, if any, are not shown now
        self._pending_scroll = scroll_to
        self._keep_place = False
        self._show(page)

    def scroll_to(self, element_id: str) -> None:
        if self.pane is not None:
            self.pane.scroll_to(element_id)

    def clear_marks(self) -> None:
        """The search is over: no marks left in the page."""
        if self.pane is not None:
            self.pane.mark(None, "")

    def wait_for_render(self) -> None:
        """For tests and shutdown: let the worker finish."""
        self._pool.waitForDone()

    def _rendered(self, generation: int, page: str, rest: Iterator[str] | None) -> None:
        if generation == self._generation:
            if self._pending_key is not None and rest is None:  # a long page is never kept whole
                self._cache[self._pending_key] = page
                while len(self._cache) > PAGE_CACHE_SIZE:
                    self._cache.popitem(last=False)
            self._rest = rest
            self._show(page)

    def _next_piece(self) -> None:
        """The first screen is in: the rest comes as the reader nears its end."""
        if self._rest is not None:
            self._watch_rest.start()
            self._check_rest()

    def _check_rest(self) -> None:
        if self._rest is None or self.pane is None:
            self._watch_rest.stop()
            return
        if self._piece_asked:
            return
        generation = self._generation
        self.pane.run_script(
            f"(function(){{var r=document.getElementById('{REST_ID}');if(!r)return -1;"
            "var h=Math.max(window.innerHeight,1);return (r.getBoundingClientRect().top-h)/h;})()",
            lambda screens: self._rest_is(generation, screens),
        )

    def _rest_is(self, generation: int, screens: Any) -> None:
        """How many screens below the reader the rest begins: near enough, render the next piece."""
        if generation != self._generation or self._rest is None or self._piece_asked:
            return
        if isinstance(screens, int | float) and screens < AHEAD_SCREENS:
            self._piece_asked = True
            self._pool.start(_PieceTask(generation, self._rest, self._signals, lambda: self._generation))

    def _piece_rendered(self, generation: int, piece: str | None) -> None:
        if piece != "":
            self._piece_asked = False
        if generation != self._generation or self.pane is None or piece == "":
            self._piece_asked = False
            return  # the user moved on: the rest of that page is never rendered
        if piece is None:
            self._rest = None
            self._watch_rest.stop()
            self.pane.finish_pieces()
            return
        self.pane.append_piece(piece)
        self._check_rest()  # the page may still end within reach: go on at once

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
        self._pending_mark_scope = self._pending_scroll
        if self._pending_scroll:
            # Shown at the reader's place: scroll only if the element is out of view.
            self.pane.scroll_to(self._pending_scroll, nearest=self._keep_place)
            self._pending_scroll = None
        if self._pending_find:  # the term marked where the chosen result is, not its first place
            self.pane.mark(self._pending_mark_scope, self._pending_find)
            self._pending_find = None
        self._next_piece()
