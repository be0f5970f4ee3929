"""A window around the note editor, so the main window's preview stays in view."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QMainWindow, QWidget

from ..library import Library
from .commands import LibraryEvents


class EditorWindow(QMainWindow):
    def __init__(
        self, library: Library, undo_stack: QUndoStack, events: LibraryEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from .editor import NoteEditor

        self.editor = NoteEditor(library, undo_stack, events, self)
        self.setCentralWidget(self.editor)
        self.resize(1100, 760)

    def open_note(self, note_id: int, title: str) -> None:
        self.setWindowTitle(f"Edit — {title}")
        self.editor.open_note(note_id)
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.closed.emit()
        super().closeEvent(event)
