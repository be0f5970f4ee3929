"""The window's views take what changed from the Library's Change: a toggle writes once and reads
nothing back, and undo does the same."""

from __future__ import annotations

from typing import Any

import pytest

from studynotes.library import Library, QuestionFilter


def test_a_toggle_and_its_undo_update_tree_list_and_status_bar_without_reading_back(
    window: Any, demo_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = demo_library.questions(QuestionFilter(status="open"))[0]
    index = window.tree_model.note_index(question.note_id)
    window.tree.setCurrentIndex(index)
    note = window.tree_model.node(index)
    before = note.counts
    window.preview.wait_for_render()
    reads: list[str] = []
    for name in ("question", "questions", "note", "notes", "counts", "note_place", "notebooks"):
        original = getattr(demo_library, name)

        def counted(*args: Any, _name: str = name, _original: Any = original, **kwargs: Any) -> Any:
            reads.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(demo_library, name, counted)
    window.toggle_question(question.id)
    # The Library counts the affected path inside its one transaction; the window reads nothing.
    window_reads = [r for r in reads if r != "counts"]
    assert window_reads == []
    position = window.questions.model.position_of(question.id)
    assert window.questions.model.row_at(position).status == "answered"
    assert (note.counts.open, note.counts.questions) == (before.open - 1, before.questions)
    assert f"{before.open - 1} open / {before.questions}" in window.statusBar().currentMessage()
    reads.clear()
    window.undo_stack.undo()
    assert [r for r in reads if r != "counts"] == []
    assert window.questions.model.row_at(position).status == "open" and note.counts == before
