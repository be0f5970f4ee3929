"""Every edit keeps the previous version; backups are taken daily and restore safely."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from studynotes.cli import main
from studynotes.importers import import_file
from studynotes.library import Library, LibraryError
from studynotes.library.backups import KEEP_DAILY, daily_backup, list_backups, restore_backup


@pytest.fixture
def note_library(library: Library, tmp_path: Path) -> Library:
    path = tmp_path / "n.md"
    path.write_text("# Week 1\n\nFirst draft.\n\n## Why?\n\nBecause.\n", encoding="utf-8")
    library.save_import(import_file(path), notebook="N")
    return library


def test_edits_keep_earlier_versions_and_one_can_be_restored(note_library: Library) -> None:
    note = note_library.notes()[0]
    full = note_library.note(note.id)
    assert full is not None
    text_cell = next(c for c in full.cells if c.kind == "markdown")
    question = full.questions[0]
    assert text_cell.id is not None and question.id is not None
    note_library.edit_cell(text_cell.id, "Second draft.")
    note_library.edit_cell(text_cell.id, "Third draft.")
    note_library.edit_question(question.id, answer="Because of X.")
    history = note_library.history(note.id)
    assert [(h.field, h.old_value) for h in history] == [
        ("answer", "Because."),
        ("markdown", "Second draft."),
        ("markdown", "First draft."),
    ]
    first = history[-1]
    note_library.restore_version(first.id)
    restored = note_library.note(note.id)
    assert restored is not None
    assert next(c for c in restored.cells if c.id == text_cell.id).markdown == first.old_value
    assert note_library.history(note.id)[0].old_value == "Third draft."
    note_library.restore_version(history[0].id)
    assert note_library.question(question.id).answer == "Because."  # type: ignore[union-attr]


def test_status_changes_and_reimports_are_not_versions(note_library: Library) -> None:
    question = note_library.questions()[0]
    note_library.set_status(question.id, "open")
    assert note_library.history(question.note_id) == []


def test_history_from_the_command_line(note_library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    question = note_library.questions()[0]
    note_library.edit_question(question.id, answer="Edited.")
    assert main(["--library", str(note_library.path), "history", str(question.note_id), "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["field"], e["old_value"]) for e in entries] == [("answer", "Because.")]
    assert main(["--library", str(note_library.path), "restore-version", str(entries[0]["id"])]) == 0
    assert note_library.question(question.id).answer == "Because."  # type: ignore[union-attr]
    assert main(["--library", str(note_library.path), "restore-version", "999"]) == 1


def test_daily_backups_are_taken_once_a_day_and_seven_are_kept(note_library: Library) -> None:
    start = dt.datetime(2026, 3, 1, 9, 0)
    assert daily_backup(note_library.conn, note_library.path, now=start) is not None
    assert daily_backup(note_library.conn, note_library.path, now=start + dt.timedelta(hours=5)) is None
    for day in range(1, 10):
        daily_backup(note_library.conn, note_library.path, now=start + dt.timedelta(days=day))
    kept = [b for b in list_backups(note_library.path) if b.reason == "daily"]
    assert len(kept) == KEEP_DAILY
    assert kept[0].created == start + dt.timedelta(days=9)
    copy = sqlite3.connect(kept[0].path)
    assert copy.execute("SELECT count(*) FROM questions").fetchone()[0] == 1
    copy.close()


def test_restore_brings_back_a_backup_and_keeps_the_current_file(
    note_library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = note_library.path
    snapshot = note_library.backup("manual")
    note_library.ensure_notebook("Added after the backup")
    note_library.close()
    assert main(["--library", str(path), "restore", str(snapshot)]) == 0
    assert "the previous library was kept as" in capsys.readouterr().out
    with Library.open(path) as reopened:
        assert [nb.title for nb in reopened.notebooks()] == ["N"]
    kept = [b for b in list_backups(path) if b.reason == "before-restore"]
    assert len(kept) == 1
    with Library.open(kept[0].path) as before:
        assert "Added after the backup" in [nb.title for nb in before.notebooks()]
    assert main(["--library", str(path), "backups", "--json"]) == 0
    assert {b["reason"] for b in json.loads(capsys.readouterr().out)} >= {"manual", "before-restore"}


def test_restoring_something_that_is_not_a_backup_changes_nothing(
    note_library: Library, tmp_path: Path
) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("hello", encoding="utf-8")
    with pytest.raises(LibraryError, match="not a studynotes library backup"):
        restore_backup(note_library.path, bogus)
    assert [nb.title for nb in note_library.notebooks()] == ["N"]
