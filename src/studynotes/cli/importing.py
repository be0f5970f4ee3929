"""`import`: files and folders into the library, with a summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import ImportContext, StudyNotesError
from . import output as out
from .people import add_people_options, chosen_people
from .registry import Subcommands, iso_date, on_library

if TYPE_CHECKING:
    from ..library import Library


def register(commands: Subcommands) -> None:
    imp = commands.add_parser("import", help="import files or folders")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--notebook", help="notebook title (default: from the document or the folder)")
    imp.add_argument("--week", type=int)
    imp.add_argument("--lecture", type=int)
    imp.add_argument("--date", type=iso_date, help="YYYY-MM-DD, for files that do not say")
    imp.add_argument("--format", dest="format_name", help="skip recognition and read as this format")
    imp.add_argument(
        "--map",
        dest="columns",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="the field a Notion database column holds (question, status, asker, answer, week, "
        "lecture, page, time, date, tags, title, property, ignore)",
    )
    imp.add_argument("--json", action="store_true")
    add_people_options(imp)
    on_library(imp, import_files)


def import_files(library: Library, args: argparse.Namespace) -> int:
    from ..importers.notion_columns import parse_overrides
    from ..importing import import_paths
    from ..sharing.publish import import_folder, is_published_folder

    published = [path for path in args.paths if is_published_folder(path)]
    for folder in published:
        title, notes = import_folder(library, folder, title=args.notebook)
        print(f"{folder}: notebook {title!r} with {notes} note(s)")
    args.paths = [path for path in args.paths if path not in published]
    if not args.paths:
        return 0
    if args.instructors or args.same_person:
        if not args.notebook:
            raise StudyNotesError(
                "--instructor and --same-person are notebook settings: name the notebook with --notebook"
            )
        notebook_id = library.ensure_notebook(args.notebook)
        library.set_chat_people(notebook_id, library.chat_people(notebook_id).merged(chosen_people(args)))
    context = ImportContext(date=args.date, week=args.week, lecture=args.lecture)
    report = import_paths(
        library,
        args.paths,
        notebook=args.notebook,
        context=context,
        format_name=args.format_name,
        columns=parse_overrides(args.columns),
    )
    if args.json:
        out.emit(out.report_json(report), as_json=True)
    else:
        print(out.report_text(report))
    for error in report.errors:
        print(f"studynotes: {error}", file=sys.stderr)
    return 1 if report.errors else 0
