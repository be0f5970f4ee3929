"""People… from the window: a notebook's instructors and merged names, one undoable step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from library_rows import library_rows
from studynotes.importing import import_paths
from studynotes.library import ChatPeople, Library
from studynotes.ui import people_dialog
from studynotes.ui.context_menus import tree_menu

CHAT = (
    Path(__file__).resolve().parents[1] / "data" / "importers" / "kakaotalk" / "pc-korean-lecture-crlf-lf.txt"
)


@pytest.fixture
def chat_window(qtbot: Any, tmp_path: Path, settings: QSettings) -> Iterator[Any]:
    from studynotes.ui.main_window import MainWindow

    library = Library.open(tmp_path / "chat.sqlite3")
    import_paths(library, [CHAT], notebook="딥러닝 기초반")
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    model = window.tree_model
    window.tree.setCurrentIndex(model.index(0, 0))  # the notebook
    yield window
    window.close()
    library.close()


def _answer_with(monkeypatch: pytest.MonkeyPatch, choose: Any) -> list[Any]:
    """Run the dialog as a user would: `choose` works its widgets, then OK."""
    shown: list[Any] = []

    def run(dialog: Any) -> int:
        shown.append(dialog)
        choose(dialog)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(people_dialog.PeopleDialog, "exec", run)
    return shown


def _questions(library: Library) -> dict[str, tuple[str, str | None]]:
    rows = library.conn.execute("SELECT text, asker, answered_by FROM questions").fetchall()
    return {text.splitlines()[-1]: (asker, by) for text, asker, by in rows}


def test_people_marks_an_instructor_and_merges_two_names_then_undo_puts_it_back(
    chat_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    library: Library = chat_window.library
    before = library_rows(library)

    def choose(dialog: Any) -> None:
        dialog.set_instructor("박지훈", True)
        dialog.same_person_box("최유나").setCurrentText("정다은")

    shown = _answer_with(monkeypatch, choose)
    chat_window.guarded(people_dialog.edit_people, chat_window)
    dialog = shown[0]
    table = dialog.table
    listed = {
        table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 2).text())
        for row in range(table.rowCount())
    }
    assert listed == {  # everyone who asked or answered, with how often
        "김민수": ("1", "1"),
        "강사 이영희": ("0", "1"),
        "박지훈": ("0", "1"),
        "정다은": ("1", "0"),
        "최유나": ("1", "0"),
    }
    notebook = library.notebook_id("딥러닝 기초반")
    assert notebook is not None
    assert library.chat_people(notebook) == ChatPeople(("박지훈",), (("최유나", "정다은"),))
    questions = _questions(library)
    assert questions["역전파에서 chain rule은 왜 곱하나요?"] == ("김민수", "instructor")
    assert questions["과제 제출은 언제까지인가요?"] == ("정다은", "instructor")
    filter_box = chat_window.questions.asker_filter
    filter_box.showPopup()  # the names are read when the box opens
    filter_box.hidePopup()
    askers = [filter_box.itemText(i) for i in range(1, filter_box.count())]
    assert "최유나" not in askers and askers.count("정다은") == 1
    assert chat_window.undo_stack.undoText() == "Set instructors and names"

    chat_window.undo_stack.undo()
    assert library_rows(library) == before
    chat_window.undo_stack.redo()
    assert _questions(library)["과제 제출은 언제까지인가요?"] == ("정다은", "instructor")


def test_the_dialog_shows_the_setting_and_cancel_changes_nothing(
    chat_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    library: Library = chat_window.library
    notebook = library.notebook_id("딥러닝 기초반")
    assert notebook is not None
    chat_window.commands.set_chat_people(notebook, ChatPeople(("강사 이영희",), (("최유나", "정다은"),)))
    before = library_rows(library)
    shown: list[Any] = []

    def cancel(dialog: Any) -> int:
        shown.append(dialog)
        dialog.set_instructor("김민수", True)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(people_dialog.PeopleDialog, "exec", cancel)
    chat_window.guarded(people_dialog.edit_people, chat_window)
    dialog = shown[0]
    # the merged name is still listed (it asked nothing under its own name now), merged
    assert "최유나" in dialog.names() and dialog.same_person_box("최유나").currentText() == "정다은"
    assert dialog.people() == ChatPeople(("김민수", "강사 이영희"), (("최유나", "정다은"),))
    assert library_rows(library) == before and chat_window.undo_stack.count() == 1


def test_a_name_typed_in_is_added_and_can_be_an_instructor(
    chat_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def choose(dialog: Any) -> None:
        dialog.new_name.setText("조교 박서연")
        dialog.new_name.returnPressed.emit()
        dialog.set_instructor("조교 박서연", True)

    _answer_with(monkeypatch, choose)
    chat_window.guarded(people_dialog.edit_people, chat_window)
    notebook = chat_window.library.notebook_id("딥러닝 기초반")
    assert chat_window.library.chat_people(notebook).instructors == ("조교 박서연",)


def test_the_notebook_menu_and_its_right_click_menu_offer_people(chat_window: Any) -> None:
    node = chat_window.current_node()
    assert node.kind == "notebook"
    assert "People…" in [a.text() for a in tree_menu(chat_window, node).actions()]
    notebook_menu = next(a.menu() for a in chat_window.menuBar().actions() if a.text() == "&Notebook")
    assert any(a.text().startswith("&People") for a in notebook_menu.actions())
