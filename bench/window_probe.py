"""Runs the real app (`studynotes --library FILE gui`) offscreen and times what a user waits for.

    python bench/window_probe.py LIBRARY OUT.json PLAN.json

Started by run.py, which notes the time before starting this process; every
moment here is `time.monotonic()`, the same clock in both processes.  PLAN
names the notes to click and the question to toggle.  Writes OUT.json:

- `usable_at`: the window's tree is first painted (its rows read);
- `preview_at`: the web view has painted its first page;
- `select_ms`: clicking a note in the tree until its preview page has loaded,
  each note visited once before (formulas cached); `sethtml_ms`: the same
  pages handed straight to the web view (the floor);
- `toggle_ms`: Library.set_status + LibraryTreeModel.apply_change until the
  tree's text shows the new count; `toggle_window_ms`: the window's own toggle
  (undo command, tree, question list, re-render queued);
- `rss_mb` / `pss_mb`: memory of this process and its QtWebEngine children.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from studynotes import cli  # first, as the `studynotes` command starts

# isort: split
from PySide6.QtCore import QEvent, QEventLoop, QModelIndex, QObject, QTimer, QUrl, SignalInstance

from studynotes.ui.app import create_application
from studynotes.ui.main_window import MainWindow

LOAD_TIMEOUT_MS = 20_000


def wait_for(signal: SignalInstance, timeout_ms: int = LOAD_TIMEOUT_MS) -> bool:
    """Spin the event loop until `signal` fires; False on timeout."""
    loop = QEventLoop()
    fired: list[bool] = []

    def done(*_args: Any) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(done)
    return bool(fired)


def process_tree(root: int) -> list[int]:
    """This process and every descendant (QtWebEngineProcess and its zygotes)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack += children.get(pid, [])
    return found


def memory_mb(pids: list[int]) -> tuple[float, float]:
    """(sum of RSS, sum of PSS) in MB; PSS shares the shared pages fairly between processes."""
    rss = pss = 0
    for pid in pids:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in rollup.splitlines():
            name, _, rest = line.partition(":")
            if name == "Rss":
                rss += int(rest.split()[0])
            elif name == "Pss":
                pss += int(rest.split()[0])
    return rss / 1024, pss / 1024


