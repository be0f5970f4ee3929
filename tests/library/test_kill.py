"""SIGKILL at random moments: the file stays sound, imports are whole or absent,
and every acknowledged edit survives.  (The long soak: bench/soak_kill.py.)"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

IMPORT_WORKER = """
import sys
from pathlib import Path
from studynotes.importing import import_paths
from studynotes.library import Library
library = Library.open(sys.argv[1])
print("open", flush=True)
for round_ in range(1000):
    import_paths(library, [Path(sys.argv[2])], notebook=f"Round {round_}")
    print("imported", round_, flush=True)
"""

EDIT_WORKER = """
import sys
from studynotes.library import Library
library = Library.open(sys.argv[1])
print("open", flush=True)
ids = sorted(q.id for q in library.questions())
for step in range(100000):
    library.set_status(ids[step % len(ids)], "answered" if (step // len(ids)) % 2 else "open")
    print(step, flush=True)  # acknowledged: the edit was committed before this line
"""

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")


def _corpus(folder: Path, seeds: Path) -> Path:
    folder.mkdir()
    for copy in range(6):
        for seed in seeds.glob("*.txt"):
            (folder / f"{copy}-{seed.name}").write_bytes(seed.read_bytes() + f"\n\ncopy {copy}\n".encode())
    return folder


def _kill_after(command: list[str], seconds: float) -> list[str]:
    """Run until the worker has opened the library, kill `seconds` later, and return the complete
    lines it printed after "open" (a cut-off last line is dropped).

    The clock starts once the library is open, so a slow start on a loaded machine still kills
    the worker mid-write rather than before it wrote anything.
    """
    worker = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert worker.stdout is not None
    first = worker.stdout.readline()
    assert first == b"open\n", first + worker.stderr.read() if worker.stderr else first
    time.sleep(seconds)
    worker.send_signal(signal.SIGKILL)
    out, _ = worker.communicate(timeout=60)
    return out.decode().split("\n")[:-1]


def test_killed_imports_leave_whole_imports_or_none(tmp_path: Path, seeds: Path) -> None:
    library = tmp_path / "lib.sqlite3"
    corpus = _corpus(tmp_path / "corpus", seeds)
    files_per_import = len(list(corpus.iterdir()))
    rng = random.Random(7)
    for _ in range(5):
        _kill_after([sys.executable, "-c", IMPORT_WORKER, str(library), str(corpus)], rng.uniform(0.4, 1.5))
        conn = sqlite3.connect(library)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        per_notebook = conn.execute(
            "SELECT b.title, count(s.id) FROM notebooks b LEFT JOIN sources s ON s.notebook_id = b.id GROUP BY b.id"
        ).fetchall()
        assert all(count == files_per_import for _title, count in per_notebook), per_notebook
        orphans = conn.execute("SELECT count(*) FROM notes WHERE source_id NOT IN (SELECT id FROM sources)")
        assert orphans.fetchone()[0] == 0
        fts = conn.execute("SELECT count(*) FROM questions_fts WHERE questions_fts MATCH 'the'").fetchone()[0]
        assert (
            fts
            == conn.execute(
                "SELECT count(*) FROM questions WHERE text LIKE '%the%' OR answer LIKE '%the%' OR asker LIKE '%the%'"
            ).fetchone()[0]
        )
        conn.close()


def test_killed_edits_keep_every_acknowledged_change(tmp_path: Path, seeds: Path) -> None:
    from studynotes.importers import import_file
    from studynotes.library import Library

    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as library:
        library.save_import(import_file(seeds / "lecture-chat-log.txt"), notebook="Chat")
        ids = sorted(q.id for q in library.questions())
    rng = random.Random(11)
    for _ in range(5):
        with Library.open(path) as library:
            before = {q.id: q.status for q in library.questions()}
        acknowledged = _kill_after([sys.executable, "-c", EDIT_WORKER, str(path)], rng.uniform(0.3, 1.0))
        assert acknowledged, "the worker made no edit before it was killed"
        with Library.open(path) as library:
            assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {q.id: q.status for q in library.questions()}
        done = int(acknowledged[-1]) + 1
        # Every acknowledged step is in; the step in flight may or may not have landed.
        assert stored in (_replay(before, ids, done), _replay(before, ids, done + 1))


def _replay(start: dict[int, str], ids: list[int], steps: int) -> dict[int, str]:
    state = dict(start)
    for step in range(steps):
        state[ids[step % len(ids)]] = "answered" if (step // len(ids)) % 2 else "open"
    return state
