"""Menus, toolbar and keyboard shortcuts of the main window."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from . import focus_keys
from .language import add_language_menu

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow


def _on_use(module: str, function: str, window: MainWindow) -> Callable[[], object]:
    """A menu item's slot whose module (a dialog and its widgets) loads when the item is first
    chosen, not while the window is made."""
    return lambda: getattr(import_module(f"{__package__}.{module}"), function)(window)


def build_menus(window: MainWindow) -> None:
    act = window.action
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("Menus", "&File"))
    window.import_action = act(
        translate("Menus", "&Import files…"),
        window.import_files,
        QKeySequence.StandardKey.Open,
        translate("Menus", "Import lecture chats, Notion exports, minutes and study logs"),
    )
    file_menu.addAction(window.import_action)
    file_menu.addAction(act(translate("Menus", "Import &folder…"), window.import_folder, "Ctrl+Shift+O"))
    window.export_action = act(
        translate("Menus", "&Export week to Markdown…"),
        window.export_week,
        "Ctrl+Shift+E",
        translate("Menus", "The selected week as one Markdown file"),
    )
    file_menu.addAction(window.export_action)
    file_menu.addSeparator()
    file_menu.addAction(
        act(
            translate("Menus", "New &note…"),
            _on_use("note_actions", "new_note", window),
            QKeySequence.StandardKey.New,
        )
    )
    file_menu.addAction(act(translate("Menus", "&New notebook…"), window.new_notebook, "Ctrl+Shift+N"))
    file_menu.addAction(act(translate("Menus", "Open the &sample notebooks"), window.open_samples))
    file_menu.addSeparator()
    file_menu.addAction(act(translate("Menus", "&Quit"), window.close, QKeySequence.StandardKey.Quit))

    edit_menu = bar.addMenu(translate("Menus", "&Edit"))
    undo = window.undo_stack.createUndoAction(window, translate("Menus", "&Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = window.undo_stack.createRedoAction(window, translate("Menus", "&Redo"))
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    window.edit_action = act(
        translate("Menus", "&Edit note…"),
        window.edit_note,
        "Ctrl+E",
        translate("Menus", "Edit the selected note's cells"),
    )
    edit_menu.addAction(window.edit_action)
    edit_menu.addAction(
        act(
            translate("Menus", "Note &history…"),
            window.show_history,
            "Ctrl+Shift+H",
            translate("Menus", "Earlier versions of the note's edited text and answers"),
        )
    )
    edit_menu.addAction(
        act(
            translate("Menus", "&Toggle answered / open"),
            window.toggle_selected_question,
            None,
            translate("Menus", "Space in the question list"),
        )
    )
    edit_menu.addAction(act(translate("Menus", "&Find…"), window.search.focus, QKeySequence.StandardKey.Find))
    edit_menu.addSeparator()
    edit_menu.addAction(
        act(
            translate("Menus", "Re&name…"),
            _on_use("note_actions", "rename_selected", window),
            "F2",
            translate("Menus", "The selected note or notebook"),
        )
    )
    # Delete in the tree only: in the question list or a text field it must not delete a note.
    delete = act(
        translate("Menus", "&Delete note or notebook"),
        _on_use("note_actions", "delete_selected", window),
        QKeySequence.StandardKey.Delete,
        translate("Menus", "Undo brings it back"),
    )
    delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    window.tree.addAction(delete)
    edit_menu.addAction(delete)
    edit_menu.addAction(
        act(
            translate("Menus", "Deleted notes and notebooks…"),
            _on_use("deleted_dialog", "show_deleted", window),
            None,
            translate("Menus", "Bring back what was deleted, with its questions and history"),
        )
    )

    notebook_menu = bar.addMenu(translate("Menus", "&Notebook"))
    notebook_menu.setObjectName("notebook-menu")
    notebook_menu.addAction(act(translate("Menus", "&Rename notebook…"), window.rename_notebook))
    notebook_menu.addAction(
        act(translate("Menus", "&Schedule (start date, days per week)…"), window.edit_schedule)
    )
    notebook_menu.addAction(
        act(
            translate("Menus", "&People (instructors, merged names)…"),
            _on_use("people_dialog", "edit_people", window),
            None,
            translate("Menus", "Who the notebook's instructors are, and which chat names are one person"),
        )
    )
    notebook_menu.addSeparator()
    notebook_menu.addAction(
        act(translate("Menus", "&Delete notebook…"), _on_use("note_actions", "delete_notebook", window))
    )

    view_menu = bar.addMenu(translate("Menus", "&View"))
    view_menu.addAction(
        act(
            translate("Menus", "&Back"),
            window.go_back,
            QKeySequence.StandardKey.Back,
            translate("Menus", "The selection before this one"),
        )
    )
    view_menu.addAction(
        act(translate("Menus", "&Forward"), window.go_forward, QKeySequence.StandardKey.Forward)
    )
    view_menu.addSeparator()
    view_menu.addAction(
        act(
            translate("Menus", "&Larger text"),
            lambda: window.set_font_size(1),
            QKeySequence.StandardKey.ZoomIn,
        )
    )
    view_menu.addAction(
        act(
            translate("Menus", "&Smaller text"),
            lambda: window.set_font_size(-1),
            QKeySequence.StandardKey.ZoomOut,
        )
    )
    view_menu.addAction(act(translate("Menus", "&Actual size"), window.reset_font_size, "Ctrl+0"))
    view_menu.addSection(translate("Menus", "Theme"))
    themes = QActionGroup(window)
    current = str(window.settings.value("theme", "system"))
    for choice, label in (
        ("system", translate("Menus", "Follow the &system")),
        ("light", translate("Menus", "&Light")),
        ("dark", translate("Menus", "&Dark")),
    ):
        theme_action = act(label, lambda c=choice: window.set_theme(c))
        theme_action.setCheckable(True)
        theme_action.setChecked(choice == current)
        themes.addAction(theme_action)
        view_menu.addAction(theme_action)
    view_menu.addSeparator()
    add_language_menu(window, window.settings, view_menu)
    focus_keys.install(window, view_menu)

    help_menu = bar.addMenu(translate("Menus", "&Help"))
    help_menu.addAction(
        act(
            translate("Menus", "&Command palette…"),
            _on_use("help_dialogs", "command_palette", window),
            "Ctrl+Shift+P",
        )
    )
    help_menu.addAction(
        act(
            translate("Menus", "&Keyboard shortcuts"),
            _on_use("help_dialogs", "shortcut_list", window),
            QKeySequence.StandardKey.HelpContents,
        )
    )
    help_menu.addAction(
        act(translate("Menus", "&About studynotes"), _on_use("help_dialogs", "about", window))
    )

    toolbar = QToolBar(translate("Menus", "Main"))
    toolbar.setObjectName("main-toolbar")
    toolbar.addAction(window.import_action)
    toolbar.addAction(window.export_action)
    toolbar.addAction(window.edit_action)
    toolbar.addAction(undo)
    window.addToolBar(toolbar)
    for action in toolbar.actions():  # a button shows no Alt+key: `파일 가져오기`, not `파일 가져오기(I)`
        action.setIconText(button_text(action.text()))

    from .review_actions import install_review

    install_review(window)


def button_text(menu_text: str) -> str:
    """A menu entry's words for a toolbar button: no `&`, no Korean-style `(&I)`, no `…`."""
    return re.sub(r"\(&\w\)", "", menu_text).replace("&", "").rstrip("…").strip()
