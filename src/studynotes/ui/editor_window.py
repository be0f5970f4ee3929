"""A window around the note editor, so the main window's preview stays in view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QMainWindow, QPushButton, QWidget

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
        # Never larger than the screen (a 1024×700 laptop); Done, Esc and Ctrl+W close it.
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width() * 9 // 10), min(760, screen.height() * 9 // 10))
        done = QPushButton(self.tr("Done"))
        done.setToolTip(self.tr("Close the editor (Esc, Ctrl+W); everything is already saved"))
        done.clicked.connect(self.close)
        self.statusBar().addPermanentWidget(done)
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Close)):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(self.close)

    def open_note(self, note_id: int, title: str) -> None:
        self.setWindowTitle(f"Edit — {title}")
        self.editor.open_note(note_id)
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.closed.emit()
        super().closeEvent(event)
