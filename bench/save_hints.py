"""The saving process's CPU with and without what the worker works out from a file's words.

    .venv/bin/python bench/save_hints.py CORPUS_DIR [--files N] [--runs R]

Parses N files of CORPUS_DIR (made by `bench/corpus.py`) beforehand, as a worker does (with their
hints: keys, rows, parts of words, `library/save_hints.py`), pickles them as the worker sends
them, then saves them into a new library in one transaction, alternately without the hints (as
the saving process worked before) and with them, R times each: the CPU of the saving loop
(unpickling included) and of the commit's search indexing.  One process, nothing else running in
it, so the two compare on the same machine at the same moment.  Prints figures; never fails.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from parsed_sample import parsed_sample
from studynotes.library import Library, words_and_parts


def save(files: list[bytes], hinted: bool) -> tuple[float, float]:
    """CPU seconds of the saving loop and of the commit, for these pickled parsed files."""
    marks: dict[str, float] = {}
    real_flush = words_and_parts.flush

    def flush(conn: Any) -> None:
        marks["loop"] = time.process_time()
        real_flush(conn)

    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "library.sqlite3") as library:
        words_and_parts.flush = flush  # type: ignore[assignment]
        try:
            started = time.process_time()
            with library.batch():
                for blob in files:
                    parsed = pickle.loads(blob)
                    if not hinted:
                        parsed.hints = None
                    library.save_import(parsed)
            ended = time.process_time()
        finally:
            words_and_parts.flush = real_flush  # type: ignore[assignment]
    return marks["loop"] - started, ended - marks["loop"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--files", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = [pickle.dumps(parsed) for parsed in parsed_sample(args.corpus, args.files)]
    print(f"{len(files)} files; load average {os.getloadavg()[0]:.1f}")
    for _run in range(args.runs):
        for hinted in (False, True):
            loop, commit = save(files, hinted)
            label = "with hints   " if hinted else "without hints"
            print(f"{label}: saving loop {loop:.2f} s CPU, commit {commit:.2f} s CPU", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
