"""`delete-notebook`, `deleted`, `restore-deleted` and `purge-deleted`: what is deleted stays
until it is restored, or purged for good."""

from __future__ import annotations

import argparse
import dataclasses
from typing import TYPE_CHECKING

from . import output as out
from .editing import notebook_named
from .registry import Subcommands, on_library

if TYPE_CHECKING:
    from ..library import Change, DeletedItem, Library


def register(commands: Subcommands) -> None:
    delete = commands.add_parser(
        "delete-notebook", help="remove a notebook with everything in it (restore-deleted brings it back)"
    )
    delete.add_argument("notebook", metavar="TITLE")
    on_library(delete, delete_notebook)

    listing = commands.add_parser("deleted", help="deleted notes and notebooks that can be restored")
    listing.add_argument("--json", action="store_true")
    on_library(listing, show_deleted)

    restore = commands.add_parser("restore-deleted", help="bring back a deleted note or notebook")
    restore.add_argument("deleted_id", type=int, metavar="ID", help="its number in `studynotes deleted`")
    on_library(restore, restore_deleted)

    purge = commands.add_parser(
        "purge-deleted", help="forget a deleted note or notebook for good (--all: every one); no undo"
    )
    which = purge.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "deleted_id", type=int, nargs="?", metavar="ID", help="its number in `studynotes deleted`"
    )
    which.add_argument("--all", action="store_true", help="empty the whole deleted list")
    on_library(purge, purge_deleted)


def delete_notebook(library: Library, args: argparse.Namespace) -> int:
    change = library.delete_notebook(notebook_named(library, args.notebook))
    kept = change.inverse.kwargs()["deleted_id"] if change.inverse else None
    print(
        f"{change.label}: {args.notebook} ({_size(change)}); `studynotes restore-deleted {kept}` brings it back"
    )
    return 0


def show_deleted(library: Library, args: argparse.Namespace) -> int:
    out.emit_rows(
        library.deleted_items(),
        as_json=args.json,
        to_json=lambda item: {k: v for k, v in dataclasses.asdict(item).items() if k != "text"},
        to_text=_line,
        empty="nothing deleted",
    )
    return 0


def restore_deleted(library: Library, args: argparse.Namespace) -> int:
    change = library.restore_deleted(args.deleted_id)
    kind = "notebook" if change.ids("notebook") else "note"
    ident = min(change.ids(kind))
    print(f"{change.label}: {kind} {ident} ({_size(change)})")
    return 0


def purge_deleted(library: Library, args: argparse.Namespace) -> int:
    count = len(library.deleted_items()) if args.all else 1
    library.purge_deleted(None if args.all else args.deleted_id)
    print(f"deleted permanently: {count} {'item' if count == 1 else 'items'}")
    return 0


def _line(item: DeletedItem) -> str:
    where = "" if item.kind == "notebook" else f" in {item.notebook}"
    size = f"{item.notes} notes, " if item.kind == "notebook" else ""
    return f"{item.id}  {item.kind} {item.title!r}{where} ({size}{item.questions} questions) · deleted {item.deleted_at}"


def _size(change: Change) -> str:
    return f"{len(change.ids('note'))} notes, {len(change.ids('question'))} questions"
