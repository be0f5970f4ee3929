"""A damaged library at start-up: the window says so and offers the latest good backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from studynotes.importers import import_file
from studynotes.library import Library
from studynotes.ui.app import _open_or_restore
from studynotes.ui.damaged_library import restore_label
from studynotes.ui.library_open import open_library


def _damaged_library(path: Path, seeds: Path) -> Path:
    with Library.open(path) as library:
        library.save_import(import_file(seeds / "question-board-week2.md"), notebook="Board")
        good = library.backup("manual")
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[2 * 4096 :] = b"\xa5" * (len(data) - 2 * 4096)  # every table page overwritten
    path.write_bytes(bytes(data))
    return good


def _answer(button_text: str, seen: list[str]) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            seen.append(widget.text())
            next(b for b in widget.buttons() if b.text() == button_text).click()
            return
    QTimer.singleShot(50, lambda: _answer(button_text, seen))


def test_the_window_restores_the_latest_good_backup_when_asked(
    qtbot: Any, library_path: Path, seeds: Path
) -> None:
    good = _damaged_library(library_path, seeds)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer(restore_label(), seen))
    library = _open_or_restore(open_library, library_path)
    assert library is not None
    try:
        assert "the library file is damaged" in seen[0] and str(good) in seen[0]
        assert [nb.title for nb in library.notebooks()] == ["Board"]
    finally:
        library.close()


def test_closing_the_offer_leaves_the_damaged_file_as_it_was(
    qtbot: Any, library_path: Path, seeds: Path
) -> None:
    _damaged_library(library_path, seeds)
    damaged = library_path.read_bytes()
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer("Close", seen))
    assert _open_or_restore(open_library, library_path) is None
    assert seen and library_path.read_bytes() == damaged
