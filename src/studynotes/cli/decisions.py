"""`mark-question` and `not-question`: correcting which paragraphs are questions, for good."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..model import StudyNotesError
from .registry import Subcommands, on_library

if TYPE_CHECKING:
    from ..library import Library


def register(commands: Subcommands) -> None:
    make = commands.add_parser(
        "mark-question", help="make the paragraph of a note containing TEXT a question (kept on re-import)"
    )
    make.add_argument("note_id", type=int, metavar="NOTE_ID")
    make.add_argument("text", metavar="TEXT")
    on_library(make, mark_question)
    dismiss = commands.add_parser("not-question", help="turn questions back into text (kept on re-import)")
    dismiss.add_argument("ids", nargs="+", type=int, metavar="ID")
    on_library(dismiss, not_question)


def mark_question(library: Library, args: argparse.Namespace) -> int:
    try:
        change = library.make_question(args.note_id, args.text)
    except StudyNotesError as error:
        print(f"studynotes: {error}", file=sys.stderr)
        return 1
    for _kind, question_id in change.created:
        print(f"{question_id}: a question")
    return 0


def not_question(library: Library, args: argparse.Namespace) -> int:
    failed = 0
    for question_id in args.ids:
        try:
            library.dismiss_question(question_id)
            print(f"{question_id}: not a question")
        except StudyNotesError as error:
            print(f"studynotes: {error}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0
