"""Time against size for each input family that once froze the app: growth should be linear.

    .venv/bin/python bench/pathological.py [--largest BYTES]

For each family (bench/pathological_inputs.py) it renders, or recognises and
parses with every importer, texts of doubling size and prints the seconds and
the ratio to the previous size: about 2 means linear, 4 quadratic.  Times are CPU seconds
(user + system of this process), so other work on the machine does not inflate them.  It prints
figures and never fails on timing.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pathological_inputs import IMPORT_FAMILIES, RENDER_FAMILIES
from studynotes.importers import registry
from studynotes.model import ImportContext
from studynotes.render import render_markdown


def _render(text: str) -> None:
    render_markdown(text)


def _import_all(text: str) -> None:
    """What an import of an unknown file costs at most: every scorer, then every parser."""
    for importer in registry().values():
        importer.score(text)
        importer.parse(text, ImportContext(file_name="input.md"))


def _seconds(work: Callable[[str], None], text: str) -> float:
    start = time.process_time()
    work(text)
    return time.process_time() - start


def _table(
    title: str, families: dict[str, Callable[[int], str]], work: Callable[[str], None], sizes: list[int]
) -> None:
    print(f"\n{title}")
    print(f"{'family':28}" + "".join(f"{size // 1000:>9} KB" for size in sizes) + "   growth per doubling")
    for name, make in families.items():
        times = [_seconds(work, make(size)) for size in sizes]
        ratios = [later / earlier for earlier, later in itertools.pairwise(times) if earlier > 0.002]
        growth = " ".join(f"×{ratio:.1f}" for ratio in ratios)
        print(f"{name:28}" + "".join(f"{seconds:>10.3f}s" for seconds in times) + f"   {growth}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--largest", type=int, default=800_000, help="the largest input, in characters")
    largest = parser.parse_args().largest
    sizes = [largest // 2**k for k in range(4, -1, -1)]
    _table("Rendering (seconds)", RENDER_FAMILIES, _render, [s // 8 for s in sizes])
    _table("Importing with every importer (seconds)", IMPORT_FAMILIES, _import_all, sizes)


if __name__ == "__main__":
    main()
