"""Importing one big, ordinary file: CPU time against size, for Markdown notes, a chat and a daily log.

    .venv/bin/python bench/big_files.py [--sizes 1,5,25,50] [--formats markdown,chat,daily_log]

For each format and size (MB) it generates a file of ordinary content
(bench/corpus.py), then measures reading and parsing it (`import_file`:
decoding, recognising the format with every importer, parsing) and saving it
into a fresh library (`save_import`), in CPU seconds (user + system), and
prints MB/s for the whole import.  The goal is linear growth and at least
1 MB/s up to the 50 MB file limit.  Figures are printed, never asserted.

What a process pays once, whatever the file's size (loading the importers and the library's
modules, compiled anew where Python keeps no bytecode), is paid first by importing a small
file of each format into a library of its own, and printed on a line of its own; `--cold`
leaves it in the first file's figures instead.  A new library's schema is made before each
save is timed, as an import into a library already in use finds it made.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus
import corpus_text as tx
from studynotes.importers import import_file
from studynotes.library import Library


def _markdown_notes(rng: random.Random, index: int) -> str:
    out = [f"## Lecture {index}", "", tx.statement(rng), ""]
    for section in range(rng.randint(2, 4)):
        out += [f"### Part {section + 1}", ""]
        out += [f"- {tx.statement(rng)}" for _ in range(rng.randint(2, 6))]
        out += ["", tx.answer(rng, rng.randint(2, 4)), ""]
        extra = rng.random()
        if extra < 0.2:
            out += [tx.code_block(rng), ""]
        elif extra < 0.35:
            out += [tx.display_formula(rng), ""]
        elif extra < 0.45:
            out += [tx.table(rng), ""]
    out += [f"- {tx.question(rng)}" for _ in range(rng.randint(0, 3))]
    return "\n".join(out) + "\n\n"


def _chat(rng: random.Random, index: int) -> str:
    return corpus.chat_log(rng, dt.date(2024, 3, 4), 200)


def _daily_log(rng: random.Random, index: int) -> str:
    return corpus.daily_log(rng, 1 + index * 5, [rng.randint(0, 3) for _ in range(5)])


FORMATS: dict[str, tuple[str, Callable[[random.Random, int], str]]] = {
    "markdown": ("notes.md", _markdown_notes),
    "chat": ("meeting_saved_chat.txt", _chat),
    "daily_log": ("til.md", _daily_log),
}


def make(format_name: str, megabytes: float, seed: int = 7) -> tuple[str, str]:
    """(file name, text) of about `megabytes` MB of UTF-8."""
    name, part = FORMATS[format_name]
    rng = random.Random(seed)
    pieces: list[str] = ["# Study notes\n\n"] if format_name == "markdown" else []
    size, index = 0, 0
    while size < megabytes * 1e6:
        piece = part(rng, index)
        pieces.append(piece)
        size += len(piece.encode())
        index += 1
    return name, "".join(pieces)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(format_name: str, megabytes: float) -> tuple[float, float, str]:
    """CPU seconds to parse and to save one file; the format it was recognised as."""
    name, text = make(format_name, megabytes)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        start = _cpu()
        imported = import_file(path)
        parsed = _cpu()
        with Library.open(Path(folder) / "library.sqlite3") as library:
            opened = _cpu()
            library.save_import(imported, notebook="Big")
            saved = _cpu()
    return parsed - start, saved - opened, imported.document.format


def warm_up(format_names: list[str]) -> float:
    """CPU seconds of what one process pays once: a small file of each format imported."""
    start = _cpu()
    for format_name in format_names:
        measure(format_name, 0.01)
    return _cpu() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,5,25,50", help="sizes in MB, comma-separated")
    parser.add_argument("--formats", default=",".join(FORMATS), help="of: " + ", ".join(FORMATS))
    parser.add_argument("--cold", action="store_true", help="no warm-up: the first file pays the loading")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    if not args.cold:
        once = warm_up(args.formats.split(","))
        print(f"once per process (the modules loaded, 10 KB of each format imported): {once:.2f} s")
    print(f"{'format':12}{'MB':>6}{'parse s':>10}{'save s':>10}{'total s':>10}{'MB/s':>8}   recognised as")
    for format_name in args.formats.split(","):
        for megabytes in sizes:
            parse, save, recognised = measure(format_name, megabytes)
            total = parse + save
            print(
                f"{format_name:12}{megabytes:>6g}{parse:>10.2f}{save:>10.2f}{total:>10.2f}"
                f"{megabytes / total:>8.2f}   {recognised}",
                flush=True,
            )


if __name__ == "__main__":
    main()
