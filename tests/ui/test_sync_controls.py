"""Notebook → Sync now, the indicator, offline, and the Conflicts list, from the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex

from studynotes.library import Library, QuestionFilter
from studynotes.sharing.sync import sync


def _select_notebook(window: Any) -> str:
    index = window.tree_model.index(0, 0, QModelIndex())
    window.tree.setCurrentIndex(index)
    return str(window.tree_model.node(index).title)


def _remote(tmp_path: Path) -> str:
    from dulwich.repo import Repo

    Repo.init_bare(str(tmp_path / "group.git"), mkdir=True).close()
    return str(tmp_path / "group.git")


def test_sync_now_sends_the_notebook_and_brings_back_others_changes(
    qtbot: Any, window: Any, demo_library: Library, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QInputDialog

    controls = window.sync_controls
    assert controls.indicator.text() == "Sync: not set up"
    title = _select_notebook(window)
    remote = _remote(tmp_path)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (remote, True))
    menu_texts = [a.text() for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()]
    assert "S&ync now" in menu_texts and "&Conflicts…" in menu_texts
    controls.sync_current()
    qtbot.waitUntil(
        lambda: not controls.busy and controls.indicator.text().startswith("Synced"), timeout=60000
    )

    with Library.open(tmp_path / "laptop" / "library.sqlite3") as laptop:
        laptop.ensure_notebook(title)
        sync(laptop, title, remote)
        question = laptop.questions(QuestionFilter(notebook=title, status="open"))[0].id
        laptop.set_status(question, "answered")
        sync(laptop, title)
    controls.sync_current()  # no question the second time
    qtbot.waitUntil(
        lambda: not controls.busy and controls.indicator.text().startswith("Synced"), timeout=60000
    )
    assert demo_library.question(question).status == "answered"  # type: ignore[union-attr]


def test_offline_says_so_and_keeps_working(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QInputDialog

    controls = window.sync_controls
    _select_notebook(window)
    missing = str(tmp_path / "not-there.git")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (missing, True))
    controls.sync_current()
    qtbot.waitUntil(lambda: not controls.busy and "Offline" in controls.indicator.text(), timeout=60000)
    assert "cannot reach" in window.statusBar().currentMessage()
    window.toggle_selected_question()  # the window still works


def test_the_conflicts_list_settles_a_conflict(
    qtbot: Any, window: Any, demo_library: Library, tmp_path: Path
) -> None:
    from studynotes.ui.sync_controls import ConflictsDialog

    title = _select_notebook(window)
    remote = _remote(tmp_path)
    sync(demo_library, title, remote)
    question = demo_library.questions(QuestionFilter(notebook=title))[0].id
    with Library.open(tmp_path / "laptop" / "library.sqlite3") as laptop:
        laptop.ensure_notebook(title)
        sync(laptop, title, remote)
        laptop.edit_question(question, answer="Laptop's answer")
        sync(laptop, title)
    demo_library.edit_question(question, answer="Desktop's answer")
    sync(demo_library, title)
    window.sync_controls.show_state()
    assert "1 conflict" in window.sync_controls.indicator.text()
    dialog = ConflictsDialog(window, window.sync_controls)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    assert dialog.theirs.toPlainText() == "Laptop's answer"
    dialog.settle("both")
    assert dialog.list.count() == 0
    assert demo_library.question(question).answer == "Desktop's answer\n\nLaptop's answer"  # type: ignore[union-attr]
    assert demo_library.conflicts() == []
