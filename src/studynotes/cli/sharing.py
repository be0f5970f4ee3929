"""`publish`, `sync` and `conflicts`: a notebook shared as a folder and through a git repository."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import StudyNotesError
from .registry import Subcommands, on_library

if TYPE_CHECKING:
    from ..library import Library


def register(commands: Subcommands) -> None:
    publish = commands.add_parser("publish", help="write a notebook as a folder of Markdown files")
    publish.add_argument("--notebook", required=True)
    publish.add_argument("folder", type=Path, metavar="DIR")
    on_library(publish, publish_notebook)

    sync = commands.add_parser("sync", help="share a notebook through a git repository (commit, merge, push)")
    sync.add_argument("--notebook", required=True)
    sync.add_argument("--remote", help="any git URL or folder (needed the first time only)")
    on_library(sync, sync_notebook)

    conflicts = commands.add_parser("conflicts", help="texts both sides of a sync edited, waiting for a pick")
    conflicts.add_argument("--notebook")
    conflicts.add_argument("--keep", choices=("mine", "theirs"), help="settle every listed conflict so")
    on_library(conflicts, list_conflicts)


def publish_notebook(library: Library, args: argparse.Namespace) -> int:
    from ..sharing.publish import publish

    result = publish(library, args.notebook, args.folder)
    print(f"published {result.notes} note(s) to {result.folder} ({result.written} file(s) written)")
    return 0


def sync_notebook(library: Library, args: argparse.Namespace) -> int:
    from ..sharing.sync import sync

    report = sync(library, args.notebook, args.remote)
    print(report.summary())
    for line in report.notes.conflicts:
        print(f"  conflict: {line}")
    for line in report.notes.kept_over_delete:
        print(f"  kept (edited here, deleted there): {line}")
    for line in report.notes.later_status:
        print(f"  status: {line}")
    return 0


def list_conflicts(library: Library, args: argparse.Namespace) -> int:
    notebook_id = None
    if args.notebook:
        notebook_id = library.notebook_id(args.notebook)
        if notebook_id is None:
            raise StudyNotesError(f"no notebook called {args.notebook!r}")
    found = library.conflicts(notebook_id)
    for conflict in found:
        if args.keep:
            library.resolve_conflict(
                conflict.cell_id, conflict.field, conflict.ours if args.keep == "mine" else conflict.theirs
            )
        print(f"{conflict.note_title} · {conflict.field} (cell {conflict.cell_id})")
        print(f"  mine:   {_line(conflict.ours)}")
        print(f"  theirs: {_line(conflict.theirs)}")
    if not found:
        print("no conflicts")
    elif args.keep:
        print(f"settled {len(found)} conflict(s), keeping {args.keep}")
    return 0


def _line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 100 else flat[:99] + "…"
