"""Rewrite the golden HTML of the seed notes: `python tools/regen_render_golden.py`, then read the diff."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path[:0] = [str(TESTS), str(TESTS / "render")]

from render_golden import GOLDEN, render_body, seed_notes  # noqa: E402 (after the path is set)


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, note in seed_notes():
        target = GOLDEN / f"{name}.html"
        text = render_body(note)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
