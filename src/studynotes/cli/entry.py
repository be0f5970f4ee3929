"""`studynotes [--library PATH] [COMMAND]`: open the library for the command, errors as one line."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Sequence

from ..model import StudyNotesError
from ..paths import default_library_path
from ..system.crash_log import log_crash
from .parser import build_parser

log = logging.getLogger("studynotes")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(arguments).parse_args(arguments)
    try:
        if args.opens_library:
            return _on_library(args)
        result: int = args.run(args)
        return result
    except StudyNotesError as error:
        print(f"studynotes: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("studynotes: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 (the last line of defence: one line, details in the log)
        where = log_crash(error)
        print(f"studynotes: unexpected error: {error} (details in {where})", file=sys.stderr)
        return 1


def _on_library(args: argparse.Namespace) -> int:
    from ..library import Library
    from ..library.connection import needs_upgrade

    path = args.library or default_library_path()
    if needs_upgrade(path):
        print(
            f"{path}: updating the library for this version (a backup copy is kept first)…", file=sys.stderr
        )
    library = Library.open(path)
    try:
        result: int = args.run(library, args)
        return result
    except sqlite3.DatabaseError as error:
        from ..library.damage import damaged, is_damage

        if is_damage(error):
            raise damaged(path, str(error)) from None
        raise
    finally:
        library.close()


if __name__ == "__main__":
    sys.exit(main())
