"""Creating, renaming and deleting notes from the window: each a Library operation, undoable.

The window's menus, shortcuts and right-click menus all call these, so each does the same
thing wherever it is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from ..model import StudyNotesError
from .count_words import words

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .tree_model import Node


def new_note(window: MainWindow) -> None:
    """An empty note where the selection is: in its lecture, its week, or its notebook's Unsorted."""
    node = window.current_node()
    if node is None:
        raise StudyNotesError(translate("Notes", "Select a notebook, week or lecture for the new note"))
    title, ok = QInputDialog.getText(window, translate("Notes", "New note"), translate("Notes", "Title:"))
    if not ok or not title.strip():
        return
    week, lecture = _place_of(node)
    change = window.commands.add_note(node.notebook_id, title, week=week, lecture=lecture)
    created = sorted(change.ids("note"))
    if created:
        window.select_note(created[0])


def _place_of(node: Node) -> tuple[int | None, int | None]:
    """The week and lecture numbers a new note beside or under this node takes."""
    if node.kind == "lecture":
        return node.week_number, node.number
    if node.kind == "week":
        return node.number, None
    if node.kind == "note":
        lecture = node.extra.get("lecture")
        return node.week_number, lecture if isinstance(lecture, int) else None
    return None, None


def rename_selected(window: MainWindow) -> None:
    """F2: the selected note's title, or the selected notebook's."""
    node = window.current_node()
    if node is not None and node.kind == "note":
        title, ok = QInputDialog.getText(
            window, translate("Notes", "Rename note"), translate("Notes", "Title:"), text=node.title
        )
        if ok and title.strip() and title != node.title:
            window.commands.rename_note(node.id, title)
        return
    window.rename_notebook()


def delete_selected(window: MainWindow) -> None:
    """Delete the selected note or notebook; Undo, or the Deleted list later, brings it back whole."""
    node = window.current_node()
    if node is not None and node.kind == "notebook":
        delete_notebook(window, node)
        return
    if node is None or node.kind != "note":
        raise StudyNotesError(translate("Notes", "Select a note or a notebook to delete"))
    parent = node.parent
    window.commands.delete_note(node.id)
    if parent is not None:
        index = window.tree_model.find(parent.key)
        if index.isValid():
            window.tree.setCurrentIndex(index)
    window.statusBar().showMessage(
        translate("Notes", "Deleted “{title}” · Undo brings it back").format(title=node.title), 8000
    )


def delete_notebook(window: MainWindow, node: Node | None = None) -> None:
    """A whole notebook goes only after the user says so; it stays in the Deleted list."""
    node = node or window.current_node()
    if node is None:
        raise StudyNotesError(translate("Notes", "Select a notebook to delete"))
    notebook = window.library.notebook(node.notebook_id)
    if notebook is None:
        return
    counts = window.library.counts(notebook_id=notebook.id)
    answer = QMessageBox.question(
        window,
        translate("Notes", "Delete notebook"),
        translate(
            "Notes",
            "Delete the notebook “{title}” with its {notes} and {questions}?\n\n"
            "Undo brings it back, and so does Edit → Deleted notes and notebooks.",
        ).format(
            title=notebook.title,
            notes=words().notes(len(window.library.notes(notebook_id=notebook.id))),
            questions=words().questions(counts.questions),
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    window.commands.delete_notebook(notebook.id)
    window.statusBar().showMessage(
        translate("Notes", "Deleted the notebook “{title}” · Undo brings it back").format(
            title=notebook.title
        ),
        8000,
    )
