"""A note's earlier versions, newest first, and putting one back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..library import HistoryEntry, Library
from ..model import StudyNotesError
from ..render.plain_text import plain_question
from .commands import Commands

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate

EXCERPT = 48  # characters of an earlier version shown in the list
FIELD_NAMES = {"markdown": "text", "text": "question", "answer": "answer"}


class HistoryDialog(QDialog):
    restored = Signal(int)  # note id

    def __init__(
        self,
        library: Library,
        note_id: int,
        title: str,
        parent: QWidget | None = None,
        *,
        commands: Commands | None = None,
    ) -> None:
        super().__init__(parent)
        # Through the window's commands a restore is one Ctrl+Z away from undone.
        self._commands = commands
        self._entries: dict[int, HistoryEntry] = {}
        self.setWindowTitle(translate("HistoryDialog", "History of {title}").format(title=title))
        self.resize(820, 520)
        self._library, self._note_id = library, note_id
        self.versions = QListWidget()
        self.versions.setAccessibleName(translate("HistoryDialog", "Versions"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(translate("HistoryDialog", "Text of this version"))
        self.text.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.versions)
        splitter.addWidget(self.text)
        splitter.setSizes([300, 520])
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(
            translate("HistoryDialog", "Restore this version"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.clicked.connect(self.restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.versions.currentItemChanged.connect(self._show)
        self.reload()

    def reload(self) -> None:
        self.versions.clear()
        self._entries.clear()
        for entry in self._library.history(self._note_id):
            self._entries[entry.id] = entry
            # Which text this was, not only when: its first words as the list shows them.
            excerpt = plain_question(entry.old_value) or "(empty)"
            item = QListWidgetItem(
                f"{entry.changed_at[:19].replace('T', ' ')}  {FIELD_NAMES.get(entry.field, entry.field)}\n"
                + (excerpt if len(excerpt) <= EXCERPT else excerpt[: EXCERPT - 1] + "…")
            )
            item.setToolTip(excerpt)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, entry.old_value)
            self.versions.addItem(item)
        if self.versions.count():
            self.versions.setCurrentRow(0)
        else:
            self.text.setPlainText(translate("HistoryDialog", "Nothing in this note has been edited yet."))
        self.restore_button.setEnabled(self.versions.count() > 0)

    def _show(self, item: QListWidgetItem | None) -> None:
        self.text.setPlainText(str(item.data(Qt.ItemDataRole.UserRole + 1)) if item is not None else "")

    def restore(self) -> None:
        item: QListWidgetItem | None = self.versions.currentItem()
        if not isinstance(item, QListWidgetItem):
            return
        history_id = int(item.data(Qt.ItemDataRole.UserRole))
        try:
            if self._commands is not None:
                self._commands.restore_version(history_id)
            else:
                self._library.restore_version(history_id)
        except StudyNotesError as error:
            QMessageBox.warning(self, "studynotes", str(error))
            return
        self.restored.emit(self._note_id)
        self.reload()


def show_history(window: MainWindow) -> None:
    """The selected note's earlier versions; with no note selected, what was deleted."""
    from .deleted_dialog import show_deleted

    node = window.current_node()
    if node is None or node.kind != "note":
        show_deleted(window)
        return
    dialog = HistoryDialog(window.library, node.id, node.title, window, commands=window.commands)
    deleted = dialog.buttons.addButton(
        translate("MainWindow", "Deleted notes and notebooks…"), dialog.buttons.ButtonRole.ResetRole
    )
    deleted.clicked.connect(dialog.done)  # done(0): closed, then the Deleted list opens
    deleted.clicked.connect(lambda: QTimer.singleShot(0, lambda: window.guarded(show_deleted, window)))
    dialog.exec()
