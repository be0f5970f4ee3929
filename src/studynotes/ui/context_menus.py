"""Right-click menus: the preview's (never a browser's), the tree's, the question list's, search results'.

Each menu is built from the window's own slots, so a menu item does exactly what the
menu bar or a shortcut does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from ..library import QuestionRow
from ..wording import week_label

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .preview import PreviewSpot
    from .tree_model import Node


def _add(window: MainWindow, menu: QMenu, text: str, slot: Callable[..., Any], *args: Any) -> None:
    action = menu.addAction(text)
    action.triggered.connect(lambda _checked=False: window.guarded(slot, *args))


def preview_menu(
    window: MainWindow, question_id: int, selected: str, paragraph: tuple[int, str] | None = None
) -> QMenu:
    """Copy and select all; on a question card, the card's own actions; on a paragraph or list
    item of a text cell (`paragraph`: its cell and text), Make a question."""
    menu = QMenu(window)
    menu.setObjectName("preview-menu")
    copy = menu.addAction(translate("ContextMenu", "Copy"))
    copy.setEnabled(bool(selected))
    copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(selected))
    pane = window.preview.pane
    if pane is not None:  # the web view exists, so its module is loaded
        from PySide6.QtWebEngineCore import QWebEnginePage

        select_all = menu.addAction(translate("ContextMenu", "Select all"))
        select_all.triggered.connect(lambda: pane.triggerPageAction(QWebEnginePage.WebAction.SelectAll))
    if question_id:
        menu.addSeparator()
        add_question_actions(window, menu, [question_id])
    elif paragraph is not None and paragraph[0] and paragraph[1].strip():
        from .question_corrections import make_question_in_preview

        menu.addSeparator()
        _add(
            window,
            menu,
            translate("ContextMenu", "Make a question"),
            make_question_in_preview,
            window,
            *paragraph,
        )
    return menu


def add_question_actions(
    window: MainWindow, menu: QMenu, question_ids: list[int], *, reveal: bool = True
) -> None:
    """Mark answered / open, Not a question, edit, move its note, export its week, show it in the
    tree, copy as Markdown: the same on a card, a row of the list and a search result."""
    from .question_corrections import not_a_question

    rows = [row for row in (window.library.question(i) for i in question_ids) if row is not None]
    if not rows:
        return
    target = "open" if all(r.status == "answered" for r in rows) else "answered"
    _add(
        window,
        menu,
        translate("ContextMenu", "Mark open")
        if target == "open"
        else translate("ContextMenu", "Mark answered"),
        lambda: [window.commands.set_status(r.id, target) for r in rows if r.status != target],
    )
    _add(
        window,
        menu,
        translate("ContextMenu", "Not a question"),
        lambda: [not_a_question(window.commands, r.id) for r in rows],
    )
    if len(rows) == 1:
        row = rows[0]
        menu.addSeparator()
        _add(
            window,
            menu,
            translate("ContextMenu", "Edit in the note"),
            edit_question_in_note,
            window,
            row.id,
            row.note_id,
        )
        _add(
            window,
            menu,
            translate("ContextMenu", "Edit asker, lecture, page, time…"),
            window.edit_question_details,
            row.id,
        )
        note_index = window.tree_model.note_index(row.note_id)
        if note_index.isValid():
            note = window.tree_model.node(note_index)
            add_move_menu(window, menu, note)
            if note.week_number is not None:
                _add(
                    window,
                    menu,
                    translate("ContextMenu", "Export this week to Markdown…"),
                    _export_week_of,
                    window,
                    row.note_id,
                )
        if reveal:
            _add(window, menu, translate("ContextMenu", "Show in the tree"), window.select_note, row.note_id)
    menu.addSeparator()
    _add(
        window,
        menu,
        translate("ContextMenu", "Copy as Markdown"),
        lambda: QGuiApplication.clipboard().setText("\n".join(question_markdown(r) for r in rows)),
    )


def edit_question_in_note(window: MainWindow, question_id: int, note_id: int) -> None:
    """The note in the editor beside the preview, with the cursor in this question."""
    window.select_note(note_id, scroll_to=f"question-{question_id}")
    window.edit_note()
    pane = window.editor_pane
    if pane is None:
        return
    for editor in pane.editor.editors:
        question = editor.cell.question
        if question is not None and question.id == question_id:
            editor.text.setFocus()
            pane.editor.cells_scroll.ensureWidgetVisible(editor)
            return


def _export_week_of(window: MainWindow, note_id: int) -> None:
    window.select_note(note_id)
    window.export_week()


def question_markdown(row: QuestionRow) -> str:
    """A question as a Markdown task item, its details and answer below it."""
    details = [
        row.asker,
        translate("Card", "lecture {number}").format(number=row.lecture_ref)
        if row.lecture_ref is not None
        else "",
        translate("Card", "p. {page}").format(page=row.page) if row.page is not None else "",
        row.media_time or "",
    ]
    said = " · ".join(d for d in details if d)
    lines = [f"- [{'x' if row.status == 'answered' else ' '}] {row.text}" + (f" ({said})" if said else "")]
    lines += [f"  {line}" if line else "" for line in row.answer.splitlines()]
    return "\n".join(lines)


def tree_menu(window: MainWindow, node: Node) -> QMenu:
    from . import note_actions, people_dialog

    menu = QMenu(window)
    _add(window, menu, translate("ContextMenu", "New note…"), note_actions.new_note, window)
    if node.kind == "note":
        _add(window, menu, translate("ContextMenu", "Edit note"), window.edit_note)
        _add(window, menu, translate("ContextMenu", "Rename note…"), note_actions.rename_selected, window)
        _add(window, menu, translate("ContextMenu", "Note history…"), window.show_history)
        _add(window, menu, translate("ContextMenu", "Delete note"), note_actions.delete_selected, window)
        add_move_menu(window, menu, node)
    if node.kind == "notebook":
        _add(window, menu, translate("ContextMenu", "New notebook…"), window.new_notebook)
        _add(window, menu, translate("ContextMenu", "Rename notebook…"), window.rename_notebook)
        _add(window, menu, translate("ContextMenu", "Schedule…"), window.edit_schedule)
        _add(window, menu, translate("ContextMenu", "People…"), people_dialog.edit_people, window)
        _add(
            window,
            menu,
            translate("ContextMenu", "Delete notebook…"),
            note_actions.delete_notebook,
            window,
            node,
        )
    if node.week_number is not None and node.kind in ("week", "lecture", "note"):
        menu.addSeparator()
        _add(window, menu, translate("ContextMenu", "Export this week to Markdown…"), window.export_week)
    review = getattr(window, "review_actions", None)
    if review is not None:
        menu.addSeparator()
        menu.addActions(review.tree_actions())
    return menu


def library_menu(window: MainWindow) -> QMenu:
    """Below the tree's last row: what applies to the whole library."""
    from .deleted_dialog import show_deleted

    menu = QMenu(window)
    _add(window, menu, translate("ContextMenu", "New notebook…"), window.new_notebook)
    _add(window, menu, translate("ContextMenu", "Import files…"), window.import_files)
    _add(window, menu, translate("ContextMenu", "Deleted notes and notebooks…"), show_deleted, window)
    return menu


