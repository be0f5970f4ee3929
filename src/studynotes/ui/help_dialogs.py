"""Help: every shortcut in one list, a command palette that finds any action by name, About.

Both lists are read from the window's own actions, so they cannot drift from the menus.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, qVersion
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow

ACTION_ROLE = Qt.ItemDataRole.UserRole + 1


def window_actions(window: MainWindow) -> list[tuple[str, QAction]]:
    """Every menu action as "Menu › Action", in menu order (separators and headings left out)."""
    found: list[tuple[str, QAction]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            name = re.sub(r"\(&\w\)", "", action.text()).replace("&", "")  # `파일(&F)` reads `파일`
            if isinstance(sub, QMenu):
                walk(sub, f"{path} › {name}")
            elif not action.isSeparator() and name:
                found.append((f"{path} › {name}", action))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, top.text().replace("&", ""))
    return found


def shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_list(window: MainWindow) -> QDialog:
    """The actions that have a shortcut, with it, as this platform writes it (⌘ on macOS)."""
    dialog = QDialog(window)
    dialog.setWindowTitle(translate("Help", "Keyboard shortcuts"))
    rows = [(name, shortcut_text(action)) for name, action in window_actions(window) if shortcut_text(action)]
    rows += [
        (translate("Help", "Question list › Toggle answered / open"), translate("Help", "Space")),
        (translate("Help", "Search › Into the results / clear"), translate("Help", "↓ / Esc")),
        (translate("Help", "Anywhere › Back / forward"), translate("Help", "Mouse side buttons")),
    ]
    table = QTableWidget(len(rows), 2)
    table.setAccessibleName(translate("Help", "Keyboard shortcuts"))
    table.setHorizontalHeaderLabels([translate("Help", "Action"), translate("Help", "Shortcut")])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (name, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(name))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(min(640, window.width()), min(560, window.height()))
    dialog.open()
    return dialog


class CommandPalette(QDialog):
    """Type part of an action's name; Enter runs the first (or the chosen) one."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Command palette"))
        self.field = QLineEdit()
        self.field.setAccessibleName(self.tr("Action to run"))
        self.field.setPlaceholderText(self.tr("Type an action's name"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Actions"))
        for name, action in window_actions(window):
            keys = shortcut_text(action)
            item = QListWidgetItem(f"{name}    {keys}" if keys else name)
            item.setData(ACTION_ROLE, action)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list)
        self.field.textChanged.connect(self.filter)
        self.field.returnPressed.connect(self.run_current)
        self.list.itemActivated.connect(lambda _item: self.run_current())
        self.field.installEventFilter(self)
        self.resize(min(560, window.width()), min(420, window.height()))
        self.filter("")

    def filter(self, text: str) -> None:
        words = text.casefold().split()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            action = item.data(ACTION_ROLE)
            shown = all(word in item.text().casefold() for word in words) and action.isEnabled()
            item.setHidden(not shown)
            if shown and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)
        else:
            self.list.setCurrentRow(-1)

    def visible_names(self) -> list[str]:
        return [
            self.list.item(r).text() for r in range(self.list.count()) if not self.list.item(r).isHidden()
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the field move through the list."""
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = self.list.currentRow()
            while 0 <= row + step < self.list.count():
                row += step
                if not self.list.item(row).isHidden():
                    self.list.setCurrentRow(row)
                    break
            return True
        return super().eventFilter(watched, event)

    def run_current(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        action = item.data(ACTION_ROLE)
        self.accept()
        action.trigger()


def command_palette(window: MainWindow) -> CommandPalette:
    palette = CommandPalette(window)
    palette.open()
    palette.field.setFocus()
    return palette


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version  # reads every installed package's data

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def about_text(window: MainWindow) -> str:
    import platform

    return translate(
        "Help",
        "<h3>studynotes {version}</h3><p>A notebook for study groups: lecture chats, question boards, "
        "minutes and study logs in one file on this computer.</p>"
        "<p>Library: {path}</p><p>Python {python} · Qt {qt} · PySide6 {pyside}</p>",
    ).format(
        version=_version("studynotes"),
        path=window.library.path,
        python=platform.python_version(),
        qt=qVersion(),
        pyside=_version("PySide6"),
    )


def about(window: MainWindow) -> None:
    QMessageBox.about(window, translate("Help", "About studynotes"), about_text(window))
