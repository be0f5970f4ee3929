"""The pieces of a long page going into the preview: handed over through a web channel.

A piece is a few hundred KB of HTML (a 20 MB chat day's formulas are most of it).  Sent as a
string literal inside a script, every piece left its script source (the HTML, escaped) in the
web engine's renderer: reading the 20 MB week to its end grew the renderer by 200 MB and more,
long after the pieces had left the page.  Through a QWebChannel the HTML arrives as a message
that our own script, in the isolated world, keeps as a string under a ticket; a short script
then puts the piece, in order with every other script the view runs (scrolling, marking).

Only our isolated world sees the channel (the page itself runs no script), and the object it
sees hands over strings and hears two answers: nothing in it reads or changes the library.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable

from PySide6.QtCore import QFile, QIODevice, QObject, QTimer, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

from ..render.paged import PIECE_ID

WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
# A piece whose handing over is not answered in this time (a channel that never came up) is
# put by a script carrying it, as before the channel.
ANSWER_WAIT_MS = 10_000
_STASH = "window.__studynotesStash"


class _Bridge(QObject):
    """What our script in the page sees: pieces handed over, and its two answers."""

    piece = Signal(int, str)  # a ticket, the piece's HTML: kept by the page until put

    def __init__(self, kept: Callable[[int], None], ready: Callable[[], None]) -> None:
        super().__init__()
        self._kept_answer, self._ready_answer = kept, ready

    @Slot(int)
    def kept(self, ticket: int) -> None:
        self._kept_answer(ticket)

    @Slot()
    def ready(self) -> None:
        self._ready_answer()


def _bootstrap() -> str:
    """Qt's own qwebchannel.js (from Qt's resources, no network) and the keeping of pieces."""
    source = QFile(":/qtwebchannel/qwebchannel.js")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        return ""
    library = bytes(source.readAll().data()).decode("utf-8")
    source.close()
    return (
        "(function(){if(window.__studynotesChannel||typeof qt==='undefined'||!qt.webChannelTransport)return;"
        f"window.__studynotesChannel=true;\n{library}\n;"
        "new QWebChannel(qt.webChannelTransport,function(channel){var p=channel.objects.pieces;"
        f"{_STASH}={{}};p.piece.connect(function(ticket,html){{{_STASH}[ticket]=html;p.kept(ticket);}});"
        "p.ready();});})()"
    )


class PieceDelivery(QObject):
    """Puts pieces of a long page into the view's document; `put` says when the script that
    puts one has been sent, so that scripts sent after it see the piece in the page."""

    put = Signal(int)  # the piece's number

    def __init__(self, page: QWebEnginePage, run_script: Callable[[str], None]) -> None:
        super().__init__(page)
        self._run = run_script
        self._bridge = _Bridge(self._kept, self._ready_now)
        self._channel = QWebChannel(self)
        self._channel.registerObject("pieces", self._bridge)
        self._bootstrap = _bootstrap()
        if self._bootstrap:
            page.setWebChannel(self._channel, WORLD)
        self._ready = False
        self._document = 0  # counts the documents and bodies shown: a piece is for one of them
        self._tickets = itertools.count(1)
        self._waiting: dict[int, tuple[int, int, str]] = {}  # ticket -> (document, number, HTML)
        self.through_channel = 0  # pieces put after coming through the channel

    def connect_page(self) -> None:
        """A document has loaded: our script in it connects to the channel (once), and says
        when it is ready.  (A user script injected at load was skipped now and then.)"""
        if self._bootstrap:
            self._run(self._bootstrap)

    def new_document(self, *, loading: bool) -> None:
        """Another body is going in (`loading`: a new document, whose script connects anew):
        pieces still on their way are for the one before, and are dropped when they arrive."""
        self._document += 1
        self._waiting.clear()
        if loading:
            self._ready = False

    def send(self, number: int, piece: str) -> None:
        """Put the piece into its empty block (a block already showing it is left as it is)."""
        if not self.ready:
            self._put_literal(number, piece)
            return
        ticket = next(self._tickets)
        self._waiting[ticket] = (self._document, number, piece)
        self._bridge.piece.emit(ticket, piece)
        QTimer.singleShot(ANSWER_WAIT_MS, self, lambda: self._unanswered(ticket))

    @property
    def ready(self) -> bool:
        """Our script in the document in view has connected: pieces go through the channel."""
        return bool(self._bootstrap) and self._ready

    def _ready_now(self) -> None:
        self._ready = True

    def _kept(self, ticket: int) -> None:
        waiting = self._waiting.pop(ticket, None)
        if waiting is None or waiting[0] != self._document:
            self._run(f"delete {_STASH}[{ticket}]")  # for a body no longer shown
            return
        number = waiting[1]
        self._run(
            f"(function(n,t){{var s={_STASH}||{{}},piece=s[t];delete s[t];"
            f"return piece===undefined?false:{PUT_PIECE_SCRIPT}(n,piece);}})({number},{ticket})"
        )
        self.through_channel += 1
        self.put.emit(number)

    def _unanswered(self, ticket: int) -> None:
        waiting = self._waiting.pop(ticket, None)
        if waiting is not None and waiting[0] == self._document:
            self._put_literal(waiting[1], waiting[2])

    def _put_literal(self, number: int, piece: str) -> None:
        self._run(f"{PUT_PIECE_SCRIPT}({number},{json.dumps(piece)})")
        self.put.emit(number)


# Part of the scripts below: the piece of a long page the reader sees (the first shown piece in
# the view; else the first reaching into it or below it), and its top.  Whatever changes height
# above it, it stays where it is on the screen: the page does its own anchoring (the web
# engine's is off for pieces, preview.css), since a piece put in or resized above the reader
# must not move what the reader sees.
_ANCHOR = """var anchor=null,anchorTop=0;
for(var a=0;a<blocks.length;a++){var ar=blocks[a].getBoundingClientRect();
 if(ar.top>=window.innerHeight)break;
 if(ar.bottom>0&&!blocks[a].classList.contains('piece-empty')){anchor=blocks[a];anchorTop=ar.top;break;}}
