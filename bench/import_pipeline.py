"""Where an import's time goes when a worker process parses while this process saves.

    .venv/bin/python bench/import_pipeline.py CORPUS_DIR [--workers N] [--library FILE]

Imports CORPUS_DIR (made by `bench/corpus.py`) into a fresh library with `import_paths`, the
command line's import, with N worker processes (default: as the import chooses; 0 parses in
this process) and prints: wall time and CPU time of the importing process, split into the
saving loop (a file saved while the next ones are parsed) and the commit's search indexing
after the last file (`index_later`, the words and their parts, the merge; each step's CPU), and
the workers' CPU time and peak memory.  The idle machine's wall time is about the larger of the importing
process's loop and the workers' CPU, plus the commit's tail.  Prints figures; never fails.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from studynotes import importing
from studynotes.importing import import_paths
from studynotes.library import Library


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


STEPS: dict[str, float] = {}


def timed_steps() -> None:
    """The commit's search indexing, step by step (CPU of the importing process)."""
    from studynotes.library import index_later, part_maps, word_index, words_and_parts

    for module, name, label in (
        (words_and_parts, "flush", "the words and their parts, read in one pass (the steps below included)"),
        (index_later, "index_new_rows", "rows put into the full-text indexes"),
        (word_index, "_save_words", "the vocabulary and its pieces"),
        (word_index, "merge_segments", "segments merged"),
        (part_maps, "save", "the maps of common parts"),
    ):
        real = getattr(module, name)

        def step(*args: object, _real: Any = real, _label: str = label) -> object:
            STEPS.setdefault(_label, 0.0)  # listed in the order the steps start
            started = cpu()
            try:
                return _real(*args)
            finally:
                STEPS[_label] += cpu() - started

        setattr(module, name, step)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--library", type=Path, default=None)
    args = parser.parse_args()
    if args.workers is not None:
        importing.worker_count = lambda sizes: args.workers  # type: ignore[assignment]
    timed_steps()
    marks: dict[str, tuple[float, float]] = {}

    def progress(done: int, total: int, text: str) -> None:
        now = (time.perf_counter(), cpu())
        if done == 0:
            marks.setdefault("first", now)
        if text == "Done":
            marks["done"] = now
        elif total and done == total - 1:
            marks["last"] = now

    with tempfile.TemporaryDirectory() as folder:
        path = args.library or Path(folder) / "library.sqlite3"
        started = (time.perf_counter(), cpu())
        with Library.open(path) as library:
            report = import_paths(library, [args.corpus], progress=progress)
        ended = (time.perf_counter(), cpu())
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = resource.getrusage(resource.RUSAGE_SELF)

    def span(start: str, end: str) -> str:
        first, last = marks[start], marks[end]
        return f"{last[1] - first[1]:.1f} s CPU, {last[0] - first[0]:.1f} s wall"

    print(f"{len(report.files)} files, {report.questions} questions, {len(report.errors)} errors")
    print(f"load average {os.getloadavg()[0]:.1f}; wall {ended[0] - started[0]:.1f} s")
    print(f"importing process: {ended[1] - started[1]:.1f} s CPU, peak {own.ru_maxrss / 1024:.0f} MB")
    print(f"  reading the folder, starting workers: {marks['first'][1] - started[1]:.1f} s CPU")
    print(f"  saving loop: {span('first', 'last')}")
    print(f"  the last file and the commit's indexing: {span('last', 'done')}")
    for label, seconds in STEPS.items():
        print(f"    {label}: {seconds:.1f} s CPU")
    print(
        f"workers: {children.ru_utime + children.ru_stime:.1f} s CPU, peak {children.ru_maxrss / 1024:.0f} MB"
        " (the largest one)"
    )


if __name__ == "__main__":
    main()
