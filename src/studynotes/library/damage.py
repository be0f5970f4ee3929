"""A library file with damaged pages: said in words, never written to, a good backup offered.

SQLite reports a damaged page as "database disk image is malformed" on whichever
read meets it; writing on would spread the damage and rotate good backups out.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from .connection import LibraryError


def quick_check(conn: sqlite3.Connection) -> str | None:
    """What is wrong with the open file, or None when its pages are sound."""
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if problems == ["ok"] else problems[0]


def latest_good_backup(library_path: Path) -> Path | None:
    """The newest backup that passes its integrity check."""
    from .backups import list_backups  # loaded only for a damaged library

    for backup in list_backups(library_path):
        try:
            copy = sqlite3.connect(f"{backup.path.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error:
            continue
        try:
            if quick_check(copy) is None:
                return backup.path
        finally:
            copy.close()
    return None


class DamagedLibrary(LibraryError):
    """The library file has damaged pages; `backup` is the latest good copy, if any."""

    def __init__(self, message: str, library_path: Path, backup: Path | None) -> None:
        super().__init__(message)
        self.library_path = library_path
        self.backup = backup


def damaged(library_path: Path, detail: str) -> DamagedLibrary:
    """The error to show: what is wrong, the latest good backup and how to restore it."""
    backup = latest_good_backup(library_path)
    if backup is None:
        advice = "no good backup was found beside it"
    else:
        when = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        advice = f"the last good backup is from {when}: `studynotes restore {backup}`"
    return DamagedLibrary(
        f"{library_path}: the library file is damaged ({detail}); nothing was changed; {advice}",
        library_path,
        backup,
    )


def is_damage(error: sqlite3.DatabaseError) -> bool:
    text = str(error).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text
