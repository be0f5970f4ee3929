"""Rewrite the trees the bundle fixtures import into (tests/data/bundles/goldens/).

    python tools/regen_bundle_goldens.py

Then read `git diff tests/data/bundles/goldens`: each change is a change in the tree users get.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from bundle_golden import CASES, GOLDENS, imported_tree  # noqa: E402


def main() -> int:
    GOLDENS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name, source in CASES.items():
            text = imported_tree(source, Path(scratch) / f"{name}.sqlite3")
            target = GOLDENS / f"{name}.tree.txt"
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
                print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
