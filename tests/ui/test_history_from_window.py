"""A note's history from the window: which text each version was, and a restore that shows."""

from __future__ import annotations

from typing import Any

import pytest

from studynotes.library import Library
from studynotes.ui.history_dialog import HistoryDialog

MINUTES_NOTE = 4


def test_restoring_a_question_shows_in_the_question_list(
    window: Any, demo_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.tree.setCurrentIndex(window.tree_model.note_index(MINUTES_NOTE))
    model = window.questions.model
    formula = next(row for row in model.rows() if row.text.startswith("$\\log L"))
    window.commands.edit_question(formula.id, text="Rewritten question", answer="")
    position = model.position_of(formula.id)
    assert model.row_at(position).text == "Rewritten question"

    labels: list[str] = []

    def restore_the_newest(dialog: HistoryDialog) -> int:
        labels.extend(dialog.versions.item(i).text() for i in range(dialog.versions.count()))
        question_version = next(
            i for i in range(dialog.versions.count()) if "question" in dialog.versions.item(i).text()
        )
        dialog.versions.setCurrentRow(question_version)
        dialog.restore()
        return 0

    monkeypatch.setattr(HistoryDialog, "exec", restore_the_newest)
    window.show_history()

    # Each version names its text (as the list shows it), not only when and which field.
    assert any(label.split("\n")[1].startswith("log L(θ; X) = -n/2") for label in labels)
    assert model.row_at(position).text == formula.text
    shown = model.index(position, 1).data()
    assert shown.startswith("log L(θ; X)")

    # The restore is one undo step: Ctrl+Z brings the rewritten question back, Ctrl+Shift+Z the restore.
    assert window.undo_stack.undoText() == "Restore an earlier version"
    window.undo_stack.undo()
    assert model.row_at(position).text == "Rewritten question"
    window.undo_stack.redo()
    assert model.row_at(position).text == formula.text


def test_restoring_a_cell_is_undone_with_one_undo(
    window: Any, demo_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = demo_library.note(MINUTES_NOTE)
    assert note is not None
    cell = next(c for c in note.cells if c.question is None and c.id is not None)
    assert cell.id is not None
    original = cell.markdown
    window.commands.edit_cell(cell.id, "first")
    window.commands.edit_cell(cell.id, "second")

    def restore_the_original(dialog: HistoryDialog) -> int:
        dialog.versions.setCurrentRow(dialog.versions.count() - 1)  # the oldest: the text before any edit
        dialog.restore()
        return 0

    monkeypatch.setattr(HistoryDialog, "exec", restore_the_original)
    window.tree.setCurrentIndex(window.tree_model.note_index(MINUTES_NOTE))
    window.show_history()

    def text_now() -> str:
        current = demo_library.note(MINUTES_NOTE)
        assert current is not None
        return next(c.markdown for c in current.cells if c.id == cell.id)

    assert text_now() == original
    window.undo_stack.undo()
    assert text_now() == "second"
