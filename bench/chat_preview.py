"""A busy chat day in the window's preview: time to its first screen, and to the whole day shown.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/chat_preview.py [--day 5000] [--runs 3]

Imports two generated KakaoTalk days of `--day` messages each (bench/chats.py's
script) into a fresh library, opens the real main window offscreen, shows one day
to start the web view, then selects a day and measures, on the wall clock:

- first screen: selecting the note until the web view has loaded its first page;
- whole day: while the reader goes down the page a screen at a time (pieces come as the
  reader nears them and leave once far behind), until every piece has been shown and
  the reader is at the end (then a script round trip that counts the question cards left
  in the page).

The days alternate, so each run renders its page afresh (long pages are never cached).
Wall time includes the machine's other load (printed); figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import chats

READ_ON = (
    "(function(){var h=window.innerHeight,bs=document.querySelectorAll('div.page-piece.piece-empty');"
    "for(var i=0;i<bs.length;i++){var r=bs[i].getBoundingClientRect();if(r.bottom>0&&r.top<h)return;}"
    "window.scrollBy(0,h);})()"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--day", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from studynotes.importing import import_paths
    from studynotes.library import Library
    from studynotes.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="chat-preview-"))
    source = chats.kakao_pc(chats.script(2 * args.day, args.day), folder)
    library = Library.open(folder / "library.sqlite3")
    report = import_paths(library, [source], notebook="Study")
    days = report.files[0].note_ids
    window = MainWindow(library, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    window.preview.create_web_view()
    pane = window.preview.pane

    def wait(done: list[Any], seconds: float = 120, *, reading: bool = False) -> None:
        deadline = time.perf_counter() + seconds
        while not done and time.perf_counter() < deadline:
            if reading:  # a screen further down once what is in view has come
                pane.run_script(READ_ON)
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if not done:
            raise SystemExit("the preview did not answer in time")

    def show(note_id: int) -> tuple[float, float, int]:
        loaded: list[float] = []
        finished: list[float] = []
        counted: list[int] = []
        shown: set[int] = set()

        def on_shown(_ok: bool) -> None:
            loaded.append(time.perf_counter())

        def count_cards() -> None:
            pane.run_script(
                "document.querySelectorAll('section.question').length",
                lambda count: (counted.append(int(count or 0)), finished.append(time.perf_counter())),
            )

        def piece_shown(number: int, pieces: int) -> None:
            shown.add(number)
            if len(shown) == pieces:
                count_cards()

        pane.shown.connect(on_shown)
        window.preview.pieceShown.connect(piece_shown)
        started = time.perf_counter()
        window.select_note(note_id)
        wait(loaded)
        if window.preview._paged is None:  # a page short enough to come whole
            count_cards()
        wait(finished, reading=True)
        pane.shown.disconnect(on_shown)
        window.preview.pieceShown.disconnect(piece_shown)
        return loaded[0] - started, finished[0] - started, counted[0]

    started: list[bool] = []
    pane.shown.connect(lambda _ok: started.append(True))
    wait(started)  # the window's first page is in
    show(days[0])  # the web view and the formula engine start
    note = library.note(days[1])
    assert note is not None
    firsts, wholes = [], []
    for run in range(args.runs):
        first, whole, cards = show(days[(run + 1) % 2])
        firsts.append(first)
        wholes.append(whole)
    print(
        f"One KakaoTalk day of {args.day:,} messages ({len(note.cells)} cells, {cards} question cards in the page at its end)"
    )
    print(f"  first screen shown   {statistics.median(firsts) * 1000:7.0f} ms  (median of {args.runs})")
    print(f"  whole day shown      {statistics.median(wholes) * 1000:7.0f} ms")
    print(f"  load average         {os.getloadavg()[0]:.1f}")
    window.close()
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
