"""Several common words that rarely meet: the first page through whole words and through their parts.

    PYTHONPATH=src .venv/bin/python bench/word_parts.py LIBRARY [--runs 9]

A term of such a query is held by several whole words (`gan`, `gan은`, `gan의`, `gan?`,
`생성모델(gan)를`, …), and the word index (`questions_words`) answers it as an OR of their lists:
at a million questions the first page of `beam gan lstm` merges 18 lists.  The parts index
(`questions_parts`, library/word_parts.py) answers the same term with one list, its words split
also at punctuation and where ASCII letters and digits meet another script.  Per query of
`bench/scale.py`'s "several words" kind this prints the bare full-text query's CPU time (best of
the runs) for the first page in each index and whether both give the same rows.  Reads LIBRARY
only (it must be at the current schema); prints, never fails on timing.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path

from scale import QUERIES
from studynotes.library import Library, parse_query

_PAGE = "SELECT rowid FROM {0} WHERE {0} MATCH ? ORDER BY rowid DESC LIMIT 50"


def best(conn: sqlite3.Connection, sql: str, expression: str, runs: int) -> tuple[float, list[int]]:
    times, rows = [], []
    for _ in range(runs):
        started = time.thread_time()
        rows = [r[0] for r in conn.execute(sql, (expression,))]
        times.append(time.thread_time() - started)
    return min(times) * 1000, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with Library.open(args.library, read_only=True) as library:
        words = library._word_search()
        print("| query | lists: words | first page: words | lists: parts | first page: parts | same rows |")
        print("|---|---|---|---|---|---|")
        for query in QUERIES["several words with few hits"]:
            plan = words.plan("question", parse_query(query))
            if plan.impossible:
                print(f"| `{query}` | a term no question holds: answered from the vocabulary | | | | |")
                continue
            if plan.long or plan.short or plan.parts is None:
                print(f"| `{query}` | not answered by the word index alone | | | | |")
                continue
            ms, rows = best(
                library.conn, _PAGE.format("questions_words"), " AND ".join(plan.words), args.runs
            )
            parts_ms, parts_rows = best(
                library.conn, _PAGE.format("questions_parts"), " AND ".join(plan.parts), args.runs
            )
            lists, parts = (sum(e.count(" OR ") + 1 for e in x) for x in (plan.words, plan.parts))
            print(
                f"| `{query}` | {lists} | {ms:.2f} ms | {parts} | {parts_ms:.2f} ms"
                f" | {'yes' if rows == parts_rows else 'no'} ({len(rows)} rows) |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
