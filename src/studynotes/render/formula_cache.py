"""Typeset formulas kept on disk, so a restarted app shows known formulas without starting MathJax.

One small SQLite file in the user cache folder (`paths.cache_dir()`), shared by the
window and the command line: WAL, a busy timeout and `INSERT OR IGNORE`, so two
processes may read and write it at once.  It is only ever a shortcut: a cache that
cannot be opened, read or written (read-only folder, full disk, another program's
lock) is skipped and the formula is typeset as before; a damaged file is deleted and
made again.  Entries last read longest ago are dropped once the file outgrows its bounds.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import NamedTuple

from .. import paths

log = logging.getLogger(__name__)

FILE_NAME = "formulas.sqlite3"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 2_000  # a render waits at most this long for the other process's write
MAX_ENTRIES = 20_000
MAX_BYTES = 64 * 1024 * 1024
PRUNE_TO = 0.8  # pruning leaves this share of each bound, so it runs seldom
CHECK_EVERY = 256  # writes between two looks at the file's size
RETRY_AFTER_S = 60.0  # a cache that could not be opened is tried again after this long
OPEN_ATTEMPTS = 8
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_SCHEMA = """
CREATE TABLE IF NOT EXISTS formulas (
    id INTEGER PRIMARY KEY,
    key BLOB NOT NULL UNIQUE,
    used INTEGER NOT NULL,  -- day last read or written: the oldest go first when pruning
    ok INTEGER NOT NULL,    -- 1: text is the SVG; 0: text is the error message
    text TEXT NOT NULL
)
"""


class Entry(NamedTuple):
    """A typeset formula (`ok`, `text` is the SVG) or the error it gave (`text` is the message)."""

    ok: bool
    text: str


def _today() -> int:
    return int(time.time() // 86_400)


def _is_corrupt(error: sqlite3.Error) -> bool:
    return _is(error, _CORRUPT_CODES, ("malformed", "not a database"))


def _is_busy(error: sqlite3.Error) -> bool:
    return _is(error, _BUSY_CODES, ("locked", "busy"))


def _is(error: sqlite3.Error, codes: set[int], words: tuple[str, ...]) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in codes
    return any(word in str(error) for word in words)


class FormulaCache:
    """One cache file; usable from any thread (one connection behind a lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._retry_at = 0.0
        self._rebuilt = False
        self._writes = 0

    # -- reading and writing -------------------------------------------------------------

    def get(self, key: bytes) -> Entry | None:
        """The entry for `key`, or None when it is absent or the cache cannot be read."""
        with self._lock:
            conn = self._connection()
            if conn is None:
                return None
            try:
                row = conn.execute("SELECT ok, text, used FROM formulas WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error as error:
                self._failed("read", error)
                return None
            if row is None:
                return None
            ok, text, used = row
            if used < _today():
                self._run("UPDATE formulas SET used = ? WHERE key = ?", (_today(), key))
            return Entry(bool(ok), str(text))

    def put(self, key: bytes, entry: Entry) -> None:
        """Keep `entry` unless another process already has; never raises."""
        with self._lock:
            if self._connection() is None:
                return
            stored = self._run(
                "INSERT OR IGNORE INTO formulas (key, used, ok, text) VALUES (?, ?, ?, ?)",
                (key, _today(), int(entry.ok), entry.text),
            )
            if stored:
                self._writes += 1
                if self._writes % CHECK_EVERY == 1:
                    self.prune()

    def prune(self) -> int:
        """Drop the least recently used entries if the file is over a bound; how many went."""
        with self._lock:
            conn = self._connection()
            if conn is None:
                return 0
            try:
                count = conn.execute("SELECT count(*) FROM formulas").fetchone()[0]
                pages, free, size = (
                    conn.execute(f"PRAGMA {name}").fetchone()[0]
                    for name in ("page_count", "freelist_count", "page_size")
                )
            except sqlite3.Error as error:
                self._failed("read", error)
                return 0
            used_bytes = (pages - free) * size
            excess = 0
            if count > MAX_ENTRIES:
                excess = count - int(MAX_ENTRIES * PRUNE_TO)
            if used_bytes > MAX_BYTES and count:
                keep = int(count * MAX_BYTES * PRUNE_TO / used_bytes)
                excess = max(excess, count - keep)
            if excess <= 0:
                return 0
            dropped = self._run(
                "DELETE FROM formulas WHERE id IN (SELECT id FROM formulas ORDER BY used, id LIMIT ?)",
                (excess,),
            )
            return excess if dropped else 0

    def clear(self) -> None:
        """Forget every entry (benchmarks start cold with it)."""
        with self._lock:
            if self._connection() is not None:
                self._run("DELETE FROM formulas", ())

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -- the connection and its failures -------------------------------------------------

    def _connection(self) -> sqlite3.Connection | None:
        if self._conn is not None:
            return self._conn
        if time.monotonic() < self._retry_at:
            return None
        try:
            self._conn = self._open()
        except (sqlite3.Error, OSError) as error:
            if isinstance(error, sqlite3.Error) and _is_corrupt(error) and self._rebuild():
                return self._conn
            log.info("formula cache %s not used: %s", self.path, error)
            self._retry_at = time.monotonic() + RETRY_AFTER_S
        return self._conn

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for attempt in range(OPEN_ATTEMPTS):
            try:
                return self._connect()
            except sqlite3.OperationalError as error:
                # Two processes making the file at once: switching it to WAL fails at once
                # instead of waiting, so wait here.
                if not _is_busy(error) or attempt == OPEN_ATTEMPTS - 1:
                    raise
                time.sleep(0.02 * (attempt + 1))
        raise AssertionError("unreachable")

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA_VERSION):
                raise sqlite3.DataError(f"written by another version of the app (schema {version})")
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            if version == 0:
                conn.execute(_SCHEMA)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("SELECT id FROM formulas LIMIT 1").fetchall()
        except BaseException:
            conn.close()
            raise
        return conn

    def _run(self, sql: str, parameters: tuple[object, ...]) -> bool:
        """Write; a cache that cannot take it (locked, read-only, full) just goes without."""
        conn = self._conn
        if conn is None:
            return False
        try:
            conn.execute(sql, parameters)
        except sqlite3.Error as error:
            self._failed("write", error)
            return False
        except (UnicodeError, ValueError) as error:  # text SQLite cannot hold, e.g. a lone surrogate
            log.info("formula cache %s: not stored (%s)", self.path, error)
            return False
        return True

    def _failed(self, action: str, error: sqlite3.Error) -> None:
        log.info("formula cache %s: %s failed: %s", self.path, action, error)
        if _is_corrupt(error):
            self._rebuild()

    def _rebuild(self) -> bool:
        """Replace a damaged file with an empty cache, once per process; else stop using it."""
        self.close()
        if self._rebuilt:
            self._retry_at = float("inf")
            return False
        self._rebuilt = True
        log.info("formula cache %s is damaged; starting it afresh", self.path)
        try:
            for suffix in ("-wal", "-shm", ""):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._conn = self._open()
        except (sqlite3.Error, OSError) as error:
            log.info("formula cache %s not used: %s", self.path, error)
            self._retry_at = float("inf")
            return False
        return True


_shared: FormulaCache | None = None
_shared_lock = threading.Lock()


def shared() -> FormulaCache | None:
    """The cache in the current cache folder (looked up each time: tests move it); None if there is none."""
    global _shared
    try:
        path = paths.cache_dir() / FILE_NAME
    except (OSError, RuntimeError, KeyError) as error:  # no home folder to find it in
        log.info("no formula cache folder: %s", error)
        return None
    with _shared_lock:
        if _shared is None or _shared.path != path:
            if _shared is not None:
                _shared.close()
            _shared = FormulaCache(path)
        return _shared


def close_shared() -> None:
    """Close the shared cache's file (tests delete their folders; Windows needs it closed)."""
    global _shared
    with _shared_lock:
        if _shared is not None:
            _shared.close()
            _shared = None
