"""How costs grow with the library: import, search by kind of query, listings, at any size.

    .venv/bin/python bench/scale.py CORPUS_DIR LIBRARY [--archive N] [--runs 7] [--skip-import]

CORPUS_DIR is made by `bench/corpus.py` (e.g. `--notes 100000 --questions 1000000` for a million
questions).  The library is made fresh: first an archive notebook of N old questions (default
25,000) whose words the corpus never uses — `컴구`, and one-character `뷁` in many different
words — so "a short word frequent only in old notes" exists, then the corpus with
`studynotes import` in its own process.  Prints one Markdown table: wall time, CPU time
(user + sys) and peak memory of each whole process, and per kind of query the p95 of the first
page (wall and CPU of the searching thread) with the hits found.  The load average is printed
with it: on a shared machine wall time is inflated, CPU time is not.  Prints, never fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERIES = {
    "a word that occurs nowhere, made of common trigrams": ["Atention", "Regularizaton", "Transfomer"],
    "typos": ["Dropuot", "정규회", "Softmaks", "Eigenvalu3"],
    "several words with few hits": [
        "beam gan lstm",
        "dropout eigenvalue 혜지",
        "eigenvalue 소현 pooling",
        "transformer 세연 layer",
    ],
    "common words": ["attention", "정규화", "손실함수를", "softmax", "Batch"],
    "1–2 characters": ["L1", "층", "Q", "뭘", "W", "xz", "학습", "규제"],
    "1–2 characters frequent only in old notes": ["컴구", "뷁"],
}


def timed(command: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s, peak MB) of a whole process, its output discarded."""
    with tempfile.NamedTemporaryFile("r") as report:
        started = time.perf_counter()
        subprocess.run(
            ["/usr/bin/time", "-o", report.name, "-f", "%U %S %M", *command],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        wall = time.perf_counter() - started
        user, system, peak_kb = report.read().split()[-3:]
    return wall, float(user) + float(system), int(peak_kb) / 1024


def write_archive(folder: Path, questions: int) -> None:
    """Old notes: a board of questions using `컴구` and `뷁…` words the corpus never has."""
    folder.mkdir(parents=True, exist_ok=True)
    per_file = 500
    for start in range(0, questions, per_file):
        lines = [f"# 컴퓨터구조 스터디 {start // per_file + 1}주차", ""]
        for i in range(start, min(start + per_file, questions)):
            lines += [f"## 컴구 뷁{i % 997} 캐시 질문 {i}인가요?", "", f"답변 {i}: 캐시 라인", ""]
        (folder / f"archive-{start // per_file:04d}.md").write_text("\n".join(lines), encoding="utf-8")


def studynotes(library: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "studynotes", "--library", str(library), *args]


def search_rows(library: Path, runs: int) -> list[str]:
    from studynotes.library import Library

    rows = []
    with Library.open(library, read_only=True) as opened:
        opened.search("attention")  # the first search opens the index's pages
        for kind, queries in QUERIES.items():
            wall, cpu, hits = [], [], []
            for _ in range(runs):
                for query in queries:
                    started, thread = time.perf_counter(), time.thread_time()
                    found = opened.search(query)
                    cpu.append((time.thread_time() - thread) * 1000)
                    wall.append((time.perf_counter() - started) * 1000)
                    hits.append(len(found))
            rows.append(
                f"| search: {kind} (first page, p95) | {p95(wall):.2f} ms | {p95(cpu):.2f} ms | — |"
                f" hits {min(hits)}–{max(hits)}; median {statistics.median(wall):.2f} ms |"
            )
    return rows


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * 0.95) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("library", type=Path)
    parser.add_argument("--archive", type=int, default=25_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-import", action="store_true", help="measure the library as it is")
    args = parser.parse_args()
    rows = ["| figure | wall | CPU | peak memory | note |", "|---|---|---|---|---|"]
    if not args.skip_import:
        for stale in args.library.parent.glob(args.library.name + "*"):
            stale.unlink()
        shutil.rmtree(args.library.parent / "backups", ignore_errors=True)
        with tempfile.TemporaryDirectory() as folder:
            archive = Path(folder) / "컴퓨터구조 2019"
            write_archive(archive, args.archive)
            wall, cpu, peak = timed(studynotes(args.library, "import", str(archive)))
            rows.append(
                f"| import the archive ({args.archive:,} old questions) | {wall:.1f} s | {cpu:.1f} s | {peak:.0f} MB | |"
            )
        wall, cpu, peak = timed(studynotes(args.library, "import", str(args.corpus)))
        size = sum(p.stat().st_size for p in args.corpus.rglob("*") if p.is_file()) / 1e6
        rows.append(
            f"| import the corpus ({size:.0f} MB), whole process | {wall:.1f} s | {cpu:.1f} s | {peak:.0f} MB | |"
        )
        wall, cpu, peak = timed(studynotes(args.library, "import", str(args.corpus)))
        rows.append(f"| … again, every file unchanged | {wall:.1f} s | {cpu:.1f} s | {peak:.0f} MB | |")
    rows += search_rows(args.library, args.runs)
    for name, command in (
        ("`questions --json`", ["questions", "--json"]),
        ("`notes --json`", ["notes", "--json"]),
        ("`tree --json`", ["tree", "--json"]),
        ("`search --json attention`", ["search", "--json", "attention"]),
    ):
        wall, cpu, peak = timed(studynotes(args.library, *command))
        rows.append(f"| {name}, whole process | {wall:.2f} s | {cpu:.2f} s | {peak:.0f} MB | |")
    from studynotes.library import Library

    with Library.open(args.library, read_only=True) as opened:
        questions = opened.conn.execute("SELECT count(*) FROM questions").fetchone()[0]
    size_mb = args.library.stat().st_size / 1e6
    print(
        f"{questions:,} questions, library {size_mb:.0f} MB; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
