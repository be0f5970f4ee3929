"""The physical floors: what SQLite, Python-Markdown and Qt cost with no app around them.

Each is measured on this machine in the same run as the app's figures, so
a ratio says how much the app adds, not how fast the machine is.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import median, p95

QT_ENV = {"QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}

# A process that reads the corpus and stores it searchable, with nothing else:
# one row per paragraph, an FTS5 trigram index over them (rows only, as the library's), one transaction.
_IMPORT_FLOOR = r"""
import sqlite3, sys
from pathlib import Path
conn = sqlite3.connect(sys.argv[1])
conn.executescript('''
PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
CREATE TABLE paragraphs (id INTEGER PRIMARY KEY, file TEXT, text TEXT);
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content='paragraphs', content_rowid='id', tokenize='trigram', detail=none);
CREATE TRIGGER p_ai AFTER INSERT ON paragraphs BEGIN INSERT INTO paragraphs_fts (rowid, text) VALUES (new.id, new.text); END;
''')
rows = 0
with conn:
    for path in sorted(Path(sys.argv[2]).rglob('*.*')):
        text = path.read_bytes().decode('utf-8')
        batch = [(path.name, p) for p in text.split('\n\n') if p.strip()]
        conn.executemany('INSERT INTO paragraphs (file, text) VALUES (?, ?)', batch)
        rows += len(batch)
print(rows)
"""

_EMPTY_WINDOW = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
def shown():
    window.repaint()
    print(time.monotonic(), flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

_WEB_FIRST_PAINT = r"""
import sys, time
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
app = QApplication(sys.argv[:1])
from PySide6.QtWebEngineWidgets import QWebEngineView
view = QWebEngineView()
view.resize(800, 600)
view.show()
def done(ok):
    at = time.monotonic()
    sys.path.insert(0, sys.argv[1])
    from window_probe import memory_mb, process_tree
    import os
    rss, pss = memory_mb(process_tree(os.getpid()))
    print(at, rss, pss, flush=True)
    app.quit()
view.loadFinished.connect(done)
view.setHtml('<!doctype html><meta charset="utf-8"><h1>Week 3</h1><p>손실함수 loss</p>', QUrl('about:blank'))
app.exec()
"""


# 100,000 leaves shown in a QTreeView: a model that answers Qt's questions on
# demand (for the rows in view), then QStandardItemModel, which makes an item
# per row up front.  Prints the seconds from making each model until the view
# has painted.
_TREE_MODELS = r"""
import sys, time
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTreeView
LEAVES = 100_000
app = QApplication(sys.argv[:1])

class Lazy(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else LEAVES
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return f"Note {index.row()}" if role == Qt.ItemDataRole.DisplayRole else None

def standard():
    model = QStandardItemModel()
    model.invisibleRootItem().appendRows([QStandardItem(f"Note {r}") for r in range(LEAVES)])
    return model

def shown(make):
    started = time.monotonic()
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(make())
    view.resize(400, 800)
    view.show()
    view.repaint()
    app.processEvents()
    return time.monotonic() - started

shown(QStandardItemModel)  # the first view pays for fonts and styles; neither model should
print(shown(Lazy), shown(standard), flush=True)
"""


def process_seconds(script: str, *args: str, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Wall time from starting a Python process until it prints a monotonic time (or exits)."""
    import os

    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=300,
    )
    ended = time.monotonic()
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed")
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    try:
        return float(last.split()[0]) - started, last
    except ValueError:
        return ended - started, last


def import_floor(corpus: Path, runs: int) -> tuple[float, int]:
    """Median seconds for the bare read + insert + trigram index of the corpus, and its row count."""
    times, rows = [], 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            started = time.monotonic()
            _, out = process_seconds(_IMPORT_FLOOR, str(Path(folder) / "floor.sqlite3"), str(corpus))
            times.append(time.monotonic() - started)
            rows = int(out)
    return median(times), rows


def empty_window(runs: int) -> float:
    return median([process_seconds(_EMPTY_WINDOW, env=QT_ENV)[0] for _ in range(runs)])


def web_first_paint(runs: int) -> tuple[float, float, float]:
    """Median seconds to a QtWebEngine page's first load, and its processes' RSS and PSS in MB."""
    seconds, rss, pss = [], [], []
    for _ in range(runs):
        elapsed, line = process_seconds(_WEB_FIRST_PAINT, str(Path(__file__).resolve().parent), env=QT_ENV)
        seconds.append(elapsed)
        rss.append(float(line.split()[1]))
        pss.append(float(line.split()[2]))
    return median(seconds), median(rss), median(pss)


