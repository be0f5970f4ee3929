"""The window as a user drives it: select, toggle, undo, search, export, settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSettings, Qt

from studynotes.cli import main as cli_main
from studynotes.export import gather_week, week_to_markdown
from studynotes.importing import import_paths
from studynotes.library import Library, QuestionFilter
from studynotes.paths import seeds_dir


def _find(window: Any, kind: str, title_start: str = "") -> QModelIndex:
    model = window.tree_model
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        if model.canFetchMore(parent):
            model.fetchMore(parent)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            node = model.node(index)
            if node.kind == kind and node.title.startswith(title_start):
                return index
            stack.append(index)
    raise AssertionError(f"no {kind} {title_start!r} in the tree")


def test_selecting_a_week_fills_the_question_list(window: Any, demo_library: Library) -> None:
    week = _find(window, "week")
    window.tree.setCurrentIndex(week)
    node = window.tree_model.node(week)
    expected = demo_library.questions(QuestionFilter(week_id=node.id))
    assert [r.id for r in window.questions.model.rows()] == [q.id for q in expected]
    assert f"{node.counts.open} open / {node.counts.questions}" in window.statusBar().currentMessage()


def test_space_toggles_a_question_the_tree_updates_and_undo_restores(qtbot: Any, window: Any) -> None:
    week = _find(window, "week")
    window.tree.setCurrentIndex(week)
    before = window.tree_model.data(week)
    table = window.questions.table
    table.setFocus()
    table.setCurrentIndex(window.questions.proxy.index(0, 1))
    first = window.questions.model.row_at(0)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    toggled = window.questions.model.row_at(0)
    assert toggled.status != first.status
    assert window.tree_model.data(week) != before
    node = window.tree_model.node(week)
    assert node.counts.open == sum(1 for r in window.questions.model.rows() if r.status == "open")
    window.undo_stack.undo()
    assert window.questions.model.row_at(0).status == first.status
    assert window.tree_model.data(week) == before


def test_choosing_a_search_result_opens_its_note(window: Any) -> None:
    window.search.field.setText("손실함수")
    window.search.run_search()
    hits = window.search.hits()
    assert hits and all(h.note for h in hits)
    window.search.results.itemActivated.emit(window.search.results.item(0))
    current = window.current_node()
    assert current is not None and current.kind == "note" and current.id == hits[0].note_id


def test_export_from_the_window_equals_the_command_line(
    window: Any, demo_library: Library, tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from studynotes.ui import dialogs

    week = _find(window, "week")
    window.tree.setCurrentIndex(week)
    node = window.tree_model.node(week)
    notebook = demo_library.notebook(node.notebook_id)
    target = tmp_path / "from-window.md"
    monkeypatch.setattr(dialogs, "ask_export_scope", lambda parent, notebook, label: False)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_week()
    capsys.readouterr()
    assert (
        cli_main(
            [
                "--library",
                str(demo_library.path),
                "export",
                "--notebook",
                notebook.title,
                "--week",
                str(node.number),
            ]
        )
        == 0
    )
    assert target.read_text(encoding="utf-8") == capsys.readouterr().out
    expected, _files = week_to_markdown(gather_week(demo_library, notebook.title, node.number))
    assert target.read_text(encoding="utf-8") == expected


def test_settings_and_selection_persist_between_sessions(
    qtbot: Any, demo_library: Library, settings: QSettings
) -> None:
    from studynotes.ui.main_window import MainWindow

    first = MainWindow(demo_library, settings)
    qtbot.addWidget(first)
    note = _find(first, "note")
    first.tree.setCurrentIndex(note)
    first.resize(700, 500)
    first.set_font_size(3)
    first.close()
    settings.sync()
    second = MainWindow(demo_library, settings)
    qtbot.addWidget(second)
    current = second.current_node()
    assert current is not None and current.key == first.tree_model.node(note).key
    assert second.font_size() == second.base_font_size() + 3
    assert (second.width(), second.height()) == (700, 500)


def test_an_empty_library_opens_on_the_welcome_page(qtbot: Any, tmp_path: Path, settings: QSettings) -> None:
    from studynotes.ui.main_window import MainWindow

    with Library.open(tmp_path / "empty.sqlite3") as library:
        window = MainWindow(library, settings)
        qtbot.addWidget(window)
        assert window.preview.currentWidget() is window.welcome
        import_paths(library, [seeds_dir() / "lecture-chat-log.txt"], notebook="ML")
        window.reload()  # as after an import from the window
        assert window.tree_model.rowCount() == len(library.notebooks()) == 1
        assert window.preview.currentWidget() is not window.welcome


def test_errors_in_actions_become_messages(window: Any, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.tree.setCurrentIndex(_find(window, "notebook"))
    window.guarded(window.export_week)
    assert shown == ["Select a week (or a lecture or note in it) to export"]
