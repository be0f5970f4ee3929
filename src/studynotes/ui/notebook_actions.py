"""Creating, renaming and scheduling notebooks from the window, each one undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from ..model import StudyNotesError

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow


def new_notebook(window: MainWindow) -> None:
    title, ok = QInputDialog.getText(
        window, translate("Notebooks", "New notebook"), translate("Notebooks", "Title:")
    )
    if ok and title.strip():
        window.commands.add_notebook(title)


def rename_notebook(window: MainWindow) -> None:
    node = window.current_node()
    if node is None:
        raise StudyNotesError(translate("Notebooks", "Select a notebook to rename"))
    notebook = window.library.notebook(node.notebook_id)
    if notebook is None:
        return
    title, ok = QInputDialog.getText(
        window,
        translate("Notebooks", "Rename notebook"),
        translate("Notebooks", "Title:"),
        text=notebook.title,
    )
    if ok and title.strip() and title != notebook.title:
        window.commands.rename_notebook(notebook.id, title)


def edit_schedule(window: MainWindow) -> None:
    node = window.current_node()
    if node is None:
        raise StudyNotesError(translate("Notebooks", "Select a notebook first"))
    notebook = window.library.notebook(node.notebook_id)
    if notebook is None:
        return
    from .dialogs import ScheduleDialog

    dialog = ScheduleDialog(notebook.title, notebook.start_date, notebook.days_per_week, window)
    if dialog.exec():
        start, days = dialog.values()
        window.commands.set_schedule(notebook.id, start, days)
