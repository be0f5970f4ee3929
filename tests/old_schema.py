"""Libraries as an earlier studynotes wrote them: the starting point of the upgrade tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from studynotes.importers import ImportedFile
from studynotes.library import Library, connection
from studynotes.library.schema import MIGRATIONS

BEFORE_SHORT_TERMS = 4  # the schema before short words were found through the index


@contextmanager
def opened_at_schema(path: Path, version: int = BEFORE_SHORT_TERMS) -> Iterator[Library]:
    """The library at `path`, created or opened as schema `version` knew it."""
    with pytest.MonkeyPatch.context() as earlier:
        earlier.setattr(connection, "MIGRATIONS", MIGRATIONS[:version])
        earlier.setattr(connection, "LATEST_VERSION", version)
        with Library.open(path) as library:
            yield library


_STORED_TABLES = ("notebooks", "weeks", "lectures", "sources", "notes", "cells", "questions", "attachments")


def save_as_before(old: Library, imported: ImportedFile, notebook: str) -> None:
    """Save a file into an earlier-schema library as that version did: the rows today's code
    writes, in the columns the earlier schema has (the library must hold nothing yet)."""
    scratch_path = old.path.with_name(old.path.stem + "-scratch.sqlite3")
    with pytest.MonkeyPatch.context() as today:
        today.setattr(connection, "MIGRATIONS", MIGRATIONS)
        today.setattr(connection, "LATEST_VERSION", len(MIGRATIONS))
        scratch = Library.open(scratch_path)
    with scratch:
        scratch.save_import(imported, notebook=notebook)
        with old.batch():
            for table in _STORED_TABLES:
                columns = [row[1] for row in old.conn.execute(f"PRAGMA table_info({table})")]
                names = ", ".join(columns)
                rows = scratch.conn.execute(f"SELECT {names} FROM {table} ORDER BY id").fetchall()
                old.conn.executemany(
                    f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", rows
                )
    scratch_path.unlink()
