"""A sample of a corpus's files parsed beforehand, as the import's worker parses them."""

from __future__ import annotations

import random
from pathlib import Path

from studynotes.importers import ImportedFile, collect_files
from studynotes.library.save_hints import hints_for
from studynotes.model import ImportContext, ImportFailure
from studynotes.parse_ahead import parse_raw, read_raw


def parsed_sample(corpus: Path, count: int) -> list[ImportedFile | ImportFailure]:
    """`count` files of `corpus` chosen at random (the same ones each run), in path order, each
    parsed with its save hints (`library/save_hints.py`) as the worker sends it."""
    found, _errors = collect_files([corpus])
    random.seed(2)
    parsed: list[ImportedFile | ImportFailure] = []
    for path in sorted(random.sample(found, min(count, len(found)))):
        one = parse_raw(read_raw(path, ""), ImportContext(), None)
        if isinstance(one, ImportedFile):
            one.hints = hints_for(one)
        parsed.append(one)
    return parsed
