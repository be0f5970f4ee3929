"""Golden HTML for every seed note: parsed by the importers, rendered, body only."""

from __future__ import annotations

import re
from pathlib import Path

from golden import SEED_FORMATS
from studynotes.importers import import_file
from studynotes.render import render_note

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "render"
SEED_NAMES = list(SEED_FORMATS)


def seed_notes() -> list[tuple[str, object]]:
    cases = []
    for name in SEED_NAMES:
        for index, note in enumerate(import_file(ROOT / "seeds" / name).document.notes):
            cases.append((f"{Path(name).stem}-{index}", note))
    return cases


def body_of(page: str) -> str:
    """The part a change in rendering shows up in (the stylesheet has its own test)."""
    match = re.search(r"<body[^>]*>(.*)</body>", page, re.DOTALL)
    return (match.group(1) if match else page).strip() + "\n"


def render_body(note: object) -> str:
    return body_of(render_note(note))  # type: ignore[arg-type]
