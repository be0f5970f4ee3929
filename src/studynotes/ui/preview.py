"""The preview pane: a web view that shows rendered notes and reaches nothing outside.

No script runs in the page, no request leaves the machine: every URL that
is not the page itself or a data: image is refused, clicked web links open in
the system browser, `studynotes://toggle/<id>` links toggle a question, and
`studynotes://note/<key>` links (between imported pages) ask the window to open that note, and
`studynotes://attachment/<id>` links ask it to open a file kept with the note.
The pieces of a long page come through a web channel that only our own isolated-world
script sees (preview_pieces.py).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QWidget

from ..importers.note_links import key_of_note_link
from .preview_pieces import WINDOW_SCRIPT, PieceDelivery

DARK_BACKGROUND = "#1e1f22"  # the dark page's own (preview.css)
IDLE_COLLECT_MS = 1_500  # after the user stops moving between notes
SET_HTML_LIMIT = 1_500_000  # QWebEnginePage.setHtml refuses documents over 2 MB
ALLOWED_SCHEMES = frozenset({"data", "about", "blob"})
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def split_page(page: str) -> tuple[str, str, str] | None:
    """(frame, title, body) of a rendered page: the frame is the head and the body tag, title
    left out, so two notes with the same theme and text size share it.  None when the page
    is not one of ours (an error page)."""
    title = _TITLE.search(page)
    body_open = _BODY_OPEN.search(page)
    body_close = page.rfind("</body>")
    if title is None or body_open is None or body_close < body_open.end() or title.end() > body_open.start():
        return None
    frame = page[: title.start()] + page[title.end() : body_open.end()]
    return frame, html.unescape(title.group(1)), page[body_open.end() : body_close]


class OfflineInterceptor(QWebEngineUrlRequestInterceptor):
    """Refuses every request but data: URIs and the page's own file."""

    def __init__(self, page_file: Path) -> None:
        super().__init__()
        self._page_file = page_file
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() in ALLOWED_SCHEMES:
            return
        if url.isLocalFile() and Path(url.toLocalFile()) == self._page_file:
            return
        self.blocked.append(url.toString())
        info.block(True)


