"""A Notion export in the import dialog: one row, its columns (changeable), the tree before saving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox

from studynotes.library import Library
from studynotes.ui.import_dialog import ImportDialog

NOTION = Path(__file__).resolve().parents[1] / "data" / "bundles" / "notion" / "cs231n-study"


def _texts(item: Any) -> list[str]:
    return [item.text(0)] + [t for i in range(item.childCount()) for t in _texts(item.child(i))]


def _chooser(dialog: ImportDialog, column: str) -> QComboBox:
    tree = dialog.bundle_panel.columns
    for index in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(index)
        for child in range(top.childCount()):
            widget = tree.itemWidget(top.child(child), 1)
            if isinstance(widget, QComboBox) and widget.property("column") == f"질문 게시판/{column}":
                return widget
    raise AssertionError(f"no column {column}")


def test_an_export_previews_its_tree_and_imports_with_the_chosen_columns(qtbot: Any, tmp_path: Path) -> None:
    library_path = tmp_path / "library.sqlite3"
    Library.open(library_path).close()
    dialog = ImportDialog(library_path, [NOTION], [])
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Notion export"
    assert _chooser(dialog, "작성자").currentText() == "asker"
    assert _chooser(dialog, "상태").currentText() == "status"
    qtbot.waitUntil(lambda: dialog.bundle_panel.tree.topLevelItemCount() == 1, timeout=60_000)
    shown = _texts(dialog.bundle_panel.tree.topLevelItem(0))
    assert shown[0] == "CS231n 스터디  (11 open / 39)"
    assert "질문 게시판 · Lecture 4  (1 open / 4)" in shown
    with Library.open(library_path) as library:
        assert library.notebooks() == []  # the preview saved nothing

    dialog.notebook.setCurrentText("CS231n 2021")  # the preview follows the notebook chosen
    dialog.bundle_panel.preview()
    qtbot.waitUntil(
        lambda: (
            dialog.bundle_panel.tree.topLevelItemCount() == 1
            and dialog.bundle_panel.tree.topLevelItem(0).text(0).startswith("CS231n 2021")
        ),
        timeout=60_000,
    )
    _chooser(dialog, "작성자").setCurrentText("property")
    with qtbot.waitSignal(dialog.imported, timeout=120_000) as done:
        dialog.start()
    report = done.args[0]
    assert [(f.format, f.notes) for f in report.files] == [("notion", 6)]
    with Library.open(library_path) as library:
        rows = [q for q in library.questions() if q.note.startswith("질문")]
        assert len(rows) == 8 and all(q.asker == "" for q in rows)
    dialog.wait()


def test_cancelling_an_export_import_saves_nothing(qtbot: Any, tmp_path: Path) -> None:
    library_path = tmp_path / "library.sqlite3"
    Library.open(library_path).close()
    dialog = ImportDialog(library_path, [NOTION], [])
    qtbot.addWidget(dialog)
    dialog.start()
    dialog.cancel()  # the worker sees it before its first page
    dialog.wait()
    assert dialog.report is None
    assert dialog.status.text() == "Import cancelled: nothing was saved."
    with Library.open(library_path) as library:
        assert library.notebooks() == []
