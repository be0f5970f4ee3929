"""Faults a laptop produces: a full disk, a read-only file, a second process."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from studynotes.importers import import_file
from studynotes.library import Library, LibraryError
from studynotes.library import store as store_module


def _counts(library: Library) -> tuple[int, ...]:
    return tuple(
        library.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("notes", "cells", "questions")
    )


def test_a_full_disk_gives_a_clear_message_and_loses_nothing(library: Library, seeds: Path) -> None:
    library.save_import(import_file(seeds / "question-board-week2.md"), notebook="Small")
    before = _counts(library)
    pages = library.conn.execute("PRAGMA page_count").fetchone()[0]
    library.conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk is now full
    with pytest.raises(LibraryError, match=r"the disk is full.*the library is as it was"):
        library.save_import(import_file(seeds / "lecture-chat-log.txt"), notebook="Big")
    assert _counts(library) == before
    assert library.notebook_id("Big") is None


def test_a_file_that_cannot_be_written_opens_read_only(
    library_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library.open(library_path) as library:
        library.save_import(import_file(seeds / "question-board-week2.md"), notebook="B")
    monkeypatch.setattr(store_module, "writable", lambda path: False)
    with Library.open(library_path) as library:
        assert library.read_only
        assert len(library.questions()) > 0
        with pytest.raises(LibraryError, match="read-only"):
            library.set_status(library.questions()[0].id, "open")


def test_two_processes_write_the_same_library_without_losing_a_write(library_path: Path, seeds: Path) -> None:
    with Library.open(library_path) as library:
        library.save_import(import_file(seeds / "question-board-week2.md"), notebook="B")
        ids = [q.id for q in library.questions()]
    script = f"""
import sys
from studynotes.library import Library
lib = Library.open({str(library_path)!r})
for round in range(15):
    for qid in {ids!r}[int(sys.argv[1])::2]:
        lib.set_status(qid, "open" if round % 2 == 0 else "answered")
for qid in {ids!r}[int(sys.argv[1])::2]:
    lib.set_status(qid, "open")
"""
    workers = [
        subprocess.Popen([sys.executable, "-c", script, str(n)], stderr=subprocess.PIPE, text=True)
        for n in (0, 1)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
    with Library.open(library_path) as library:
        assert {q.status for q in library.questions()} == {"open"}
        assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_change_by_another_connection_is_noticed_once(library_path: Path) -> None:
    with Library.open(library_path) as first, Library.open(library_path) as second:
        assert not first.changed_elsewhere()
        second.ensure_notebook("From the other window")
        assert first.changed_elsewhere()
        assert not first.changed_elsewhere()
        first.ensure_notebook("Mine")
        assert not first.changed_elsewhere()


def test_sqlite_sees_the_file_as_a_plain_library(library_path: Path) -> None:
    Library.open(library_path).close()
    conn = sqlite3.connect(library_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
