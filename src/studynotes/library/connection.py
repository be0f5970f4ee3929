"""Opening a library file safely: checks, pragmas, migrations with a backup first."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..model import StudyNotesError
from . import part_maps, trigram_terms, words_and_parts
from .schema import LATEST_VERSION, MIGRATIONS

SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x53744E74  # "StNt" in the file's header: this file is a studynotes library
LIBRARY_TABLES = frozenset({"notebooks", "sources", "notes", "cells", "questions"})
CACHE_KIB = 8 * 1024  # grows only as pages are read; more did not make search faster
BUSY_TIMEOUT_MS = 10_000


class LibraryError(StudyNotesError):
    """The library file cannot be used; the message names it and says why."""


def writable(path: Path) -> bool:
    """Can this process change the file (and create its WAL files beside it)?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) and migrate; refuse anything that is not a library."""
    if path.exists():
        _check_is_sqlite(path)
    elif read_only:
        raise LibraryError(f"{path}: no library file here")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(f"{path}: cannot create the library folder ({error.strerror})") from None
    uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
    if read_only and not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"  # no -shm file can be made beside it; nobody can be writing
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise LibraryError(f"{path}: cannot be opened ({error})") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # With the default 2 MB cache a new search word rereads index pages (p95 2.7 ms, not 1.1 ms).
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        trigram_terms.register(conn)  # search checks long terms with it (trigram_terms.py)
        _check_is_a_library(conn, path)  # before anything (WAL, migrations) changes the file
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST_VERSION:
            raise LibraryError(
                f"{path}: this library was written by a newer studynotes (schema {version}); please update"
            )
        if version < LATEST_VERSION:
            if read_only:
                raise LibraryError(f"{path}: the library needs an upgrade but is open read-only")
            _upgrade(conn, path, version)
        if not read_only and conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except sqlite3.DatabaseError as error:
        conn.close()
        from .damage import damaged, is_damage

        if is_damage(error):
            raise damaged(path, str(error)) from None
        raise LibraryError(f"{path}: is not a usable studynotes library ({error})") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _upgrade(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Back up, then migrate; either failing leaves the file as it was, with a message saying why."""
    if _holds_data(conn, version):
        try:
            backup_copy(conn, path, reason=f"before-v{LATEST_VERSION}")
        except (OSError, sqlite3.Error) as error:
            raise LibraryError(
                f"{path}: no backup copy could be made before the upgrade ({failure_reason(error)});"
                " the library was left as it was"
            ) from None
    try:
        migrate(conn, version)
    except sqlite3.OperationalError as error:
        raise LibraryError(
            f"{path}: the library could not be upgraded ({failure_reason(error)}); it was left as it was"
        ) from None


def failure_reason(error: BaseException) -> str:
    """Why a write failed, in a user's words: a full disk says so, anything else as SQLite or the OS put it."""
    text = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return "the disk is full" if "full" in text or "No space" in text else text


def _holds_data(conn: sqlite3.Connection, version: int) -> bool:
    """A file with something to keep (a new, empty one is simply given the schema)."""
    return version > 0 or _has_tables(conn)


def needs_upgrade(path: Path) -> bool:
    """Whether opening `path` will first migrate it (seconds for a large library)."""
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        _check_is_a_library(conn, path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        return version < LATEST_VERSION and _holds_data(conn, version)
    except LibraryError:
        return False  # opening it gives the message
    except sqlite3.DatabaseError:
        return False  # opening it properly gives the message
    finally:
        conn.close()


def _check_is_a_library(conn: sqlite3.Connection, path: Path) -> None:
    """Only an empty file or a studynotes library is opened; another application's file is left as it is."""
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if application_id not in (0, APPLICATION_ID):
        raise LibraryError(f"{path}: belongs to another application, not studynotes; it was left untouched")
    if application_id == 0 and tables and not tables >= LIBRARY_TABLES:
        raise LibraryError(
            f"{path}: is another application's SQLite file, not a studynotes library; it was left untouched"
        )
    if 0 < version <= LATEST_VERSION and not tables >= LIBRARY_TABLES:
        missing = ", ".join(sorted(LIBRARY_TABLES - tables))
        raise LibraryError(
            f"{path}: says it is a studynotes library (schema {version}) but has no {missing} table;"
            " it was left untouched (restore a backup: `studynotes backups`)"
        )


def _check_is_sqlite(path: Path) -> None:
    if path.is_dir():
        raise LibraryError(f"{path}: is a folder, not a library file")
    if not path.is_file():  # a pipe or device: opening it would wait forever
        raise LibraryError(f"{path}: is not a regular file (a pipe, socket or device); it was not opened")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise LibraryError(f"{path}: cannot be read ({error.strerror})") from None
    if header and header != SQLITE_HEADER:
        raise LibraryError(f"{path}: is not a studynotes library (not an SQLite file); it was left untouched")


def _has_tables(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0)


def migrate(conn: sqlite3.Connection, current: int) -> None:
    """Apply each pending migration in its own transaction, recording the version."""
    for number, (name, script) in enumerate(MIGRATIONS, start=1):
        if number <= current:
            continue
        with transaction(conn):
            for statement in split_statements(script):
                conn.execute(statement)
            # The words of every row already there (the migration that adds them), and any rows
            # a step wrote put into the full-text indexes, before the step commits; the same for
            # the parts of words (their migration notes every row).
            words_and_parts.flush(conn)
            if name == part_maps.MIGRATION_NAME:  # the counts are in: map the common parts
                part_maps.map_common(conn)
            conn.execute(f"PRAGMA user_version = {number}")


def split_statements(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken up front so a second process waits instead of failing."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT nested")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:  # a full disk rolls back the whole transaction, savepoint and all
                conn.execute("ROLLBACK TO nested")
                conn.execute("RELEASE nested")
            raise
        conn.execute("RELEASE nested")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if _still_open(conn):  # some errors have already rolled the transaction back
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _still_open(conn: sqlite3.Connection) -> bool:
    return conn.in_transaction


def backup_copy(conn: sqlite3.Connection, path: Path, *, reason: str, now: dt.datetime | None = None) -> Path:
    """Copy the whole file through SQLite's backup API into `backups/` beside it."""
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}-{reason}.sqlite3"
    counter = 2
    while target.exists():
        target = folder / f"{path.stem}-{stamp}-{reason}-{counter}.sqlite3"
        counter += 1
    destination = sqlite3.connect(target)
    try:
        conn.backup(destination)
    finally:
        destination.close()
    return target
