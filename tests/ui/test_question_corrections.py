"""'Not a question' from the question list: the question becomes text, and Ctrl+Z brings it back."""

from __future__ import annotations

from typing import Any

from studynotes.library import Library


def test_not_a_question_from_the_list_is_undoable(window: Any, demo_library: Library) -> None:
    question = demo_library.questions()[0]
    total = len(demo_library.questions())
    window.question_corrections.dismiss(question.id)
    assert question.id not in {q.id for q in demo_library.questions()}
    assert len(demo_library.questions()) == total - 1
    window.undo_stack.undo()
    assert question.id in {q.id for q in demo_library.questions()}
    window.undo_stack.redo()
    assert len(demo_library.questions()) == total - 1
