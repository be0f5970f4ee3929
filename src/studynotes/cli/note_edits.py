"""`add-note`, `rename-note`, `move-note`, `delete-note`, `add-notebook`, `rename-notebook`, `schedule`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .editing import notebook_named, report
from .registry import Subcommands, iso_date, on_library

if TYPE_CHECKING:
    from ..library import Library


def register(commands: Subcommands) -> None:
    add = commands.add_parser("add-note", help="a new, empty note in a notebook")
    add.add_argument("title")
    add.add_argument("--notebook", required=True)
    add.add_argument("--week", type=int)
    add.add_argument("--lecture", type=int)
    on_library(add, add_note)

    rename = commands.add_parser("rename-note", help="give a note another title")
    rename.add_argument("note_id", type=int, metavar="NOTE_ID")
    rename.add_argument("title")
    on_library(rename, rename_note)

    move = commands.add_parser("move-note", help="put a note in a week and lecture (no week: Unsorted)")
    move.add_argument("note_id", type=int, metavar="NOTE_ID")
    move.add_argument("--week", type=int)
    move.add_argument("--lecture", type=int)
    on_library(move, move_note)

    delete = commands.add_parser("delete-note", help="remove a note with its questions")
    delete.add_argument("note_id", type=int, metavar="NOTE_ID")
    on_library(delete, delete_note)

    new = commands.add_parser("add-notebook", help="a new, empty notebook")
    new.add_argument("title")
    on_library(new, add_notebook)

    notebook = commands.add_parser("rename-notebook", help="give a notebook another title")
    notebook.add_argument("notebook", metavar="TITLE")
    notebook.add_argument("title", metavar="NEW_TITLE")
    on_library(notebook, rename_notebook)

    schedule = commands.add_parser("schedule", help="a notebook's start date and study days per week")
    schedule.add_argument("notebook", metavar="TITLE")
    schedule.add_argument("--start", type=iso_date, help="YYYY-MM-DD (left out: none)")
    schedule.add_argument("--days", type=int, default=5, help="study days per week (default 5)")
    on_library(schedule, set_schedule)


def add_note(library: Library, args: argparse.Namespace) -> int:
    notebook_id = notebook_named(library, args.notebook)
    return report(library.add_note(notebook_id, args.title, week=args.week, lecture=args.lecture))


def rename_note(library: Library, args: argparse.Namespace) -> int:
    return report(library.rename_note(args.note_id, args.title))


def move_note(library: Library, args: argparse.Namespace) -> int:
    return report(library.move_note(args.note_id, week=args.week, lecture=args.lecture))


def delete_note(library: Library, args: argparse.Namespace) -> int:
    return report(library.delete_note(args.note_id))


def add_notebook(library: Library, args: argparse.Namespace) -> int:
    return report(library.add_notebook(args.title))


def rename_notebook(library: Library, args: argparse.Namespace) -> int:
    return report(library.rename_notebook(notebook_named(library, args.notebook), args.title))


def set_schedule(library: Library, args: argparse.Namespace) -> int:
    return report(library.set_schedule(notebook_named(library, args.notebook), args.start, args.days))
