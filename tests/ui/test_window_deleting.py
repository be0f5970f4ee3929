"""Deleting and making notebooks in the window: undoable, and what is deleted stays restorable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from library_rows import library_rows
from studynotes.library import Library

MINUTES = 4  # a sample note with fifteen questions


def _notebooks(window: Any) -> list[str]:
    model = window.tree_model
    return [model.node(model.index(row, 0)).title for row in range(model.rowCount())]


def _select_notebook(window: Any, title: str) -> Any:
    model = window.tree_model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.node(index).title == title:
            window.tree.setCurrentIndex(index)
            return model.node(index)
    raise AssertionError(f"no notebook {title}")


def test_delete_on_a_notebook_asks_then_undo_and_redo_keep_its_ids(
    qtbot: Any, window: Any, demo_library: Library, monkeypatch: Any
) -> None:
    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    before = library_rows(demo_library)
    titles = _notebooks(window)
    node = _select_notebook(window, titles[0])
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert asked and titles[0] in asked[0]
    assert _notebooks(window) == titles[1:]
    assert demo_library.notebook(node.id) is None
    assert "Undo brings it back" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    assert _notebooks(window) == titles
    assert library_rows(demo_library) == before
    window.undo_stack.redo()
    assert _notebooks(window) == titles[1:]
    window.undo_stack.undo()  # the redone delete was kept under a new number: undo finds it
    assert library_rows(demo_library) == before


def test_a_refused_question_deletes_nothing(window: Any, demo_library: Library, monkeypatch: Any) -> None:
    from studynotes.ui import note_actions

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    titles = _notebooks(window)
    _select_notebook(window, titles[-1])
    note_actions.delete_selected(window)
    assert _notebooks(window) == titles and window.undo_stack.count() == 0


def test_a_new_notebook_is_undone_and_redone(window: Any, demo_library: Library, monkeypatch: Any) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("새 스터디", True))
    titles = _notebooks(window)
    window.new_notebook()
    assert "새 스터디" in _notebooks(window)
    window.undo_stack.undo()
    assert _notebooks(window) == titles and demo_library.notebook_id("새 스터디") is None
    window.undo_stack.redo()
    assert "새 스터디" in _notebooks(window)


def test_a_deleted_note_is_listed_and_restored_from_the_deleted_list(
    window: Any, demo_library: Library
) -> None:
    from studynotes.ui import note_actions
    from studynotes.ui.deleted_dialog import DeletedDialog

    title = demo_library.note(MINUTES).title  # type: ignore[union-attr]
    window.tree.setCurrentIndex(window.tree_model.note_index(MINUTES))
    note_actions.delete_selected(window)
    window.undo_stack.clear()  # long after: only the Deleted list can bring it back
    dialog = DeletedDialog(window)
    assert dialog.items.count() == 1 and title in dialog.items.item(0).text()
    assert "?" in dialog.text.toPlainText()  # its questions, to recognise it by
    dialog.restore()
    assert demo_library.note(MINUTES) is not None
    assert window.current_node().key == ("note", MINUTES)
    assert dialog.items.count() == 0 and not dialog.restore_button.isEnabled()
    window.undo_stack.undo()  # restoring is undoable like any change
    assert demo_library.note(MINUTES) is None and not window.tree_model.note_index(MINUTES).isValid()


def test_note_history_shows_what_was_deleted_when_no_note_is_selected(
    window: Any, demo_library: Library, monkeypatch: Any
) -> None:
    from studynotes.ui import note_actions
    from studynotes.ui.deleted_dialog import DeletedDialog

    seen: list[list[str]] = []
    monkeypatch.setattr(
        DeletedDialog, "exec", lambda d: seen.append([d.items.item(i).text() for i in range(d.items.count())])
    )
    window.tree.setCurrentIndex(window.tree_model.note_index(MINUTES))
    note_actions.delete_selected(window)
    window.tree.setCurrentIndex(window.tree_model.index(0, 0))  # a notebook: no note's history to show
    window.show_history()
    assert len(seen) == 1 and len(seen[0]) == 1 and "8/5(목) 회의록" in seen[0][0]


def test_deleting_permanently_asks_first_and_then_forgets_for_good(
    window: Any, demo_library: Library, monkeypatch: Any
) -> None:
    from studynotes.ui import note_actions
    from studynotes.ui.deleted_dialog import DeletedDialog

    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: asked.append(text) or answer)
    for note in (MINUTES, MINUTES + 1):
        window.tree.setCurrentIndex(window.tree_model.note_index(note))
        note_actions.delete_selected(window)
    dialog = DeletedDialog(window)
    assert dialog.items.count() == 2
    dialog.purge()  # cancelled: nothing is lost
    assert len(asked) == 1 and "cannot be restored" in asked[0] and len(demo_library.deleted_items()) == 2
    answer = QMessageBox.StandardButton.Yes
    dialog.items.setCurrentRow(0)
    kept = demo_library.deleted_items()[1]
    dialog.purge()
    assert [item.id for item in demo_library.deleted_items()] == [kept.id] and dialog.items.count() == 1
    dialog.empty()
    assert "Nothing in it can be restored" in asked[-1]
    assert demo_library.deleted_items() == [] and dialog.items.count() == 0
    assert not dialog.purge_button.isEnabled() and not dialog.empty_button.isEnabled()
    assert "permanently" not in window.undo_stack.undoText()  # no undo step claims to bring it back
