"""How a command module declares its commands: a parser and the function that runs it."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from ..library import Library

    Subcommands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subcommands: TypeAlias = Any

LibraryCommand = Callable[["Library", argparse.Namespace], int]
StandaloneCommand = Callable[[argparse.Namespace], int]


def on_library(parser: argparse.ArgumentParser, run: LibraryCommand) -> None:
    """The command works on the open library (opened, upgraded if needed, and closed for it)."""
    parser.set_defaults(run=run, opens_library=True)


def standalone(parser: argparse.ArgumentParser, run: StandaloneCommand) -> None:
    """The command opens what it needs itself (the window, the backup folder)."""
    parser.set_defaults(run=run, opens_library=False)


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None