def add_move_menu(window: MainWindow, menu: QMenu, note: Node) -> None:
    """Move to week…: every week of the note's notebook, and Unsorted (as dragging does)."""
    weeks = window.library.weeks(note.notebook_id)
    target = menu.addMenu(translate("ContextMenu", "Move to week"))
    for week in weeks:
        action = target.addAction(week_label(week.number, week.first_day, week.label))
        action.setEnabled(week.number != note.week_number)
        action.triggered.connect(
            lambda _c=False, n=week.number: window.guarded(window.commands.move_note, note.id, n, None)
        )
    unsorted = target.addAction(translate("ContextMenu", "Unsorted"))
    unsorted.setEnabled(note.week_number is not None)
    unsorted.triggered.connect(lambda: window.guarded(window.commands.move_note, note.id, None, None))


def question_list_menu(window: MainWindow, question_id: int, note_id: int) -> QMenu:
    menu = QMenu(window)
    add_question_actions(window, menu, [question_id])
    return menu


def search_result_menu(window: MainWindow, hit: Any, term: str) -> QMenu:
    menu = QMenu(window)
    _add(window, menu, translate("ContextMenu", "Open"), window.open_hit, hit, term)
    _add(window, menu, translate("ContextMenu", "Show in the tree"), window.select_note, hit.note_id)
    if hit.kind == "question":
        menu.addSeparator()
        add_question_actions(window, menu, [hit.id], reveal=False)
    else:
        _add(
            window,
            menu,
            translate("ContextMenu", "Copy text"),
            QGuiApplication.clipboard().setText,
            hit.snippet,
        )
    return menu


def show_preview_menu(window: MainWindow, where: QPoint, spot: PreviewSpot) -> None:
    paragraph = (spot.cell_id, spot.paragraph) if spot.cell_id else None
    preview_menu(window, spot.question_id, spot.selected, paragraph).popup(where)


def install(window: MainWindow) -> None:
    """Right-click menus on the tree, the question list and the search results."""
    from PySide6.QtCore import Qt

    from .questions import QUESTION_ID_ROLE
    from .search_panel import HIT_ROLE

    custom = Qt.ContextMenuPolicy.CustomContextMenu

    def on_tree(position: QPoint) -> None:
        index = window.tree.indexAt(position)
        where = window.tree.viewport().mapToGlobal(position)
        if index.isValid():
            window.tree.setCurrentIndex(index)
            tree_menu(window, window.tree_model.node(index)).popup(where)
        else:
            library_menu(window).popup(where)

    def on_questions(position: QPoint) -> None:
        table = window.questions.table
        index = table.indexAt(position)
        if index.isValid():
            table.setCurrentIndex(index)
            row = window.library.question(int(index.data(QUESTION_ID_ROLE)))
            if row is not None:
                menu = question_list_menu(window, row.id, row.note_id)
                menu.popup(table.viewport().mapToGlobal(position))

    def on_results(position: QPoint) -> None:
        results = window.search.results
        item = results.itemAt(position)
        if item is not None:
            hit = item.data(HIT_ROLE)
            menu = search_result_menu(window, hit, window.search.term_for(hit))
            menu.popup(results.viewport().mapToGlobal(position))

    for widget, handler in (
        (window.tree, on_tree),
        (window.questions.table, on_questions),
        (window.search.results, on_results),
    ):
        widget.setContextMenuPolicy(custom)
        widget.customContextMenuRequested.connect(lambda p, h=handler: window.guarded(h, p))
