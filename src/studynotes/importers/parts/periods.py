"""The week and day a study note says it belongs to: `Week 3 - Day 2`, `2주차`, `Day17`, `Week 03/`.

Study repositories name files and folders by week (`Week 03/week3_2.md`) and write
it in titles (`# Week3 - Day2`, `[Week 9]`, `스터디 2주차`) or front matter
(`tags: [8weeks, 36day]`).  A stated week beats one counted from days.
"""

from __future__ import annotations

import re

_WEEK = re.compile(
    r"\bweek\s*[-_ ]?0*(\d{1,2})\b|(?<!\d)0*(\d{1,2})\s*주차|\b0*(\d{1,2})\s*weeks?\b", re.IGNORECASE
)
_DAY = re.compile(
    r"\bday\s*[-_ ]?0*(\d{1,3})\b|(?<!\d)0*(\d{1,3})\s*일차|\b0*(\d{1,3})\s*days?\b", re.IGNORECASE
)


def _number(pattern: re.Pattern[str], *texts: str) -> int | None:
    for text in texts:
        match = pattern.search(text or "")
        if match:
            value = int(next(group for group in match.groups() if group))
            if value > 0:
                return value
    return None


def stated_week(*texts: str) -> int | None:
    """The first `Week N` / `N주차` in the texts, in the order given (title before folder)."""
    return _number(_WEEK, *texts)


def page_week(front: dict[str, str], heading: str, *names: str) -> int | None:
    """The week a whole page states: front matter `week: 3`, else `Week N` in its title, tags or names.

    The page's own words (front matter, its first heading) come before the names
    around it (the file's, its folder's).  A week written anywhere of these is
    the user's own placing, so it beats one counted from the page's days.
    """
    written = re.search(r"\d{1,2}", front.get("week", ""))
    if written and int(written.group(0)) > 0:
        return int(written.group(0))
    return stated_week(front.get("title", ""), heading, front.get("tags", ""), *names)


def stated_day(*texts: str) -> int | None:
    """The first `Day N` / `N일차` in the texts."""
    return _number(_DAY, *texts)
