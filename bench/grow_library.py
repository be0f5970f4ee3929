"""A library N times the size of another: every note, cell and question copied with new ids.

    PYTHONPATH=src .venv/bin/python bench/grow_library.py LIBRARY N

Works in place (copy the library first).  The copies go in by `INSERT … SELECT`, so every
trigger runs as on an import (full-text and word indexes, kept counts, the words read at
commit), and the indexes are merged as after an import.  For measuring a million questions
when importing a million-question corpus would take longer than there is time for; the words
and their spread are the original's.  Prints CPU time; never fails on timing.
"""

from __future__ import annotations

import sqlite3
import sys
import time

from studynotes.library import word_index

SHIFTED = {
    "notes": {"id": "notes"},
    "cells": {"id": "cells", "note_id": "notes"},
    "questions": {"id": "questions", "cell_id": "cells", "note_id": "notes"},
}


# A copied note starts at zero: the triggers count its questions as they are copied in (copying
# the counts as well counted every question of a copy twice).
KEPT_COUNTS = {"questions_total": "0", "questions_open": "0"}


def grow(path: str, times: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    cpu = time.process_time()
    conn.execute("BEGIN IMMEDIATE")
    last = {t: conn.execute(f"SELECT max(id) FROM {t}").fetchone()[0] for t in SHIFTED}
    for copy in range(1, times):
        for table, shifted in SHIFTED.items():
            names = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            values = [
                f"{n} + {copy * last[shifted[n]]}"
                if n in shifted
                else (f"{n} || '-{copy}'" if n in ("stable_key", "import_key") else KEPT_COUNTS.get(n, n))
                for n in names
            ]
            conn.execute(
                f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(values)} FROM {table}"
                f" WHERE id <= {last[table]}"
            )
        print(f"copy {copy}: {time.process_time() - cpu:.1f} s CPU", flush=True)
    word_index.flush(conn)
    print(f"words read: {time.process_time() - cpu:.1f} s CPU", flush=True)
    word_index.merge_segments(conn)
    conn.execute("COMMIT")
    questions = conn.execute("SELECT count(*) FROM questions").fetchone()[0]
    print(f"{questions:,} questions; {time.process_time() - cpu:.1f} s CPU")


if __name__ == "__main__":
    grow(sys.argv[1], int(sys.argv[2]))
