"""`install-desktop`: studynotes in the desktop's launcher, with "Open with" for its files."""

from __future__ import annotations

import argparse

from ..model import StudyNotesError
from . import output as out
from .registry import Subcommands, standalone


def register(commands: Subcommands) -> None:
    install = commands.add_parser(
        "install-desktop",
        help="add studynotes to the desktop's launcher and its Open with menu (for this user only)",
    )
    install.add_argument("--uninstall", action="store_true", help="remove what install-desktop added")
    standalone(install, install_desktop)


def install_desktop(args: argparse.Namespace) -> int:
    import subprocess  # here, not at every start of the command line or the window

    from ..system.desktop_entry import install

    try:
        done = install(uninstall=args.uninstall)
    except (OSError, subprocess.SubprocessError) as error:
        raise StudyNotesError(f"could not add studynotes to the launcher: {error}") from error
    lines = [f"wrote {p}" for p in done.written] + [f"removed {p}" for p in done.removed] + done.notes
    out.emit("\n".join(lines) or "nothing to remove", as_json=False)
    return 0
