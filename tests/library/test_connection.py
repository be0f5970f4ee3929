"""Opening library files: new, upgraded, foreign, newer, read-only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from old_schema import opened_at_schema
from studynotes.library import Library, LibraryError
from studynotes.library.schema import LATEST_VERSION


def test_new_library_is_at_the_latest_schema_in_wal_mode(library_path: Path) -> None:
    with Library.open(library_path) as library:
        assert library.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert library.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert library.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"my precious notes\n" * 10)
    with pytest.raises(LibraryError, match=r"notes\.txt.*not a studynotes library"):
        Library.open(notes)
    assert notes.read_bytes() == b"my precious notes\n" * 10


def test_a_library_from_a_newer_version_is_refused(library_path: Path) -> None:
    conn = sqlite3.connect(library_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="newer studynotes"):
        Library.open(library_path)


def test_upgrading_an_existing_file_takes_a_backup_first(library_path: Path) -> None:
    conn = sqlite3.connect(library_path)
    conn.execute("CREATE TABLE keepsake (x TEXT)")
    conn.execute("INSERT INTO keepsake VALUES ('still here')")
    conn.commit()
    conn.close()
    with Library.open(library_path) as library:
        assert library.conn.execute("SELECT x FROM keepsake").fetchone()[0] == "still here"
    backups = list((library_path.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT x FROM keepsake").fetchone()[0] == "still here"
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 0
    copy.close()


def test_a_failing_migration_leaves_the_version_unchanged(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studynotes.library import connection

    monkeypatch.setattr(connection, "MIGRATIONS", (("broken", "CREATE TABLE a (x); CREATE TABLE a (y);"),))
    monkeypatch.setattr(connection, "LATEST_VERSION", 1)
    with pytest.raises(LibraryError):
        Library.open(library_path)
    conn = sqlite3.connect(library_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'a'").fetchone()[0] == 0
    conn.close()


def test_read_only_library_reads_but_refuses_writes(library_path: Path) -> None:
    Library.open(library_path).close()
    with Library.open(library_path, read_only=True) as library:
        assert library.notebooks() == []
        with pytest.raises(LibraryError, match="read-only"):
            library.ensure_notebook("New")


def test_the_tree_counts_read_no_question(library_path: Path, seeds: Path) -> None:
    """Each note keeps its counts: a million questions cost nothing when the tree is drawn."""
    from studynotes.importers import import_file

    with Library.open(library_path) as library:
        library.save_import(import_file(seeds / "question-board-week2.md"), notebook="A")
        statements: list[str] = []
        library.conn.set_trace_callback(statements.append)
        listed = library.notebooks()
        week_id = library.weeks(listed[0].id)[0].id
        library.notes(week_id=week_id)
        library.counts(week_id=week_id)
        library.conn.set_trace_callback(None)
    assert listed[0].counts.questions > 0
    assert statements and not [s for s in statements if "FROM questions" in s]


def test_one_notebook_read_alone_matches_the_list_of_all(library_path: Path, seeds: Path) -> None:
    from studynotes.importers import import_file

    with Library.open(library_path) as library:
        for name, notebook in (("question-board-week2.md", "A"), ("lecture-chat-log.txt", "B")):
            library.save_import(import_file(seeds / name), notebook=notebook)
        listed = library.notebooks()
        assert len(listed) == 2 and all(nb.counts.questions for nb in listed)
        assert [library.notebook(nb.id) for nb in listed] == listed
        assert library.notebook(max(nb.id for nb in listed) + 1) is None


def _old_library(library_path: Path) -> bytes:
    with opened_at_schema(library_path):
        pass
    return library_path.read_bytes()


def test_a_full_disk_during_an_upgrade_says_so_and_leaves_the_file(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studynotes.library import connection

    before = _old_library(library_path)

    def full(conn: sqlite3.Connection, current: int) -> None:
        conn.execute("BEGIN")
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("ROLLBACK")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(connection, "migrate", full)
    with pytest.raises(
        LibraryError, match=r"could not be upgraded \(the disk is full\); it was left as it was"
    ):
        Library.open(library_path)
    assert library_path.read_bytes() == before


def test_no_room_for_the_backup_stops_the_upgrade_before_it_starts(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studynotes.library import connection

    before = _old_library(library_path)

    def no_space(*args: object, **kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(connection, "backup_copy", no_space)
    with pytest.raises(LibraryError, match=r"no backup copy could be made .*\(the disk is full\)"):
        Library.open(library_path)
    assert library_path.read_bytes() == before
    monkeypatch.undo()
    with Library.open(library_path) as upgraded:
        assert upgraded.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
