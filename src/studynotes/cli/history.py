"""`history` and `restore-version`: earlier versions of a note's edited text and answers."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..model import StudyNotesError
from . import output as out
from .registry import Subcommands, on_library

if TYPE_CHECKING:
    from ..library import Library


def register(commands: Subcommands) -> None:
    history = commands.add_parser("history", help="earlier versions of a note's edited text and answers")
    history.add_argument("note_id", type=int, metavar="NOTE_ID")
    history.add_argument("--json", action="store_true")
    on_library(history, show_history)

    version = commands.add_parser("restore-version", help="put an earlier version back")
    version.add_argument("version_id", type=int, metavar="VERSION_ID")
    on_library(version, restore_version)


def show_history(library: Library, args: argparse.Namespace) -> int:
    entries = library.history(args.note_id)
    out.emit(
        [out.history_json(e) for e in entries] if args.json else out.history_text(entries), as_json=args.json
    )
    return 0


def restore_version(library: Library, args: argparse.Namespace) -> int:
    entry = library.version(args.version_id)
    if entry is None:
        raise StudyNotesError(f"no version {args.version_id} (see `studynotes history NOTE_ID`)")
    library.restore_version(entry.id)
    print(f"restored version {entry.id} of note {entry.note_id} ({entry.field})")
    return 0
