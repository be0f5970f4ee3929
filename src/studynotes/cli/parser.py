"""The argument parser: the global options, then every command group's own commands."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path

from .registry import standalone

# One line per command group, the name of its module; a new command is a new module and a line here.
COMMAND_GROUPS = (
    "window",
    "importing",
    "people",
    "browse",
    "status",
    "question_edits",
    "cells",
    "note_edits",
    "deleting",
    "decisions",
    "export",
    "history",
    "backups",
    "desktop",
    "review",
    "sharing",
)
WINDOW_COMMANDS = ("gui", "demo")  # the window group's commands


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Every command's parser; for `argv` that open the window (the app's usual start) only the
    window's commands: the others' modules and parsers cost the window's start 20-30 ms."""
    from . import window

    parser = argparse.ArgumentParser(prog="studynotes", description="A desktop notebook for study groups.")
    parser.add_argument(
        "--library", type=Path, help="the library file (default: $STUDYNOTES_LIBRARY or the user data folder)"
    )
    standalone(parser, window.open_window)  # no command: the window
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    names = ("window",) if argv is not None and opens_the_window(argv) else COMMAND_GROUPS
    for name in names:
        import_module(f"{__package__}.{name}").register(commands)
    return parser


def opens_the_window(argv: Sequence[str]) -> bool:
    """`[--library PATH] [gui|demo ...]` exactly, the global option spelled out: anything else
    (help, an abbreviated option, another command, a mistake) gets the whole parser and its
    messages."""
    rest = list(argv)
    if rest[:1] == ["--library"] and len(rest) >= 2:
        rest = rest[2:]
    elif rest[:1] and rest[0].startswith("--library="):
        rest = rest[1:]
    if not rest:
        return True
    return rest[0] in WINDOW_COMMANDS
