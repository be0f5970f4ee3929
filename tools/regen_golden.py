"""Rewrite every golden file from the current code: the importers' JSON and the seed notes' HTML.

    python tools/regen_golden.py

Then read `git diff tests/data`: every change there is a change in what users get.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path[:0] = [str(TESTS), str(TESTS / "render")]

from render_golden import GOLDEN, render_body, seed_notes  # noqa: E402

from golden import dump, golden_cases, parsed_as_json  # noqa: E402 (after the path is set)


def importer_goldens() -> Iterator[tuple[Path, Callable[[], str]]]:
    """Each importer's expected ParsedDocument, as JSON beside its input."""
    for _format, source, expected in golden_cases():
        yield expected, lambda source=source: dump(parsed_as_json(source))


def render_goldens() -> Iterator[tuple[Path, Callable[[], str]]]:
    """Each seed note's rendered body."""
    for name, note in seed_notes():
        yield GOLDEN / f"{name}.html", lambda note=note: render_body(note)


GOLDEN_SETS = (importer_goldens, render_goldens)


def main() -> int:
    for golden_set in GOLDEN_SETS:
        for target, make in golden_set():
            text = make()
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
                print(f"wrote {target.relative_to(TESTS.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
