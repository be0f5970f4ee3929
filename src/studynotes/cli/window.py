"""`gui` and `demo`: the window, after checking it can open here."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

from ..model import StudyNotesError
from ..system.display import has_display
from ..system.x11_libraries import missing_libraries_message, missing_window_libraries
from .registry import Subcommands, standalone


def register(commands: Subcommands) -> None:
    gui = commands.add_parser("gui", help="open the window (the default); files given are offered for import")
    gui.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="files to import (a launcher's Open with)"
    )
    standalone(gui, open_window)
    demo = commands.add_parser("demo", help="open the window on a fresh library holding the sample notebooks")
    standalone(demo, open_window)


def open_window(args: argparse.Namespace) -> int:
    if not has_display():
        raise StudyNotesError(
            "no display to open the window on; the command line works without one (studynotes --help)"
        )
    missing = missing_window_libraries()
    if missing:
        raise StudyNotesError(missing_libraries_message(missing))
    # Python's collector pauses until the window is first painted (ui/app.py starts it again):
    # loading the modules and building the window leave some 45,000 objects for it to track,
    # nearly all of which live on; its passes over them (20 million instructions at start) found
    # about a hundred to free.
    gc.disable()
    try:
        # The library and the list's plain-text renderers are loaded before Qt: PySide6 reads
        # the source of every module imported after it, looking for its `__feature__` switch.
        from .. import library  # noqa: F401
        from ..render import paged, plain_text  # noqa: F401
        from ..ui.app import run

        return run(library_path=args.library, demo=args.command == "demo", files=getattr(args, "files", None))
    finally:
        gc.enable()
