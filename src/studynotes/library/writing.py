"""What every write shares: one transaction, errors as one readable line, counts for the tree.

The operations (`question_edits`, `cell_edits`, `note_edits`) build on this; the `Library`
combines them.  Nothing outside the library calls these helpers.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from ..model import StudyNotesError
from . import words_and_parts
from .changes import Change, NodeKey, Operation
from .connection import LibraryError, failure_reason, transaction
from .reader import LibraryReader
from .views import Counts

log = logging.getLogger(__name__)


class LibraryWriter(LibraryReader):
    path: Path
    read_only: bool
    # The operations `apply` may run: the public ones and the private inverses undo uses.
    OPERATIONS: frozenset[str] = frozenset()
    _backed_up_on: dt.date | None = None  # the day this process made or found its daily backup
    _daily_worker: threading.Thread | None = None  # checking the pages and copying, beside the window
    _damage_found: str | None = None  # what the daily check in the background found wrong

    @cached_property
    def db(self) -> Any:
        """The same connection through sqlite-utils (loaded on first write, not at start-up)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise LibraryError(f"{self.path}: the library is open read-only")
        try:
            if not self.conn.in_transaction:  # a closed library fails here as a LibraryError too
                self._backup_before_first_write_of_the_day()
            outermost = not self.conn.in_transaction
            with transaction(self.conn) as conn:
                yield conn
                if outermost:
                    words_and_parts.flush(conn)  # the words written, for search, in the same transaction
        except sqlite3.Error as error:
            from .damage import damaged, is_damage

            if isinstance(error, sqlite3.DatabaseError) and is_damage(error):
                raise damaged(self.path, str(error)) from error
            raise LibraryError(
                f"{self.path}: the change was not saved ({failure_reason(error)}); the library is as it was"
            ) from error

    def _backup_before_first_write_of_the_day(self) -> None:
        """Every writing process (window or command line) checks the file's pages and copies
        the library first, once a day."""
        today = dt.date.today()
        from .damage import damaged, quick_check

        if self._damage_found is not None:
            raise damaged(self.path, self._damage_found)
        if self._backed_up_on == today or (self._daily_worker is not None and self._daily_worker.is_alive()):
            return  # done today, or being done in the background

        problem = quick_check(self.conn)
        if problem is not None:  # writing on would spread the damage; a backup would copy it
            raise damaged(self.path, problem)
        self._backed_up_on = today
        if self.conn.execute("SELECT 1 FROM notebooks LIMIT 1").fetchone() is None:
            return  # nothing to keep yet
        from .backups import daily_backup

        try:
            daily_backup(self.conn, self.path)
        except (OSError, sqlite3.Error) as error:
            log.warning("%s: no backup copy could be made today (%s)", self.path, failure_reason(error))

    def start_daily_backup(
        self, *, pages: int | None = None, progress: Callable[[int, int, int], object] | None = None
    ) -> threading.Thread | None:
        """The day's page check and copy in a thread of their own, so the window never waits on them.

        It reads through its own connection; writes meanwhile go on (WAL) and are not in the copy.
        A damaged file found there refuses the next write, as the check before a write does.
        A later start the same day finds today's copy and checks nothing: the start that made
        it checked the pages (at a million questions the check alone is 2 s of CPU)."""
        if self.read_only or self._backed_up_on == dt.date.today():
            return None
        from .backups import copied_today

        if copied_today(self.path):
            self._backed_up_on = dt.date.today()
            return None
        thread = threading.Thread(
            target=self._check_and_copy, args=(pages, progress), name="daily backup", daemon=True
        )
        self._daily_worker = thread
        thread.start()
        return thread

    def _check_and_copy(self, pages: int | None, progress: Callable[[int, int, int], object] | None) -> None:
        from .backups import STEP_PAGES, daily_backup_in_steps
        from .damage import quick_check

        today = dt.date.today()
        try:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                problem = quick_check(conn)
                empty = conn.execute("SELECT 1 FROM notebooks LIMIT 1").fetchone() is None
            finally:
                conn.close()
            if problem is not None:
                self._damage_found = problem
                return
            if not empty:
                daily_backup_in_steps(self.path, pages=pages or STEP_PAGES, progress=progress)
            self._backed_up_on = today
        except (OSError, sqlite3.Error) as error:
            log.warning("%s: no backup copy could be made today (%s)", self.path, failure_reason(error))

    def apply(self, operation: Operation) -> Change:
        """Run an operation by name: how undo applies a Change's inverse, and redo the inverse's."""
        if operation.name not in self.OPERATIONS:
            raise StudyNotesError(f"no operation {operation.name!r}")
        change: Change = getattr(self, operation.name)(**operation.kwargs())
        return change

    def _path_counts(
        self, note_ids: Iterable[int], notebook_ids: Iterable[int] = ()
    ) -> dict[NodeKey, Counts]:
        """Open/total questions of every node on the notes' paths (note, lecture, week, notebook)."""
        wanted: set[NodeKey] = {("notebook", i) for i in notebook_ids}
        for note_id in note_ids:
            row = self.conn.execute(
                "SELECT notebook_id, week_id, lecture_id FROM notes WHERE id = ?", (note_id,)
            ).fetchone()
            if row is None:
                continue
            wanted |= {("note", note_id), ("notebook", row[0])}
            wanted.add(("week", row[1]) if row[1] is not None else ("unsorted", row[0]))
            if row[2] is not None:
                wanted.add(("lecture", row[2]))
        counts: dict[NodeKey, Counts] = {}
        for kind, node_id in wanted:
            if kind == "unsorted":
                counts[(kind, node_id)] = self.counts(notebook_id=node_id, unsorted=True)
            elif kind == "notebook":
                counts[(kind, node_id)] = self.counts(notebook_id=node_id)
            elif kind == "week":
                counts[(kind, node_id)] = self.counts(week_id=node_id)
            elif kind == "lecture":
                counts[(kind, node_id)] = self.counts(lecture_id=node_id)
            else:
                counts[(kind, node_id)] = self.counts(note_id=node_id)
        return counts

    def _rows(self, table: str, where: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
        """Whole rows, column by column, to put back exactly on undo."""
        cursor = self.conn.execute(f"SELECT * FROM {table} WHERE {where}", params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _insert_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            names = ", ".join(row)
            self.conn.execute(
                f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(row))})", list(row.values())
            )
