"""Review mode and meeting preparation in the window: reveal, rate, undo, end; answer on the spot."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from studynotes.library import Library, QuestionFilter
from studynotes.ui.commands import Commands, LibraryEvents

NOW = dt.datetime(2026, 5, 4, 10, 0, tzinfo=dt.UTC)


def _notebook(library: Library, with_answered: bool = True) -> Any:
    for notebook in library.notebooks():
        answered = notebook.counts.answered
        if (answered > 2) == with_answered and notebook.counts.open > 0:
            return notebook
    raise AssertionError("the samples have a notebook with answered and open questions")


def _review(qtbot: Any, library: Library, scope: QuestionFilter, **kwargs: Any) -> Any:
    from studynotes.ui.review import ReviewDialog

    dialog = ReviewDialog(library, scope, "Sample", theme="light", font_size=15, clock=lambda: NOW, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_reveal_rate_undo_and_the_summary(qtbot: Any, demo_library: Library) -> None:
    notebook = _notebook(demo_library)
    scope = QuestionFilter(notebook_id=notebook.id)
    due_before = demo_library.due_count(scope, NOW)
    dialog = _review(qtbot, demo_library, scope, web_view=False)
    assert len(dialog.queue) == due_before == notebook.counts.answered
    first = dialog.current
    assert not dialog.revealed and ".question .answer{visibility:hidden}" in dialog.view.html
    assert dialog.reveal_button.isVisible() and not dialog.rating_buttons[3].isVisible()

    qtbot.keyClick(dialog, Qt.Key.Key_3)  # no rating before the answer is shown
    assert dialog.position == 0 and demo_library.card(first.question_id) is None

    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert dialog.revealed and "visibility:hidden" not in dialog.view.html
    assert dialog.rating_buttons[3].isVisible() and "Good · " in dialog.rating_buttons[3].text()
    qtbot.keyClick(dialog, Qt.Key.Key_3)
    card = demo_library.card(first.question_id)
    assert dialog.position == 1 and card is not None and card.last_review == NOW
    assert dialog.current is not None and dialog.current.question_id != first.question_id

    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.position == 0 and dialog.revealed and dialog.current.question_id == first.question_id
    assert demo_library.card(first.question_id) is None
    assert list(demo_library.reviews_of(first.question_id)) == []

    # Easy on every question: each is scheduled days ahead, so none comes back in this session.
    while not dialog.is_over:
        qtbot.keyClick(dialog, Qt.Key.Key_Space)
        qtbot.keyClick(dialog, Qt.Key.Key_4)
    assert dialog.ratings[4] == due_before
    assert f"{due_before} questions reviewed." in dialog.view.html
    assert "Nothing else is due here now." in dialog.view.html
    assert demo_library.due_count(scope, NOW) == 0

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_again_brings_a_question_back_in_the_same_session(qtbot: Any, demo_library: Library) -> None:
    notebook = _notebook(demo_library)
    dialog = _review(qtbot, demo_library, QuestionFilter(notebook_id=notebook.id), web_view=False)
    first = dialog.current.question_id
    length = len(dialog.queue)
    dialog.reveal()
    dialog.rate(1)
    assert len(dialog.queue) == length + 1 and dialog.queue[-1].question_id == first
    dialog.undo()
    assert len(dialog.queue) == length and dialog.current.question_id == first


def test_the_answer_is_hidden_in_the_page_until_revealed(qtbot: Any, demo_library: Library) -> None:
    notebook = _notebook(demo_library)
    dialog = _review(qtbot, demo_library, QuestionFilter(notebook_id=notebook.id), web_view=True)
    pane = dialog.view.pane

    def answer_visibility() -> Any:
        found: list[Any] = []
        pane.run_script(
            "(function(){var a=document.querySelector('.question .answer');"
            "return a ? getComputedStyle(a).visibility + ' ' + document.querySelectorAll('.question').length"
            " : 'none ' + document.body.innerHTML.length})()",
            found.append,
        )
        qtbot.waitUntil(lambda: bool(found), timeout=10_000)
        return found[0]

    qtbot.waitSignal(pane.shown, timeout=20_000).wait()
    assert answer_visibility() == "hidden 1"
    with qtbot.waitSignal(pane.shown, timeout=20_000):
        dialog.reveal()
    assert answer_visibility() == "visible 1"
    with qtbot.waitSignal(dialog.destroyed):  # the page goes before the web engine's profile
        dialog.deleteLater()


def test_prepare_answers_open_questions_on_the_spot(qtbot: Any, demo_library: Library) -> None:
    from studynotes.ui.prepare import PrepareDialog

    notebook = _notebook(demo_library)
    scope = QuestionFilter(notebook_id=notebook.id)
    undo_stack = QUndoStack()
    changed: list[frozenset[int]] = []
    events = LibraryEvents()
    events.changed.connect(lambda change: changed.append(change.ids("question")))
    dialog = PrepareDialog(
        demo_library,
        scope,
        "Sample",
        commands=Commands(demo_library, events, undo_stack),
        theme="dark",
        font_size=15,
        web_view=False,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    open_count = notebook.counts.open
    assert len(dialog.queue) == open_count
    first = dialog.current
    assert (
        f'id="question-{first.id}"' in dialog.view.html
        and f"#question-{first.id}{{outline" in dialog.view.html
    )

    dialog.answer.setPlainText("Because $x^2$ grows faster.")
    qtbot.keyClick(dialog.answer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    row = demo_library.question(first.id)
    assert row.status == "answered" and row.answer == "Because $x^2$ grows faster."
    assert frozenset({first.id}) in changed and dialog.position == 1

    undo_stack.undo()  # one step takes back both the answer and the status
    row = demo_library.question(first.id)
    assert row.status == "open" and row.answer == first.answer

    second = dialog.current
    dialog.view.toggleRequested.emit(second.id)  # its card's status clicked in the note
    assert demo_library.question(second.id).status == "answered" and dialog.current is second
    undo_stack.undo()
    assert demo_library.question(second.id).status == "open"
    dialog.mark_answered()
    assert demo_library.question(second.id).status == "answered"
    while dialog.current is not None:
        dialog.skip()
    assert "1 question answered." in dialog.view.html
    assert f"{open_count - 1} questions still open here." in dialog.view.html


def test_the_window_shows_due_counts_and_offers_review(qtbot: Any, window: Any) -> None:
    actions = window.review_actions
    qtbot.waitUntil(lambda: bool(actions._due), timeout=5_000)
    studied = _notebook(window.library)
    notebook_index = window.tree_model.find(("notebook", studied.id))
    node = window.tree_model.node(notebook_index)
    due = window.library.due_count(QuestionFilter(notebook_id=node.id))
    assert due == studied.counts.answered > 2
    assert window.tree_model.data(notebook_index).endswith(f" · {due} due")
    window.tree.setCurrentIndex(notebook_index)
    assert actions.due_label.text() == f"{due} due"
    assert actions.review_action.shortcut().toString() == "Ctrl+R"
    assert actions.review_action in window.findChild(type(window.addToolBar("x")), "main-toolbar").actions()
    assert window.tree.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu

    question = next(
        q for q in window.library.questions(QuestionFilter(notebook_id=node.id, status="answered"))
    )
    window.library.rate(question.id, "easy")
    actions.refresh_due()
    assert window.tree_model.data(notebook_index).endswith(f" · {due - 1} due")
    assert actions.due_label.text() == f"{due - 1} due"
