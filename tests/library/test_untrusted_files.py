"""Files that are not what they seem: a full disk, damaged or foreign files, special files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from studynotes.cli import main
from studynotes.importing import import_paths
from studynotes.library import Library, LibraryError, connection


def test_a_full_disk_in_a_many_file_import_says_the_disk_is_full(
    library: Library, seeds: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("question-board-week2.md", "lecture-chat-log.txt"):
        (folder / name).write_bytes((seeds / name).read_bytes())
    library.ensure_notebook("Kept")
    pages = library.conn.execute("PRAGMA page_count").fetchone()[0]
    library.conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk is now full
    with pytest.raises(LibraryError) as raised:
        import_paths(library, [folder], notebook="Big")
    assert "the disk is full" in str(raised.value) and "savepoint" not in str(raised.value)
    assert [nb.title for nb in library.notebooks()] == ["Kept"]


def _damage(path: Path, page: int, pages: int = 1) -> None:
    """Overwrite pages of an SQLite file, as a failing disk does."""
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big") or 65536
    data[page * size : (page + pages) * size] = b"\xa5" * (pages * size)
    path.write_bytes(bytes(data[: len(path.read_bytes())]))


def _library_with_notes(path: Path, seeds: Path) -> None:
    with Library.open(path) as library:
        import_paths(
            library, [seeds / "question-board-week2.md", seeds / "lecture-chat-log.txt"], notebook="A"
        )


def test_restore_refuses_a_damaged_backup_and_keeps_the_library(
    library_path: Path, seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _library_with_notes(library_path, seeds)
    with Library.open(library_path) as library:
        backup = library.backup("manual")
        questions = len(library.questions())
    _damage(backup, page=3)
    before = library_path.read_bytes()
    assert main(["--library", str(library_path), "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "damaged" in err and "left as it was" in err
    assert library_path.read_bytes() == before
    with Library.open(library_path) as library:
        assert len(library.questions()) == questions


def test_another_applications_sqlite_file_is_refused_untouched(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = sqlite3.connect(library_path)
    other.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    other.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    other.commit()
    other.close()
    before = library_path.read_bytes()
    assert main(["--library", str(library_path), "tree"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "another application" in err and "untouched" in err
    assert library_path.read_bytes() == before
    assert not (library_path.parent / "backups").exists()
    assert not Path(f"{library_path}-wal").exists()


def test_a_file_claiming_a_schema_without_its_tables_makes_no_backup(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claimed = sqlite3.connect(library_path)
    claimed.execute("PRAGMA user_version = 3")
    claimed.close()
    for _ in range(3):
        assert main(["--library", str(library_path), "tree"]) == 1
        assert "says it is a studynotes library" in capsys.readouterr().err
    assert not (library_path.parent / "backups").exists()


def test_a_library_is_marked_as_one_and_an_empty_file_becomes_one(library_path: Path) -> None:
    library_path.write_bytes(b"")
    with Library.open(library_path) as library:
        assert library.conn.execute("PRAGMA application_id").fetchone()[0] == connection.APPLICATION_ID


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_pipe_as_the_library_gives_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "library.sqlite3"
    os.mkfifo(pipe)
    assert main(["--library", str(pipe), "tree"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a regular file" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_pipe_named_like_an_image_or_a_note_is_not_read(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "note.md").write_text("# Week 1\n\n![graph](graph.png)\n\n## Why?\n", encoding="utf-8")
    os.mkfifo(folder / "graph.png")
    os.mkfifo(tmp_path / "pipe.md")
    report = import_paths(library, [folder, tmp_path / "pipe.md"], notebook="N")
    assert [e.reason for e in report.errors] == ["is not a regular file (a pipe, socket or device); not read"]
    assert report.files[0].warnings == [
        "image 'graph.png' is not a regular file (a pipe or device); not read"
    ]


def test_an_image_over_the_cap_is_left_out_with_a_warning(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYNOTES_MAX_ATTACHMENT_MB", "1")
    (tmp_path / "note.md").write_text(
        "# Week 1\n\n![big](big.png)\n\n![small](small.png)\n", encoding="utf-8"
    )
    (tmp_path / "big.png").write_bytes(b"\x89PNG" + b"\0" * (2 * 2**20))
    (tmp_path / "small.png").write_bytes(b"\x89PNG" + b"\0" * 100)
    report = import_paths(library, [tmp_path / "note.md"], notebook="N")
    (warning,) = report.files[0].warnings
    assert "'big.png' is 2 MB; images over 1 MB are not stored" in warning and "placeholder" in warning
    sizes = dict(library.conn.execute("SELECT name, length(data) FROM attachments").fetchall())
    assert sizes == {"big.png": None, "small.png": 104}


def test_a_damaged_library_is_named_so_and_refuses_writes(
    library_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _library_with_notes(library_path, seeds)
    with Library.open(library_path) as library:
        good = library.backup("manual")
        question = library.questions()[0].id
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = library_path.stat().st_size // 4096
    _damage(library_path, page=2, pages=pages - 3)  # the schema page is whole, the tables' pages are not
    damaged_bytes = library_path.read_bytes()
    for command in (["questions"], ["resolve", str(question)], ["search", "gradient"]):
        code = main(["--library", str(library_path), *command])
        err = capsys.readouterr().err
        assert code == 1 and err.count("\n") == 1, command
        assert "the library file is damaged" in err and "unexpected error" not in err, command
        assert f"studynotes restore {good}" in err, command
    assert library_path.read_bytes() == damaged_bytes


def test_a_write_to_a_library_that_fails_its_quick_check_is_refused(
    library_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _library_with_notes(library_path, seeds)
    with Library.open(library_path) as library:
        question = library.questions()[0].id
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = library_path.stat().st_size // 4096
    _damage(library_path, page=pages - 2)  # an index page far from what opening reads
    damaged_bytes = library_path.read_bytes()
    assert main(["--library", str(library_path), "reopen", str(question)]) == 1
    err = capsys.readouterr().err
    assert "the library file is damaged" in err and "nothing was changed" in err
    assert library_path.read_bytes() == damaged_bytes
    assert not list(
        (library_path.parent / "backups").glob("*daily*")
    )  # a damaged copy would push out good ones
