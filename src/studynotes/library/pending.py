"""Whether a table of rows noted by triggers, waiting for a step before commit, is empty."""

from __future__ import annotations

import sqlite3


def nothing_pending(conn: sqlite3.Connection, table: str) -> bool:
    """True when `table` holds no row, or does not exist yet: a library still at an older schema
    (being upgraded step by step) has nothing for the step to do."""
    try:
        return conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None
    except sqlite3.OperationalError:
        return True
