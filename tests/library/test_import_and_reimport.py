"""Saving imports: one transaction each, unchanged files skipped, user changes kept."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from studynotes import parse_ahead
from studynotes.importers import import_file
from studynotes.importing import import_paths
from studynotes.library import Library, QuestionFilter, saving

BOARD = """# Week 1

## What is a tensor?

An n-dimensional array.

## Why normalise inputs?
"""


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _table_counts(library: Library) -> dict[str, int]:
    return {
        table: library.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in (
            "notebooks",
            "sources",
            "notes",
            "cells",
            "questions",
            "attachments",
            "weeks",
            "lectures",
        )
    }


def test_reimporting_identical_bytes_does_nothing(library: Library, tmp_path: Path) -> None:
    source = _write(tmp_path / "board.md", BOARD)
    first = library.save_import(import_file(source), notebook="ML")
    before = _table_counts(library)
    again = library.save_import(import_file(source), notebook="ML")
    assert not first.unchanged and again.unchanged
    assert _table_counts(library) == before


def test_reimporting_a_changed_file_keeps_status_and_edited_answers(library: Library, tmp_path: Path) -> None:
    source = _write(tmp_path / "board.md", BOARD)
    library.save_import(import_file(source), notebook="ML")
    by_text = {q.text: q for q in library.questions()}
    library.set_status(by_text["Why normalise inputs?"].id, "answered")
    library.edit_question(by_text["What is a tensor?"].id, answer="A multi-way array (my words).")

    _write(source, BOARD + "\n## What does ReLU do?\n\nIt clips negatives.\n")
    result = library.save_import(import_file(source), notebook="ML")

    assert result.updated and result.kept_user_changes == 2
    by_text = {q.text: q for q in library.questions()}
    assert set(by_text) == {"What is a tensor?", "Why normalise inputs?", "What does ReLU do?"}
    assert by_text["Why normalise inputs?"].status == "answered"
    assert by_text["What is a tensor?"].answer == "A multi-way array (my words)."
    assert by_text["What does ReLU do?"].answer == "It clips negatives."
    assert library.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_a_failure_in_the_middle_of_saving_leaves_no_trace(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.save_import(import_file(_write(tmp_path / "first.md", BOARD)), notebook="ML")
    before = _table_counts(library)
    real_insert = saving.insert_batch

    def insert_then_fail(db: object, batch: saving.Batch) -> None:
        real_insert(db, batch)  # notes, cells and questions are written ...
        raise OSError("disk full")  # ... then the disk fills up

    monkeypatch.setattr(saving, "insert_batch", insert_then_fail)
    with pytest.raises(OSError, match="disk full"):
        library.save_import(
            import_file(_write(tmp_path / "second.md", BOARD + "\n## More?\n")), notebook="New"
        )
    assert _table_counts(library) == before
    assert library.notebook_id("New") is None
    assert library.search("normalise") and all(h.note_id for h in library.search("normalise"))


def test_a_cancelled_multi_file_import_saves_nothing(library: Library, tmp_path: Path, seeds: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("question-board-week2.md", "lecture-chat-log.txt", "daily-log-day15-19.txt"):
        shutil.copy(seeds / name, folder / name)
    before = _table_counts(library)
    calls = {"n": 0}

    def cancel_on_third_save() -> bool:
        calls["n"] += 1
        return calls["n"] > 2  # two files saved, then cancel before the third

    from studynotes.importing import Cancelled

    with pytest.raises(Cancelled):
        import_paths(library, [folder], notebook="ML", cancelled=cancel_on_third_save)
    assert _table_counts(library) == before


def test_an_unreadable_file_is_reported_and_the_rest_still_import(library: Library, tmp_path: Path) -> None:
    _write(tmp_path / "good.md", BOARD)
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    report = import_paths(library, [tmp_path], notebook="ML")
    assert [Path(f.path).name for f in report.files] == ["good.md"]
    messages = {Path(e.path).name: e.reason for e in report.errors}
    assert messages == {
        "empty.md": "the file is empty",
        "picture.txt": "this is a binary file, not text (an image, PDF or archive?)",
    }
    assert len(library.questions(QuestionFilter(notebook="ML"))) == 2


def test_an_unchanged_file_is_skipped_by_its_hash_before_it_is_parsed(
    library: Library, tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ML"
    folder.mkdir()
    for name in ("question-board-week2.md", "lecture-chat-log.txt"):
        shutil.copy(seeds / name, folder / name)
    first = import_paths(library, [folder])
    before = _table_counts(library)
    parsed: list[Path] = []
    real_parse = parse_ahead.parse_file

    def counting_parse(read: Any, *args: Any) -> Any:
        parsed.append(read.path)
        return real_parse(read, *args)

    monkeypatch.setattr(parse_ahead, "parse_file", counting_parse)
    (folder / "lecture-chat-log.txt").write_text(
        (folder / "lecture-chat-log.txt").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    again = import_paths(library, [folder])
    unchanged = {Path(f.path).name: f.unchanged for f in again.files}
    assert unchanged == {"lecture-chat-log.txt": False, "question-board-week2.md": True}
    assert parsed == [folder / "lecture-chat-log.txt"]  # the unchanged board was never parsed
    assert {f.notebook for f in again.files} == {f.notebook for f in first.files} == {"ML"}
    assert _table_counts(library)["notes"] == before["notes"]
