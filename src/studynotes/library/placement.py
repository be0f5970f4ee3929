"""Keeping notes and lectures in the right week as dates and settings change.

A note's week is derived, never typed in twice.  A week stated outright (by
the document, the import dialog, or a move in the tree) wins.  Otherwise a
note in a lecture sits in its lecture's week, since the tree shows it there
and counts it there; a lecture's week is its own stated week, else the week
its notes state, else its date's; any other note's week comes from its date
or Day N.
These functions run inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable

from .weeks import first_day_of_week, parse_date, week_label, week_number


def notebook_schedule(conn: sqlite3.Connection, notebook_id: int) -> tuple[dt.date | None, int]:
    row = conn.execute(
        "SELECT start_date, days_per_week FROM notebooks WHERE id = ?", (notebook_id,)
    ).fetchone()
    return parse_date(row[0]), int(row[1])


def ensure_week(conn: sqlite3.Connection, notebook_id: int, number: int, start: dt.date | None) -> int:
    row = conn.execute(
        "SELECT id FROM weeks WHERE notebook_id = ? AND number = ?", (notebook_id, number)
    ).fetchone()
    if row:
        return int(row[0])
    first = first_day_of_week(start, number)
    cursor = conn.execute(
        "INSERT INTO weeks (notebook_id, number, label, first_day) VALUES (?, ?, ?, ?)",
        (notebook_id, number, week_label(number, first), first.isoformat() if first else None),
    )
    return int(cursor.lastrowid or 0)


def place(
    conn: sqlite3.Connection, notebook_id: int, note_ids: Iterable[int] | None = None, *, prune: bool = True
) -> None:
    """Recompute week ids: of every note and lecture (`note_ids=None`, after a schedule
    change), or of the given notes and their lectures only (after an import), so that
    importing the thousandth file costs what the first did."""
    start, days = notebook_schedule(conn, notebook_id)
    if note_ids is None:
        _relabel_weeks(conn, notebook_id, start)
        rows = conn.execute(
            "SELECT id, week_number, date, day, lecture_id, placed_by_user FROM notes WHERE notebook_id = ?",
            (notebook_id,),
        ).fetchall()
        lecture_ids = [
            r[0] for r in conn.execute("SELECT id FROM lectures WHERE notebook_id = ?", (notebook_id,))
        ]
    else:
        rows = _rows(conn, list(note_ids))
        lecture_ids = sorted({r[4] for r in rows if r[4] is not None})
    lecture_weeks = {
        lecture_id: _place_lecture(conn, notebook_id, lecture_id, start, days) for lecture_id in lecture_ids
    }
    week_ids: dict[int, int] = {}  # a daily log's thousands of days fall in a few dozen weeks
    placed: list[tuple[int | None, int]] = []
    for note_id, explicit, date, day, lecture_id, by_user in rows:
        if by_user or explicit is not None:
            number = explicit
        elif lecture_id is not None and lecture_weeks.get(lecture_id) is not None:
            number = lecture_weeks[lecture_id]  # the tree shows a note under its lecture: one week for both
        else:
            number = week_number(
                explicit=explicit, date=parse_date(date), day=day, start=start, days_per_week=days
            )
        week_id = None
        if number is not None:
            week_id = week_ids.get(number)
            if week_id is None:
                week_id = week_ids[number] = ensure_week(conn, notebook_id, number, start)
        placed.append((week_id, note_id))
    conn.executemany("UPDATE notes SET week_id = ? WHERE id = ?", placed)
    if prune:
        prune_weeks(conn, notebook_id)


def place_lectures(conn: sqlite3.Connection, notebook_id: int, lecture_ids: Iterable[int]) -> None:
    """Place lectures a document scheduled (they may have no notes yet)."""
    start, days = notebook_schedule(conn, notebook_id)
    for lecture_id in lecture_ids:
        _place_lecture(conn, notebook_id, lecture_id, start, days)


def _rows(
    conn: sqlite3.Connection, ids: list[int]
) -> list[tuple[int, int | None, str | None, int | None, int | None, int]]:
    rows = []
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        rows += conn.execute(
            "SELECT id, week_number, date, day, lecture_id, placed_by_user FROM notes"
            f" WHERE id IN ({','.join('?' * len(part))})",
            part,
        ).fetchall()
    return rows


def _place_lecture(
    conn: sqlite3.Connection, notebook_id: int, lecture_id: int, start: dt.date | None, days: int
) -> int | None:
    explicit, date = conn.execute(
        "SELECT week_number, date FROM lectures WHERE id = ?", (lecture_id,)
    ).fetchone()
    if explicit is None:  # a week its notes state outright beats one counted from a date
        explicit = conn.execute(
            "SELECT min(week_number) FROM notes WHERE lecture_id = ?", (lecture_id,)
        ).fetchone()[0]
    number = week_number(explicit=explicit, date=parse_date(date), day=None, start=start, days_per_week=days)
    if number is None:
        number = _week_of_lecture_notes(conn, lecture_id, start, days)
    week_id = ensure_week(conn, notebook_id, number, start) if number is not None else None
    conn.execute("UPDATE lectures SET week_id = ? WHERE id = ?", (week_id, lecture_id))
    return number


def _week_of_lecture_notes(
    conn: sqlite3.Connection, lecture_id: int, start: dt.date | None, days: int
) -> int | None:
    """A lecture with no date of its own sits in the week its notes name."""
    numbers = [
        week_number(explicit=explicit, date=parse_date(date), day=day, start=start, days_per_week=days)
        for explicit, date, day in conn.execute(
            "SELECT week_number, date, day FROM notes WHERE lecture_id = ?", (lecture_id,)
        )
    ]
    known = [n for n in numbers if n is not None]
    return min(known) if known else None


def _relabel_weeks(conn: sqlite3.Connection, notebook_id: int, start: dt.date | None) -> None:
    for week_id, number in conn.execute(
        "SELECT id, number FROM weeks WHERE notebook_id = ?", (notebook_id,)
    ).fetchall():
        first = first_day_of_week(start, number)
        conn.execute(
            "UPDATE weeks SET label = ?, first_day = ? WHERE id = ?",
            (week_label(number, first), first.isoformat() if first else None, week_id),
        )


def prune_weeks(conn: sqlite3.Connection, notebook_id: int) -> None:
    """Weeks exist while something is in them; so do lectures nothing but a note named."""
    conn.execute(
        """DELETE FROM lectures WHERE notebook_id = ? AND title = '' AND date IS NULL AND properties = '{}'
           AND id NOT IN (SELECT lecture_id FROM notes WHERE lecture_id IS NOT NULL AND notebook_id = ?)""",
        (notebook_id, notebook_id),
    )
    conn.execute(
        """DELETE FROM weeks WHERE notebook_id = ?
           AND id NOT IN (SELECT week_id FROM notes WHERE week_id IS NOT NULL AND notebook_id = ?)
           AND id NOT IN (SELECT week_id FROM lectures WHERE week_id IS NOT NULL AND notebook_id = ?)""",
        (notebook_id, notebook_id, notebook_id),
    )


def adopt_start_date(
    conn: sqlite3.Connection, notebook_id: int, declared: dt.date | None, dates: Iterable[dt.date]
) -> bool:
    """Give a notebook a start date from an import; True when it changed.

    A start the document declares wins over one guessed earlier; a guessed start
    (the Monday of the earliest dated item) moves earlier when older material arrives.
    """
    current, auto = conn.execute(
        "SELECT start_date, start_date_auto FROM notebooks WHERE id = ?", (notebook_id,)
    ).fetchone()
    current_date = parse_date(current)
    if declared is not None and (current_date is None or auto):
        if current_date != declared or auto:
            conn.execute(
                "UPDATE notebooks SET start_date = ?, start_date_auto = 0 WHERE id = ?",
                (declared.isoformat(), notebook_id),
            )
            return current_date != declared
        return False
    known = sorted(dates)
    if not known:
        return False
    guess = known[0] - dt.timedelta(days=known[0].weekday())
    if current_date is None or (auto and guess < current_date):
        conn.execute(
            "UPDATE notebooks SET start_date = ?, start_date_auto = 1 WHERE id = ?",
            (guess.isoformat(), notebook_id),
        )
        return True
    return False
