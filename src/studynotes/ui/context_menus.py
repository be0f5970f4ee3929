"""Right-click menus: the preview's (never a browser's), the tree's, the question list's, search results'.

Each menu is built from the window's own actions and slots, so a menu item does
exactly what the menu bar or a shortcut does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from .main_window import MainWindow


def preview_menu(window: MainWindow, question_id: int, selected: str) -> QMenu:
    """Copy and select all; on a question card, the card's own actions."""
    menu = QMenu(window)
    menu.setObjectName("preview-menu")
    copy = menu.addAction(window.tr("Copy"))
    copy.setEnabled(bool(selected))
    copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(selected))
    pane = window.preview.pane
    if pane is not None:
        select_all = menu.addAction(window.tr("Select all"))
        select_all.triggered.connect(lambda: pane.triggerPageAction(QWebEnginePage.WebAction.SelectAll))
    if question_id:
        menu.addSeparator()
        add_question_actions(window, menu, [question_id])
    return menu


def add_question_actions(window: MainWindow, menu: QMenu, question_ids: list[int]) -> None:
    """Mark answered / open for the questions (one undo step each)."""
    if not question_ids:
        return
    rows = [row for row in (window.library.question(i) for i in question_ids) if row is not None]
    if not rows:
        return
    target = "open" if all(r.status == "answered" for r in rows) else "answered"
    toggle = menu.addAction(window.tr("Mark open") if target == "open" else window.tr("Mark answered"))
    toggle.triggered.connect(
        lambda: [window.toggle_question(r.id) for r in rows if r.status != target]  # type: ignore[func-returns-value]
    )


def show_preview_menu(window: MainWindow, where: QPoint, question_id: int, selected: str) -> None:
    preview_menu(window, question_id, selected).popup(where)
