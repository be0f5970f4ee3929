"""Editing a note: its cells in order, saved as you type, every change undoable.

Text cells are Markdown with highlighting; question cells have the question,
the answer and an Answered box.  Edits are saved after a short pause (and
when the field loses focus) through the undo stack; a live preview renders
off the GUI thread beside the editor.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..library import Library
from ..model import Cell, Question, QuestionStatus
from . import commands
from .commands import LibraryEvents
from .markdown_highlighter import MarkdownHighlighter
from .preview_host import PreviewHost, render_job

SAVE_DELAY_MS = 600
PREVIEW_DELAY_MS = 300


class _CellEditor(QFrame):
    """One cell: a text box (or question, answer and status) that saves itself."""

    changed = Signal()
    focused = Signal(object)

    def __init__(self, cell: Cell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = cell
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.text = _editor(cell.question.text if cell.question else cell.markdown)
        self.answer: QPlainTextEdit | None = None
        self.answered: QCheckBox | None = None
        if cell.question is not None:
            header = QHBoxLayout()
            header.addWidget(QLabel(f"<b>Question</b> {cell.question.asker}"))
            self.answered = QCheckBox("Answered")
            self.answered.setChecked(cell.question.status == "answered")
            header.addStretch(1)
            header.addWidget(self.answered)
            layout.addLayout(header)
            layout.addWidget(self.text)
            layout.addWidget(QLabel("Answer"))
            self.answer = _editor(cell.question.answer)
            layout.addWidget(self.answer)
        else:
            layout.addWidget(self.text)
        for box in (self.text, self.answer):
            if box is not None:
                box.textChanged.connect(self.changed)
                box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit(self)
        elif event.type() == QEvent.Type.FocusOut:
            self.changed.emit()
        return False


def _editor(text: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    MarkdownHighlighter(box.document())
    lines = max(3, min(16, text.count("\n") + 2))
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class NoteEditor(QWidget):
    closed = Signal()

    def __init__(
        self, library: Library, undo_stack: QUndoStack, events: LibraryEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._library, self._undo, self._events = library, undo_stack, events
        self.note_id: int | None = None
        self.editors: list[_CellEditor] = []
        self._current: _CellEditor | None = None
        self._saving = False
        self._dirty: set[int] = set()
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._render)
        self.cells_box = QVBoxLayout()
        self.cells_box.addStretch(1)
        holder = QWidget()
        holder.setLayout(self.cells_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        buttons = QHBoxLayout()
        for label, slot, keys in (
            ("Add text", lambda: self.add_cell("markdown"), "Ctrl+Shift+T"),
            ("Add question", lambda: self.add_cell("question"), "Ctrl+Shift+Q"),
            ("Delete cell", self.delete_current, "Ctrl+Shift+D"),
        ):
            button = QPushButton(label)
            button.setToolTip(keys)
            button.clicked.connect(slot)
            QShortcut(QKeySequence(keys), self, slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(scroll, 1)
        self.preview = PreviewHost()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        events.noteChanged.connect(self._note_changed)

    def open_note(self, note_id: int) -> None:
        self.save()
        self.note_id = note_id
        self._load()
        if self.preview.pane is None:
            QTimer.singleShot(0, self.preview.create_web_view)

    def _load(self) -> None:
        note = self._library.note(self.note_id) if self.note_id is not None else None
        for editor in self.editors:
            editor.setParent(None)
            editor.deleteLater()
        self.editors = []
        self._current = None
        if note is None:
            return
        for cell in note.cells:
            editor = _CellEditor(cell)
            editor.changed.connect(lambda e=editor: self._edited(e))
            editor.focused.connect(self._focus)
            if editor.answered is not None:
                editor.answered.toggled.connect(lambda _on, e=editor: self._toggle(e))
            self.cells_box.insertWidget(self.cells_box.count() - 1, editor)
            self.editors.append(editor)
        self._preview_timer.start()

    def _focus(self, editor: _CellEditor) -> None:
        self._current = editor

    def _edited(self, editor: _CellEditor) -> None:
        self._dirty.add(id(editor))
        self._save_timer.start()
        self._preview_timer.start()

    def save(self) -> None:
        """Push a command for every cell whose text differs from what is stored."""
        self._save_timer.stop()
        if self.note_id is None:
            return
        self._saving = True
        try:
            for editor in self.editors:
                if id(editor) not in self._dirty:
                    continue
                cell = editor.cell
                if cell.question is not None and cell.question.id is not None and editor.answer is not None:
                    text, answer = editor.text.toPlainText(), editor.answer.toPlainText()
                    if text.strip() and (text != cell.question.text or answer != cell.question.answer):
                        self._undo.push(
                            commands.edit_question(
                                self._library, self._events, cell.question.id, text=text, answer=answer
                            )
                        )
                        cell.question.text, cell.question.answer = text.strip(), answer.strip()
                elif cell.id is not None and editor.text.toPlainText() != cell.markdown:
                    self._undo.push(
                        commands.EditCellCommand(
                            self._library, self._events, self.note_id, cell.id, editor.text.toPlainText()
                        )
                    )
                    cell.markdown = editor.text.toPlainText()
            self._dirty.clear()
        finally:
            self._saving = False

    def _toggle(self, editor: _CellEditor) -> None:
        question = editor.cell.question
        if question is None or question.id is None or editor.answered is None:
            return
        wanted: QuestionStatus = "answered" if editor.answered.isChecked() else "open"
        if wanted != question.status:
            command = commands.toggle_status(self._library, self._events, question.id)
            if command is not None:
                self._saving = True
                self._undo.push(command)
                self._saving = False
                question.status = wanted

    def add_cell(self, kind: str) -> None:
        if self.note_id is None:
            return
        self.save()
        position = self.editors.index(self._current) + 1 if self._current in self.editors else None
        cell = Cell.asking(Question(text="New question")) if kind == "question" else Cell.text("")
        self._undo.push(commands.AddCellCommand(self._library, self._events, self.note_id, cell, position))

    def delete_current(self) -> None:
        if self._current is None or self._current.cell.id is None:
            return
        self.save()
        self._undo.push(commands.DeleteCellCommand(self._library, self._events, self._current.cell.id))

    def _note_changed(self, note_id: int) -> None:
        if note_id == self.note_id and not self._saving:
            self._load()  # an undo, a redo, or a cell added or removed

    def _render(self) -> None:
        if self.note_id is None:
            return
        note = self._library.note(self.note_id)
        if note is None:
            return
        for editor, cell in zip(self.editors, note.cells, strict=False):  # show what is typed, saved or not
            if cell.question is not None and editor.answer is not None:
                cell.question.text, cell.question.answer = (
                    editor.text.toPlainText(),
                    editor.answer.toPlainText(),
                )
            else:
                cell.markdown = editor.text.toPlainText()
        self.preview.render(render_job([note], note.title, "light", 14))

    def hideEvent(self, event: Any) -> None:
        self.save()
        super().hideEvent(event)
