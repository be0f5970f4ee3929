"""Start-up to a usable window on the demo library, in a fresh process each run.

    .venv/bin/python bench/startup.py [RUNS]

Prints the median wall time from process start until the main window is shown with its tree
filled (first paint), and until the web preview has painted the selected note.  Offscreen Qt;
prints, never fails.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROBE = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from studynotes.ui.app import create_application
app = create_application()
from studynotes.library import Library
from studynotes.ui.main_window import MainWindow
library = Library.open(sys.argv[1])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = MainWindow(library, settings)
window.show()
app.processEvents()
assert window.tree_model.rowCount() > 0
print("shown", time.time(), flush=True)
window.preview.create_web_view()
node = window.tree_model.node(window.tree_model.index(0, 0))
window.show_node(node)
window.preview.pane.loadFinished.connect(lambda ok: (print("painted", time.time(), flush=True), app.quit()))
QTimer.singleShot(20000, app.quit)
app.exec()
"""


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp) / "demo.sqlite3"
        from studynotes.demo import fill_demo_library
        from studynotes.library import Library

        with Library.open(library) as lib:
            fill_demo_library(lib)
        shown, painted = [], []
        for _ in range(runs):
            start = time.time()
            done = subprocess.run(
                [sys.executable, "-c", PROBE, str(library), str(Path(tmp) / "s.ini")],
                capture_output=True,
                text=True,
                env=env,
                timeout=120,
            )
            marks = dict(
                line.split() for line in done.stdout.splitlines() if line.startswith(("shown", "painted"))
            )
            shown.append(float(marks["shown"]) - start)
            if "painted" in marks:
                painted.append(float(marks["painted"]) - start)
    print(
        f"window shown with its tree (first paint): median {statistics.median(shown):.2f} s over {runs} runs"
    )
    if painted:
        print(f"preview painted (QtWebEngine started):     median {statistics.median(painted):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
