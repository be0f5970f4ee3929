"""A link between imported Notion pages, clicked in the preview, opens the linked note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studynotes.importing import import_paths
from studynotes.library import Library

NOTION = Path(__file__).resolve().parents[1] / "data" / "bundles" / "notion" / "cs231n-study"


def test_a_note_link_selects_its_note_and_a_missing_one_says_so(window: Any, demo_library: Library) -> None:
    import_paths(demo_library, [NOTION])
    window.reload()
    home = next(n for n in demo_library.notes() if n.title == "CS231n 스터디")
    window.select_note(home.id)
    window.open_note_link("notion/437237b78bd8031e466c887e04acdaad")
    node = window.current_node()
    assert node is not None and node.kind == "note"
    assert demo_library.note(node.id).title == "2주차 · Lecture 3"  # type: ignore[union-attr]
    window.open_note_link("notion/ffffffffffffffffffffffffffffffff")
    assert "not in the library" in window.statusBar().currentMessage()
    assert window.current_node().id == node.id
