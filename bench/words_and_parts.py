"""The commit's words and parts read in one pass, beside the two steps each reading the rows.

    .venv/bin/python bench/words_and_parts.py CORPUS_DIR [--files N] [--runs R]

Parses N files of CORPUS_DIR (made by `bench/corpus.py`) beforehand, as a worker does (with their
hints, `library/save_hints.py`), then saves them into a new library in one transaction and times
the commit's search indexing after the rows are in the full-text indexes: the vocabulary and the
parts of words read in one pass (`words_and_parts.flush`) or by the two steps each reading the
rows itself (`words_and_parts.apart`, as before the one pass), each with and without the hints,
alternately R times in one process, so that they compare at the same moment.  Prints CPU
seconds; never fails.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from parsed_sample import parsed_sample
from studynotes.importers import ImportedFile
from studynotes.library import Library, index_later, words_and_parts


def commit_cpu(files: list[Any], one_pass: bool, hinted: bool) -> float:
    """CPU seconds of the words and parts of these parsed files' rows, at their commit."""
    spent = [0.0]
    real_flush = words_and_parts.flush

    def flush(conn: Any) -> None:
        index_later.index_new_rows(conn)  # the same either way: left out of the figure
        started = time.process_time()
        (real_flush if one_pass else words_and_parts.apart)(conn)
        spent[0] += time.process_time() - started

    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "library.sqlite3") as library:
        words_and_parts.flush = flush  # type: ignore[assignment]
        try:
            with library.batch():
                for parsed in files:
                    hints = parsed.hints
                    if not hinted:
                        parsed.hints = None
                    library.save_import(parsed)
                    parsed.hints = hints
        finally:
            words_and_parts.flush = real_flush  # type: ignore[assignment]
    return spent[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--files", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = [parsed for parsed in parsed_sample(args.corpus, args.files) if isinstance(parsed, ImportedFile)]
    print(f"{len(files)} files; load average {os.getloadavg()[0]:.1f}")
    for _run in range(args.runs):
        figures = []
        for one_pass in (False, True):
            for hinted in (False, True):
                seconds = commit_cpu(files, one_pass, hinted)
                way = "one pass" if one_pass else "two steps"
                figures.append(f"{way}, {'with' if hinted else 'without'} hints {seconds:.2f}")
        print("; ".join(figures) + " s CPU", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
