"""`people`: a notebook's instructors and the display names that are one person.

`studynotes people --notebook "ML 2021" --instructor "이영희" --same-person "길동 (20학번)=홍길동"`
stores the setting with the notebook, applies it to the questions already there
and to every later import; without options it prints the setting.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..model import StudyNotesError
from . import output as out
from .registry import Subcommands, on_library

if TYPE_CHECKING:
    from ..library import ChatPeople, Library


def add_people_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--instructor",
        dest="instructors",
        action="append",
        default=[],
        metavar="NAME",
        help="whose chat answers are the instructor's or mentor's (repeatable; kept with the notebook)",
    )
    parser.add_argument(
        "--same-person",
        dest="same_person",
        action="append",
        default=[],
        type=_alias,
        metavar="NAME=PERSON",
        help="another display name of one person, e.g. '길동 (20학번)=홍길동' (repeatable; kept with the notebook)",
    )


def register(commands: Subcommands) -> None:
    cmd = commands.add_parser("people", help="a notebook's instructors and merged display names")
    cmd.add_argument("--notebook", required=True)
    add_people_options(cmd)
    cmd.add_argument("--clear", action="store_true", help="forget the notebook's instructors and names first")
    cmd.add_argument("--json", action="store_true")
    on_library(cmd, people_command)


def chosen_people(args: argparse.Namespace) -> ChatPeople:
    from ..library import ChatPeople

    return ChatPeople(tuple(args.instructors), tuple(args.same_person))


def people_command(library: Library, args: argparse.Namespace) -> int:
    from ..library import ChatPeople

    notebook_id = library.notebook_id(args.notebook)
    if notebook_id is None:
        raise StudyNotesError(f"no notebook called {args.notebook!r}")
    current = library.chat_people(notebook_id)
    changed = 0
    if args.clear or args.instructors or args.same_person:
        base = ChatPeople() if args.clear else current
        change = library.set_chat_people(notebook_id, base.merged(chosen_people(args)))
        current, changed = library.chat_people(notebook_id), len(change.ids("question"))
    if args.json:
        out.emit({**current.properties(), "questions_changed": changed}, as_json=True)
        return 0
    print(f"instructors: {', '.join(current.instructors) or '(none named)'}")
    for written, person in current.aliases:
        print(f"same person: {written} = {person}")
    if changed:
        print(f"{changed} question(s) updated")
    return 0


def _alias(value: str) -> tuple[str, str]:
    from ..importers.chat_people import parse_alias

    try:
        return parse_alias(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
