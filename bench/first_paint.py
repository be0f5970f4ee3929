"""CPU until the window's tree is first painted, for several checkouts in turn, beside the floor.

    .venv/bin/python bench/first_paint.py --library NAME=SRC:LIBRARY [--library ...] [--runs 6]

Each `--library` names a checkout's `src` folder and a library file it may open (a copy for
each checkout: a newer one upgrades the file).  Every run starts each of them once, in turn,
as `studynotes --library FILE gui` starts (the app's entry imported first, offscreen, fresh
settings), and reads the process's CPU time (user + sys) at the tree's first paint event, then
ends the process; and once a bare PySide6 window (a tree view, a label and a table in a
splitter, a menu and a status bar), the floor.  Run in turn, the figures share the machine's
load, which moves CPU time on a shared machine by half and more.  Prints; never fails on timing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

APP = """
import os, resource, sys
from studynotes import cli
from PySide6.QtCore import QEvent, QObject
from studynotes.ui.app import create_application
from studynotes.ui.main_window import MainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            print("cpu", usage.ru_utime + usage.ru_stime, flush=True)
            os._exit(0)
        return False

made = MainWindow.__init__

def watched(window, *args, **kwargs):
    made(window, *args, **kwargs)
    window.tree.viewport().installEventFilter(FirstPaint(window))

MainWindow.__init__ = watched
create_application()
cli.main(["--library", sys.argv[1], "gui"])
"""

FLOOR = """
import os, resource, sys
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QTableView, QTreeView

app = QApplication(sys.argv[:1])
window, splitter, tree = QMainWindow(), QSplitter(Qt.Orientation.Horizontal), QTreeView()
for widget in (tree, QLabel("Loading preview..."), QTableView()):
    splitter.addWidget(widget)
window.setCentralWidget(splitter)
window.menuBar().addMenu("&File")
window.statusBar().showMessage("ready")

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            print("cpu", usage.ru_utime + usage.ru_stime, flush=True)
            os._exit(0)
        return False

painted = FirstPaint()
tree.viewport().installEventFilter(painted)
window.resize(1280, 800)
window.show()
app.exec()
"""


def start(code: str, args: list[str], src: str | None, config: Path) -> float | None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config)}
    env["XDG_DATA_HOME"] = str(config)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules kept, as an installed app has them
    if src is not None:
        env["PYTHONPATH"] = src
        env["PYTHONPYCACHEPREFIX"] = str(Path(__file__).resolve().parent / "out" / "pycache")
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    for line in done.stdout.splitlines():
        if line.startswith("cpu "):
            return float(line.split()[1])
    print(f"  no first paint: {done.stderr.strip()[-400:]}")
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", action="append", required=True, metavar="NAME=SRC:LIBRARY")
    parser.add_argument("--runs", type=int, default=6)
    args = parser.parse_args()
    sides = []
    for spec in args.library:
        name, _, rest = spec.partition("=")
        src, _, library = rest.partition(":")
        sides.append((name, src, library))
    figures: dict[str, list[float]] = {name: [] for name, _, _ in sides}
    figures["bare PySide6 window"] = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs + 1):  # the first, untimed, compiles and warms the disk cache
            for name, src, library in sides:
                cpu = start(APP, [library], src, Path(folder) / f"{name}-{run}")
                if cpu is not None and run:
                    figures[name].append(cpu)
            cpu = start(FLOOR, [], None, Path(folder) / f"floor-{run}")
            if cpu is not None and run:
                figures["bare PySide6 window"].append(cpu)
    print(
        f"CPU until the tree's first paint, {args.runs} starts each (load average {os.getloadavg()[0]:.1f}):"
    )
    for name, values in figures.items():
        if values:
            print(
                f"  {name:24s} median {statistics.median(values):.2f} s, {min(values):.2f}–{max(values):.2f} s"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
