"""The floor of an import: a library's rows stored again by SQL alone, then indexed for search.

    PYTHONPATH=src .venv/bin/python bench/import_floor.py SOURCE.sqlite3 NEW.sqlite3

It makes a new library at NEW (which must not exist) and, in one transaction, copies every
notebook, week, lecture, source, note, cell and question of SOURCE into it with one
`INSERT … SELECT` per table (the schema's triggers run: counts, rows noted for indexing), then
indexes them as an import's commit does: the full-text indexes filled by SQL
(`index_later.index_new_rows`), then the vocabulary and the parts of words, each row's words
read once for both (`words_and_parts.flush`).  No file is read or parsed and no row passes
through Python on its way in, so the CPU seconds printed per step are what storing and
indexing those rows costs at least, whatever the importer does.  SOURCE is only read.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from studynotes.library import Library, words_and_parts
from studynotes.library.index_later import index_new_rows

TABLES = ("notebooks", "weeks", "lectures", "sources", "notes", "cells", "questions")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _columns(conn: sqlite3.Connection, table: str) -> str:
    """The columns both libraries have (an older source may lack a newer column's default)."""
    source = {row[1] for row in conn.execute(f"PRAGMA source.table_info({table})")}
    return ", ".join(row[1] for row in conn.execute(f"PRAGMA main.table_info({table})") if row[1] in source)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.new.exists():
        parser.error(f"{args.new} exists: the floor is measured into a new file")
    with Library.open(args.new):
        pass  # the schema, at the version this code writes
    conn = sqlite3.connect(args.new, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("ATTACH ? AS source", (f"file:{args.source}?mode=ro",))
    steps: list[tuple[str, float, float]] = []

    def step(name: str, run: Callable[[], object]) -> None:
        cpu, wall = _cpu(), time.perf_counter()
        run()
        steps.append((name, _cpu() - cpu, time.perf_counter() - wall))
        print(f"{name:<34} {steps[-1][1]:8.1f} s CPU {steps[-1][2]:8.1f} s wall", flush=True)

    conn.execute("BEGIN")
    for table in TABLES:
        columns = _columns(conn, table)
        step(
            f"rows: {table}",
            lambda t=table, c=columns: conn.execute(  # type: ignore[misc]
                f"INSERT INTO main.{t} ({c}) SELECT {c} FROM source.{t}"
            ),
        )
    step("full-text indexes, filled by SQL", lambda: index_new_rows(conn))
    step("the vocabulary and the parts of words", lambda: words_and_parts.flush(conn))
    step("commit", lambda: conn.execute("COMMIT"))
    questions, cells, notes = conn.execute(
        "SELECT (SELECT count(*) FROM questions), (SELECT count(*) FROM cells), (SELECT count(*) FROM notes)"
    ).fetchone()
    total = sum(cpu for _, cpu, _ in steps)
    print(f"{questions:,} questions, {cells:,} cells, {notes:,} notes: {total:.1f} s of CPU in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
