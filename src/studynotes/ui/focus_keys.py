"""Moving between the window's panes with the keyboard alone: Ctrl+1–4 to one, F6 round them all.

The panes are the notebook tree, the preview, the question list and the search field,
in the order they sit from left to right (search first in F6's round, as it heads the left column).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate


def panes(window: MainWindow) -> list[QWidget]:
    """Where each jump lands: the widget that takes the keys in that pane."""
    preview = window.preview.currentWidget() or window.preview
    return [window.tree, preview, window.questions.table, window.search.field]


def go_to(window: MainWindow, index: int) -> None:
    target = panes(window)[index]
    if index == 3:
        window.search.focus()
        return
    if target is window.questions.table and not target.currentIndex().isValid():
        first = target.model().index(0, 1)
        if first.isValid():
            target.setCurrentIndex(first)
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def cycle(window: MainWindow, step: int) -> None:
    """F6 / Shift+F6: the next or previous pane from the one holding the focus."""
    focused = QApplication.focusWidget()
    order = panes(window)
    current = next(
        (
            i
            for i, pane in enumerate(order)
            if focused is not None and (focused is pane or pane.isAncestorOf(focused))
        ),
        -1,
    )
    go_to(window, (current + step) % len(order))


def install(window: MainWindow, view_menu: QMenu) -> None:
    """View → Go to …, with the shortcuts (they also show in Help → Keyboard shortcuts)."""
    menu = view_menu.addMenu(translate("FocusKeys", "&Go to"))
    names = (
        translate("FocusKeys", "&Notebook tree"),
        translate("FocusKeys", "&Preview"),
        translate("FocusKeys", "&Question list"),
        translate("FocusKeys", "&Search"),
    )
    for index, name in enumerate(names):
        menu.addAction(window.action(name, lambda i=index: go_to(window, i), f"Ctrl+{index + 1}"))
    menu.addSeparator()
    menu.addAction(
        window.action(translate("FocusKeys", "Ne&xt pane"), lambda: cycle(window, 1), QKeySequence("F6"))
    )
    menu.addAction(
        window.action(
            translate("FocusKeys", "P&revious pane"), lambda: cycle(window, -1), QKeySequence("Shift+F6")
        )
    )
