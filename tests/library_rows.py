"""A library's rows as plain values, to compare two libraries or one before and after undo.

`file_rows` reads every table of a library file, search indexes included, to compare two
imports of the same files.

Weeks and lectures are named by number (their ids may be made again when a note comes back);
history and the search indexes are left out (they record edits, and follow the rows).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

from studynotes.library import Library

_TABLES = {
    "notebooks": "SELECT id, title, start_date, start_date_auto, days_per_week, description, properties"
    " FROM notebooks ORDER BY id",
    "notes": """SELECT n.id, n.notebook_id, w.number, l.number, n.source_id, n.kind, n.title, n.date, n.day,
                n.week_number, n.placed_by_user, n.properties, n.position
                FROM notes n LEFT JOIN weeks w ON w.id = n.week_id LEFT JOIN lectures l ON l.id = n.lecture_id
                ORDER BY n.id""",
    "cells": "SELECT * FROM cells ORDER BY id",
    "questions": "SELECT * FROM questions ORDER BY id",
    "attachments": "SELECT id, note_id, name, mime_type, sha256 FROM attachments ORDER BY id",
}


def library_rows(library: Library, *, without_times: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows; `without_times`: when a question was answered becomes only whether it was."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for table, sql in _TABLES.items():
        cursor = library.conn.execute(sql)
        names = [d[0] for d in cursor.description]
        found = cursor.fetchall()
        if without_times and "resolved_at" in names:
            at = names.index("resolved_at")
            found = [(*r[:at], r[at] is not None, *r[at + 1 :]) for r in found]
        rows[table] = found
    return rows


def file_rows(path: Path, *, in_rowid_order: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of a library file, the full-text indexes' shadow tables included, with the
    clock's columns (`…_at`) left out: two imports of the same files compare equal.

    Rows are sorted by their values unless `in_rowid_order` (then a table without rowid, or a
    virtual one, is still sorted by its values)."""
    conn = sqlite3.connect(path)
    try:
        tables: dict[str, list[tuple[Any, ...]]] = {}
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
            kept = ", ".join(f'"{c}"' for c in columns if not c.endswith("_at")) or "1"
            rows = None
            if in_rowid_order:
                with contextlib.suppress(sqlite3.OperationalError):  # no rowid, or a virtual table
                    rows = conn.execute(f'SELECT {kept} FROM "{name}" ORDER BY rowid').fetchall()
            if rows is None:
                rows = sorted(conn.execute(f'SELECT {kept} FROM "{name}"').fetchall(), key=repr)
            tables[name] = rows
        return tables
    finally:
        conn.close()
