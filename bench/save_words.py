"""Where saving a long chat spends its CPU on search: the parts of the writer's flush, timed.

    .venv/bin/python bench/save_words.py [--messages 100000] [--runs 3]

Generates `bench/chats.py`'s Zoom new chat (the format with the most questions), parses it
once, then saves it `--runs` times into fresh libraries and prints, per run, the CPU seconds of
the whole save and of each step of search indexing at commit: all of it (`words_and_parts.flush`:
each row's words read once for the vocabulary and the parts), of which rows put into the
full-text indexes (`index_later.index_new_rows`), the vocabulary and its pieces
(`word_index._save_words`), segments merged, and the maps of common parts (`part_maps.save`).  Prints figures; never fails on timing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import chats
from studynotes.importers import import_file
from studynotes.library import Library, index_later, part_maps, word_index, words_and_parts

STEPS = (
    (index_later, "index_new_rows", "rows indexed"),
    (word_index, "_save_words", "vocabulary"),
    (word_index, "merge_segments", "merged"),
    (words_and_parts, "flush", "words, parts (all)"),
    (part_maps, "save", "maps of parts"),
)


def timing(spent: dict[str, float], name: str, run: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return run(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started

    return timed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="save-words-") as folder:
        source = chats.zoom_new_chat(chats.script(args.messages, 500), Path(folder))
        imported = import_file(source)
        names = ["save"] + [name for _module, _function, name in STEPS]
        print(f"Zoom new chat, {args.messages:,} messages: CPU seconds of one save_import")
        print(" ".join(f"{name:>17}" for name in names))
        for run in range(args.runs):
            spent: dict[str, float] = defaultdict(float)
            originals = [(module, function, getattr(module, function)) for module, function, _n in STEPS]
            for (module, function, original), (_m, _f, name) in zip(originals, STEPS, strict=True):
                setattr(module, function, timing(spent, name, original))
            try:
                with Library.open(Path(folder) / f"lib-{run}.sqlite3") as library:
                    started = time.process_time()
                    library.save_import(imported, notebook="Study")
                    spent["save"] = time.process_time() - started
            finally:
                for module, function, original in originals:
                    setattr(module, function, original)
            print(" ".join(f"{spent[name]:>17.2f}" for name in names), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
