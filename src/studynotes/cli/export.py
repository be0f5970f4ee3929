"""`export` and `render`: a week as Markdown, a note as the preview's HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import StudyNotesError
from .registry import Subcommands, on_library

if TYPE_CHECKING:
    from ..library import Library


def register(commands: Subcommands) -> None:
    export = commands.add_parser("export", help="a week as Markdown")
    export.add_argument("--notebook", required=True)
    export.add_argument("--week", type=int, required=True)
    export.add_argument("--open-only", action="store_true", help="only the open questions")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    on_library(export, export_week)

    render = commands.add_parser("render", help="a note as the HTML the preview shows")
    render.add_argument("note_id", type=int, metavar="NOTE_ID")
    render.add_argument("--theme", choices=("light", "dark"), default="light")
    render.add_argument("-o", "--output", type=Path)
    on_library(render, render_note)


def export_week(library: Library, args: argparse.Namespace) -> int:
    from ..export import gather_week, week_to_markdown, write_export

    markdown, files = week_to_markdown(
        gather_week(library, args.notebook, args.week), open_only=args.open_only
    )
    if args.output:
        write_export(markdown, files, args.output)
        print(f"wrote {args.output}" + (f" and {len(files)} image(s)" if files else ""), file=sys.stderr)
    else:
        sys.stdout.write(markdown)
    return 0


def render_note(library: Library, args: argparse.Namespace) -> int:
    from ..render import render_note as to_html

    note = library.note(args.note_id)
    if note is None:
        raise StudyNotesError(f"no note {args.note_id} (see `studynotes notes`)")
    html = to_html(note, theme=args.theme)
    if args.output:
        args.output.write_text(html, encoding="utf-8")
    else:
        sys.stdout.write(html)
    return 0
