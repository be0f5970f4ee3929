"""Menus, toolbar and keyboard shortcuts of the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from . import deleted_dialog, help_dialogs, note_actions, people_dialog

if TYPE_CHECKING:
    from .main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    act = window.action
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    window.import_action = act(
        "&Import files…",
        window.import_files,
        QKeySequence.StandardKey.Open,
        "Import lecture chats, Notion exports, minutes and study logs",
    )
    file_menu.addAction(window.import_action)
    file_menu.addAction(act("Import &folder…", window.import_folder, "Ctrl+Shift+O"))
    window.export_action = act(
        "&Export week to Markdown…",
        window.export_week,
        "Ctrl+Shift+E",
        "The selected week as one Markdown file",
    )
    file_menu.addAction(window.export_action)
    file_menu.addSeparator()
    file_menu.addAction(
        act("New &note…", lambda: note_actions.new_note(window), QKeySequence.StandardKey.New)
    )
    file_menu.addAction(act("&New notebook…", window.new_notebook, "Ctrl+Shift+N"))
    file_menu.addAction(act("Open the &sample notebooks", window.open_samples))
    file_menu.addSeparator()
    file_menu.addAction(act("&Quit", window.close, QKeySequence.StandardKey.Quit))

    edit_menu = bar.addMenu("&Edit")
    undo = window.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = window.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    window.edit_action = act("&Edit note…", window.edit_note, "Ctrl+E", "Edit the selected note's cells")
    edit_menu.addAction(window.edit_action)
    edit_menu.addAction(
        act(
            "Note &history…",
            window.show_history,
            "Ctrl+Shift+H",
            "Earlier versions of the note's edited text and answers",
        )
    )
    edit_menu.addAction(
        act("&Toggle answered / open", window.toggle_selected_question, None, "Space in the question list")
    )
    edit_menu.addAction(act("&Find…", window.search.focus, QKeySequence.StandardKey.Find))
    edit_menu.addSeparator()
    edit_menu.addAction(
        act("Re&name…", lambda: note_actions.rename_selected(window), "F2", "The selected note or notebook")
    )
    # Delete in the tree only: in the question list or a text field it must not delete a note.
    delete = act(
        window.tr("&Delete note or notebook"),
        lambda: note_actions.delete_selected(window),
        QKeySequence.StandardKey.Delete,
        window.tr("Undo brings it back"),
    )
    delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    window.tree.addAction(delete)
    edit_menu.addAction(delete)
    edit_menu.addAction(
        act(
            window.tr("Deleted notes and notebooks…"),
            lambda: deleted_dialog.show_deleted(window),
            None,
            window.tr("Bring back what was deleted, with its questions and history"),
        )
    )

    notebook_menu = bar.addMenu("&Notebook")
    notebook_menu.addAction(act("&Rename notebook…", window.rename_notebook))
    notebook_menu.addAction(act("&Schedule (start date, days per week)…", window.edit_schedule))
    notebook_menu.addAction(
        act(
            window.tr("&People (instructors, merged names)…"),
            lambda: people_dialog.edit_people(window),
            None,
            window.tr("Who the notebook's instructors are, and which chat names are one person"),
        )
    )
    notebook_menu.addSeparator()
    notebook_menu.addAction(act(window.tr("&Delete notebook…"), lambda: note_actions.delete_notebook(window)))

    view_menu = bar.addMenu("&View")
    view_menu.addAction(
        act("&Back", window.go_back, QKeySequence.StandardKey.Back, "The selection before this one")
    )
    view_menu.addAction(act("&Forward", window.go_forward, QKeySequence.StandardKey.Forward))
    view_menu.addSeparator()
    view_menu.addAction(act("&Larger text", lambda: window.set_font_size(1), QKeySequence.StandardKey.ZoomIn))
    view_menu.addAction(
        act("&Smaller text", lambda: window.set_font_size(-1), QKeySequence.StandardKey.ZoomOut)
    )
    view_menu.addAction(act("&Actual size", window.reset_font_size, "Ctrl+0"))
    view_menu.addSection(window.tr("Theme"))
    themes = QActionGroup(window)
    current = str(window.settings.value("theme", "system"))
    for choice, label in (("system", "Follow the &system"), ("light", "&Light"), ("dark", "&Dark")):
        theme_action = act(label, lambda c=choice: window.set_theme(c))
        theme_action.setCheckable(True)
        theme_action.setChecked(choice == current)
        themes.addAction(theme_action)
        view_menu.addAction(theme_action)

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(
        act("&Command palette…", lambda: help_dialogs.command_palette(window), "Ctrl+Shift+P")
    )
    help_menu.addAction(
        act(
            "&Keyboard shortcuts",
            lambda: help_dialogs.shortcut_list(window),
            QKeySequence.StandardKey.HelpContents,
        )
    )
    help_menu.addAction(act("&About studynotes", lambda: help_dialogs.about(window)))

    toolbar = QToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.addAction(window.import_action)
    toolbar.addAction(window.export_action)
    toolbar.addAction(window.edit_action)
    toolbar.addAction(undo)
    window.addToolBar(toolbar)

    from .review_actions import install_review

    install_review(window)
