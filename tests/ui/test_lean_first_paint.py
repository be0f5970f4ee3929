"""The window's first paint loads only what it shows: the web engine, Markdown, the importers and
the other heavy modules come after it, when the preview or a note first needs them.

The app is started as `studynotes --library FILE gui` starts it, in a process of its own (a test
process has loaded everything already), and looked at the moment its window is first shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from studynotes.demo import fill_demo_library
from studynotes.library import Library, QuestionFilter

# Not one of these is needed to show the tree, the question list and the menus.
HEAVY = (
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineCore",
    "markdown",
    "pygments",
    "pymdownx",
    "nh3",
    "sqlite_utils",
    "dulwich",
    "fsrs",
    "genanki",
    "quickjax",
    "charset_normalizer",
    "importlib.metadata",
    "studynotes.importers",
    "studynotes.render.markdown_setup",
    "studynotes.cli.importing",  # the command line's other commands: only the window's are parsed
    "studynotes.cli.output",
    "PySide6.QtNetwork",  # listening for later starts begins after the first paint
    "studynotes.library.sync_store",  # sharing, importing and decisions load when first used
    "studynotes.library.reimport",
    "studynotes.library.decisions",
    "studynotes.library.search",  # the search's modules load with the first search
    "studynotes.library.short_terms",
    "studynotes.library.word_search",
    "studynotes.library.backups",  # the day's backup starts after the first paint
    "studynotes.library.answers",  # a search's hits, an import's results, the bin, conflicts
    "ctypes",  # for the renderer's heap trim (offscreen here: X11 loads it to check Qt's libraries)
    "studynotes.ui.help_dialogs",  # a menu's dialog loads when the item is first chosen
    "studynotes.ui.people_dialog",
    "studynotes.ui.damaged_library",
)

PROBE = """
import gc, json, sys
from pathlib import Path

from studynotes import cli  # the app's entry, first, as the `studynotes` command starts

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from studynotes.ui.app import create_application
from studynotes.ui.main_window import MainWindow

out, heavy, note_id, word = Path(sys.argv[1]), sys.argv[2].split(","), int(sys.argv[3]), sys.argv[5]
seen = {}

def loaded():
    return sorted(name for name in heavy if name in sys.modules)

class FirstPaint(QObject):
    \"\"\"What is loaded when the window's tree is first painted.\"\"\"

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "at_first_paint" not in seen:
            w = self.parent()
            seen["at_first_paint"] = loaded()
            seen["collecting_at_first_paint"] = gc.isenabled()
            node = w.current_node()
            seen["selected"] = [node.kind, node.id] if node else None
            seen["tree_rows"] = w.tree_model.rowCount()
            seen["question_rows"] = w.questions.model.rowCount()
            actions = w.findChildren(type(w.edit_action))
            seen["shortcuts"] = sorted({a.shortcut().toString() for a in actions} - {""})
            seen["menus"] = [a.text() for a in w.menuBar().actions()]
            seen["web_view_at_first_paint"] = w.preview.pane is not None
            seen["columns_at_first_paint"] = columns(w.questions.table)
            w.questions.fit_side_columns()
            seen["columns_fitted"] = columns(w.questions.table)
            QTimer.singleShot(0, lambda: page_shown(w))
        return False

def columns(table):
    return [[table.isColumnHidden(c), table.columnWidth(c)] for c in range(5)]

made = MainWindow.__init__

def watched_window(w, *args, **kwargs):
    made(w, *args, **kwargs)
    w.tree.viewport().installEventFilter(FirstPaint(w))

MainWindow.__init__ = watched_window

def page_shown(w, waited=0):
    if w.preview.pane is None or not w.preview.last_html:
        if waited > 60_000:
            return finish(w)
        return QTimer.singleShot(20, lambda: page_shown(w, waited + 20))
    seen["after_first_page"] = loaded()
    seen["collecting_after_first_paint"] = gc.isenabled()
    from studynotes.ui.single_instance import InstanceServer
    seen["listening"] = [server.listening for server in w.findChildren(InstanceServer)]
    w.select_note(note_id)
    QTimer.singleShot(0, lambda: note_shown(w))

def note_shown(w, waited=0):
    if f'id="note-{note_id}"' not in w.preview.last_html and waited < 60_000:
        return QTimer.singleShot(20, lambda: note_shown(w, waited + 20))
    seen["after_a_note"] = loaded()
    w.search.field.setText(word)
    w.search.run_search()
    seen["hits"] = [[hit.kind, hit.note_id] for hit in w.search.hits()]
    seen["after_a_search"] = loaded()
    finish(w)

def finish(w):
    out.write_text(json.dumps(seen))
    w.close()
    QApplication.quit()

create_application()
sys.exit(cli.main(["--library", sys.argv[4], "gui"]))
"""


def test_the_first_paint_waits_for_nothing_heavy(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library.open(path)
    fill_demo_library(library)
    first = library.notebooks()[0]  # the tree's order: the one a first start selects
    questions = first.counts.questions
    note = next(n for n in library.notes(notebook_id=first.id) if n.counts.questions)
    word = max(library.questions(QuestionFilter(note_id=note.id))[0].text.split(), key=len)
    found = {(hit.kind, hit.note_id) for hit in library.search(word)}
    library.close()
    out = tmp_path / "seen.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # a first start: no window state kept
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), ",".join(HEAVY), str(note.id), str(path), word],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert out.exists(), done.stderr[-2000:]
    seen = json.loads(out.read_text())

    # Shown with the first notebook selected, its questions listed, and every menu and shortcut.
    assert seen["selected"] == ["notebook", first.id]
    assert seen["tree_rows"] >= 1
    assert seen["question_rows"] == questions > 0
    assert len(seen["menus"]) >= 5
    assert {"Ctrl+E", "Ctrl+F", "Ctrl+Shift+P", "Ctrl+Z"} <= set(seen["shortcuts"])
    # The question list's side columns are fitted to the laid-out list before it is drawn.
    assert seen["columns_at_first_paint"] == seen["columns_fitted"]
    assert [hidden for hidden, _ in seen["columns_at_first_paint"]] != [False] * 5  # one has nothing to tell
    # ... and nothing heavy loaded for it, not even the web view.
    assert seen["at_first_paint"] == []
    assert not seen["web_view_at_first_paint"]
    # Right after the first paint the preview fills in; a note's page brings Markdown.
    assert "PySide6.QtWebEngineWidgets" in seen["after_first_page"]
    assert seen["listening"] == [True]  # a later start on this library comes to this window
    # Python's collector pauses while the window is built and runs again once it is painted.
    assert (seen["collecting_at_first_paint"], seen["collecting_after_first_paint"]) == (False, True)
    assert {"markdown", "pygments", "nh3"} <= set(seen["after_a_note"])
    # The search loads its modules when first used, and finds what the library finds.
    assert {tuple(hit) for hit in seen["hits"]} == found and found
    assert {"studynotes.library.search", "studynotes.library.answers"} <= set(seen["after_a_search"])
