"""Several common words that rarely meet: the word index against a finer one, on one library.

    PYTHONPATH=src .venv/bin/python bench/finer_words.py LIBRARY [--runs 9]

A term of such a query is held by several whole words (`gan`, `gan은`, `gan의`, `gan?`,
`생성모델(gan)를`, …), and FTS5 answers it as an OR of their lists: at a million questions the
first page of `beam gan lstm` merges 18 lists.  This builds, in a scratch file beside nothing
(a temporary folder), the index that would answer with one list per term: the same rows, their
words split also at punctuation and where ASCII letters and digits meet another script, ASCII
case folded (`gan은` → `gan` `은`).  Then, per query of `bench/scale.py`'s "several words" kind,
it prints the bare full-text query's CPU time (best of the runs) for the first page in each
index and whether both give the same rows.  Reads LIBRARY only; prints, never fails on timing.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import tempfile
import time
from pathlib import Path

from scale import QUERIES
from studynotes.library import Library, parse_query

_FINER = re.compile(r"[A-Za-z0-9]+|[^\x00-\x7f]+")
_PAGE = "SELECT rowid FROM {0} WHERE {0} MATCH ? ORDER BY rowid DESC LIMIT 50"


def finer_words(text: str) -> list[str]:
    return _FINER.findall(text.encode("utf-8").lower().decode("utf-8"))


def build(library: Path, target: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("CREATE VIRTUAL TABLE finer USING fts5(t, content='', detail=none, tokenize='ascii')")
    source = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    started = time.process_time()
    conn.execute("BEGIN")
    rows = source.execute("SELECT id, text || ' ' || answer || ' ' || asker FROM questions")
    conn.executemany(
        "INSERT INTO finer (rowid, t) VALUES (?, ?)", ((i, " ".join(finer_words(t))) for i, t in rows)
    )
    conn.execute("INSERT INTO finer (finer) VALUES ('optimize')")
    conn.execute("COMMIT")
    print(f"finer index of {library.name}: {time.process_time() - started:.1f} s CPU")
    return conn


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
    with tempfile.TemporaryDirectory() as folder, Library.open(args.library, read_only=True) as library:
        finer = build(args.library.resolve(), Path(folder) / "finer.sqlite3")
        finer.execute("CREATE VIRTUAL TABLE temp.finer_terms USING fts5vocab(main, finer, 'row')")
        vocabulary = [str(r[0]) for r in finer.execute("SELECT term FROM temp.finer_terms")]
        words = library._word_search()
        print(
            "| query | lists (word index) | first page, word index | lists (finer) | first page, finer | same rows |"
        )
        print("|---|---|---|---|---|---|")
        for query in QUERIES["several words with few hits"]:
            terms = parse_query(query)
            plan = words.plan("question", terms)
            if plan.impossible:
                print(f"| `{query}` | a term no question holds: answered from the vocabulary | | | | |")
                continue
            if plan.long or plan.short:
                print(f"| `{query}` | not answered by the word index alone | | | | |")
                continue
            ms, rows = best(
                library.conn, _PAGE.format("questions_words"), " AND ".join(plan.words), args.runs
            )
            per_term = [[w for w in vocabulary if t.lower() in w] for t in terms.all]
            expression = " AND ".join("(" + " OR ".join(f'"{w}"' for w in ws) + ")" for ws in per_term)
            finer_ms, finer_rows = (
                best(finer, _PAGE.format("finer"), expression, args.runs) if all(per_term) else (0.0, [])
            )
            lists = sum(e.count(" OR ") + 1 for e in plan.words)
            print(
                f"| `{query}` | {lists} | {ms:.2f} ms | {sum(map(len, per_term))} | {finer_ms:.2f} ms"
                f" | {'yes' if rows == finer_rows else 'no'} ({len(rows)} rows) |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
