"""The window on a small screen: it fits, and narrowing it does not crush the preview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from studynotes.library import Library


def test_the_first_window_fits_the_screen(qtbot: Any, demo_library: Library, settings: QSettings) -> None:
    from studynotes.ui.main_window import MainWindow

    window = MainWindow(demo_library, settings)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert 0 < window.width() <= screen.width() and 0 < window.height() <= screen.height()
    window.close()


def test_narrowing_the_window_takes_width_from_every_pane(qtbot: Any, window: Any) -> None:
    window.resize(1400, 900)
    qtbot.wait(20)
    window.splitter.setSizes([300, 700, 400])
    left, preview, right = window.splitter.sizes()
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: sum(window.splitter.sizes()) < left + preview + right - 300)
    narrow_left, narrow_preview, narrow_right = window.splitter.sizes()
    assert narrow_left < left and narrow_right < right
    assert narrow_preview >= 0.45 * sum(window.splitter.sizes())


def test_opening_the_editor_on_a_small_screen_takes_no_width_from_the_tree(qtbot: Any, window: Any) -> None:
    window.resize(921, 630)  # the first window on a 1024×700 screen
    qtbot.wait(50)
    tree = window.splitter.sizes()[0]
    window.tree.setCurrentIndex(window.tree_model.note_index(4))
    window.edit_note()
    qtbot.wait(1200)  # the pane's own layout is done by then, even on a loaded machine
    left, preview, editor, questions = window.splitter.sizes()
    assert abs(left - tree) <= 2 and questions == 0
    assert editor >= window.editor_pane.minimumSizeHint().width() and preview > editor
