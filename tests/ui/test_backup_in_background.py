"""The day's backup copy runs beside the window: the event loop keeps turning, writes go on."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from studynotes.library import Library, damage
from studynotes.library.backups import BackupInfo, list_backups, outdated


def test_the_event_loop_keeps_turning_and_writes_go_on_while_the_copy_runs(
    qtbot: Any, demo_library: Library
) -> None:
    shutil.rmtree(demo_library.path.parent / "backups", ignore_errors=True)
    demo_library.close()
    demo_library = Library.open(demo_library.path)  # the window's first start of the day
    questions = demo_library.conn.execute("SELECT count(*) FROM questions").fetchone()[0]
    pages = demo_library.conn.execute("PRAGMA page_count").fetchone()[0]
    steps: list[float] = []

    def slow_step(_status: int, _remaining: int, _total: int) -> None:
        steps.append(time.monotonic())
        time.sleep(0.003)  # a copy of hundreds of megabytes, page by page

    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(5)
    worker = demo_library.start_daily_backup(pages=1, progress=slow_step)
    assert worker is not None
    question = demo_library.questions()[0]
    demo_library.toggle_status(question.id)  # a write while the copy runs: it does not wait for it
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=120_000)
    timer.stop()

    assert len(steps) >= pages - 1
    during = [t for t in ticks if steps[0] <= t <= steps[-1]]
    assert len(during) >= 10, "the event loop stood still while the copy ran"
    gaps = [later - earlier for earlier, later in itertools.pairwise(during)]
    assert max(gaps) < 0.5
    (copy,) = list_backups(demo_library.path)
    conn = sqlite3.connect(f"{copy.path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM questions").fetchone()[0] == questions
    finally:
        conn.close()
    with Library.open(copy.path, read_only=True) as restored:
        assert restored.search(question.text.split()[0])
    assert demo_library.start_daily_backup() is None  # done for today
    demo_library.close()


def test_a_later_start_the_same_day_checks_and_copies_nothing(
    qtbot: Any, demo_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(demo_library.path.parent / "backups", ignore_errors=True)
    demo_library.close()
    checked: list[str] = []
    check = damage.quick_check
    monkeypatch.setattr(damage, "quick_check", lambda conn: checked.append("pages") or check(conn))
    first = Library.open(demo_library.path)  # the day's first start: the pages checked, then copied
    worker = first.start_daily_backup()
    assert worker is not None
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=120_000)
    first.close()
    assert checked == ["pages"] and len(list_backups(demo_library.path)) == 1

    later = Library.open(demo_library.path)  # another start that day
    assert later.start_daily_backup() is None
    later.toggle_status(later.questions()[0].id)  # its first write waits for no check either
    later.close()
    assert checked == ["pages"] and len(list_backups(demo_library.path)) == 1


def test_a_big_library_keeps_two_daily_copies_and_one_weekly() -> None:
    start = dt.datetime(2026, 3, 2, 9)
    daily = [BackupInfo(Path(f"c{day}"), start - dt.timedelta(days=day), "daily", 1) for day in range(40)]
    kept = [b for b in daily if b not in outdated(daily, big=True)]
    assert [b.created.date() for b in kept][:2] == [start.date(), (start - dt.timedelta(days=1)).date()]
    assert len(kept) == 3
    assert len([b for b in daily if b not in outdated(daily)]) == 11
