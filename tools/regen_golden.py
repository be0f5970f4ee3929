"""Rewrite the importers' golden JSON files from the current code.

    python tools/regen_golden.py

Then read `git diff tests/data`: every change there is a change in what users get.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from golden import dump, golden_cases, parsed_as_json


def main() -> int:
    for _format, source, expected in golden_cases():
        expected.parent.mkdir(parents=True, exist_ok=True)
        text = dump(parsed_as_json(source))
        if not expected.exists() or expected.read_text(encoding="utf-8") != text:
            expected.write_text(text, encoding="utf-8")
            print(
                f"wrote {expected.relative_to(Path.cwd()) if expected.is_relative_to(Path.cwd()) else expected}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