class Probe:
    def __init__(self, out: Path, plan: dict[str, Any]) -> None:
        self.out = out
        self.plan = plan
        self.result: dict[str, Any] = {"pid": os.getpid()}

    def window(self) -> MainWindow:
        app = create_application()
        found = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        if not found:
            raise RuntimeError("no main window")
        return found[0]

    def first_paint(self, window: MainWindow) -> None:
        """The window's tree painted for the first time: what the user first sees.  (A zero-timer
        with a forced repaint, as before, ran ahead of the platform's own first paint and so never
        saw what delayed it; a library being upgraded shows its notice before any window.)"""
        if "usable_at" in self.result:
            return
        self.result["tree_rows"] = window.tree_model.rowCount()
        self.result["usable_at"] = time.monotonic()
        QTimer.singleShot(0, lambda: self.guard(self.after_open, window))

    def guard(self, step: Any, window: MainWindow) -> None:
        try:
            step(window)
        except Exception as error:  # noqa: BLE001 (reported to run.py, which prints it)
            self.result["error"] = f"{type(error).__name__}: {error}"
            self.finish(window)

    def after_open(self, window: MainWindow) -> None:
        if window.preview.pane is None and not wait_for(window.preview.currentChanged):
            raise RuntimeError("the web view was never created")
        pane = window.preview.pane
        if window.preview.last_html:
            wait_for(pane.loadFinished)  # the notebook's overview, shown right after the first paint
        self.result["preview_at"] = time.monotonic()
        indexes = [window.tree_model.note_index(i) for i in self.plan["notes"]]
        if not all(i.isValid() for i in indexes):
            raise RuntimeError("a planned note is not in the tree")
        pages = [self.click(window, index)[1] for index in indexes]  # warm: formulas typeset once
        self.result["select_ms"] = []
        for _ in range(self.plan["rounds"]):
            for index in indexes:
                self.click(window, QModelIndex())  # leave the note, so the click is a change
                self.result["select_ms"].append(self.click(window, index)[0])
        self.toggles(window, indexes[0])
        window.preview.wait_for_render()
        self.result["rss_mb"], self.result["pss_mb"] = memory_mb(process_tree(os.getpid()))
        self.result["processes"] = len(process_tree(os.getpid()))
        self.result["rss_by_process_mb"] = [
            round(memory_mb([pid])[0], 1) for pid in process_tree(os.getpid())
        ]
        idle = QEventLoop()
        QTimer.singleShot(3_000, idle.quit)  # the user reads: the preview collects what it swapped out
        idle.exec()
        self.result["rest_rss_mb"], self.result["rest_pss_mb"] = memory_mb(process_tree(os.getpid()))
        self.result["sethtml_ms"] = []
        for _ in range(self.plan["rounds"]):
            for page in pages:
                started = time.perf_counter()
                pane.setHtml(page, QUrl("about:blank"))  # a whole page load, as every note took before
                wait_for(pane.loadFinished)
                self.result["sethtml_ms"].append((time.perf_counter() - started) * 1000)
        self.finish(window)

    def click(self, window: MainWindow, index: QModelIndex) -> tuple[float, str]:
        started = time.perf_counter()
        window.tree.setCurrentIndex(index)
        if not index.isValid():
            return 0.0, ""
        if not wait_for(window.preview.pane.shown):
            raise RuntimeError("a preview never finished loading")
        return (time.perf_counter() - started) * 1000, window.preview.last_html

    def toggles(self, window: MainWindow, note_index: QModelIndex) -> None:
        library, model = window.library, window.tree_model
        question = self.plan["question"]
        self.result["toggle_ms"] = []
        for _ in range(2 * self.plan["rounds"]):
            row = library.question(question)
            assert row is not None
            status = "open" if row.status == "answered" else "answered"
            before = model.node(note_index).counts.open
            expected = before + (1 if status == "open" else -1)
            started = time.perf_counter()
            change = library.set_status(question, status)
            model.apply_change(change)
            shown = str(model.data(note_index))
            elapsed = (time.perf_counter() - started) * 1000
            if f"· {expected} open /" not in shown:
                raise RuntimeError(f"the tree shows {shown!r} after the toggle, expected {expected} open")
            self.result["toggle_ms"].append(elapsed)
        self.result["toggle_window_ms"] = []
        for _ in range(2 * self.plan["rounds"]):
            before = model.node(note_index).counts.open
            started = time.perf_counter()
            window.toggle_question(question)
            elapsed = (time.perf_counter() - started) * 1000
            if model.node(note_index).counts.open == before:
                raise RuntimeError("the window's toggle did not change the tree's count")
            self.result["toggle_window_ms"].append(elapsed)
            window.preview.wait_for_render()

    def finish(self, window: MainWindow) -> None:
        self.out.write_text(json.dumps(self.result))
        window.close()
        create_application().quit()


class _FirstPaint(QObject):
    def __init__(self, window: MainWindow, probe: Probe) -> None:
        super().__init__(window)
        self.window, self.probe = window, probe

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.probe.first_paint(self.window)
        return False


def main() -> int:
    library, out, plan_file = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    probe = Probe(out, json.loads(plan_file.read_text()))
    made = MainWindow.__init__

    def watched(window: MainWindow, *args: Any, **kwargs: Any) -> None:
        made(window, *args, **kwargs)
        window.tree.viewport().installEventFilter(_FirstPaint(window, probe))

    MainWindow.__init__ = watched  # type: ignore[method-assign]
    create_application()  # the app's own start-up code; `run` reuses this instance
    return cli.main(["--library", library, "gui"])


if __name__ == "__main__":
    sys.exit(main())