def tree_models(runs: int) -> tuple[float, float]:
    """Median seconds to show 100,000 leaves: a lazy model, and QStandardItemModel."""
    lazy, standard = [], []
    for _ in range(runs):
        _, line = process_seconds(_TREE_MODELS, env=QT_ENV)
        lazy.append(float(line.split()[0]))
        standard.append(float(line.split()[1]))
    return median(lazy), median(standard)


def sqlite_inserts(rows: int = 100_000) -> float:
    """Rows per second: plain inserts of ~100-byte rows in one transaction."""
    rng = random.Random(1)
    data = [(i, "".join(rng.choice("abcdefgh 가나다라") for _ in range(100))) for i in range(rows)]
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "rows.sqlite3")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, text TEXT)")
        started = time.perf_counter()
        with conn:
            conn.executemany("INSERT INTO t (n, text) VALUES (?, ?)", data)
        elapsed = time.perf_counter() - started
        conn.close()
    return rows / elapsed


def fts_build(rows: int = 6_000) -> float:
    """Rows per second: an FTS5 trigram index over 1 KB rows of mixed Korean and English."""
    rng = random.Random(2)
    words = [
        "손실함수",
        "gradient",
        "정규화",
        "batch",
        "어텐션",
        "softmax",
        "학습률",
        "layer",
        "모델",
        "data",
    ]
    data = [(" ".join(rng.choice(words) for _ in range(150))[:1000],) for _ in range(rows)]
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "fts.sqlite3")
        conn.execute("CREATE VIRTUAL TABLE f USING fts5(text, tokenize='trigram')")
        started = time.perf_counter()
        with conn:
            conn.executemany("INSERT INTO f (text) VALUES (?)", data)
        elapsed = time.perf_counter() - started
        conn.close()
    return rows / elapsed


def trigram_query(library: Path, queries: list[str], repeats: int) -> float:
    """p95 ms of a bare FTS5 MATCH, first 50 rows, on the library's own question index.

    The index keeps no positions (`detail=none`), so a query is asked as all of its trigrams:
    the rows the index alone can name, before any check of the term itself."""
    conn = sqlite3.connect(f"{library.resolve().as_uri()}?mode=ro", uri=True)
    times = []
    for _ in range(repeats):
        for query in queries:
            trigrams = dict.fromkeys(query[i : i + 3] for i in range(len(query) - 2))
            phrase = " AND ".join('"' + t.replace('"', '""') + '"' for t in trigrams)
            started = time.perf_counter()
            conn.execute(
                "SELECT rowid, text FROM questions_fts WHERE questions_fts MATCH ? LIMIT 50", (phrase,)
            ).fetchall()
            times.append((time.perf_counter() - started) * 1000)
    conn.close()
    return p95(times)


def like_query(library: Path, queries: list[str], repeats: int) -> float:
    """p95 ms of a bare LIKE over question texts, first 50 rows: what a 1–2 character term costs at least."""
    conn = sqlite3.connect(f"{library.resolve().as_uri()}?mode=ro", uri=True)
    times = []
    for _ in range(repeats):
        for query in queries:
            started = time.perf_counter()
            conn.execute(
                "SELECT id, text FROM questions WHERE text LIKE ? LIMIT 50", (f"%{query}%",)
            ).fetchall()
            times.append((time.perf_counter() - started) * 1000)
    conn.close()
    return p95(times)


def markdown_5kb(text: str, runs: int) -> float:
    """Median ms for plain Python-Markdown (no extensions) on the same text."""
    import markdown

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        markdown.markdown(text)
        times.append((time.perf_counter() - started) * 1000)
    return median(times)


def status_update(library: Path, question_id: int, repeats: int) -> float:
    """Median ms to flip one question's status and commit, in bare SQLite (WAL, synchronous NORMAL)."""
    conn = sqlite3.connect(library, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    times = []
    for _ in range(2 * repeats):
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "UPDATE questions SET status = CASE status WHEN 'open' THEN 'answered' ELSE 'open' END WHERE id = ?",
            (question_id,),
        )
        conn.execute("COMMIT")
        times.append((time.perf_counter() - started) * 1000)
    conn.close()
    return median(times)
