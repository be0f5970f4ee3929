"""The question list's context menu: "Not a question", undoable, kept across re-imports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from ..library import Operation
from .questions import QUESTION_ID_ROLE

if TYPE_CHECKING:
    from .main_window import MainWindow


class QuestionCorrections:
    """Right-click on a question row offers to dismiss it; Ctrl+Z brings it back."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        table = window.questions.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu)

    def dismiss(self, question_id: int) -> None:
        """The row's question becomes text in its note, for this import and every later one."""
        operation = Operation.of("dismiss_question", question_id=question_id)
        self.window.guarded(lambda: self.window.commands.run(operation, label="Not a question"))

    def _menu(self, position: QPoint) -> None:
        table = self.window.questions.table
        index = table.indexAt(position)
        if not index.isValid():
            return
        question_id = int(index.data(QUESTION_ID_ROLE))
        menu = QMenu(table)
        menu.addAction("Not a question", lambda: self.dismiss(question_id))
        menu.exec(table.viewport().mapToGlobal(position))


def install_question_corrections(window: MainWindow) -> QuestionCorrections:
    corrections = QuestionCorrections(window)
    window.question_corrections = corrections  # type: ignore[attr-defined]
    return corrections
