"""Which stored source an imported file continues.

A source is named by its path below the folder it was imported from
(`week1/notes.md`), never by its bare name, so two folders' `notes.md` stay two
sources.  The same bytes are the same source wherever they now lie; a file
imported before from another folder is still found by where it is on disk.
Runs inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from . import saving

if TYPE_CHECKING:
    from ..importers import ImportedFile


def find(conn: sqlite3.Connection, notebook_id: int, imported: ImportedFile) -> tuple[int, str] | None:
    """(id, sha256) of the source this file continues, if any."""
    for query, value in (
        ("sha256 = ?", imported.sha256),
        ("file_name = ?", imported.source_key),
        ("path = ?", imported.resolved_path),
        ("path = ?", str(imported.path)),
    ):
        row = conn.execute(
            f"SELECT id, sha256 FROM sources WHERE notebook_id = ? AND {query} ORDER BY id LIMIT 1",
            (notebook_id, value),
        ).fetchone()
        if row is not None:
            return int(row[0]), str(row[1])
    return None


def save(conn: sqlite3.Connection, notebook_id: int, imported: ImportedFile, source_id: int | None) -> int:
    """Record the file's current bytes under its name; returns the source's id."""
    values = (
        imported.source_key,
        imported.resolved_path,
        imported.sha256,
        imported.document.format,
        saving.now_iso(),
        imported.raw_text,
    )
    if source_id is None:
        cursor = conn.execute(
            "INSERT INTO sources (notebook_id, file_name, path, sha256, format, imported_at, raw_text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (notebook_id, *values),
        )
        return int(cursor.lastrowid or 0)
    taken = conn.execute(
        "SELECT id FROM sources WHERE notebook_id = ? AND file_name = ? AND id != ?",
        (notebook_id, imported.source_key, source_id),
    ).fetchone()
    name = values[0] if taken is None else _unused_name(conn, notebook_id, imported.source_key)
    conn.execute(
        "UPDATE sources SET file_name = ?, path = ?, sha256 = ?, format = ?, imported_at = ?, raw_text = ?"
        " WHERE id = ?",
        (name, *values[1:], source_id),
    )
    return source_id


def _unused_name(conn: sqlite3.Connection, notebook_id: int, name: str) -> str:
    counter = 2
    while conn.execute(
        "SELECT 1 FROM sources WHERE notebook_id = ? AND file_name = ?", (notebook_id, f"{name} ({counter})")
    ).fetchone():
        counter += 1
    return f"{name} ({counter})"
