"""CPU until the window's tree is first painted, for several checkouts in turn, beside the floor.

    .venv/bin/python bench/first_paint.py --library NAME=SRC:LIBRARY [--library ...] [--runs 6] [--instructions]

Each `--library` names a checkout's `src` folder and a library file it may open (a copy for
each checkout: a newer one upgrades the file).  Every run starts each of them once, in turn,
as `studynotes --library FILE gui` starts (the app's entry imported first, nothing of Qt before
the command imports it, offscreen, fresh settings), and reads the process's CPU time (user + sys) at the tree's first paint event, then
ends the process; and once a bare PySide6 window (a tree view, a label and a table in a
splitter, a menu and a status bar), the floor.  Run in turn, the figures share the machine's
load, which moves CPU time on a shared machine by half and more; `--instructions` then counts
each one's instructions until its first paint once, under valgrind (a start takes about half a
minute there), a figure the load does not move.  Prints; never fails on timing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

# Prints the process's CPU seconds at the first paint of the widget it watches, then ends it.
FIRST_PAINT = """
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            print("cpu", usage.ru_utime + usage.ru_stime, flush=True)
            os._exit(0)
        return False
"""

# The app's probe loads nothing of Qt before the command does: it wraps the window's module as the
# app imports it (PySide6 reads the source of every module imported after it, so importing Qt
# first would move the app's own cost).
APP = (
    """
import os, resource, sys
from importlib.machinery import PathFinder
from studynotes import cli


class WatchWindow:
    def find_spec(self, name, path, target=None):
        if name != "studynotes.ui.main_window":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            watch(module.MainWindow)

        spec.loader.exec_module = exec_module
        return spec


def watch(MainWindow):
    from PySide6.QtCore import QEvent, QObject

"""
    + "\n".join("    " + line if line else line for line in FIRST_PAINT.strip("\n").splitlines())
    + """

    made = MainWindow.__init__

    def watched(window, *args, **kwargs):
        made(window, *args, **kwargs)
        window.tree.viewport().installEventFilter(FirstPaint(window))

    MainWindow.__init__ = watched


sys.meta_path.insert(0, WatchWindow())
cli.main(["--library", sys.argv[1], "gui"])
"""
)

FLOOR = (
    """
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

"""
    + FIRST_PAINT
    + """
painted = FirstPaint()
tree.viewport().installEventFilter(painted)
window.resize(1280, 800)
window.show()
app.exec()
"""
)


# Instructions until the first paint: unlike CPU time they do not move with the machine's load.
VALGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]


def _environment(src: str | None, config: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config)}
    env["XDG_DATA_HOME"] = str(config)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules kept, as an installed app has them
    if src is not None:
        env["PYTHONPATH"] = src
        env["PYTHONPYCACHEPREFIX"] = str(Path(__file__).resolve().parent / "out" / "pycache")
    return env


def instructions(code: str, args: list[str], src: str | None, config: Path) -> int | None:
    """The instructions the process ran until the first paint, counted by valgrind."""
    done = subprocess.run(
        [*VALGRIND, sys.executable, "-c", code, *args],
        env=_environment(src, config),
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        print(f"  not counted: {done.stderr.strip()[-400:]}")
        return None
    return int(found.group(1).replace(",", ""))


def start(code: str, args: list[str], src: str | None, config: Path) -> float | None:
    env = _environment(src, config)
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
    parser.add_argument(
        "--instructions", action="store_true", help="also count each one's instructions once, under valgrind"
    )
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
    if args.instructions:
        if shutil.which("valgrind") is None:
            print("no valgrind here: instructions not counted")
            return 0
        print("Instructions until the tree's first paint (valgrind; the same whatever the load):")
        with tempfile.TemporaryDirectory() as folder:
            counted = [
                (name, instructions(APP, [library], src, Path(folder) / name)) for name, src, library in sides
            ]
            counted.append(("bare PySide6 window", instructions(FLOOR, [], None, Path(folder) / "floor")))
        for name, count in counted:
            if count is not None:
                print(f"  {name:24s} {count / 1e6:,.0f} million")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
