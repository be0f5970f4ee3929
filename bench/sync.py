"""Sharing a 10,000-note notebook through git: publish, and sync with nothing and with 10 questions changed.

    .venv/bin/python bench/sync.py [--notes 10000] [--questions 100000] [--runs 3]

The corpus (bench/corpus.py) is imported into ONE notebook, so the notebook
really holds 10,000 notes; the library is kept in bench/out/ between runs.
The remote is a local bare repository, so the figures are the app's and
dulwich's, not a network's.  Budget: nothing changed < 2 s, 10 changed
questions < 3 s, publish < 10 s.  Prints figures; never fails on timing.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "src"))

import measure  # noqa: E402
from studynotes.library import Library, QuestionFilter  # noqa: E402
from studynotes.sharing.publish import publish  # noqa: E402
from studynotes.sharing.sync import sync  # noqa: E402

NOTEBOOK = "Bench"


def _library(out: Path, notes: int, questions: int, seed: int) -> Path:
    from studynotes.importing import import_paths

    path = out / f"sync-{notes}-{questions}-{measure.source_fingerprint()}.sqlite3"
    if path.exists():
        return path
    for old in out.glob(f"sync-{notes}-{questions}-*.sqlite3*"):
        old.unlink()
    corpus = _one_folder(measure.ensure_corpus(out, notes, questions, seed), out / f"sync-corpus-{notes}")
    started = time.monotonic()
    building = path.with_suffix(".building")
    building.unlink(missing_ok=True)
    with Library.open(building) as library:
        report = import_paths(library, [corpus], notebook=NOTEBOOK)
        if report.errors:
            raise SystemExit(f"the corpus did not import: {report.errors[0]}")
    building.rename(path)
    print(f"imported {notes:,} notes into one notebook in {time.monotonic() - started:.0f} s")
    return path


def _one_folder(corpus: Path, target: Path) -> Path:
    """The groups' files side by side, each name made unique (one notebook keeps one file per name)."""
    if target.is_dir():
        return target
    building = target.with_name(target.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    for number, group in enumerate(sorted(p for p in corpus.iterdir() if p.is_dir())):
        for file in sorted(group.iterdir()):
            shutil.copy(file, building / f"{number:02d}-{file.name}")
    building.rename(target)
    return target


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=10000)
    parser.add_argument("--questions", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--library", type=Path, help="use this library (holding a notebook called Bench)")
    args = parser.parse_args()
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    source = args.library or _library(out, args.notes, args.questions, args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        (work / "desktop").mkdir()
        shutil.copy(source, work / "desktop" / "library.sqlite3")
        from dulwich.repo import Repo

        Repo.init_bare(str(work / "remote.git"), mkdir=True).close()
        remote = str(work / "remote.git")
        with Library.open(work / "desktop" / "library.sqlite3") as desktop:
            notebook_id = desktop.notebook_id(NOTEBOOK)
            assert notebook_id is not None
            notes = len(desktop.notes(notebook_id=notebook_id))
            desktop.sync_settings(notebook_id)  # shareable ids, given once per library
            rows: list[tuple[str, list[float], float]] = []
            rows.append(
                (
                    "publish (whole notebook, fresh folder)",
                    [
                        _timed(lambda i=i: publish(desktop, NOTEBOOK, work / f"pub-{i}"))
                        for i in range(args.runs)
                    ],
                    10.0,
                )
            )
            rows.append(
                ("first sync (publish and push)", [_timed(lambda: sync(desktop, NOTEBOOK, remote))], 0)
            )
            # The laptop starts from a copy of the library file (as a student copies it over); its
            # first sync fetches the repository into a working copy of its own.
            (work / "laptop").mkdir()
            target = sqlite3.connect(work / "laptop" / "library.sqlite3")
            desktop.conn.backup(target)
            target.close()
            with Library.open(work / "laptop" / "library.sqlite3") as laptop:
                rows.append(("first sync of a copied library", [_timed(lambda: sync(laptop, NOTEBOOK))], 0))
                rows.append(
                    (
                        "sync, nothing changed",
                        [_timed(lambda: sync(desktop, NOTEBOOK)) for _ in range(args.runs)],
                        2.0,
                    )
                )
                ids = [q.id for q in desktop.questions(QuestionFilter(notebook=NOTEBOOK))]
                changed, received = [], []
                for run in range(args.runs):
                    for step, question in enumerate(ids[run * 997 :: 1009][:10]):
                        desktop.edit_question(question, answer=f"Answer {run}.{step}")
                    changed.append(_timed(lambda: sync(desktop, NOTEBOOK)))
                    received.append(_timed(lambda: sync(laptop, NOTEBOOK)))
                rows.append(("sync, 10 questions changed here (sent)", changed, 3.0))
                rows.append(("sync, 10 questions changed elsewhere (received)", received, 3.0))
    print(f"\nnotebook: {notes:,} notes, {len(ids):,} questions; remote: a local bare repository\n")
    print(f"| {'what':<48} | median s | max s | budget s |")
    print(f"|{'-' * 50}|---------:|------:|---------:|")
    for name, times, budget in rows:
        ordered = sorted(times)
        median = ordered[len(ordered) // 2]
        print(f"| {name:<48} | {median:8.2f} | {ordered[-1]:5.2f} | {budget or '':>8} |")


if __name__ == "__main__":
    main()
