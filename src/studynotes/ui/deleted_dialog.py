"""Deleted notes and notebooks, the latest first, each restorable with everything that went with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
)

from ..library import DeletedItem, Operation
from .count_words import words

if TYPE_CHECKING:
    from .main_window import MainWindow

ID_ROLE = Qt.ItemDataRole.UserRole


class DeletedDialog(QDialog):
    """Restoring is a window command like any other: Ctrl+Z deletes it again."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("deleted-dialog")
        self.setWindowTitle(self.tr("Deleted notes and notebooks"))
        self.resize(760, 460)
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Deleted notes and notebooks"))
        self.items.setWordWrap(True)  # a long title wraps; what it was and when both stay readable
        self.items.setSpacing(2)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.items)
        splitter.addWidget(self.text)
        splitter.setSizes([340, 420])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(lambda: window.guarded(self.restore))
        self.purge_button = buttons.addButton(
            self.tr("Delete permanently…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.purge_button.clicked.connect(lambda: window.guarded(self.purge))
        self.empty_button = buttons.addButton(
            self.tr("Empty the list…"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.empty_button.clicked.connect(lambda: window.guarded(self.empty))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._by_id: dict[int, DeletedItem] = {}
        self.items.currentItemChanged.connect(self._show)
        self.items.itemActivated.connect(lambda _item: window.guarded(self.restore))
        self.reload()

    def reload(self) -> None:
        self.items.clear()
        self._by_id = {item.id: item for item in self.window_.library.deleted_items()}
        for item in self._by_id.values():
            when = item.deleted_at[:16].replace("T", " ")
            if item.kind == "notebook":
                what = self.tr("Notebook “{title}” · {notes}, {questions}").format(
                    title=item.title,
                    notes=words().notes(item.notes),
                    questions=words().questions(item.questions),
                )
            else:
                what = self.tr("Note “{title}” in {notebook} · {questions}").format(
                    title=item.title, notebook=item.notebook, questions=words().questions(item.questions)
                )
            deleted = self.tr("deleted")  # lupdate reads no call inside an f-string
            row = QListWidgetItem(f"{what}\n{deleted} {when}")
            row.setData(ID_ROLE, item.id)
            self.items.addItem(row)
        if self.items.count():
            self.items.setCurrentRow(0)
        else:
            self.text.setPlainText(self.tr("Nothing has been deleted."))
        for button in (self.restore_button, self.purge_button, self.empty_button):
            button.setEnabled(self.items.count() > 0)

    def _show(self, row: QListWidgetItem | None) -> None:
        item = self._by_id.get(int(row.data(ID_ROLE))) if row is not None else None
        self.text.setPlainText(item.text if item is not None else "")

    def restore(self) -> None:
        """The chosen item back in the tree, selected there."""
        row: QListWidgetItem | None = self.items.currentItem()
        if not isinstance(row, QListWidgetItem):
            return
        change = self.window_.commands.restore_deleted(int(row.data(ID_ROLE)))
        notes, notebooks = change.ids("note"), change.ids("notebook")
        if notebooks:
            index = self.window_.tree_model.find(("notebook", min(notebooks)))
            if index.isValid():
                self.window_.tree.setCurrentIndex(index)
        elif notes:
            self.window_.select_note(min(notes))
        self.reload()

    def purge(self) -> None:
        """The chosen item forgotten for good, after the user says so: no undo brings it back."""
        row: QListWidgetItem | None = self.items.currentItem()
        if not isinstance(row, QListWidgetItem):
            return
        title = row.text().split("\n", 1)[0]
        if self._confirmed(self.tr("Delete {what} permanently? It cannot be restored.").format(what=title)):
            self.window_.commands.run(Operation.of("purge_deleted", deleted_id=int(row.data(ID_ROLE))))
            self.reload()

    def empty(self) -> None:
        """Every deleted note and notebook forgotten for good, after the user says so."""
        if self._confirmed(
            self.tr("Empty the list of deleted notes and notebooks? Nothing in it can be restored.")
        ):
            self.window_.commands.run(Operation.of("purge_deleted"))
            self.reload()

    def _confirmed(self, question: str) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Delete permanently"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes


def show_deleted(window: MainWindow) -> None:
    DeletedDialog(window).exec()
