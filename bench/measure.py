"""The app's own figures: importing, searching, rendering, and the window (through window_probe.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import corpus
from floors import QT_ENV
from report import median, p95
from studynotes.model import Note

BENCH = Path(__file__).resolve().parent
SRC = BENCH.parent / "src" / "studynotes"
LONG_QUERIES = [
    "정규화",
    "Batch",
    "gradient",
    "손실함수를",
    "Attention",
    "드롭아웃",
    "softmax",
    "라이블러",
    "과제에서",
    "zebra",
]
SHORT_QUERIES = ["L1", "규제", "모델", "층", "W", "학습", "Q", "뭘", "xz", "편향"]


@dataclass
class ImportRun:
    seconds: float
    notes: int
    questions: int


def import_process(corpus_dir: Path, runs: int) -> list[ImportRun]:
    """`studynotes import DIR` as a whole process into a fresh library, `runs` times."""
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            library = Path(folder) / "library.sqlite3"
            started = time.monotonic()
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "studynotes",
                    "--library",
                    str(library),
                    "import",
                    str(corpus_dir),
                    "--json",
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            elapsed = time.monotonic() - started
            if done.returncode != 0:
                raise RuntimeError(f"studynotes import failed: {done.stderr.strip()[-300:]}")
            conn = sqlite3.connect(library)
            notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
            questions = conn.execute("SELECT count(*) FROM questions WHERE private = 0").fetchone()[0]
            conn.close()
            results.append(ImportRun(elapsed, notes, questions))
    return results


def source_fingerprint() -> str:
    """Changes whenever the importers or the library change, so a cached library is rebuilt."""
    digest = hashlib.sha256(str(corpus.GENERATOR_VERSION).encode())
    for path in sorted([*SRC.glob("importers/*.py"), *SRC.glob("library/*.py"), SRC / "model.py"]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def ensure_corpus(out: Path, notes: int, questions: int, seed: int) -> Path:
    folder = out / f"corpus-{notes}"
    manifest = out / f"corpus-{notes}.json"
    wanted = {"version": corpus.GENERATOR_VERSION, "notes": notes, "questions": questions}
    if manifest.exists() and folder.is_dir():
        known = json.loads(manifest.read_text())
        if all(known.get(k) == v for k, v in wanted.items()) and known.get("seed") == seed:
            return folder
    shutil.rmtree(folder, ignore_errors=True)
    info = corpus.generate(folder, notes, questions, seed)
    manifest.write_text(json.dumps({**info.as_json(), "seed": seed}, ensure_ascii=False, indent=1))
    return folder


def ensure_library(out: Path, corpus_dir: Path) -> tuple[Path, float | None]:
    """The big library, imported from its files in-process; rebuilt only when the code changed.

    Returns the path and the seconds the import took (None when reused).
    """
    from studynotes.importing import import_paths
    from studynotes.library import Library

    path = out / f"library-{corpus_dir.name}-{source_fingerprint()}.sqlite3"
    if path.exists():
        return path, None
    for old in out.glob(f"library-{corpus_dir.name}-*.sqlite3*"):
        old.unlink()
    building = path.with_suffix(".building")
    building.unlink(missing_ok=True)
    started = time.monotonic()
    with Library.open(building) as library:
        report = import_paths(library, [corpus_dir])
        if report.errors:
            raise RuntimeError(f"the big corpus did not import: {report.errors[0]}")
    elapsed = time.monotonic() - started
    for suffix in ("-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    building.rename(path)
    return path, elapsed


def search_times(library_path: Path, queries: list[str], repeats: int) -> list[float]:
    """Milliseconds per Library.search (first page), every query `repeats` times."""
    from studynotes.library import Library

    times = []
    with Library.open(library_path, read_only=True) as library:
        library.search(queries[0])  # open the pages once
        for _ in range(repeats):
            for query in queries:
                started = time.perf_counter()
                library.search(query)
                times.append((time.perf_counter() - started) * 1000)
    return times


def five_kb_note(seed: int) -> tuple[Note, str]:
    """A meeting-minutes note of at least 5 KB with formulas, parsed by the real importer."""
    from studynotes.importers import registry
    from studynotes.model import ImportContext

    questions = 3
    while True:
        text = corpus.minutes(random.Random(seed), dt.date(2021, 8, 5), 7, questions)
        note = registry()["minutes"].parse(text, ImportContext()).notes[0]
        markdown = "\n\n".join(
            c.markdown if c.question is None else f"{c.question.text}\n\n{c.question.answer}"
            for c in note.cells
        )
        if len(markdown.encode()) >= 5000:
            return note, markdown
        questions += 1


def render_cold(runs: int) -> tuple[list[float], str, int]:
    """ms to render a 5 KB note with the formula cache emptied first; also its Markdown and size."""
    from studynotes.render import render_note

    render_note(five_kb_note(999)[0])  # MathJax and Markdown loaded once: "cold" means formulas only
    times = []
    markdown = ""
    for run in range(runs):
        note, markdown = five_kb_note(run)
        forget_formulas()
        started = time.perf_counter()
        render_note(note)
        times.append((time.perf_counter() - started) * 1000)
    return times, markdown, len(markdown.encode())


_FRESH_RENDER = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from measure import five_kb_note
note, _ = five_kb_note(0)
started = time.perf_counter()
from studynotes.render import render_note
render_note(note)
print((time.perf_counter() - started) * 1000)
"""


