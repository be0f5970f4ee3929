"""The argument parser: the global options, then every command group's own commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import (
    backups,
    browse,
    cells,
    decisions,
    deleting,
    desktop,
    export,
    history,
    importing,
    note_edits,
    people,
    question_edits,
    review,
    sharing,
    status,
    window,
)
from .registry import standalone

# One line per command group; a new command is a new module and a line here.
COMMAND_GROUPS = (
    window,
    importing,
    people,
    browse,
    status,
    question_edits,
    cells,
    note_edits,
    deleting,
    decisions,
    export,
    history,
    backups,
    desktop,
    review,
    sharing,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="studynotes", description="A desktop notebook for study groups.")
    parser.add_argument(
        "--library", type=Path, help="the library file (default: $STUDYNOTES_LIBRARY or the user data folder)"
    )
    standalone(parser, window.open_window)  # no command: the window
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser
