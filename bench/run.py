"""The performance budget, measured: one command, one table, every figure beside its floor.

    .venv/bin/python bench/run.py [--runs 5] [--skip-joplin]

Generates the 1,500-note and 10,000-note corpora (bench/corpus.py), imports
the big one into a cached library, then measures every figure of the budget
`runs` times and prints medians (p95 where the budget says p95).  Floors are
measured in the same run.  Timings are printed, never asserted: the exit code
is 0 unless something could not be measured at all.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import floors
import joplin
import measure
from report import Row, fmt, median, p95, table

BENCH = Path(__file__).resolve().parent


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def import_rows(small: Path, runs: int, info: dict[str, float]) -> list[Row]:
    log(f"importing {small.name} with `studynotes import`, {runs} runs")
    imports = measure.import_process(small, runs)
    seconds = median([r.seconds for r in imports])
    floor, paragraphs = floors.import_floor(small, runs)
    megabytes = info["bytes"] / 1e6
    notes, questions = imports[0].notes, imports[0].questions
    return [
        Row(
            f"import {notes:,} notes / {questions:,} questions ({int(info['files'])} files, {megabytes:.1f} MB), whole process",
            seconds,
            "s",
            budget=10.0,
            floor=floor,
            floor_name=f"read + insert + FTS5 of {paragraphs:,} paragraphs",
        ),
        Row(
            "import speed",
            megabytes / seconds,
            "MB/s",
            floor=megabytes / floor,
            floor_name="same floor",
            higher_is_better=True,
        ),
        Row("import speed", notes / seconds, "notes/s"),
    ]


def joplin_rows(small: Path, runs: int, studynotes_seconds: float, out: Path) -> list[Row]:
    command, why = joplin.ensure_installed(out)
    if command is None:
        log(f"Joplin skipped: {why}")
        return [Row(f"Joplin {joplin.VERSION} import of the same files — skipped: {why}", float("nan"), "s")]
    log(f"importing {small.name} with `joplin import --format md`, {runs} runs")
    times, notes = joplin.import_runs(command, small, runs)
    return [
        Row(
            f"Joplin {joplin.VERSION} `import --format md` of the same files ({notes:,} Joplin notes), whole process",
            median(times),
            "s",
            floor=studynotes_seconds,
            floor_name="studynotes, same files",
        )
    ]


def search_rows(library: Path, runs: int) -> list[Row]:
    log("searching the 100,000-question library")
    long_times = measure.search_times(library, measure.LONG_QUERIES, runs)
    short_times = measure.search_times(library, measure.SHORT_QUERIES, runs)
    return [
        Row(
            "search, 3+ characters, first page (p95)",
            p95(long_times),
            "ms",
            budget=5.0,
            floor=floors.trigram_query(library, measure.LONG_QUERIES, runs),
            floor_name="bare FTS5 trigram MATCH",
            note=f"median {median(long_times):.1f} ms",
        ),
        Row(
            "search, 1–2 characters, first page (p95)",
            p95(short_times),
            "ms",
            budget=100.0,
            floor=floors.like_query(library, measure.SHORT_QUERIES, runs),
            floor_name="bare LIKE on question text, the scan the index replaced",
            note=f"median {median(short_times):.1f} ms",
        ),
    ]


def render_rows(runs: int) -> list[Row]:
    log("rendering a 5 KB note")
    times, markdown, size = measure.render_cold(runs)
    return [
        Row(
            f"render a {size / 1000:.1f} KB note cold, formulas uncached",
            median(times),
            "ms",
            budget=200.0,
            floor=floors.markdown_5kb(markdown, runs),
            floor_name="Python-Markdown, same text",
        ),
        Row(
            "the same, first render in a new process (imports, MathJax start-up)",
            measure.render_fresh_process(runs, warm=False),
            "ms",
        ),
        Row(
            "… its formulas in the disk cache (MathJax not started)",
            measure.render_fresh_process(runs, warm=True),
            "ms",
        ),
    ]


def window_rows(library: Path, out: Path, runs: int) -> list[Row]:
    log(f"starting the window on the 10,000-note library, {runs} + 1 runs")
    plan = measure.window_plan(library, notes=10, rounds=2)
    results = measure.window_runs(library, out, runs, plan)
    empty = floors.empty_window(runs)
    web, web_rss, web_pss = floors.web_first_paint(runs)
    select = [ms for r in results for ms in r["select_ms"]]
    sethtml = [ms for r in results for ms in r["sethtml_ms"]]
    toggle = [ms for r in results for ms in r["toggle_ms"]]
    toggle_window = [ms for r in results for ms in r["toggle_window_ms"]]
    rss = median([r["rss_mb"] for r in results])
    pss = median([r["pss_mb"] for r in results])
    rest = median([r["rest_rss_mb"] for r in results])
    return [
        Row(
            "open the window until the tree is usable",
            median([r["open_s"] for r in results]),
            "s",
            budget=1.0,
            floor=empty,
            floor_name="empty PySide6 window",
        ),
        Row(
            "… until the first preview page is painted",
            median([r["preview_s"] for r in results]),
            "s",
            floor=web,
            floor_name="QtWebEngine first paint",
        ),
        Row(
            "select another note until its preview is painted, formulas cached (p95)",
            p95(select),
            "ms",
            budget=50.0,
            floor=p95(sethtml),
            floor_name="a whole page load (setHtml) of the same page",
            note=f"median {median(select):.1f} ms",
        ),
        Row(
            "toggle a question's status until the tree count shows it",
            median(toggle),
            "ms",
            budget=20.0,
            floor=floors.status_update(out / "window" / "library.sqlite3", int(str(plan["question"])), runs),
            floor_name="bare UPDATE + COMMIT",
            note=f"Library.set_status + apply_change; p95 {p95(toggle):.1f} ms",
        ),
        Row(
            "… the same through the window's toggle (undo stack, question list)", median(toggle_window), "ms"
        ),
        Row(
            f"memory of the whole app, {int(median([r['processes'] for r in results]))} processes, RSS summed",
            rss,
            "MB",
            budget=500.0,
            floor=web_rss,
            floor_name="an empty QtWebEngine page",
            note=f"PSS {pss:.0f} MB (floor {web_pss:.0f} MB); {rest:.0f} MB at rest 3 s later",
        ),
    ]


def floor_rows(library: Path, runs: int) -> list[Row]:
    """The issue's reference figures, measured here."""
    lazy, standard = floors.tree_models(runs)
    return [
        Row("sqlite3 inserts, one transaction (reference 100,000 rows/s)", floors.sqlite_inserts(), "rows/s"),
        Row("FTS5 trigram index of 1 KB rows (reference 6,000 rows/s)", floors.fts_build(), "rows/s"),
        Row(
            "trigram query, 100,000 questions (reference well under 1 ms)",
            floors.trigram_query(library, measure.LONG_QUERIES, runs),
            "ms",
        ),
        Row("a lazy tree model shows 100,000 leaves (reference about 50 ms)", lazy * 1000, "ms"),
        Row("QStandardItemModel shows the same (reference about 500 ms)", standard * 1000, "ms"),
    ]


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    return f"{os.cpu_count()} cores, {cpu}; Python {platform.python_version()}; {platform.system()} {platform.release()}"


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure the performance budget.")
    parser.add_argument(
        "--runs", type=int, default=5, help="runs per figure (medians; at least 5 for the record)"
    )
    parser.add_argument("--skip-joplin", action="store_true", help="leave out the Joplin row")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    # The formula cache on disk: the bench's own (every process started here inherits it), never the user's.
    os.environ["STUDYNOTES_CACHE_DIR"] = str(out / "formula-cache")
    started = time.monotonic()

    log("generating the corpora (cached in bench/out)")
    small = measure.ensure_corpus(out, 1500, 15000, args.seed)
    big = measure.ensure_corpus(out, 10000, 100000, args.seed)
    library, built = measure.ensure_library(out, big)
    if built is not None:
        log(f"imported the 10,000-note corpus into {library.name} in {built:.1f} s")
    info = measure.corpus_info(out, small)

    rows = import_rows(small, args.runs, info)
    studynotes_seconds = rows[0].value
    if args.skip_joplin:
        rows.append(Row(f"Joplin {joplin.VERSION} import — skipped (--skip-joplin)", float("nan"), "s"))
    else:
        rows += joplin_rows(small, args.runs, studynotes_seconds, out)
    rows += search_rows(library, args.runs)
    rows += render_rows(args.runs)
    rows += window_rows(library, out, args.runs)
    reference = floor_rows(library, args.runs)

    text = "\n".join(
        [
            f"Machine: {machine()}",
            f"Command: .venv/bin/python bench/run.py --runs {args.runs}{' --skip-joplin' if args.skip_joplin else ''}",
            f"Medians of {args.runs} runs unless marked p95; budget verdicts are informational.",
            "",
            table(rows),
            "",
            "Floors on this machine:",
            "",
            "| floor | measured |",
            "|---|---|",
            *[f"| {r.figure} | {fmt(r.value, r.unit)} |" for r in reference],
        ]
    )
    if built is not None:
        text += f"\n\nThe 10,000-note library was imported in-process from its files in {built:.1f} s."
    print(text)
    (out / "latest.md").write_text(text + "\n", encoding="utf-8")
    log(f"done in {time.monotonic() - started:.0f} s; the table is also in {out / 'latest.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