def forget_formulas() -> None:
    """Empty the formula caches, in memory and on disk (the bench's cache folder, set by run.py)."""
    from studynotes.render import formula_cache
    from studynotes.render.math import formula_svg

    formula_svg.cache_clear()
    cache = formula_cache.shared()
    if cache is not None:
        cache.clear()


def render_fresh_process(runs: int, warm: bool) -> float:
    """ms for the first render in a new process: imports, MathJax start-up (unless `warm`: the
    formulas are all in the disk cache) and the formulas."""
    times = []
    if warm:
        subprocess.run([sys.executable, "-c", _FRESH_RENDER, str(BENCH)], capture_output=True, check=True)
    for _ in range(runs):
        if not warm:
            forget_formulas()
        done = subprocess.run(
            [sys.executable, "-c", _FRESH_RENDER, str(BENCH)], capture_output=True, text=True, check=True
        )
        times.append(float(done.stdout.strip().splitlines()[-1]))
    return median(times)


def window_plan(library_path: Path, notes: int, rounds: int) -> dict[str, object]:
    """Notes with formulas spread over the library, and a question of the first of them."""
    conn = sqlite3.connect(f"{library_path.resolve().as_uri()}?mode=ro", uri=True)
    candidates = [
        r[0]
        for r in conn.execute(
            """SELECT n.id FROM notes n WHERE n.kind IN ('minutes', 'board') AND EXISTS
               (SELECT 1 FROM questions q WHERE q.note_id = n.id AND q.private = 0) ORDER BY n.id"""
        )
    ]
    step = max(1, len(candidates) // notes)
    chosen = candidates[::step][:notes]
    question = conn.execute(
        "SELECT id FROM questions WHERE note_id = ? AND private = 0 ORDER BY id LIMIT 1", (chosen[0],)
    ).fetchone()[0]
    conn.close()
    return {"notes": chosen, "question": question, "rounds": rounds}


def window_runs(library_path: Path, out: Path, runs: int, plan: dict[str, object]) -> list[dict[str, Any]]:
    """Start the app `runs` times (after one untimed start) and collect what the probe saw."""
    work = out / "window"
    work.mkdir(exist_ok=True)
    library = work / "library.sqlite3"
    if not library.exists() or library.stat().st_mtime < library_path.stat().st_mtime:
        shutil.rmtree(work)
        work.mkdir()
        shutil.copy2(library_path, library)
    (work / "plan.json").write_text(json.dumps(plan))
    results = []
    for run in range(runs + 1):
        config = Path(tempfile.mkdtemp(prefix="studynotes-bench-config-"))
        env = {**os.environ, **QT_ENV, "XDG_CONFIG_HOME": str(config), "XDG_DATA_HOME": str(config)}
        result_file = work / "result.json"
        result_file.unlink(missing_ok=True)
        started = time.monotonic()
        done = subprocess.run(
            [
                sys.executable,
                str(BENCH / "window_probe.py"),
                str(library),
                str(result_file),
                str(work / "plan.json"),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
            check=False,
        )
        shutil.rmtree(config, ignore_errors=True)
        if not result_file.exists():
            raise RuntimeError(f"the window probe wrote nothing: {done.stderr.strip()[-500:]}")
        result = json.loads(result_file.read_text())
        if "error" in result:
            raise RuntimeError(f"the window probe failed: {result['error']}")
        result["open_s"] = result["usable_at"] - started
        result["preview_s"] = result["preview_at"] - started
        if run > 0:  # the first start warms the disk cache and takes the day's backup
            results.append(result)
    return results


def summarise(values: list[float]) -> tuple[float, float]:
    return median(values), p95(values)


def corpus_info(out: Path, folder: Path) -> dict[str, float]:
    """Files, bytes, notes and questions of a generated corpus, from its manifest."""
    known = json.loads((out / f"{folder.name}.json").read_text())
    return {k: float(known[k]) for k in ("files", "bytes", "notes", "questions")}
