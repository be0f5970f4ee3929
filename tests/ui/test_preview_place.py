"""A change to what the preview shows keeps the reader's place in the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from studynotes.library import Change, Library

MINUTES_NOTE = 4  # the meeting minutes: a long note with fifteen question cards
FORMULA_QUESTION = 45  # the minutes' second question, halfway down the page


def _evaluate(qtbot: Any, pane: Any, script: str) -> Any:
    result: list[Any] = []
    pane.run_script(script, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=10_000)
    return result[0]


def _card_class(qtbot: Any, pane: Any, question_id: int) -> str:
    return str(_evaluate(qtbot, pane, f"document.getElementById('question-{question_id}').className"))


@pytest.fixture
def shown_window(qtbot: Any, window: Any) -> Any:
    """The window with its web view, showing the meeting minutes."""
    window.resize(1400, 900)
    window.preview.create_web_view()
    pane = window.preview.pane
    qtbot.waitSignal(pane.shown, timeout=20_000).wait()  # the first notebook's overview
    with qtbot.waitSignal(pane.shown, timeout=20_000):
        window.tree.setCurrentIndex(window.tree_model.note_index(MINUTES_NOTE))
    assert _evaluate(qtbot, pane, "document.getElementById('question-45') !== null") is True
    return window


def _toggled_and_shown(qtbot: Any, window: Any, library: Library, toggle: Callable[[], None]) -> None:
    before = library.question(FORMULA_QUESTION).status  # type: ignore[union-attr]
    with qtbot.waitSignal(window.preview.pane.shown, timeout=20_000):
        toggle()
        qtbot.waitUntil(lambda: library.question(FORMULA_QUESTION).status != before)  # type: ignore[union-attr]
    qtbot.wait(200)  # a scroll asked for after the swap has run


def test_clicking_a_status_in_the_preview_keeps_the_page_where_it_was(
    qtbot: Any, shown_window: Any, demo_library: Library
) -> None:
    window, pane = shown_window, shown_window.preview.pane
    pane.scroll_to(f"question-{FORMULA_QUESTION}")
    qtbot.waitUntil(lambda: _evaluate(qtbot, pane, "window.scrollY") > 200, timeout=5_000)
    place = _evaluate(qtbot, pane, "window.scrollY")
    assert "answered" in _card_class(qtbot, pane, FORMULA_QUESTION)

    # A real click: the link is refused (it toggles instead), which the engine reports as a failed load.
    centre = _evaluate(
        qtbot,
        pane,
        f"(function(){{var r=document.querySelector('#question-{FORMULA_QUESTION} a.status')"
        ".getBoundingClientRect();return Math.round(r.left+r.width/2)+','+Math.round(r.top+r.height/2);})()",
    )
    point = QPoint(*(int(number) for number in centre.split(",")))
    target = pane.focusProxy() or pane
    _toggled_and_shown(
        qtbot, window, demo_library, lambda: QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=point)
    )

    assert "answered" not in _card_class(qtbot, pane, FORMULA_QUESTION)
    assert abs(_evaluate(qtbot, pane, "window.scrollY") - place) < 2
    tree_label = window.tree_model.data(window.tree_model.note_index(MINUTES_NOTE))
    assert "11 open / 15" in tree_label
    assert "11 open / 15 questions" in window.statusBar().currentMessage()

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: "answered" in _card_class(qtbot, pane, FORMULA_QUESTION), timeout=10_000)
    assert abs(_evaluate(qtbot, pane, "window.scrollY") - place) < 2
    assert "10 open / 15 questions" in window.statusBar().currentMessage()


def test_space_on_a_question_out_of_view_brings_its_card_into_view(
    qtbot: Any, shown_window: Any, demo_library: Library
) -> None:
    window, pane = shown_window, shown_window.preview.pane
    assert _evaluate(qtbot, pane, "window.scrollY") == 0
    window.questions.select_question(FORMULA_QUESTION)
    _toggled_and_shown(qtbot, window, demo_library, window.toggle_selected_question)
    visible = (
        "(function(){var r=document.getElementById('question-45').getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight + 1;})()"  # scrolled to its edge: sub-pixel
    )
    qtbot.waitUntil(lambda: _evaluate(qtbot, pane, visible) is True, timeout=5_000)


def test_an_edit_saved_from_the_editor_keeps_the_place(
    qtbot: Any, shown_window: Any, demo_library: Library
) -> None:
    window, pane = shown_window, shown_window.preview.pane
    pane.run_script("window.scrollTo(0, 900)")
    qtbot.waitUntil(lambda: _evaluate(qtbot, pane, "window.scrollY") == 900, timeout=5_000)
    with qtbot.waitSignal(pane.shown, timeout=20_000):
        window.events.changed.emit(Change("Edit text", notes=frozenset({MINUTES_NOTE})))
    qtbot.wait(100)
    assert _evaluate(qtbot, pane, "window.scrollY") == 900


def test_larger_text_and_another_theme_keep_the_reader_as_far_down_the_note(
    qtbot: Any, shown_window: Any
) -> None:
    window, pane = shown_window, shown_window.preview.pane
    how_far = "window.scrollY / document.documentElement.scrollHeight"
    pane.run_script("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    qtbot.waitUntil(lambda: _evaluate(qtbot, pane, how_far) > 0.4, timeout=5_000)
    qtbot.waitUntil(lambda: pane.page().scrollPosition().y() > 0, timeout=5_000)  # the view has caught up
    before = _evaluate(qtbot, pane, how_far)
    size = _evaluate(qtbot, pane, "getComputedStyle(document.body).fontSize")
    try:
        with qtbot.waitSignal(pane.loadFinished, timeout=20_000):
            window.set_font_size(4)
        qtbot.waitUntil(lambda: _evaluate(qtbot, pane, "getComputedStyle(document.body).fontSize") != size)
        qtbot.waitUntil(lambda: abs(_evaluate(qtbot, pane, how_far) - before) < 0.03, timeout=5_000)
        qtbot.waitUntil(lambda: pane.page().scrollPosition().y() > 0, timeout=5_000)
        with qtbot.waitSignal(pane.loadFinished, timeout=20_000):
            window.set_theme("dark")
        assert _evaluate(qtbot, pane, "document.body.className") == "theme-dark"
        qtbot.waitUntil(lambda: abs(_evaluate(qtbot, pane, how_far) - before) < 0.03, timeout=5_000)
    finally:
        window.set_theme("system")
