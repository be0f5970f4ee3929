"""Dates as study material writes them: `January 10, 2022`, `2022.01.10`, `2022년 1월 10일`."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_ENGLISH = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_NUMERIC = re.compile(r"\b(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\b")
_KOREAN = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")


def parse_any_date(text: str) -> dt.date | None:
    """The first date in `text`, in any of the forms above; None when there is none."""
    for pattern, order in ((_NUMERIC, (1, 2, 3)), (_KOREAN, (1, 2, 3)), (_ENGLISH, None)):
        for match in pattern.finditer(text):
            try:
                if order is None:
                    month = _MONTHS.get(match.group(1).lower())
                    if month is None:
                        continue
                    return dt.date(int(match.group(3)), month, int(match.group(2)))
                return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                continue
    return None


def find_date_range(text: str) -> tuple[dt.date, dt.date | None] | None:
    """`2022.01.10-2022.02.23` → (start, end); a single date → (date, None)."""
    parts = re.split(r"\s*(?:~|–|—|-(?=\s*\d{4})|\bto\b)\s*", text, maxsplit=1)
    start = parse_any_date(parts[0])
    if start is None:
        return None
    end = parse_any_date(parts[1]) if len(parts) > 1 else None
    return start, end
