"""How studying joins the window: the Study menu, a toolbar button, the tree's context menu,
due counts in the tree and the status bar, and the Anki export.

Everything here is added to the window from outside, so the window itself only
calls `install_review`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolBar

from ..model import StudyNotesError
from .actions import button_text
from .content import filter_for
from .count_words import words
from .first_paint import after_first_paint

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .tree_model import Node

DUE_REFRESH_MS = 60_000  # questions fall due as time passes, with no write to notice


class ReviewActions:
    """The window's study actions; kept alive by the window (`window.review_actions`)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        act = window.action
        self.review_action = act(
            translate("Study", "&Review due questions"),
            self.review,
            "Ctrl+R",
            translate("Study", "Review the selection's due questions (1–4 rate)"),
        )
        self.prepare_action = act(
            translate("Study", "&Prepare for the meeting"),
            self.prepare,
            "Ctrl+Shift+M",
            translate("Study", "Go through the selection's open questions and answer them"),
        )
        self.anki_action = act(
            translate("Study", "Export to &Anki…"),
            self.export_anki,
            None,
            translate("Study", "The selection's questions as an .apkg"),
        )
        menu = window.menuBar().addMenu(translate("Study", "&Study"))
        for action in (self.review_action, self.prepare_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.anki_action)
        toolbar = window.findChild(QToolBar, "main-toolbar")
        if toolbar is not None:
            toolbar.addAction(self.review_action)
            self.review_action.setIconText(button_text(self.review_action.text()))

        self.due_label = QLabel()
        window.statusBar().addPermanentWidget(self.due_label)
        self._due: dict[tuple[str, int], int] = {}
        window.tree.selectionModel().currentChanged.connect(lambda *_: self._show_selection_due())
        window.tree_model.modelReset.connect(self.refresh_due)
        window.tree_model.rowsInserted.connect(self._branch_read)
        # A status change can make a question a card or stop it being one; many in a row count once.
        self._soon = QTimer(window, singleShot=True, interval=300)
        self._soon.timeout.connect(self.refresh_due)
        window.events.changed.connect(lambda _change: self._soon.start())
        self._timer = QTimer(window, interval=DUE_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_due)
        self._timer.start()
        self._painted = False  # the due counts wait for the window's first paint
        after_first_paint(window, self._first_counts)

    def _first_counts(self) -> None:
        self._painted = True
        self.refresh_due()

    # -- counts ----------------------------------------------------------------------
    def refresh_due(self) -> None:
        """Due counts for the tree's loaded notebooks and for the selection (of a shown window only)."""
        window = self.window
        if not window.isVisible():
            return
        due: dict[tuple[str, int], int] = {}
        ahead = window.library.ahead_by_notebook()
        for row in range(window.tree_model.rowCount()):
            notebook = window.tree_model.node(window.tree_model.index(row, 0))
            if notebook.children is None:  # closed: only its own row shows a count
                count = notebook.counts.answered - ahead.get(notebook.id, 0)
                if count > 0:
                    due[("notebook", notebook.id)] = count
            else:
                due.update(window.library.due_by_node(notebook.id))
        self._due = due
        window.tree_model.set_due(due)
        self._show_selection_due()

    def _branch_read(self, parent: QModelIndex, _first: int, _last: int) -> None:
        """A notebook opened for the first time: its weeks, lectures and notes get their counts."""
        model = self.window.tree_model
        node = model.node(parent)
        if parent.isValid() and node.kind == "notebook" and self._painted and self.window.isVisible():
            due = {key: count for key, count in self._due.items() if key != ("notebook", node.id)}
            due.update(self.window.library.due_by_node(node.id))
            self._due = due
            model.set_due(due)

    def _show_selection_due(self) -> None:
        if not self._painted:
            return  # not counted yet: the label stays empty rather than say "nothing due"
        node = self.window.current_node()
        count = self._due.get(node.key, 0) if node is not None else 0
        self.due_label.setText(
            translate("Study", "{count} due").format(count=count)
            if count
            else translate("Study", "nothing due")
        )
        self.due_label.setToolTip(
            translate("Study", "Answered questions of the selection due for review (Ctrl+R)")
        )

    # -- actions ---------------------------------------------------------------------
    def _selected(self) -> Node:
        node = self.window.current_node()
        if node is None:
            raise StudyNotesError(translate("Study", "Select a notebook, week, lecture or note first"))
        return node

    def review(self) -> None:
        from .review import ReviewDialog

        node = self._selected()
        dialog = ReviewDialog(
            self.window.library,
            filter_for(node),
            node.title,
            theme=self.window.theme(),
            font_size=self.window.font_size(),
            parent=self.window,
        )
        dialog.rated.connect(lambda _change: self.refresh_due())
        dialog.exec()
        dialog.deleteLater()  # with its web page, now rather than with the window
        self.refresh_due()

    def prepare(self) -> None:
        from .prepare import PrepareDialog

        node = self._selected()
        dialog = PrepareDialog(
            self.window.library,
            filter_for(node),
            node.title,
            commands=self.window.commands,
            theme=self.window.theme(),
            font_size=self.window.font_size(),
            parent=self.window,
        )
        dialog.exec()
        dialog.deleteLater()

    def export_anki(self) -> None:
        from ..anki_export import export_anki

        node = self._selected()
        notebook = self.window.library.notebook(node.notebook_id)
        if notebook is None:
            return
        week = node.week_number if node.kind != "notebook" else None
        settings = self.window.settings
        folder = Path(str(settings.value("last_export_folder", str(Path.home()))))
        suggested = folder / (
            f"{notebook.title}"
            + (translate("Study", " week {number}").format(number=week) if week is not None else "")
            + ".apkg"
        )
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self.window,
            translate("Study", "Export to Anki"),
            str(suggested),
            translate("Study", "Anki package (*.apkg)"),
        )
        if not name:
            return
        result = export_anki(self.window.library, Path(name), notebook=notebook.title, week=week)
        settings.setValue("last_export_folder", str(Path(name).parent))
        self.window.statusBar().showMessage(
            translate("Study", "Exported {questions} to {file}").format(
                questions=words().questions(result.notes), file=name
            )
        )

    def tree_actions(self) -> list[QAction]:
        """What the tree's right-click menu offers for studying the selection."""
        return [self.review_action, self.prepare_action, self.anki_action]


def install_review(window: MainWindow) -> ReviewActions:
    actions = ReviewActions(window)
    window.review_actions = actions  # type: ignore[attr-defined]
    return actions
