"""Placing notes and lectures into weeks: pure date arithmetic, no SQL."""

from __future__ import annotations

import datetime as dt


def week_number(
    *,
    explicit: int | None,
    date: dt.date | None,
    day: int | None,
    start: dt.date | None,
    days_per_week: int,
) -> int | None:
    """The week a note belongs to, by the first rule that applies.

    1. the document (or the user) names the week;
    2. its date, counted in 7-day weeks from the notebook's start;
    3. its "Day N", counted in study days of `days_per_week` each.
    """
    if explicit is not None:
        return explicit
    if date is not None and start is not None:
        return (date - start).days // 7 + 1
    if day is not None and day >= 1:
        return (day - 1) // max(days_per_week, 1) + 1
    return None


def monday_of(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


def first_day_of_week(start: dt.date | None, number: int) -> dt.date | None:
    return start + dt.timedelta(weeks=number - 1) if start is not None else None


def week_label(number: int, first_day: dt.date | None) -> str:
    """`Week 2 (Jan 10–16)`: the dates help more than the number on its own."""
    if first_day is None:
        return f"Week {number}"
    last_day = first_day + dt.timedelta(days=6)
    return (
        f"Week {number} ({first_day:%b} {first_day.day}–{last_day.day})"
        if first_day.month == last_day.month
        else (f"Week {number} ({first_day:%b} {first_day.day}–{last_day:%b} {last_day.day})")
    )


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
