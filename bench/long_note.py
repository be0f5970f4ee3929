"""One long note: time to its first screen against the whole page, by size.

    .venv/bin/python bench/long_note.py [--sizes 1,5,20] [--whole-up-to 5]

For each size (MB of Zoom chat text, one day, one note) this imports a
generated chat into a fresh library, then measures reading the note back,
rendering its first screen (what the preview shows first), rendering the
whole page in one go (the old way; only up to --whole-up-to MB, since it
grows to minutes), and the process's peak memory.  Figures are printed,
never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import corpus

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "src"))


def chat_of(megabytes: float, seed: int = 7) -> str:
    rng = random.Random(seed)
    day = dt.date(2024, 3, 4)
    parts, size = [], 0
    while size < megabytes * 1e6:
        part = corpus.chat_log(rng, day, 200)
        parts.append(part)
        size += len(part.encode())
    return "".join(parts)


class Timer:
    """`with Timer() as t: …` then `t.seconds`."""

    def __enter__(self) -> Timer:
        self.started = time.perf_counter()
        return self

    def __exit__(self, *_: object) -> None:
        self.seconds = time.perf_counter() - self.started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,5,20")
    parser.add_argument("--whole-up-to", type=float, default=5)
    args = parser.parse_args()
    from studynotes.importing import import_paths
    from studynotes.library import Library
    from studynotes.render import render_note
    from studynotes.render.paged import render_paged

    print(
        f"{'MB':>5} {'questions':>9} {'import s':>9} {'read note s':>11} {'first screen ms':>15} "
        f"{'each piece ms':>13} {'whole page s':>12} {'peak RSS MB':>11}"
    )
    for size in (float(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            chat = Path(folder) / "meeting_saved_chat.txt"
            chat.write_text(chat_of(size), encoding="utf-8")
            with Library.open(Path(folder) / "library.sqlite3") as library:
                with Timer() as imported:
                    import_paths(library, [chat], notebook="Long")
                note_id = library.notes()[0].id
                with Timer() as read:
                    note = library.note(note_id)
                assert note is not None
                with Timer() as first:
                    page = render_paged([note], title=note.title)
                with Timer() as piece:
                    next(page.rest)
                whole = "—"
                if size <= args.whole_up_to:
                    with Timer() as took:
                        render_note(note)
                    whole = f"{took.seconds:.1f}"
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(
                    f"{size:>5g} {len(note.questions):>9,} {imported.seconds:>9.1f} {read.seconds:>11.2f}"
                    f" {first.seconds * 1000:>15.0f} {piece.seconds * 1000:>13.0f} {whole:>12} {peak:>11.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
