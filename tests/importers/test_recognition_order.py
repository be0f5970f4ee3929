"""Recognising a file runs only the scorers that could still win, yet chooses as scoring every one would.

Each format's `bound` must never be below its score, and its `ceiling` never below any score it
gives: these are checked on every real file the tests hold, and on parts of them (the first
lines, the last lines, the lines reversed or shuffled), where marks end up in other places.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from studynotes.importers import FALLBACK_FORMAT, registry, sniff
from studynotes.importers.base import Importer
from studynotes.importers.parts.reading import read_file

_ROOT = Path(__file__).resolve().parents[2]
_FILES = sorted(
    path
    for folder in (_ROOT / "tests" / "data", _ROOT / "seeds")
    for path in folder.rglob("*")
    if path.is_file()
    and path.suffix in {".md", ".txt", ".csv", ".json"}
    and not path.name.endswith(".txt.json")
)


def _texts(path: Path) -> dict[str, str]:
    text = read_file(path).decoded.text
    lines = text.split("\n")
    shuffled = lines[:400]
    random.Random(path.name).shuffle(shuffled)
    return {
        "whole": text,
        "first lines": "\n".join(lines[:3]),
        "first thirty lines": "\n".join(lines[:30]),
        "last lines": "\n".join(lines[-100:]),
        "reversed": "\n".join(reversed(lines)),
        "shuffled": "\n".join(shuffled),
    }


def _scored_by_all(text: str) -> Importer:
    """The importer every scorer's score chooses: the highest, the first in the registry on a tie."""
    importers = registry()
    best, best_score = importers[FALLBACK_FORMAT], 0.1
    for importer in importers.values():
        if importer.name != FALLBACK_FORMAT and (score := importer.score(text)) > best_score:
            best, best_score = importer, score
    return best


def test_the_files_are_found() -> None:
    assert len(_FILES) > 100


@pytest.mark.parametrize("path", _FILES, ids=lambda p: str(p.relative_to(_ROOT)))
def test_bounds_hold_and_the_choice_is_the_one_every_score_makes(path: Path) -> None:
    for part, text in _texts(path).items():
        for importer in registry().values():
            score = importer.score(text)
            assert score <= importer.ceiling, (part, importer.name)
            if importer.bound is not None:
                assert score <= importer.bound(text), (part, importer.name)
        assert sniff(text) is _scored_by_all(text), part
