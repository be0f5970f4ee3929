"""`backups` and `restore`: the library's backup copies (they work on the file, not an open library)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..paths import default_library_path
from . import output as out
from .registry import Subcommands, standalone


def register(commands: Subcommands) -> None:
    backups = commands.add_parser("backups", help="list the backup copies of the library")
    backups.add_argument("--json", action="store_true")
    standalone(backups, list_backups)

    restore = commands.add_parser(
        "restore", help="replace the library with a backup (the current file is kept)"
    )
    restore.add_argument("backup", type=Path, metavar="FILE")
    standalone(restore, restore_backup)


def list_backups(args: argparse.Namespace) -> int:
    from ..library.backups import list_backups as found_backups

    found = found_backups(args.library or default_library_path())
    out.emit([out.backup_json(b) for b in found] if args.json else out.backups_text(found), as_json=args.json)
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    from ..library.backups import restore_backup as restore

    safety = restore(args.library or default_library_path(), args.backup)
    print(f"restored {args.backup}; the previous library was kept as {safety}")
    return 0
