"""Review queries on the 100,000-question library: what the window asks before each card.

    .venv/bin/python bench/review.py [--out bench/out] [--seed 7] [--reviewed 20000] [--repeats 30]

Builds (or reuses) the benchmark library of bench/run.py, copies it, gives a share
of its answered questions a review history (ratings spread over the last 60 days,
through `Library.rate`, so the schedules are the fsrs package's), then times:
the due count and the next card for the whole library, a notebook and a week; the
first page of the due list; and the due counts of a notebook's tree.  Prints the
median and 95th percentile in milliseconds.  The target is under 20 ms each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "src"))

import measure  # noqa: E402
from studynotes.library import Library, QuestionFilter  # noqa: E402

TARGET_MS = 20.0


def give_history(library: Library, reviewed: int, seed: int, now: dt.datetime) -> int:
    """Rate `reviewed` answered questions one to four times over the last 60 days."""
    rng = random.Random(seed)
    answered = [q.id for q in library.iter_questions(QuestionFilter(status="answered"))]
    chosen = rng.sample(answered, min(reviewed, len(answered)))
    ratings = 0
    with library.batch():
        for question_id in chosen:
            moment = now - dt.timedelta(days=rng.uniform(20, 60))
            for _ in range(rng.randint(1, 4)):
                library.rate(question_id, rng.choices((1, 2, 3, 4), (1, 2, 6, 2))[0], moment)
                ratings += 1
                moment += dt.timedelta(days=rng.uniform(0.5, 6))
                if moment >= now:
                    break
    return ratings


def timed(call: Callable[[], object], repeats: int) -> tuple[float, float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return measure.summarise(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reviewed", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    big = measure.ensure_corpus(args.out, 10_000, 100_000, args.seed)
    cached, _built = measure.ensure_library(args.out, big)
    now = dt.datetime.now(dt.UTC)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.sqlite3"
        shutil.copyfile(cached, path)
        with Library.open(path) as library:
            total = library.conn.execute("SELECT count(*) FROM questions").fetchone()[0]
            started = time.perf_counter()
            ratings = give_history(library, args.reviewed, args.seed, now)
            rating_ms = (time.perf_counter() - started) * 1000 / max(1, ratings)
            notebook = max(library.notebooks(), key=lambda nb: nb.counts.questions)
            week = max(library.weeks(notebook.id), key=lambda w: w.counts.questions)
            scopes = {
                "library": QuestionFilter(),
                "notebook": QuestionFilter(notebook_id=notebook.id),
                "week": QuestionFilter(week_id=week.id),
            }
            print(
                f"{total:,} questions, {ratings:,} ratings of {args.reviewed:,} questions ({rating_ms:.2f} ms a rating)"
            )
            print(f"{'query':<34}{'due':>8}{'median ms':>11}{'p95 ms':>9}")
            rows: list[tuple[str, int, tuple[float, float]]] = []
            for name, scope in scopes.items():
                due = library.due_count(scope, now)
                rows.append(
                    (
                        f"due count, {name}",
                        due,
                        timed(lambda s=scope: library.due_count(s, now), args.repeats),
                    )
                )
                rows.append(
                    (f"next card, {name}", due, timed(lambda s=scope: library.next_due(s, now), args.repeats))
                )
            notebook_scope = scopes["notebook"]
            rows.append(
                (
                    "due list, first 50, notebook",
                    library.due_count(notebook_scope, now),
                    timed(lambda: library.due_cards(notebook_scope, now, limit=50), args.repeats),
                )
            )
            rows.append(
                (
                    "tree due counts, notebook",
                    sum(v for k, v in library.due_by_node(notebook.id, now).items() if k[0] == "notebook"),
                    timed(lambda: library.due_by_node(notebook.id, now), args.repeats),
                )
            )
            for name, due, (median, p95) in rows:
                flag = "" if p95 < TARGET_MS else "  (over 20 ms)"
                print(f"{name:<34}{due:>8,}{median:>11.1f}{p95:>9.1f}{flag}")


if __name__ == "__main__":
    main()
