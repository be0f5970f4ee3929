"""A question's status toggled, in one process, on a copy of a library: the Library's write with
the tree's update, and the window's own undoable toggle (tree, question list, status bar, preview).

    .venv/bin/python bench/toggle.py LIBRARY [ROUNDS]

LIBRARY is any library file, e.g. the 10,000-note one bench/run.py builds in bench/out/.  Prints
medians; never fails.  Run it from two checkouts one after the other to compare them.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    source, rounds = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 60
    work = Path(tempfile.mkdtemp(prefix="studynotes-toggle-"))
    shutil.copy(source, work / "library.sqlite3")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from studynotes.library import Library
    from studynotes.ui.main_window import MainWindow

    app = QApplication([])
    library = Library.open(work / "library.sqlite3")
    window = MainWindow(library, QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window.show()
    note_id, question = library.conn.execute(
        """SELECT q.note_id, q.id FROM questions q JOIN notes n ON n.id = q.note_id
           WHERE n.kind = 'minutes' AND q.private = 0 ORDER BY q.note_id, q.id LIMIT 1"""
    ).fetchone()
    window.tree.setCurrentIndex(window.tree_model.note_index(note_id))
    app.processEvents()
    window.preview.wait_for_render()
    library_ms, window_ms = [], []
    for step in range(rounds):
        started = time.perf_counter()
        change = library.set_status(question, "open" if step % 2 else "answered")
        window.tree_model.apply_change(change)
        library_ms.append((time.perf_counter() - started) * 1000)
    for _ in range(rounds):
        started = time.perf_counter()
        window.toggle_question(question)
        window_ms.append((time.perf_counter() - started) * 1000)
        window.preview.wait_for_render()
        app.processEvents()
    print(f"Library.set_status + the tree's update: median {statistics.median(library_ms):.2f} ms")
    print(
        f"the window's toggle (undo stack, tree, list, status bar): median {statistics.median(window_ms):.2f} ms"
    )
    window.close()
    library.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