if(!anchor)for(a=0;a<blocks.length;a++){ar=blocks[a].getBoundingClientRect();
 if(ar.bottom>0){anchor=blocks[a];anchorTop=ar.top;break;}}"""
_KEEP_ANCHOR = """if(anchor){var moved=anchor.getBoundingClientRect().top-anchorTop;if(moved)window.scrollBy(0,moved);}"""

# Our own script (isolated world): fill an empty block of a long page with its piece.  A reader
# at the end of the page (End, Ctrl+End) stays at its end, however tall the last piece is.
PUT_PIECE_SCRIPT = f"""(function(n, piece){{
var b=document.getElementById('{PIECE_ID}'+n);
if(!b||!b.classList.contains('piece-empty'))return false;
var root=document.documentElement,end=window.scrollY>0&&window.scrollY+window.innerHeight>=root.scrollHeight-2;
var blocks=document.querySelectorAll('body > div.page-piece');
{_ANCHOR}
b.innerHTML=piece;b.classList.remove('piece-empty');b.style.height='';
if(end)window.scrollTo(window.scrollX,root.scrollHeight);else{{{_KEEP_ANCHOR}}}
return true;}})"""

# Our own script (isolated world): the window of a long page.  A shown piece further than `keep`
# screens from the view is emptied at its measured height (so nothing on the page moves); the
# empty pieces never shown take the height per cell of those measured; the answer is the
# empty pieces within `ahead` screens, nearest first.  Nothing to do and nothing moved since
# the last look: answered at once.
WINDOW_SCRIPT = f"""(function(ahead, keep, tag){{
var blocks=document.querySelectorAll('body > div.page-piece');if(!blocks.length)return '[]';
var h=Math.max(window.innerHeight,1),shown=0,i,b,r,rects=[],height=0,cells=0;
for(i=0;i<blocks.length;i++){{if(!blocks[i].classList.contains('piece-empty'))shown++;}}
var key=[tag,window.scrollY,h,document.body.scrollHeight,blocks.length,shown].join(',');
if(window.__studynotesPieces===key)return '[]';
{_ANCHOR}
for(i=0;i<blocks.length;i++){{b=blocks[i];r=b.getBoundingClientRect();rects.push(r);
 if(!b.classList.contains('piece-empty')||b.dataset.measured){{height+=r.height;cells+=(+b.dataset.cells||0);}}}}
var need=[];
for(i=0;i<blocks.length;i++){{b=blocks[i];r=rects[i];
 var away=r.bottom<0?-r.bottom:(r.top>h?r.top-h:0),n=parseInt(b.id.slice(b.id.lastIndexOf('-')+1),10);
 if(b.classList.contains('piece-empty')){{if(away<ahead*h)need.push([away,n]);}}
 else if(away>keep*h){{b.style.height=r.height+'px';b.replaceChildren();b.classList.add('piece-empty');b.dataset.measured='1';}}}}
if(cells>0){{var per=height/cells;
 for(i=0;i<blocks.length;i++){{b=blocks[i];
  if(b.classList.contains('piece-empty')&&!b.dataset.measured){{var want=per*(+b.dataset.cells||0);
   if(Math.abs(want-rects[i].height)>0.05*rects[i].height+1)b.style.height=want+'px';}}}}}}
{_KEEP_ANCHOR}
need.sort(function(x,y){{return x[0]-y[0];}});
if(!need.length)window.__studynotesPieces=[tag,window.scrollY,h,document.body.scrollHeight,blocks.length,
 document.querySelectorAll('body > div.page-piece:not(.piece-empty)').length].join(',');
return JSON.stringify(need.map(function(x){{return x[1];}}));}})"""
