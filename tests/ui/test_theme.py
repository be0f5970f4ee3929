"""View → Dark darkens the whole window, not only the preview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _lightness(widget: Any) -> int:
    return int(widget.palette().color(widget.backgroundRole()).lightness())


def test_dark_and_back_to_the_system_theme(qtbot: Any, window: Any) -> None:
    window.tree.setCurrentIndex(window.tree_model.note_index(4))
    status = window.questions.model.index(0, 0)
    assert window.questions.model.row_at(0).status == "answered"
    light_green = status.data(Qt.ItemDataRole.ForegroundRole).name()
    assert _lightness(window.tree.viewport()) > 200
    try:
        window.set_theme("dark")
        assert window.theme() == "dark"
        assert QApplication.palette().window().color().lightness() < 80
        qtbot.waitUntil(lambda: _lightness(window.tree.viewport()) < 80)
        assert _lightness(window.questions.table.viewport()) < 80
        dark_green = status.data(Qt.ItemDataRole.ForegroundRole)
        assert dark_green.name() != light_green and dark_green.lightness() > 90  # readable on dark

        window.set_theme("light")
        assert window.theme() == "light"
        assert QApplication.palette().window().color().lightness() > 200
    finally:
        window.set_theme("system")
    qtbot.waitUntil(lambda: _lightness(window.tree.viewport()) > 200)
    assert status.data(Qt.ItemDataRole.ForegroundRole).name() == light_green
