"""`resolve` and `reopen`: a question's status."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..model import StudyNotesError
from .registry import Subcommands, on_library

if TYPE_CHECKING:
    from ..library import Library


def register(commands: Subcommands) -> None:
    for name, text in (("resolve", "mark questions answered"), ("reopen", "mark questions open")):
        cmd = commands.add_parser(name, help=text)
        cmd.add_argument("ids", nargs="+", type=int, metavar="ID")
        on_library(cmd, set_status)


def set_status(library: Library, args: argparse.Namespace) -> int:
    status = "answered" if args.command == "resolve" else "open"
    failed = 0
    for question_id in args.ids:
        try:
            library.set_status(question_id, status)
            print(f"{question_id}: {status}")
        except StudyNotesError as error:
            print(f"studynotes: {error}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0
