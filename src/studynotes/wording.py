"""The words the preview and the Markdown export show, in the window's language.

Rendering and export run without Qt (the command line uses them too), so they ask this
module rather than Qt. The window installs Qt's translator here at start; the command
line never does and keeps English. Calls have the form of Qt's own `translate(context,
text, disambiguation, n)`, so `pyside6-lupdate` finds the strings in these modules too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Translator = Callable[[str, str, str | None, int], str]

_installed: Translator | None = None


def install(translator: Translator | None) -> None:
    """Qt's `QCoreApplication.translate` in the window; None goes back to English."""
    global _installed
    _installed = translator


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the installed language; `%n` becomes `n` (Qt picks the plural form)."""
    if _installed is not None:
        return _installed(context, text, disambiguation, n)
    return text.replace("%n", str(n)) if n >= 0 else text


def _month(date: dt.date) -> str:
    """The short month name, as a word the translation may use or ignore (Korean writes `8월`)."""
    return (
        translate("Dates", "Jan"),
        translate("Dates", "Feb"),
        translate("Dates", "Mar"),
        translate("Dates", "Apr"),
        translate("Dates", "May"),
        translate("Dates", "Jun"),
        translate("Dates", "Jul"),
        translate("Dates", "Aug"),
        translate("Dates", "Sep"),
        translate("Dates", "Oct"),
        translate("Dates", "Nov"),
        translate("Dates", "Dec"),
    )[date.month - 1]


def _weekday(date: dt.date) -> str:
    return (
        translate("Dates", "Mon"),
        translate("Dates", "Tue"),
        translate("Dates", "Wed"),
        translate("Dates", "Thu"),
        translate("Dates", "Fri"),
        translate("Dates", "Sat"),
        translate("Dates", "Sun"),
    )[date.weekday()]


def _fields(date: dt.date, prefix: str = "") -> dict[str, object]:
    return {
        f"{prefix}month_name": _month(date),
        f"{prefix}month": date.month,
        f"{prefix}day": date.day,
        f"{prefix}weekday": _weekday(date),
        f"{prefix}year": date.year,
    }


def day_title(date: dt.date) -> str:
    """`Thu, Aug 5` / `8월 5일 (목)`."""
    return translate("Dates", "{weekday}, {month_name} {day}").format(**_fields(date))


def short_date(date: dt.date) -> str:
    """`Aug 5, 2021` / `2021년 8월 5일`: a date with its year, where the year may differ."""
    return translate("Dates", "{month_name} {day}, {year}").format(**_fields(date))


def week_title(number: int, first_day: dt.date | None) -> str:
    """`Week 2 (Jan 10–16)` / `2주차 (1월 10일–16일)`: the dates help more than the number alone."""
    if first_day is None:
        return translate("Dates", "Week {number}").format(number=number)
    last_day = first_day + dt.timedelta(days=6)
    fields = _fields(first_day) | _fields(last_day, "last_")
    if first_day.month == last_day.month:
        days = translate("Dates", "{month_name} {day}–{last_day}", "days of one month").format(**fields)
    else:
        days = translate("Dates", "{month_name} {day}–{last_month_name} {last_day}", "days of two months")
        days = days.format(**fields)
    return translate("Dates", "Week {number} ({days})").format(number=number, days=days)


def week_label(number: int, first_day: dt.date | None, stored: str) -> str:
    """A week's label in the window's language; a label the user or a schedule gave stays as it is."""
    from .library.weeks import week_label as english

    return week_title(number, first_day) if stored in ("", english(number, first_day)) else stored


def lecture_label(number: int, title: str) -> str:
    """`Lecture 3: Backpropagation` / `3강: Backpropagation`; a title that only repeats the number is left out."""
    plain = translate("Dates", "Lecture {number}").format(number=number)
    if not title or title in (plain, f"Lecture {number}"):
        return plain
    return translate("Dates", "Lecture {number}: {title}").format(number=number, title=title)
