"""Weeks and lectures from the names people give folders, files and pages.

`week1`, `Week 02`, `1주차`, `W3` name a week; `03_Lecture`, `lec03.md`,
`Lecture 4`, `3강`, `3회차` name a lecture or session.  A name that merely
starts with a number (`03_intro`) says nothing: numbering files is not
scheduling them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WEEK = re.compile(
    r"(?:^|[^a-z0-9])(?:week|wk|w)[\s._-]*0*(\d{1,2})(?![0-9])"
    r"|(?:^|[^0-9])0*(\d{1,2})\s*주\s*차"
    r"|(?:^|[^a-z0-9])0*(\d{1,2})[\s._-]*(?:week|wk)(?![a-z])",
    re.IGNORECASE,
)
_LECTURE = re.compile(
    r"(?:^|[^a-z0-9])(?:lecture|lec|session|class)[\s._-]*0*(\d{1,3})(?![0-9])"
    r"|(?:^|[^0-9])0*(\d{1,3})\s*(?:강|회차|차시)"
    r"|(?:^|[^a-z0-9])0*(\d{1,3})[\s._-]*(?:lecture|lec|session|class)(?![a-z])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Place:
    week: int | None = None
    lecture: int | None = None

    def under(self, outer: Place) -> Place:
        """A name deeper in the tree refines what its folders said."""
        return Place(
            self.week if self.week is not None else outer.week,
            self.lecture if self.lecture is not None else outer.lecture,
        )


def week_in(name: str) -> int | None:
    match = _WEEK.search(name)
    if match is None:
        return None
    return int(next(g for g in match.groups() if g is not None)) or None


def lecture_in(name: str) -> int | None:
    match = _LECTURE.search(name)
    if match is None:
        return None
    return int(next(g for g in match.groups() if g is not None)) or None


def place_of(name: str) -> Place:
    """What one folder, file or page name says about where its contents belong."""
    stem = re.sub(r"\.(md|markdown|txt|csv)$", "", name, flags=re.IGNORECASE)
    return Place(week_in(stem), lecture_in(stem))


def place_of_path(parts: list[str]) -> Place:
    """A path's names from the outside in: the innermost name that says something wins."""
    place = Place()
    for part in parts:
        place = place_of(part).under(place)
    return place
