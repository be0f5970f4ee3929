"""Soak: kill the importer and the editor many times at random moments and report what survived.

    .venv/bin/python bench/soak_kill.py [ROUNDS]

Prints one line per round and a summary; it never fails on timing.  The fast
version of the same checks runs in the test suite (tests/library/test_kill.py).
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPORTER = """
import sys
from pathlib import Path
from studynotes.importing import import_paths
from studynotes.library import Library
library = Library.open(sys.argv[1])
for round_ in range(100000):
    import_paths(library, [Path(sys.argv[2])], notebook=f"Round {round_}")
"""
EDITOR = """
import sys
from studynotes.library import Library
library = Library.open(sys.argv[1])
ids = sorted(q.id for q in library.questions())
for step in range(10**7):
    library.set_status(ids[step % len(ids)], "answered" if (step // len(ids)) % 2 else "open")
    print(step, flush=True)
"""


def make_corpus(folder: Path) -> int:
    folder.mkdir()
    count = 0
    for copy in range(10):
        for seed in (ROOT / "seeds").glob("*.*"):
            if seed.name != "README.md":
                (folder / f"{copy}-{seed.name}").write_bytes(
                    seed.read_bytes() + f"\n\ncopy {copy}\n".encode()
                )
                count += 1
    return count


def kill_after(command: list[str], seconds: float) -> list[str]:
    worker = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(seconds)
    worker.send_signal(signal.SIGKILL)
    out, _ = worker.communicate()
    return out.decode().split("\n")[:-1]


def check_imports(library: Path, files: int) -> tuple[bool, str]:
    conn = sqlite3.connect(library)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = [
            c
            for (c,) in conn.execute(
                "SELECT count(s.id) FROM notebooks b LEFT JOIN sources s ON s.notebook_id = b.id GROUP BY b.id"
            )
        ]
        whole = all(c == files for c in counts)
        return (
            ok and whole,
            f"integrity {'ok' if ok else 'BROKEN'}, {len(counts)} imports, all whole: {whole}",
        )
    finally:
        conn.close()


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    rng = random.Random(2026)
    survived = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = make_corpus(folder / "corpus")
        library = folder / "lib.sqlite3"
        for number in range(rounds):
            delay = rng.uniform(0.2, 2.0)
            kill_after([sys.executable, "-c", IMPORTER, str(library), str(folder / "corpus")], delay)
            good, summary = check_imports(library, files)
            survived += good
            print(f"import round {number + 1:3}: killed after {delay:.2f} s: {summary}")
        edits_ok = 0
        for number in range(rounds):
            delay = rng.uniform(0.1, 1.0)
            acknowledged = kill_after([sys.executable, "-c", EDITOR, str(library)], delay)
            conn = sqlite3.connect(library)
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            conn.close()
            edits_ok += ok
            print(
                f"edit round {number + 1:3}: killed after {delay:.2f} s, {len(acknowledged)} acknowledged edits, "
                f"integrity {'ok' if ok else 'BROKEN'}"
            )
    print(f"\nimports: {survived}/{rounds} rounds left a sound file with only whole imports")
    print(f"edits:   {edits_ok}/{rounds} rounds left a sound file")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
