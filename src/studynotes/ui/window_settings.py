"""What the window keeps across restarts: size, pane widths, sort, and the last selection per library."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

if TYPE_CHECKING:
    from .main_window import MainWindow


def restore(window: MainWindow) -> None:
    settings = window.settings
    geometry = settings.value("geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:  # the first start: a comfortable size that still fits a small screen
        screen = window.screen().availableGeometry()
        window.resize(min(1280, screen.width() * 9 // 10), min(800, screen.height() * 9 // 10))
    state = settings.value("splitter")
    if isinstance(state, QByteArray):
        window.splitter.restoreState(state)
    window.questions.restore_sort(str(settings.value("question_sort", "-1,0")))
    last = str(settings.value(selection_key(window), ""))
    kind, _, ident = last.partition(":")
    if kind and ident.isdigit():
        index = window.tree_model.find((kind, int(ident)))
        if index.isValid():
            window.tree.setCurrentIndex(index)
            window.tree.scrollTo(index)
            return
    first = window.tree_model.index(0, 0)
    if first.isValid():
        window.tree.expand(first)
        window.tree.setCurrentIndex(first)


def save(window: MainWindow) -> None:
    window.settings.setValue("geometry", window.saveGeometry())
    window.settings.setValue("splitter", window.splitter.saveState())
    window.settings.setValue("question_sort", window.questions.sort_state())


def selection_key(window: MainWindow) -> str:
    """The last selection is kept per library: ids mean nothing in another file."""
    where = hashlib.sha1(str(window.library.path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return f"last_selection_{where[:16]}"
