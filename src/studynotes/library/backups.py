"""Copies of the library file: before upgrades, before the first write of each day, before a restore.

Copies go through SQLite's backup API, so they are consistent even while the
app is writing, and land in a `backups/` folder beside the library.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .connection import SQLITE_HEADER, LibraryError, backup_copy
from .schema import LATEST_VERSION

KEEP_DAILY = 7
KEEP_WEEKLY = 4
# A library past this size keeps 2 daily copies and 1 weekly: 3 copies, not 11 (a million
# questions is a file of gigabytes).
BIG_LIBRARY_BYTES = 512 * 1024 * 1024
KEEP_DAILY_BIG = 2
KEEP_WEEKLY_BIG = 1
STEP_PAGES = 4096  # 16 MB per step of a copy made in the background
_LIBRARY_TABLES = frozenset({"notebooks", "sources", "notes", "cells", "questions"})
DAILY_REASON = "daily"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    size: int


def backups_folder(library_path: Path) -> Path:
    return library_path.parent / "backups"


def list_backups(library_path: Path) -> list[BackupInfo]:
    """Newest first."""
    folder = backups_folder(library_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{library_path.stem}-*.sqlite3"):
        parts = path.stem[len(library_path.stem) + 1 :].split("-", 2)
        try:
            created = dt.datetime.strptime(f"{parts[0]}-{parts[1]}", "%Y%m%d-%H%M%S")
        except (ValueError, IndexError):
            continue
        found.append(BackupInfo(path, created, parts[2] if len(parts) > 2 else "", path.stat().st_size))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def copied_today(library_path: Path, now: dt.datetime | None = None) -> bool:
    """Whether today's daily copy exists (it is made only after the file's pages passed their check)."""
    daily = [b for b in list_backups(library_path) if b.reason == DAILY_REASON]
    return bool(daily) and daily[0].created.date() == (now or dt.datetime.now()).date()


def daily_backup(conn: sqlite3.Connection, library_path: Path, now: dt.datetime | None = None) -> Path | None:
    """Take today's copy unless there is one from today; keep 7 daily and 4 weekly copies."""
    now = now or dt.datetime.now()
    if copied_today(library_path, now):
        return None
    made = backup_copy(conn, library_path, reason=DAILY_REASON, now=now)
    _prune(library_path)
    return made


def _prune(library_path: Path) -> None:
    daily = [b for b in list_backups(library_path) if b.reason == DAILY_REASON]
    big = bool(daily) and daily[0].size > BIG_LIBRARY_BYTES
    for old in outdated(daily, big=big):
        old.path.unlink(missing_ok=True)


def daily_backup_in_steps(
    library_path: Path,
    now: dt.datetime | None = None,
    *,
    pages: int = STEP_PAGES,
    progress: Callable[[int, int, int], object] | None = None,
) -> Path | None:
    """Today's copy, made from a connection of its own so it can run beside the window.

    The copy reads one snapshot (a read transaction held throughout, which in WAL mode never
    blocks a writer), in steps of `pages` pages; it is written under a temporary name and
    renamed once complete, so a copy cut short by the app closing is never listed."""
    now = now or dt.datetime.now()
    if copied_today(library_path, now):
        return None
    folder = backups_folder(library_path)
    folder.mkdir(parents=True, exist_ok=True)
    for partial in folder.glob("*.partial"):
        partial.unlink(missing_ok=True)  # a copy an earlier run did not finish
    target = folder / f"{library_path.stem}-{now.strftime('%Y%m%d-%H%M%S')}-{DAILY_REASON}.sqlite3"
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(f"{library_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
            source.backup(destination, pages=pages, progress=progress, sleep=0)
            source.execute("COMMIT")
        finally:
            destination.close()
    finally:
        source.close()
    partial.replace(target)
    _prune(library_path)
    return target


def outdated(daily: list[BackupInfo], *, big: bool = False) -> list[BackupInfo]:
    """Of daily copies (newest first): all but the newest 7 and the last copy of each of the 4 weeks
    before (a big library: the newest 2 and 1 week's)."""
    keep_daily, keep_weekly = (KEEP_DAILY_BIG, KEEP_WEEKLY_BIG) if big else (KEEP_DAILY, KEEP_WEEKLY)
    recent = {backup.created.isocalendar()[:2] for backup in daily[:keep_daily]}
    weeks_kept: set[tuple[int, int]] = set()
    drop: list[BackupInfo] = []
    for backup in daily[keep_daily:]:
        week = backup.created.isocalendar()[:2]
        if week in recent or week in weeks_kept or len(weeks_kept) >= keep_weekly:
            drop.append(backup)
        else:
            weeks_kept.add(week)
    return drop


def restore_backup(library_path: Path, backup: Path) -> Path:
    """Replace the library's contents with a backup's, after backing up the current file.

    Returns the copy of the current file.  The backup must be a studynotes library
    no newer than this version; anything else is refused and nothing changes.
    """
    if not backup.is_file():
        raise LibraryError(f"{backup}: no such backup")
    with backup.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise LibraryError(f"{backup}: is not a studynotes library backup")
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = source.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version > LATEST_VERSION or not tables >= _LIBRARY_TABLES:
            raise LibraryError(f"{backup}: is not a studynotes library this version can restore")
        problems = [row[0] for row in source.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise LibraryError(
                f"{backup}: the backup is damaged ({problems[0]}); the library was left as it was"
            )
        target = sqlite3.connect(library_path, timeout=10)
        try:
            safety = backup_copy(target, library_path, reason="before-restore")
            source.backup(target)
        finally:
            target.close()
    except sqlite3.DatabaseError as error:
        raise LibraryError(
            f"{backup}: cannot be restored ({error}); the library was left as it was"
        ) from None
    finally:
        source.close()
    return safety
