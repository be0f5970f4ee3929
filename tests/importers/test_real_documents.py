"""Questions found in real study-group documents hold at the figures reached (bench/extraction.py).

Each format keeps at least the F1 and status accuracy it reached on tests/data/real;
a change that loses questions or statuses there fails here, and the benchmark
names what was missed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import extraction  # bench/ is scripts, not a package

# format: (F1, status accuracy) reached; raise them when the figures rise.
FLOORS = {
    "chat": (0.98, 0.92),
    "log": (1.00, 1.00),
    "minutes": (0.98, 0.98),
    "qa": (1.00, 1.00),
}


@pytest.fixture(scope="module")
def scores() -> dict[str, extraction.Score]:
    return extraction.measure()


@pytest.mark.parametrize("format_name", sorted(FLOORS))
def test_each_format_holds_its_figures(scores: dict[str, extraction.Score], format_name: str) -> None:
    score = scores[format_name]
    f1_floor, status_floor = FLOORS[format_name]
    misses = "\n".join(line for line in score.misses)
    assert round(score.f1, 2) >= f1_floor, misses
    assert round(score.status_accuracy, 2) >= status_floor, misses


def test_the_corpus_is_the_one_described(scores: dict[str, extraction.Score]) -> None:
    sources = (extraction.REAL / "SOURCES.md").read_text(encoding="utf-8")
    labelled = extraction.json.loads((extraction.REAL / "labels.json").read_text(encoding="utf-8"))[
        "documents"
    ]
    assert len(labelled) >= 40
    for name in labelled:
        assert (extraction.REAL / name).is_file(), name
        assert f"`{name}`" in sources, f"{name} has no source in SOURCES.md"
    assert set(FLOORS) | {"all"} == set(scores)


def test_real_schedules_give_their_sessions_weeks_and_dates() -> None:
    """Every labelled session found with its topic; weeks and dates as a careful reader places them."""
    scores = extraction.measure_schedules()
    total = scores["all"]
    misses = "\n".join(total.misses)
    assert total.labelled >= 100 and len(scores) - 1 >= 7
    assert (total.found, total.extra) == (total.labelled, 0), misses
    assert total.date_right == total.labelled, misses
    assert total.week_right >= total.labelled - 1, misses  # math50 heads its last week `Week 1`
    sources = (extraction.REAL / "SOURCES.md").read_text(encoding="utf-8")
    for name in scores:
        assert name == "all" or f"`{name}`" in sources, f"{name} has no source in SOURCES.md"
