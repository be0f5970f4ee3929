"""Preparing for the meeting: the selection's open questions one by one, each in its note.

Write an answer and mark it answered on the spot (Ctrl+Enter), mark it answered
as it is, or skip it.  Each change is an undoable command on the window's undo
stack, so Ctrl+Z in the window takes it back as it does any other edit.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..library import Library, QuestionFilter, QuestionRow
from ..render import Theme
from .commands import Commands
from .count_words import words
from .review_page import context_page, summary_page
from .review_view import PageView

translate = QCoreApplication.translate


class PrepareDialog(QDialog):
    def __init__(
        self,
        library: Library,
        scope: QuestionFilter,
        title: str,
        *,
        commands: Commands,
        theme: Theme,
        font_size: int,
        parent: QWidget | None = None,
        web_view: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Prepare", "Prepare for the meeting — {title}").format(title=title))
        self.resize(900, 700)
        self._library, self._scope, self._title = library, scope, title
        self._commands = commands
        self._theme, self._font_size = theme, font_size
        self.queue: list[QuestionRow] = library.questions(_open(scope))
        self.position = 0

        self.progress = QLabel()
        self.view = PageView(web_view, self)
        self.view.toggleRequested.connect(self.toggle)
        self.answer = QPlainTextEdit()
        self.answer.setAccessibleName(translate("Prepare", "Your answer"))
        self.answer.setPlaceholderText(translate("Prepare", "Your answer (Markdown, $formulas$)…"))
        self.save_button = QPushButton(translate("Prepare", "Save answer, mark answered (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save_answer)
        self.mark_button = QPushButton(translate("Prepare", "Mark answered"))
        self.mark_button.clicked.connect(self.mark_answered)
        self.back_button = QPushButton(translate("Prepare", "Back"))
        self.back_button.clicked.connect(self.back)
        self.skip_button = QPushButton(translate("Prepare", "Skip"))
        self.skip_button.clicked.connect(self.skip)
        buttons = QHBoxLayout()
        for button in (self.back_button, self.skip_button, self.mark_button, self.save_button):
            buttons.addWidget(button)
        editor = QWidget()
        box = QVBoxLayout(editor)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.answer)
        box.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(editor)
        split.setSizes([480, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(split, 1)
        self.answer.installEventFilter(self)
        self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the answer saves it (Enter alone is a new line)."""
        if (
            watched is self.answer
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save_answer()
            return True
        return super().eventFilter(watched, event)

    @property
    def current(self) -> QuestionRow | None:
        return self.queue[self.position] if self.position < len(self.queue) else None

    def save_answer(self) -> None:
        """Save what was written as the answer and mark the question answered: one undo step."""
        row = self.current
        text = self.answer.toPlainText().strip()
        if row is None:
            return
        if not text:
            self.progress.setText(translate("Prepare", "Write an answer first, or use Mark answered"))
            return
        stack = self._commands.undo_stack
        stack.beginMacro(translate("Prepare", "Answer question"))
        try:
            self._commands.edit_question(row.id, answer=text)
            self._commands.set_status(row.id, "answered")
        finally:
            stack.endMacro()
        self._next()

    def mark_answered(self) -> None:
        row = self.current
        if row is not None:
            self._mark(row)
            self._next()

    def _mark(self, row: QuestionRow) -> None:
        self._commands.set_status(row.id, "answered")

    def toggle(self, question_id: int) -> None:
        """A card's status clicked in the note: answered ↔ open, undoable as in the window."""
        self._commands.toggle_status(question_id)
        self._show()

    def skip(self) -> None:
        if self.current is not None:
            self._next()

    def back(self) -> None:
        if self.position > 0:
            self.position -= 1
            self._show()

    def _next(self) -> None:
        self.position += 1
        self._show()

    def _show(self) -> None:
        row = self.current
        for widget in (self.answer, self.save_button, self.mark_button, self.skip_button):
            widget.setEnabled(row is not None)
        self.back_button.setEnabled(self.position > 0)
        if row is None:
            answered = sum(
                1 for r in self.queue if (now := self._library.question(r.id)) and now.status == "answered"
            )
            self.progress.setText(
                translate("Prepare", "{title}: {count} answered · Esc closes").format(
                    title=self._title, count=answered
                )
            )
            left = len(self._library.questions(_open(self._scope)))
            done = (
                translate("Prepare", "{questions} answered.").format(questions=words().questions(answered))
                if answered
                else translate("Prepare", "Nothing answered this time.")
            )
            still = (
                translate("Prepare", "{questions} still open here.").format(questions=words().questions(left))
                if left
                else translate("Prepare", "No open questions left here.")
            )
            self.view.show_page(summary_page(self._title, done, [], still, theme=self._theme))
            return
        fresh = self._library.question(row.id) or row
        self.progress.setText(
            translate("Prepare", "{title}: open question {position} of {total}").format(
                title=self._title, position=self.position + 1, total=len(self.queue)
            )
            + (translate("Prepare", " · answered now") if fresh.status == "answered" else "")
        )
        self.answer.setPlainText(fresh.answer)
        self.view.show_page(
            context_page(self._library, row.id, row.note_id, theme=self._theme, font_size=self._font_size),
            scroll_to=f"question-{row.id}",
        )
        self.answer.setFocus()


def _open(scope: QuestionFilter) -> QuestionFilter:
    return replace(scope, status="open")
