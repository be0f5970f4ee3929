"""Search's first page with and without the maps of common parts, alternately, on one library.

    PYTHONPATH=src .venv/bin/python bench/part_maps.py LIBRARY [--runs 15]

Several words each common but rarely together (`beam gan lstm`: three parts each in 45,000 of a
million questions, meeting in 80) are answered from the maps of their parts (library/part_maps.py)
or, with the maps set aside, from the parts index.  Every query of `bench/scale.py`'s kinds (and
`word2vec hinge`) is searched both ways in turn, so the machine's load falls on both alike; per
kind this prints the median and p95 of the search's CPU time (the searching thread's) and of
its wall time, and whether both ways found the same rows.  Reads LIBRARY only (it must be at
the current schema); prints, never fails on timing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from scale import QUERIES
from studynotes.library import Library, part_maps

EXTRA = {"several words with few hits": ["word2vec hinge"]}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with_maps = part_maps.newest_rows

    def without_maps(*_args: object) -> None:
        return None

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        "| kind | maps: CPU median / p95 | maps: wall median / p95 | parts index: CPU median / p95 | parts index: wall median / p95 | same rows |"
    )
    print("|---|---|---|---|---|---|")
    with Library.open(args.library, read_only=True) as library:
        for kind, queries in QUERIES.items():
            queries = [*queries, *EXTRA.get(kind, [])]
            times: dict[str, tuple[list[float], list[float]]] = {"maps": ([], []), "index": ([], [])}
            each: dict[tuple[str, str], list[float]] = {}
            same = True
            for run in range(args.runs + 1):
                for query in queries:
                    found = {}
                    ways = (("maps", with_maps), ("index", without_maps))
                    for way, newest_rows in ways if run % 2 else ways[::-1]:  # each goes first in turn
                        part_maps.newest_rows = newest_rows  # type: ignore[assignment]
                        started, thread = time.perf_counter(), time.thread_time()
                        hits = library.search(query)
                        cpu, wall = time.thread_time() - thread, time.perf_counter() - started
                        found[way] = [(h.kind, h.id) for h in hits]
                        if run:  # the first run warms the caches
                            times[way][0].append(cpu * 1000)
                            times[way][1].append(wall * 1000)
                            each.setdefault((query, way), []).append(cpu * 1000)
                    same = same and found["maps"] == found["index"]
            part_maps.newest_rows = with_maps
            cells = [
                f"{statistics.median(values):.2f} / {p95(values):.2f} ms"
                for way in ("maps", "index")
                for values in times[way]
            ]
            print(f"| {kind} | {' | '.join(cells)} | {'yes' if same else 'NO'} |")
            if kind == "several words with few hits":
                for query in queries:
                    maps, index = (statistics.median(each[(query, way)]) for way in ("maps", "index"))
                    print(f"| … `{query}`, CPU median | {maps:.2f} ms | | {index:.2f} ms | | |")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
