"""The pieces of the note editor: one cell's fields, and the keys that undo.

A cell's text box keeps its own fine-grained undo while it has some; once it
has none (just opened, or reloaded after an undo), Ctrl+Z goes to the
window's undo stack, so adding or deleting a cell is undone from the keyboard
too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..model import Cell
from .markdown_highlighter import MarkdownHighlighter

translate = QCoreApplication.translate

Box = str  # "text" or "answer": which field of a cell


def history_key(event: QEvent) -> str | None:
    """ "undo" or "redo" when the event is that shortcut's key, else None."""
    if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(
        event, QKeyEvent
    ):
        return None
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    if event.matches(QKeySequence.StandardKey.Redo):
        return "redo"
    return None


class CellEditor(QFrame):
    """One cell: a text box (or question, answer and status) that reports edits and focus."""

    changed = Signal()  # typed in
    left = Signal()  # a field lost the focus: save now
    focused = Signal(object, str)  # this editor, which field
    historyRequested = Signal(str)  # "undo" or "redo" for the window's stack
    makeQuestionRequested = Signal(object, int)  # this editor, the line of the paragraph
    notQuestionRequested = Signal(object)  # this editor (a question cell)

    def __init__(self, cell: Cell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = cell
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        question = cell.question
        self.text = _box(question.text if question else cell.markdown)
        self.answer: QPlainTextEdit | None = None
        self.answered: QCheckBox | None = None
        if question is not None:
            header = QHBoxLayout()
            title = (
                "<b>"
                + translate("Editor", "Question")
                + "</b>"
                + (f" · {_escape(question.asker)}" if question.asker else "")
            )
            header.addWidget(QLabel(title))
            header.addStretch(1)
            self.answered = QCheckBox(translate("Editor", "Answered"))
            self.answered.setChecked(question.status == "answered")
            header.addWidget(self.answered)
            layout.addLayout(header)
            self.text.setPlaceholderText(translate("Editor", "The question"))
            layout.addWidget(self.text)
            layout.addWidget(QLabel(translate("Editor", "Answer")))
            self.answer = _box(question.answer)
            self.answer.setPlaceholderText(translate("Editor", "No answer yet"))
            layout.addWidget(self.answer)
        else:
            self.text.setPlaceholderText(translate("Editor", "Markdown text"))
            layout.addWidget(self.text)
        for box in self.boxes():
            box.textChanged.connect(self.changed)
            box.installEventFilter(self)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(
            lambda position: self.correction_menu(position).popup(self.text.viewport().mapToGlobal(position))
        )

    def correction_menu(self, position: QPoint) -> QMenu:
        """The text box's own menu, and Make a question (on the paragraph under the pointer) or
        Not a question."""
        menu = self.text.createStandardContextMenu(position)
        menu.addSeparator()
        if self.cell.question is None:
            line = self.text.cursorForPosition(position).blockNumber()
            make = menu.addAction(self.tr("Make a question"))
            make.setToolTip(self.tr("This paragraph becomes a question; the text after it, its answer"))
            make.triggered.connect(lambda: self.makeQuestionRequested.emit(self, line))
        else:
            dismiss = menu.addAction(self.tr("Not a question"))
            dismiss.triggered.connect(lambda: self.notQuestionRequested.emit(self))
        return menu

    def boxes(self) -> list[QPlainTextEdit]:
        return [self.text] if self.answer is None else [self.text, self.answer]

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes():
            box.setReadOnly(read_only)
        if self.answered is not None:
            self.answered.setEnabled(not read_only)

    def box(self, which: Box) -> QPlainTextEdit:
        return self.answer if which == "answer" and self.answer is not None else self.text

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit(self, "answer" if watched is self.answer else "text")
        elif event.type() == QEvent.Type.FocusOut:
            self.left.emit()
        action = history_key(event)
        if action is not None and isinstance(watched, QPlainTextEdit):
            document = watched.document()
            own = document.isUndoAvailable() if action == "undo" else document.isRedoAvailable()
            if not own:  # nothing left to undo in this box: the window's history takes over
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.historyRequested.emit(action)
                return True
        return False


def plain_error(error: BaseException) -> str:
    """The library's own message, without the binding's "Error calling Python override" prefix."""
    text = str(error)
    prefix = "Error calling Python override of "
    if text.startswith(prefix) and "): " in text:
        return text.split("): ", 1)[1]
    return text


class GrowingTextEdit(QPlainTextEdit):
    """A box as tall as its text: the editor scrolls, never a box inside it."""

    MIN_LINES = 3

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().contentsChanged.connect(self.fit_height)

    def fit_height(self) -> None:
        block, height = self.document().begin(), 0.0
        while block.isValid():  # wrapped lines and taller Hangul or emoji lines included
            height += self.blockBoundingGeometry(block).height()
            block = block.next()
        least = self.fontMetrics().lineSpacing() * self.MIN_LINES
        margins = 2 * (self.frameWidth() + self.document().documentMargin()) + 4
        self.setFixedHeight(int(max(height, least) + margins))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_height()  # a narrower box wraps into more lines


def _box(text: str) -> QPlainTextEdit:
    box = GrowingTextEdit(text)
    box.setTabChangesFocus(True)
    MarkdownHighlighter(box.document())
    box.fit_height()
    return box


def _escape(text: str) -> str:
    import html

    return html.escape(text)
