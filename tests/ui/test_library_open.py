"""Opening an old library at start-up: a notice while it is upgraded, then the library as usual."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from old_schema import BEFORE_SHORT_TERMS, opened_at_schema, save_as_before
from studynotes.importers import import_file
from studynotes.library import Library, LibraryError, connection
from studynotes.library.connection import needs_upgrade
from studynotes.library.schema import LATEST_VERSION, MIGRATIONS
from studynotes.ui.library_open import NOTICE_OBJECT_NAME, open_library


@pytest.fixture
def old_library(library_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    with opened_at_schema(library_path) as old:
        save_as_before(old, import_file(seeds / "question-board-week2.md"), "Old")
    return library_path


def _notice_titles() -> list[str]:
    return [w.labelText() for w in QApplication.topLevelWidgets() if w.objectName() == NOTICE_OBJECT_NAME]


def test_an_old_library_is_upgraded_behind_a_notice(qtbot: Any, old_library: Path) -> None:
    assert needs_upgrade(old_library)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: seen.extend(_notice_titles()))
    library = open_library(old_library)
    try:
        assert any("Updating the library" in text for text in seen)
        assert library.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        question = library.questions()[0]
        word = next(
            question.text[i : i + 2] for i in range(len(question.text)) if question.text[i : i + 2].isalnum()
        )
        assert question.id in {hit.id for hit in library.search(word, limit=100_000)}
    finally:
        library.close()
    assert not needs_upgrade(old_library)
    qtbot.waitUntil(lambda: not _notice_titles())


def test_a_current_library_opens_without_a_notice(qtbot: Any, library_path: Path) -> None:
    Library.open(library_path).close()
    assert not needs_upgrade(library_path)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: seen.extend(_notice_titles()))
    with open_library(library_path) as library:
        qtbot.wait(10)
        assert library.notebooks() == []
    assert seen == []


def test_an_upgrade_that_fails_reaches_the_caller_as_a_message(
    qtbot: Any, old_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = (*MIGRATIONS[:BEFORE_SHORT_TERMS], ("broken", "CREATE TABLE notes (x);"))
    monkeypatch.setattr(connection, "MIGRATIONS", broken)
    monkeypatch.setattr(connection, "LATEST_VERSION", len(broken))
    with pytest.raises(LibraryError, match=r"could not be upgraded .*it was left as it was"):
        open_library(old_library)
    kept = sqlite3.connect(old_library)
    try:
        assert kept.execute("PRAGMA user_version").fetchone()[0] == BEFORE_SHORT_TERMS
        assert kept.execute("SELECT count(*) FROM questions").fetchone()[0] > 0
    finally:
        kept.close()
