"""What a new user meets first: formulas readable in the dark, the welcome page, a preview that
is not a browser, the search mark where the chosen result is, the samples kept apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import QApplication

from studynotes.library import Library

LECTURE_3_BOARD = 2  # a sample note whose questions 37 and 38 both say "gradient"
CHAT_LOG = 1


def _evaluate(qtbot: Any, pane: Any, script: str) -> Any:
    result: list[Any] = []
    pane.run_script(script, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=10_000)
    return result[0]


def _with_web_view(qtbot: Any, window: Any) -> Any:
    window.resize(1400, 900)
    window.preview.create_web_view()
    qtbot.waitSignal(window.preview.pane.shown, timeout=20_000).wait()
    return window.preview.pane


def _select_note(qtbot: Any, window: Any, note_id: int) -> None:
    with qtbot.waitSignal(window.preview.pane.shown, timeout=20_000):
        window.tree.setCurrentIndex(window.tree_model.note_index(note_id))


def _luminance(css_colour: str) -> float:
    red, green, blue = (int(part) for part in css_colour[css_colour.index("(") + 1 : -1].split(",")[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def test_formulas_in_the_dark_theme_are_drawn_in_the_light_text_colour(
    qtbot: Any, window: Any, settings: QSettings
) -> None:
    settings.setValue("theme", "dark")
    pane = _with_web_view(qtbot, window)
    _select_note(qtbot, window, 4)  # the minutes: formulas in text and in cards
    assert _evaluate(qtbot, pane, "document.body.className") == "theme-dark"
    assert _evaluate(qtbot, pane, "document.querySelectorAll('.math svg').length") > 3
    colour = _evaluate(qtbot, pane, "getComputedStyle(document.querySelector('.math svg')).color")
    drawn = _evaluate(qtbot, pane, "getComputedStyle(document.querySelector('.math svg')).filter")
    background = _evaluate(qtbot, pane, "getComputedStyle(document.body).backgroundColor")
    assert drawn == "none"  # nothing turns the light colour dark again
    assert _luminance(colour) > 0.7 and _luminance(background) < 0.2
    assert _evaluate(qtbot, pane, "getComputedStyle(document.documentElement).colorScheme") == "dark"


@pytest.fixture
def empty_window(qtbot: Any, tmp_path: Path, settings: QSettings) -> Iterator[Any]:
    from studynotes.ui.main_window import MainWindow

    library = Library.open(tmp_path / "mine.sqlite3")
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    library.close()


def test_an_empty_library_opens_on_the_welcome_page_even_after_the_web_view_comes(empty_window: Any) -> None:
    assert empty_window.preview.currentWidget() is empty_window.welcome
    empty_window.preview.create_web_view()  # after the first paint
    assert empty_window.preview.currentWidget() is empty_window.welcome


def test_the_preview_has_no_history_and_refuses_back_forward_and_reload(qtbot: Any, window: Any) -> None:
    pane = _with_web_view(qtbot, window)
    _select_note(qtbot, window, CHAT_LOG)
    _select_note(qtbot, window, 4)
    window.set_font_size(2)  # a new frame: a whole page load, not a body swap
    qtbot.waitSignal(pane.shown, timeout=20_000).wait()
    assert not pane.history().canGoBack()
    pane.triggerPageAction(QWebEnginePage.WebAction.Back)
    qtbot.wait(300)
    assert _evaluate(qtbot, pane, "document.querySelector('#note-4') !== null") is True
    navigation = QWebEnginePage.NavigationType
    for kind in (navigation.NavigationTypeBackForward, navigation.NavigationTypeReload):
        assert pane.page().acceptNavigationRequest("about:blank", kind, True) is False
    assert pane.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_the_preview_menu_offers_copy_and_the_cards_actions_never_the_browsers(
    qtbot: Any, window: Any
) -> None:
    from studynotes.ui.context_menus import preview_menu

    _with_web_view(qtbot, window)
    plain = [a.text() for a in preview_menu(window, 0, "some words").actions()]
    assert plain == ["Copy", "Select all"]
    on_card = [a.text() for a in preview_menu(window, 38, "").actions() if a.text()]
    assert "Mark answered" in on_card or "Mark open" in on_card
    for browser_item in ("Back", "Forward", "Reload", "Save page", "View page source"):
        assert browser_item not in plain + on_card


def test_back_and_forward_walk_the_windows_own_selections(qtbot: Any, window: Any) -> None:
    first = window.tree_model.note_index(CHAT_LOG)
    window.tree.setCurrentIndex(first)
    window.tree.setCurrentIndex(window.tree_model.note_index(4))
    window.tree.setCurrentIndex(window.tree_model.note_index(5))
    window.go_back()
    assert window.current_node().id == 4
    window.go_back()
    assert window.current_node().id == CHAT_LOG
    assert [r.note_id for r in window.questions.model.rows()] == [
        CHAT_LOG
    ] * window.questions.model.rowCount()
    window.go_forward()
    assert window.current_node().id == 4
    # the mouse's back button anywhere in the window does the same
    target = window.questions.table.viewport()
    press = QMouseEvent(
        QMouseEvent.Type.MouseButtonPress,
        QPointF(5, 5),
        QPointF(target.mapToGlobal(QPoint(5, 5))),
        Qt.MouseButton.BackButton,
        Qt.MouseButton.BackButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, press)
    assert window.current_node().id == CHAT_LOG
    window.tree.setCurrentIndex(window.tree_model.note_index(6))
    window.go_forward()  # a new selection dropped what was ahead
    assert window.current_node().id == 6


def _mark_is_in(qtbot: Any, pane: Any) -> str:
    script = "(function(){var m=document.querySelector('mark.find-mark');if(!m)return '';var c=m.closest('[id]');return c?c.id+'|'+m.textContent:'?';})()"
    return str(_evaluate(qtbot, pane, script))


def test_choosing_a_result_marks_the_word_in_that_question_and_escape_clears_it(
    qtbot: Any, window: Any
) -> None:
    pane = _with_web_view(qtbot, window)
    window.search.field.setText("gradient")
    window.search.run_search()
    items = {hit.id: row for row, hit in enumerate(window.search.hits()) if hit.kind == "question"}
    assert 37 in items and 38 in items  # two questions of one note say it
    with qtbot.waitSignal(pane.shown, timeout=20_000):
        window.search.results.itemClicked.emit(window.search.results.item(items[38]))
    qtbot.waitUntil(lambda: _mark_is_in(qtbot, pane) != "", timeout=5_000)
    where, _, word = _mark_is_in(qtbot, pane).partition("|")
    assert where == "question-38" and word.casefold() == "gradient"
    assert _evaluate(qtbot, pane, "document.querySelectorAll('mark.find-mark').length") == 1

    window.search.field.setFocus()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: _mark_is_in(qtbot, pane) == "", timeout=5_000)
    assert (
        "gradient" in _evaluate(qtbot, pane, "document.getElementById('question-38').textContent").casefold()
    )


def test_a_text_result_marks_the_word_in_its_own_cell(qtbot: Any, window: Any, demo_library: Library) -> None:
    pane = _with_web_view(qtbot, window)
    window.search.field.setText("Stochastic")
    window.search.run_search()
    row, hit = next((r, h) for r, h in enumerate(window.search.hits()) if h.kind == "cell")
    with qtbot.waitSignal(pane.shown, timeout=20_000):
        window.search.results.itemClicked.emit(window.search.results.item(row))
    qtbot.waitUntil(lambda: _mark_is_in(qtbot, pane) != "", timeout=5_000)
    assert _mark_is_in(qtbot, pane).split("|")[0] == f"cell-{hit.id}"


def test_the_samples_open_in_a_library_of_their_own_that_goes_away_with_its_window(
    empty_window: Any,
) -> None:
    window, library = empty_window, empty_window.library
    window.welcome.samplesRequested.emit()
    assert library.notebooks() == []  # nothing added to the user's library
    (samples,) = window._demo_windows
    assert samples.isVisible() and samples.library.path != library.path
    assert len(samples.library.notebooks()) == 4
    assert samples.tree_model.rowCount() == 4
    assert window.preview.currentWidget() is window.welcome
    sample_file = samples.library.path
    assert sample_file.exists()
    samples.close()
    assert not sample_file.exists()


def test_the_dark_preview_is_dark_before_its_page_paints(qtbot: Any, window: Any) -> None:
    pane = _with_web_view(qtbot, window)
    assert pane.page().backgroundColor().lightness() > 200
    with qtbot.waitSignal(pane.shown, timeout=20_000):
        window.set_theme("dark")
    assert pane.page().backgroundColor().lightness() < 60
    window.set_theme("system")  # as the other tests expect it