class PreviewPage(QWebEnginePage):
    toggleRequested = Signal(int)
    noteLinkRequested = Signal(str)  # the key of a `studynotes://note/…` link between imported pages
    attachmentRequested = Signal(int)  # the id of a file kept with a note (`studynotes://attachment/<id>`)

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if url.scheme() == "studynotes" and url.host() == "note":
            key = key_of_note_link(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
            if key:
                self.noteLinkRequested.emit(key)
            return False
        if url.scheme() == "studynotes" and url.host() == "attachment":
            number = url.path().strip("/")
            if number.isdigit():
                self.attachmentRequested.emit(int(number))
            return False
        if url.scheme() == "studynotes":
            ident = url.path().strip("/").rsplit("/", 1)[-1]
            if ident.isdigit():
                self.toggleRequested.emit(int(ident))
            return False
        navigation = QWebEnginePage.NavigationType
        if kind in (navigation.NavigationTypeBackForward, navigation.NavigationTypeReload):
            return False  # the preview has no history of its own: the window's selection has
        if kind == navigation.NavigationTypeLinkClicked:
            if url.scheme() in ("http", "https", "mailto"):
                QDesktopServices.openUrl(url)
            return False
        return url.scheme() in ALLOWED_SCHEMES or url.isLocalFile()


class PreviewPane(QWebEngineView):
    """Not a browser: no history, no Back/Reload/Save/View source menu; it only shows what the
    window selects.  Loads the first page of a theme and text size; later notes replace only its body.

    A page load costs about 40 ms and leaves a history entry and a document
    behind in the web engine; swapping the body in place costs a few
    milliseconds and nothing stays.  Swapped-in HTML is the same sanitised
    body a load would show, in the same document with the same
    Content-Security-Policy, and it runs no script (the page has JavaScript
    off; only our own isolated-world script does the swap).  The web engine
    collects swapped-out notes lazily (its garbage grows by a few MB a page
    when nothing asks), so once the user pauses the preview asks it to.
    """

    toggleRequested = Signal(int)
    noteLinkRequested = Signal(str)
    attachmentRequested = Signal(int)
    shown = Signal(bool)  # a page is in the DOM: loaded, or its body swapped in
    piecePut = Signal(int)  # the script putting a piece of a long page was sent: its number
    # A right click: where (global), and what is under it (a `PreviewSpot`).
    menuRequested = Signal(QPoint, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Preview"))
        # Pages over setHtml's limit go through a private file, made when first needed.
        self._page_file = (
            Path(tempfile.gettempdir()) / f"studynotes-preview-{id(self)}-{os.getpid()}" / "page.html"
        )
        # Off the record (no cache or cookies on disk); owned by the application so it outlives the page.
        self.profile = QWebEngineProfile(QApplication.instance())
        self.interceptor = OfflineInterceptor(self._page_file)
        self.profile.setUrlRequestInterceptor(self.interceptor)
        page = PreviewPage(self.profile, self)
        page.toggleRequested.connect(self.toggleRequested)
        page.noteLinkRequested.connect(self.noteLinkRequested)
        page.attachmentRequested.connect(self.attachmentRequested)
        self.setPage(page)
        # Pieces of a long page come through a web channel seen only by our isolated world.
        self.pieces = PieceDelivery(page, self.run_script)
        self.pieces.put.connect(self.piecePut)
        settings = page.settings()
        attribute = QWebEngineSettings.WebAttribute
        settings.setAttribute(attribute.JavascriptEnabled, False)
        settings.setAttribute(attribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(attribute.LocalContentCanAccessFileUrls, False)
        settings.setAttribute(attribute.PluginsEnabled, False)
        settings.setAttribute(attribute.AutoLoadImages, True)
        settings.setAttribute(attribute.DnsPrefetchEnabled, False)
        self.setAcceptDrops(False)
        # The window builds the menu (copy, and a card's actions), never the browser's own.
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self._frame: str | None = None  # the head and body tag of the document in the view
        self._loading = False
        self._restore_ratio: float | None = None  # how far down the last page was, for the next load
        self.loadFinished.connect(self._load_finished)
        self._collector = QTimer(self, singleShot=True, interval=IDLE_COLLECT_MS)
        self._collector.timeout.connect(self.collect_garbage)
        self.shown.connect(self._collector.start)

    def set_html(self, page: str, *, keep_scroll: bool = False) -> None:
        """Show a page; keep_scroll keeps the reader's place (as far down, after a whole new page)."""
        parts = split_page(page)
        data = page.encode("utf-8")
        if parts is not None and parts[0] == self._frame and not self._loading and len(data) < SET_HTML_LIMIT:
            self.pieces.new_document(loading=False)
            self._swap_body(parts[1], parts[2], keep_scroll=keep_scroll)
            return
        self.pieces.new_document(loading=True)
        if not keep_scroll:
            self._restore_ratio = None
        elif not self._loading:  # else a page still loading keeps the place it was asked to restore
            height = self.page().contentsSize().height()
            self._restore_ratio = self.page().scrollPosition().y() / height if height > 0 else None
        self._frame = parts[0] if parts is not None else None
        # The view's own colour shows until the page paints: dark in the dark theme, never a white flash.
        dark = "color-scheme:dark" in page[:200]
        self.page().setBackgroundColor(QColor(DARK_BACKGROUND if dark else "#ffffff"))
        self._loading = True
        if len(data) < SET_HTML_LIMIT:
            self.setHtml(page, QUrl("about:blank"))
        else:  # large notes (many images) go through a private file
            if not self._page_file.parent.exists():
                self._page_file.parent.mkdir(mode=0o700)
                weakref.finalize(self, shutil.rmtree, self._page_file.parent, True)
            self._page_file.write_bytes(data)
            self.load(QUrl.fromLocalFile(str(self._page_file)))

    def _swap_body(self, title: str, body: str, *, keep_scroll: bool = False) -> None:
        # Keeping the place in a long page, its new empty pieces take the heights the same
        # pieces had, so what the reader sees stays where it was.
        script = (
            "(function(){var x=window.scrollX,y=window.scrollY,kept={};"
            f"{_KEEP_HEIGHTS if keep_scroll else ''}"
            f"document.title={json.dumps(title)};document.body.innerHTML={json.dumps(body)};"
            f"{_GIVE_HEIGHTS if keep_scroll else ''}"
            f"{'window.scrollTo(x,y)' if keep_scroll else 'window.scrollTo(0,0)'};return true;}})()"
        )
        self.run_script(script, lambda done: self.shown.emit(bool(done)))

    def _load_finished(self, ok: bool) -> None:
        if not self._loading:
            # A refused navigation (a status click, a web link opened outside) reports a failed
            # load, but the page in the view is still ours and nothing new is in the DOM.
            return
        self._loading = False
        self.history().clear()  # nothing to go back to: moving between notes is the window's
        if not ok:
            self._frame = None  # whatever is in the view now, it is not the frame we asked for
        else:
            self.pieces.connect_page()
        if ok and self._restore_ratio:
            self.run_script(
                f"window.scrollTo(0,{self._restore_ratio:.6f}*document.documentElement.scrollHeight)"
            )
        self._restore_ratio = None
        self.shown.emit(ok)

    def run_script(self, script: str, callback: Callable[[Any], None] | None = None) -> None:
        """Run our own script in the isolated world (the page itself runs none)."""
        world = QWebEngineScript.ScriptWorldId.ApplicationWorld
        if callback is None:
            self.page().runJavaScript(script, world)
        else:
            self.page().runJavaScript(script, world, callback)

    def collect_garbage(self) -> None:
        """Ask the web engine to free what the page no longer holds (notes swapped out, pieces
        emptied); `gc` is exposed to our isolated world only (see app.py)."""
        self.run_script("if(typeof gc==='function'){gc();}")

    def put_piece(self, number: int, piece: str) -> None:
        """Render a piece of a long page into its empty block (the same sanitised HTML a load
        shows); a block already showing its piece is left as it is.  `piecePut` says when
        scripts run after this one see it."""
        self.pieces.send(number, piece)

    def look_at_pieces(
        self, ahead: float, keep: float, tag: int, answer: Callable[[list[int]], None]
    ) -> None:
        """Empty the pieces of a long page further than `keep` screens from the view (at their
        height), and answer the empty ones within `ahead` screens, nearest first.  `tag` names
        the page (its pieces are looked at afresh when it changes)."""

        def parse(found: Any) -> None:
            try:
                numbers = json.loads(found) if isinstance(found, str) and found else []
            except ValueError:
                numbers = []
            answer([n for n in numbers if isinstance(n, int)] if isinstance(numbers, list) else [])

        self.run_script(f"{WINDOW_SCRIPT}({ahead},{keep},{tag})", parse)

    def scroll_to(
        self, element_id: str, *, nearest: bool = False, found: Callable[[bool], None] | None = None
    ) -> None:
        """Centre the element, or (nearest) scroll only as far as needed to bring it into view;
        `found` hears whether the element was in the page."""
        block = "nearest" if nearest else "center"
        self.run_script(
            f"(function(){{var e=document.getElementById({json.dumps(element_id)});"
            f"if(e){{e.scrollIntoView({{block:'{block}'}});return true;}}return false;}})()",
            None if found is None else (lambda answer: found(answer is True)),
        )

    def _context_menu(self, position: QPoint) -> None:
        request = self.lastContextMenuRequest()
        selected = request.selectedText() if request is not None else ""
        where = self.mapToGlobal(position)
        zoom = self.zoomFactor() or 1.0
        self.run_script(
            f"{_SPOT_SCRIPT}({position.x() / zoom:.1f},{position.y() / zoom:.1f})",
            lambda found: self.menuRequested.emit(where, PreviewSpot.of(found, selected)),
        )

    def mark(self, element_id: str | None, term: str) -> None:
        """Mark the term where it occurs in the element (the whole page when None) and bring it
        into view; an empty term removes the marks."""
        self.run_script(mark_script(element_id, term))


@dataclass(frozen=True)
class PreviewSpot:
    """What a right click landed on: a question card, or a paragraph or list item of a text cell."""

    question_id: int = 0
    cell_id: int = 0  # the text cell of the paragraph (0: none)
    paragraph: str = ""  # the paragraph's or item's text as shown
    selected: str = ""

    @classmethod
    def of(cls, found: Any, selected: str) -> PreviewSpot:
        """From the script's answer: JSON text (an object would cross from the page as '')."""
        try:
            values = json.loads(found) if isinstance(found, str) and found else {}
        except ValueError:
            values = {}
        if not isinstance(values, dict):
            values = {}
        return cls(
            int(values.get("question") or 0),
            int(values.get("cell") or 0),
            str(values.get("text") or ""),
            selected,
        )


# Our own script (isolated world): the card under the point, else the paragraph or list item
# of a text cell (an item's own words, without the items nested in it).
_SPOT_SCRIPT = """(function(x, y){
var e=document.elementFromPoint(x,y);if(!e)return '';
var card=e.closest('section.question');
if(card)return JSON.stringify({question:parseInt(card.id.replace('question-',''),10)||0});
var cell=e.closest('div.cell[id^="cell-"]'),block=e.closest('li, p');
if(!cell||!block||!cell.contains(block))return '';
var own=block.cloneNode(true),nested=own.querySelectorAll('ul, ol');
for(var i=0;i<nested.length;i++)nested[i].remove();
return JSON.stringify({cell:parseInt(cell.id.replace('cell-',''),10)||0,text:own.textContent});})"""

# Our own script (isolated world): unwrap earlier marks, then wrap the first occurrence of the
# term inside the chosen element, case-insensitively, in <mark class="find-mark">.
_MARK_SCRIPT = """(function(scopeId, term){
var old=document.querySelectorAll('mark.find-mark');
for(var i=0;i<old.length;i++){var m=old[i],p=m.parentNode;while(m.firstChild)p.insertBefore(m.firstChild,m);p.removeChild(m);p.normalize();}
if(!term)return 0;
var scope=(scopeId&&document.getElementById(scopeId))||document.body;
var needle=term.toLocaleLowerCase(),walker=document.createTreeWalker(scope,NodeFilter.SHOW_TEXT),node;
while((node=walker.nextNode())){
 var at=node.data.toLocaleLowerCase().indexOf(needle);
 if(at<0)continue;
 var range=document.createRange();range.setStart(node,at);range.setEnd(node,at+term.length);
 var mark=document.createElement('mark');mark.className='find-mark';range.surroundContents(mark);
 mark.scrollIntoView({block:'center'});return 1;}
return 0;})"""


def mark_script(element_id: str | None, term: str) -> str:
    return f"{_MARK_SCRIPT}({json.dumps(element_id)},{json.dumps(term)})"


# Parts of the body swap (isolated world): the height of each piece of a long page, by its id and
# number of cells, given back to the same pieces of the new body where they are empty.
_KEEP_HEIGHTS = """var old=document.querySelectorAll('body > div.page-piece');
for(var i=0;i<old.length;i++){kept[old[i].id+'/'+old[i].dataset.cells]=old[i].getBoundingClientRect().height;}"""
_GIVE_HEIGHTS = """var now=document.querySelectorAll('body > div.page-piece.piece-empty');
for(var j=0;j<now.length;j++){var k=kept[now[j].id+'/'+now[j].dataset.cells];
 if(k!==undefined){now[j].style.height=k+'px';now[j].dataset.measured='1';}}"""
