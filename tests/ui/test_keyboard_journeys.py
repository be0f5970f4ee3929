"""The main journeys with the keyboard alone: every step is a key press to whatever has the focus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget

from studynotes.library import Library
from studynotes.ui.import_dialog import ImportDialog
from studynotes.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def _active(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_open_a_note_from_the_tree_and_mark_a_question_answered(qtbot: Any, window: MainWindow) -> None:
    _active(qtbot, window)
    press(Qt.Key.Key_1, CTRL)
    assert focused() is window.tree
    for _ in range(40):  # down the tree, opening branches, until a note with questions is shown
        node = window.current_node()
        if node is not None and node.kind == "note" and node.counts.questions:
            break
        press(
            Qt.Key.Key_Right
            if node is not None
            and node.kind != "note"
            and not window.tree.isExpanded(window.tree.currentIndex())
            else Qt.Key.Key_Down
        )
    node = window.current_node()
    assert node is not None and node.kind == "note" and node.counts.questions
    assert window._content is not None and window._content.node is node  # the preview shows it
    press(Qt.Key.Key_3, CTRL)
    assert focused() is window.questions.table
    row = window.questions.model.row_at(
        window.questions.proxy.mapToSource(window.questions.table.currentIndex()).row()
    )
    before = window.library.question(row.id)
    assert before is not None
    press(Qt.Key.Key_Space)
    after = window.library.question(row.id)
    assert after is not None and after.status != before.status
    press(Qt.Key.Key_Z, CTRL)  # and undo, from the keyboard too
    undone = window.library.question(row.id)
    assert undone is not None and undone.status == before.status


def test_search_and_open_a_result(qtbot: Any, window: MainWindow) -> None:
    _active(qtbot, window)
    press(Qt.Key.Key_4, CTRL)
    assert focused() is window.search.field
    typed = QInputMethodEvent()  # Hangul arrives from the input method, committed syllable by syllable
    typed.setCommitString("손실함수")
    QApplication.sendEvent(focused(), typed)
    qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=5000)
    press(Qt.Key.Key_Down)
    assert focused() is window.search.results
    hit = window.search.results.currentItem()
    assert hit is not None
    press(Qt.Key.Key_Return)
    node = window.current_node()
    assert node is not None and node.kind == "note"


def test_f6_goes_round_the_panes_and_shift_f6_back(qtbot: Any, window: MainWindow) -> None:
    _active(qtbot, window)
    press(Qt.Key.Key_1, CTRL)
    seen = []
    for _ in range(4):
        press(Qt.Key.Key_F6)
        seen.append(focused())
    preview = window.preview.currentWidget()
    assert seen == [preview, window.questions.table, window.search.field, window.tree]
    press(Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is window.search.field


def test_open_the_import_dialog_and_cancel_it(qtbot: Any, window: MainWindow, seeds: Path) -> None:
    _active(qtbot, window)
    seed = sorted(p for p in seeds.iterdir() if p.suffix == ".md")[0]
    notes_before = len(window.library.notes(notebook_id=window.library.notebooks()[0].id))
    seen: list[str] = []

    def choose_file() -> None:  # the file dialog: type the path, Enter
        dialog = QApplication.activeModalWidget()
        name = dialog.findChild(QLineEdit, "fileNameEdit") if isinstance(dialog, QFileDialog) else None
        if name is None or not name.hasFocus():  # until the dialog is up and its field takes the keys
            QTimer.singleShot(50, choose_file)
            return
        seen.append("file dialog")
        QTest.keyClicks(name, str(seed))
        QTest.keyClick(name, Qt.Key.Key_Return)
        QTimer.singleShot(50, cancel_import)

    def cancel_import() -> None:  # the import dialog: Escape
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):  # the path's completion list took the first Enter
            QTest.keyClick(focused(), Qt.Key.Key_Return)
        if not isinstance(dialog, ImportDialog):
            QTimer.singleShot(50, cancel_import)
            return
        seen.append("import dialog")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, choose_file)
    press(Qt.Key.Key_O, CTRL)
    assert seen == ["file dialog", "import dialog"]
    assert len(window.library.notes(notebook_id=window.library.notebooks()[0].id)) == notes_before
    assert isinstance(window.library, Library)
