"""Shared pieces of the commands that change a library: arguments that may clear a field, notebooks
named by title, and the one line each change prints."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..model import StudyNotesError

if TYPE_CHECKING:
    from ..library import Change, Library

CLEAR = "none"  # `--page none`: the field is emptied


def number_or_clear(value: str) -> int | None:
    """A positive number, or `none` to clear it."""
    if value.casefold() == CLEAR:
        return None
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number (or {CLEAR}): {value!r}") from None


def text_or_clear(value: str) -> str | None:
    return None if value.casefold() == CLEAR else value


def notebook_named(library: Library, title: str) -> int:
    notebook_id = library.notebook_id(title)
    if notebook_id is None:
        raise StudyNotesError(f"no notebook called {title!r} (see `studynotes tree`)")
    return notebook_id


def report(change: Change) -> int:
    """One line saying what changed (`Move note: note 4`), or that nothing needed to."""
    if change.empty:
        print(f"{change.label}: nothing to change")
        return 0
    touched = sorted({key for key in (*change.created, *change.deleted, *change.after)})
    print(f"{change.label}: " + ", ".join(f"{kind} {record}" for kind, record in touched))
    return 0
