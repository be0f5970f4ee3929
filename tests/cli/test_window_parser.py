"""Starting the window parses only the window's commands, into what the whole parser gives."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from studynotes.cli.parser import build_parser, opens_the_window

WINDOW_STARTS = [
    [],
    ["gui"],
    ["demo"],
    ["--library", "notes.sqlite3"],
    ["--library", "gui"],  # a library file named like the command
    ["--library", "notes.sqlite3", "gui", "week 1.md", "chat.txt"],
    ["--library=notes.sqlite3", "gui"],
    ["--library", "notes.sqlite3", "demo"],
]


@pytest.mark.parametrize("argv", WINDOW_STARTS)
def test_a_window_start_parses_as_with_every_command(argv: list[str]) -> None:
    assert opens_the_window(argv)
    lean = build_parser(argv).parse_args(argv)
    whole = build_parser().parse_args(argv)
    assert vars(lean) == vars(whole)


@pytest.mark.parametrize(
    "argv",
    [
        ["-h"],
        ["--library", "x.sqlite3", "--help"],
        ["--lib", "x.sqlite3", "gui"],  # an abbreviation: the whole parser decides
        ["--library"],
        ["tree"],
        ["--library", "x.sqlite3", "import", "gui"],
        ["guide"],
    ],
)
def test_anything_else_gets_the_whole_parser(argv: list[str]) -> None:
    assert not opens_the_window(argv)


def test_the_whole_parser_knows_every_command() -> None:
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert {"gui", "demo", "import", "tree", "questions", "search", "backups"} <= set(commands.choices)


def test_a_window_start_loads_no_other_command() -> None:
    probe = (
        "import json, sys; from studynotes.cli.parser import build_parser; build_parser(['gui']).parse_args(['gui']); "
        "print(json.dumps([m for m in sys.modules if m.startswith('studynotes.cli.')]))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert loaded == {
        "studynotes.cli.entry",
        "studynotes.cli.parser",
        "studynotes.cli.registry",
        "studynotes.cli.window",
    }
