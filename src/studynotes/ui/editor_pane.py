"""Editing beside the preview, in the main window (as Joplin and Obsidian do).

The note's cells take the place of the question list while it is edited; the main preview shows
what is typed, and follows the cursor from cell to cell.  Done, Esc or Ctrl+W close the pane;
everything is already saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..library import Library
from ..model import Note, StudyNotesError
from .commands import LibraryEvents
from .editor import NoteEditor
from .preview_host import render_job

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow


class EditorPane(QWidget):
    closed = Signal()

    def __init__(
        self, library: Library, undo_stack: QUndoStack, events: LibraryEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.editor = NoteEditor(library, undo_stack, events, self)
        self.editor.use_outside_preview()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        done = QPushButton(self.tr("Done"))
        done.setToolTip(self.tr("Close the editor (Esc, Ctrl+W); everything is already saved"))
        done.clicked.connect(self.close_pane)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.editor, 1)
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Close)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.close_pane)
        self.editor.closed.connect(self.close_pane)  # its note was deleted

    def open_note(self, note_id: int, title: str) -> None:
        self.title.setText(self.tr("Editing: {title}").format(title=title))
        self.editor.open_note(note_id)
        self.show()
        if self.editor.editors:
            self.editor.editors[0].text.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_pane(self) -> None:
        if self.isVisible():
            self.editor.save()
            self.hide()
            self.closed.emit()


def edit_selected_note(window: MainWindow) -> None:
    """Ctrl+E: the note's cells beside the preview, in place of the question list."""
    node = window.current_node()
    if node is None or node.kind != "note":
        raise StudyNotesError(translate("EditorPane", "Select a note to edit"))
    opening = window.editor_pane is None or not window.editor_pane.isVisible()
    # Read before the pane is put in: inserting it shares the room out anew.
    left, preview, *rest = window.splitter.sizes()
    room = preview + rest[-1]  # the question list's width goes to the editor and the preview
    if window.editor_pane is None:
        pane = window.editor_pane = EditorPane(window.library, window.undo_stack, window.events)
        pane.editor.cellFocused.connect(lambda element: _follow_cursor(window, element))
        pane.editor.typed.connect(lambda note: _show_typed(window, note))
        pane.closed.connect(lambda: _editor_closed(window))
        window.splitter.insertWidget(2, pane)
        pane.hide()  # a splitter shows what it is given; it opens below, making room
    if opening:
        pane = window.editor_pane

        def share() -> None:
            """The tree keeps its width; the editor takes 9/20 of the rest, or what it needs."""
            if not pane.isVisible():
                return
            editor = max(room * 9 // 20, pane.minimumSizeHint().width())
            window.splitter.setSizes([left, room - editor, editor, 0])

        pane.open_note(node.id, node.title)
        share()
        window.questions.hide()
        # Once more after the pane's first layout (its cells' scroll bar makes it wider), so the
        # splitter does not find the room by narrowing the tree.
        for delay in (0, 100, 300, 1000):  # a loaded machine lays the pane out later
            QTimer.singleShot(delay, pane, share)  # not after the pane (or window) is gone
    else:
        window.editor_pane.open_note(node.id, node.title)


def _follow_cursor(window: MainWindow, element_id: str) -> None:
    """The preview keeps the cell being edited in view, moving only as far as needed."""
    if window.preview.pane is not None:
        window.preview.scroll_to(element_id, nearest=True)


def _show_typed(window: MainWindow, note: Note) -> None:
    """What is typed, in the main preview at the reader's place (saved a moment later)."""
    if window._content is not None and window._content.note_ids == [note.id]:
        window.preview.render(
            render_job([note], note.title, window.theme(), window.font_size()), keep_place=True
        )


def _editor_closed(window: MainWindow) -> None:
    window.questions.show()
    window.tree.setFocus(Qt.FocusReason.OtherFocusReason)
