"""Every golden input parses to exactly its stored JSON, with its format sniffed."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden import DATA, dump, golden_cases, golden_inputs, parsed_as_json
from studynotes.importers import registry

CASES = golden_cases()


@pytest.mark.parametrize(
    ("format_name", "source", "expected"), CASES, ids=[str(c[1].relative_to(c[1].parents[1])) for c in CASES]
)
def test_parse_matches_golden(format_name: str, source: Path, expected: Path) -> None:
    if format_name not in registry():
        pytest.fail(f"no importer named {format_name}")
    assert expected.exists(), f"missing {expected}; run python tools/regen_golden.py"
    actual = parsed_as_json(source)
    assert actual["format"] == format_name
    assert dump(actual) == expected.read_text(encoding="utf-8")


def test_every_format_has_golden_inputs() -> None:
    for name in registry():
        folder = DATA / name
        inputs = golden_inputs(folder) if folder.is_dir() else []
        assert len(inputs) >= 3, f"{name} needs at least three golden inputs in {folder}"
