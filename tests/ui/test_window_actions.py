"""What note-app users expect: new/rename/delete notes, right-click menus, question details,
a shortcut list, a command palette, About, zoom reset and the editor that closes with Esc."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from studynotes.library import Library, QuestionFilter

MINUTES = 4  # a sample note with fifteen questions


def _answer_dialogs(monkeypatch: Any, text: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (text, True))


def _texts(menu: Any) -> list[str]:
    return [a.text() for a in menu.actions() if a.text()]


def test_a_new_note_goes_where_the_selection_is_and_undo_takes_it_away(
    window: Any, demo_library: Library, monkeypatch: Any
) -> None:
    from studynotes.ui import note_actions

    window.tree.setCurrentIndex(window.tree_model.note_index(MINUTES))
    week = window.current_node().week_number
    _answer_dialogs(monkeypatch, "다음 회의 준비")
    note_actions.new_note(window)
    current = window.current_node()
    assert current.kind == "note" and current.title == "다음 회의 준비"
    assert demo_library.note(current.id).title == "다음 회의 준비"  # type: ignore[union-attr]
    assert current.week_number == week
    window.undo_stack.undo()
    assert demo_library.note(current.id) is None
    assert not window.tree_model.note_index(current.id).isValid()


def test_f2_renames_the_selected_note_and_delete_is_undone_with_its_questions(
    window: Any, demo_library: Library, monkeypatch: Any
) -> None:
    from studynotes.ui import note_actions

    window.tree.setCurrentIndex(window.tree_model.note_index(MINUTES))
    _answer_dialogs(monkeypatch, "8월 5일 회의")
    note_actions.rename_selected(window)
    assert demo_library.note(MINUTES).title == "8월 5일 회의"  # type: ignore[union-attr]
    assert window.tree_model.node(window.tree_model.note_index(MINUTES)).title == "8월 5일 회의"
    questions = len(demo_library.questions(QuestionFilter(note_id=MINUTES)))
    window.tree.setCurrentIndex(window.tree_model.note_index(MINUTES))
    note_actions.delete_selected(window)
    assert demo_library.note(MINUTES) is None
    assert "Undo brings it back" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    assert len(demo_library.questions(QuestionFilter(note_id=MINUTES))) == questions
    assert window.tree_model.note_index(MINUTES).isValid()


def test_right_click_menus_offer_the_actions_of_what_is_under_the_mouse(window: Any) -> None:
    from studynotes.ui import context_menus

    window.tree.setCurrentIndex(window.tree_model.note_index(MINUTES))
    note = window.current_node()
    tree_items = _texts(context_menus.tree_menu(window, note))
    for item in ("New note…", "Rename note…", "Delete note", "Export this week to Markdown…"):
        assert item in tree_items
    row = window.questions.model.row_at(0)
    list_items = _texts(context_menus.question_list_menu(window, row.id, row.note_id))
    assert {"Edit asker, lecture, page, time…", "Copy as Markdown", "Show in the tree"} <= set(list_items)
    assert ("Mark open" if row.status == "answered" else "Mark answered") in list_items
    window.search.field.setText("gradient")
    window.search.run_search()
    hit = window.search.hits()[0]
    assert {"Open", "Show in the tree"} <= set(
        _texts(context_menus.search_result_menu(window, hit, "gradient"))
    )
    for widget in (window.tree, window.questions.table, window.search.results):
        assert widget.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_copy_as_markdown_writes_a_task_item_with_its_details(window: Any, demo_library: Library) -> None:
    from studynotes.ui.context_menus import question_markdown

    row = next(r for r in demo_library.questions(QuestionFilter(note_id=MINUTES)) if r.asker and r.answer)
    text = question_markdown(row)
    assert text.startswith(f"- [{'x' if row.status == 'answered' else ' '}] ")
    assert row.asker in text.splitlines()[0] and row.answer.splitlines()[0] in text


def test_a_questions_lecture_page_and_time_can_be_corrected_and_undone(
    window: Any, demo_library: Library, monkeypatch: Any
) -> None:
    from studynotes.ui.question_dialog import QuestionDetailsDialog

    row = demo_library.questions(QuestionFilter(note_id=MINUTES))[0]
    monkeypatch.setattr(QuestionDetailsDialog, "exec", lambda self: True)
    monkeypatch.setattr(
        QuestionDetailsDialog,
        "values",
        lambda self: {"asker": "민지", "lecture": 7, "page": 12, "time": "35:50"},
    )
    window.edit_question_details(row.id)
    fixed = demo_library.question(row.id)
    assert fixed is not None
    assert (fixed.asker, fixed.lecture_ref, fixed.page, fixed.media_time) == ("민지", 7, 12, "35:50")
    window.undo_stack.undo()
    back = demo_library.question(row.id)
    assert back is not None and (back.asker, back.page) == (row.asker, row.page)


def test_the_details_dialog_starts_from_the_question_and_gives_none_for_empty(
    qtbot: Any, demo_library: Library
) -> None:
    from studynotes.ui.question_dialog import QuestionDetailsDialog

    row = next(r for r in demo_library.questions(QuestionFilter()) if r.page is not None)
    dialog = QuestionDetailsDialog(row)
    qtbot.addWidget(dialog)
    assert dialog.page.value() == row.page and dialog.asker.text() == row.asker
    dialog.page.setValue(0)
    dialog.time.setText("")
    assert dialog.values()["page"] is None and dialog.values()["time"] is None


def test_the_command_palette_finds_any_action_by_name_and_runs_it(qtbot: Any, window: Any) -> None:
    from studynotes.ui.help_dialogs import CommandPalette

    palette = CommandPalette(window)
    qtbot.addWidget(palette)
    palette.field.setText("larger")
    assert palette.visible_names() and all("Larger" in n for n in palette.visible_names())
    before = window.font_size()
    palette.run_current()
    assert window.font_size() == before + 1
    palette.field.setText("export week")
    assert any("Export week to Markdown" in n for n in palette.visible_names())


def test_the_shortcut_list_and_about_come_from_the_window_itself(qtbot: Any, window: Any) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QTableWidget

    from studynotes.ui.help_dialogs import about_text, shortcut_list

    dialog = shortcut_list(window)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget)
    keys = {table.item(r, 1).text() for r in range(table.rowCount())}
    native = QKeySequence.SequenceFormat.NativeText
    for shortcut in ("Ctrl+Shift+P", "Ctrl+0", "F2", "Ctrl+N"):
        assert QKeySequence(shortcut).toString(native) in keys
    text = about_text(window)
    assert str(window.library.path) in text and "Qt " in text and "Python " in text


def test_ctrl_0_resets_the_text_size_and_the_status_bar_shows_it(window: Any) -> None:
    base = window.base_font_size()
    window.set_font_size(3)
    assert window.zoom_label.text() == f"Text {round(100 * (base + 3) / base)}%"
    window.reset_font_size()
    assert window.font_size() == base and window.zoom_label.text() == ""


def test_the_view_menu_has_a_theme_heading(window: Any) -> None:
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    headings = [a.text() for a in view.actions() if a.isSeparator() and a.text()]
    assert headings == ["Theme"]


def test_the_editor_opens_beside_the_preview_and_closes_with_escape(qtbot: Any, window: Any) -> None:
    from PySide6.QtGui import QKeySequence, QShortcut

    window.resize(1024, 700)
    window.tree.setCurrentIndex(window.tree_model.note_index(MINUTES))
    window.edit_note()
    pane = window.editor_pane
    assert pane.isVisible() and pane.window() is window  # in the main window, not a window of its own
    assert not window.questions.isVisible() and window.preview.isVisible()
    assert pane.width() > 200 and window.preview.width() > 200
    assert not pane.editor.preview.isVisible()  # one preview: the window's
    bound = {s.key().toString(): s for s in pane.findChildren(QShortcut) if s.parent() is pane}
    assert {"Esc", QKeySequence(QKeySequence.StandardKey.Close).toString()} <= set(bound)
    bound["Esc"].activated.emit()  # offscreen windows are not active: the shortcut's own signal
    assert not pane.isVisible() and window.questions.isVisible()


def test_the_editor_follows_the_cursor_and_shows_what_is_typed_in_the_main_preview(
    qtbot: Any, window: Any
) -> None:
    window.tree.setCurrentIndex(window.tree_model.note_index(MINUTES))
    window.edit_note()
    editor = window.editor_pane.editor
    question_cell = next(e for e in editor.editors if e.cell.question is not None)
    with qtbot.waitSignal(editor.cellFocused) as focused:
        editor._focus(question_cell, "text")
    assert focused.args == [f"question-{question_cell.cell.question.id}"]
    text_cell = next(e for e in editor.editors if e.cell.question is None)
    text_cell.text.setPlainText("방금 쓴 문장 😀")
    window.preview.wait_for_render()
    qtbot.waitUntil(lambda: "방금 쓴 문장 😀" in window.preview.last_html, timeout=5_000)
    window.tree.setCurrentIndex(window.tree_model.note_index(5))  # the editor follows the selection
    assert editor.note_id == 5


def test_a_long_cell_grows_instead_of_scrolling_inside_the_editor(qtbot: Any) -> None:
    from studynotes.model import Cell
    from studynotes.ui.editor_cells import CellEditor

    text = "\n".join(f"{n}. 긴 목록의 한 줄 😀" for n in range(1, 31))
    editor = CellEditor(Cell.text(text))
    qtbot.addWidget(editor)
    editor.resize(500, 200)
    editor.show()
    qtbot.waitExposed(editor)
    editor.text.fit_height()
    assert editor.text.height() >= 30 * editor.text.fontMetrics().lineSpacing()
    assert editor.text.verticalScrollBar().maximum() == 0  # all of it shows: nothing to scroll


def test_move_to_week_from_the_tree_menu_moves_the_note_and_undo_puts_it_back(
    window: Any, demo_library: Library
) -> None:
    from studynotes.ui import context_menus

    window.tree.setCurrentIndex(window.tree_model.note_index(5))  # Day 15, in its week
    note = window.current_node()
    move = next(
        a.menu() for a in context_menus.tree_menu(window, note).actions() if a.text() == "Move to week"
    )
    choices = {a.text(): a for a in move.actions()}
    assert "Unsorted" in choices and len(choices) > 2
    current_week = next(a for a in move.actions() if not a.isEnabled())
    other = next(a for a in move.actions() if a.isEnabled() and a.text() != "Unsorted")
    assert current_week.text() != other.text()
    other.trigger()
    place = demo_library.note_place(5)
    moved_week = next(w for w in demo_library.weeks(note.notebook_id) if w.label == other.text())
    assert place is not None and place[1] == moved_week.id
    window.undo_stack.undo()
    assert demo_library.note_place(5) != place


def test_a_questions_menu_moves_its_note_reveals_it_and_opens_it_in_the_editor(
    window: Any, demo_library: Library
) -> None:
    from studynotes.ui import context_menus

    row = demo_library.questions(QuestionFilter(note_id=MINUTES))[0]
    menu = context_menus.question_list_menu(window, row.id, row.note_id)
    items = _texts(menu)
    for item in ("Not a question", "Edit in the note", "Move to week", "Export this week to Markdown…"):
        assert item in items
    week = demo_library.note_info(MINUTES).week  # type: ignore[union-attr]
    move = next(a.menu() for a in menu.actions() if a.text() == "Move to week")
    target = next(a for a in move.actions() if a.isEnabled() and a.text() != "Unsorted")
    target.trigger()
    assert demo_library.note_info(MINUTES).week != week  # type: ignore[union-attr]
    window.undo_stack.undo()
    assert demo_library.note_info(MINUTES).week == week  # type: ignore[union-attr]

    window.tree.setCurrentIndex(window.tree_model.index(0, 0))  # somewhere else
    next(a for a in menu.actions() if a.text() == "Show in the tree").trigger()
    assert window.current_node().key == ("note", MINUTES)
    window.tree.setCurrentIndex(window.tree_model.index(0, 0))
    edit = next(
        a
        for a in context_menus.question_list_menu(window, row.id, row.note_id).actions()
        if a.text() == "Edit in the note"
    )
    edit.trigger()
    pane = window.editor_pane
    assert pane is not None and pane.isVisible() and pane.editor.note_id == MINUTES
    focused = [e for e in pane.editor.editors if e.text.hasFocus()]
    assert [e.cell.question.id for e in focused if e.cell.question] == [row.id]


def test_the_tree_has_one_right_click_menu_with_the_study_actions_in_it(window: Any) -> None:
    from studynotes.ui import context_menus

    window.tree.setCurrentIndex(window.tree_model.note_index(MINUTES))
    items = _texts(context_menus.tree_menu(window, window.current_node()))
    assert {"&Review due questions", "Delete note"} <= set(items)
    assert window.tree.receivers("2customContextMenuRequested(QPoint)") == 1
    notebook = window.tree_model.node(window.tree_model.index(0, 0))
    assert {"New notebook…", "Rename notebook…", "Delete notebook…"} <= set(
        _texts(context_menus.tree_menu(window, notebook))
    )
    below = _texts(context_menus.library_menu(window))  # a right click below the last row
    assert below == ["New notebook…", "Import files…", "Deleted notes and notebooks…"]
    assert window.questions.table.receivers("2customContextMenuRequested(QPoint)") == 1
