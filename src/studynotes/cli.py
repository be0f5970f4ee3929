"""The command line: a stable contract for scripts and tests, and the app's launcher.

Exit status: 0 success, 1 when something could not be done (a file not
imported, an unknown id), 2 for usage errors.  Errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import cli_output as out
from .model import ImportContext, StudyNotesError
from .paths import default_library_path
from .window_libraries import missing_libraries_message, missing_window_libraries

if TYPE_CHECKING:
    from .library import Library

log = logging.getLogger("studynotes")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="studynotes", description="A desktop notebook for study groups.")
    parser.add_argument(
        "--library", type=Path, help="the library file (default: $STUDYNOTES_LIBRARY or the user data folder)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("gui", help="open the window (the default)")
    commands.add_parser("demo", help="open the window on a fresh library holding the sample notebooks")

    imp = commands.add_parser("import", help="import files or folders")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--notebook", help="notebook title (default: from the document or the folder)")
    imp.add_argument("--week", type=int)
    imp.add_argument("--lecture", type=int)
    imp.add_argument("--date", type=_date, help="YYYY-MM-DD, for files that do not say")
    imp.add_argument("--format", dest="format_name", help="skip recognition and read as this format")
    imp.add_argument(
        "--map",
        dest="columns",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="a Notion database column's field (question, status, asker, answer, week, lecture, page, "
        "time, date, tags, title, property, ignore)",
    )
    imp.add_argument("--json", action="store_true")

    tree = commands.add_parser("tree", help="notebooks, weeks, lectures and notes with open/total counts")
    tree.add_argument("--json", action="store_true")

    notes = commands.add_parser("notes", help="list notes")
    notes.add_argument("--notebook")
    notes.add_argument("--week", type=int)
    notes.add_argument("--json", action="store_true")

    questions = commands.add_parser("questions", help="list questions")
    questions.add_argument("--status", choices=("open", "answered"))
    questions.add_argument("--notebook")
    questions.add_argument("--week", type=int)
    questions.add_argument("--lecture", type=int)
    questions.add_argument("--asker")
    questions.add_argument("--json", action="store_true")

    for name, text in (("resolve", "mark questions answered"), ("reopen", "mark questions open")):
        cmd = commands.add_parser(name, help=text)
        cmd.add_argument("ids", nargs="+", type=int, metavar="ID")

    search = commands.add_parser("search", help="find text in questions and notes (Korean or English)")
    search.add_argument("query")
    search.add_argument("--json", action="store_true")

    export = commands.add_parser("export", help="a week as Markdown")
    export.add_argument("--notebook", required=True)
    export.add_argument("--week", type=int, required=True)
    export.add_argument("--open-only", action="store_true", help="only the open questions")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")

    history = commands.add_parser("history", help="earlier versions of a note's edited text and answers")
    history.add_argument("note_id", type=int, metavar="NOTE_ID")
    history.add_argument("--json", action="store_true")
    version = commands.add_parser("restore-version", help="put an earlier version back")
    version.add_argument("version_id", type=int, metavar="VERSION_ID")

    backups = commands.add_parser("backups", help="list the backup copies of the library")
    backups.add_argument("--json", action="store_true")
    restore = commands.add_parser(
        "restore", help="replace the library with a backup (the current file is kept)"
    )
    restore.add_argument("backup", type=Path, metavar="FILE")

    render = commands.add_parser("render", help="a note as the HTML the preview shows")
    render.add_argument("note_id", type=int, metavar="NOTE_ID")
    render.add_argument("--theme", choices=("light", "dark"), default="light")
    render.add_argument("-o", "--output", type=Path)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    try:
        if command in ("gui", "demo"):
            if not _has_display():
                raise StudyNotesError(
                    "no display to open the window on; the command line works without one (studynotes --help)"
                )
            missing = missing_window_libraries()
            if missing:
                raise StudyNotesError(missing_libraries_message(missing))
            from .ui.app import run

            return run(library_path=args.library, demo=command == "demo")
        return _run(command, args)
    except StudyNotesError as error:
        print(f"studynotes: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("studynotes: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 (the last line of defence: one line, details in the log)
        where = out.log_crash(error)
        print(f"studynotes: unexpected error: {error} (details in {where})", file=sys.stderr)
        return 1


def _has_display() -> bool:
    """Qt aborts the process without a display; say so in one line instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run(command: str, args: argparse.Namespace) -> int:
    from .library import Library, QuestionFilter
    from .library.connection import needs_upgrade

    path = args.library or default_library_path()
    if command in ("backups", "restore"):
        return _backups(command, path, args)
    if needs_upgrade(path):
        print(
            f"{path}: updating the library for this version (a backup copy is kept first)…", file=sys.stderr
        )
    library = Library.open(path)
    try:
        if command == "import":
            return _import(library, args)
        if command == "tree":
            out.emit(out.tree_json(library) if args.json else out.tree_text(library), as_json=args.json)
        elif command == "notes":
            infos = library.notes(notebook=args.notebook, week=args.week)
            out.emit(
                [out.note_json(n) for n in infos] if args.json else out.notes_text(infos), as_json=args.json
            )
        elif command == "questions":
            rows = library.questions(
                QuestionFilter(
                    status=args.status,
                    notebook=args.notebook,
                    week=args.week,
                    lecture=args.lecture,
                    asker=args.asker,
                )
            )
            out.emit(
                [out.question_json(q) for q in rows] if args.json else out.questions_text(rows),
                as_json=args.json,
            )
        elif command in ("resolve", "reopen"):
            return _set_status(library, args.ids, "answered" if command == "resolve" else "open")
        elif command == "search":
            hits = library.search(args.query)
            out.emit([out.hit_json(h) for h in hits] if args.json else out.hits_text(hits), as_json=args.json)
        elif command == "export":
            return _export(library, args)
        elif command == "render":
            return _render(library, args)
        elif command == "history":
            entries = library.history(args.note_id)
            out.emit(
                [out.history_json(e) for e in entries] if args.json else out.history_text(entries),
                as_json=args.json,
            )
        elif command == "restore-version":
            entry = library.restore_version(args.version_id)
            print(f"restored version {entry.id} of note {entry.note_id} ({entry.field})")
        return 0
    finally:
        library.close()


def _import(library: Library, args: argparse.Namespace) -> int:
    from .importers.notion_columns import parse_overrides
    from .importing import import_paths

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


def _set_status(library: Library, ids: list[int], status: str) -> int:
    failed = 0
    for question_id in ids:
        try:
            library.set_status(question_id, status)
            print(f"{question_id}: {status}")
        except StudyNotesError as error:
            print(f"studynotes: {error}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def _export(library: Library, args: argparse.Namespace) -> int:
    from .export import gather_week, week_to_markdown, write_export

    markdown, files = week_to_markdown(
        gather_week(library, args.notebook, args.week), open_only=args.open_only
    )
    if args.output:
        write_export(markdown, files, args.output)
        print(f"wrote {args.output}" + (f" and {len(files)} image(s)" if files else ""), file=sys.stderr)
    else:
        sys.stdout.write(markdown)
    return 0


def _backups(command: str, path: Path, args: argparse.Namespace) -> int:
    from .library.backups import list_backups, restore_backup

    if command == "backups":
        found = list_backups(path)
        out.emit(
            [out.backup_json(b) for b in found] if args.json else out.backups_text(found), as_json=args.json
        )
        return 0
    safety = restore_backup(path, args.backup)
    print(f"restored {args.backup}; the previous library was kept as {safety}")
    return 0


def _render(library: Library, args: argparse.Namespace) -> int:
    from .render import render_note

    note = library.note(args.note_id)
    if note is None:
        raise StudyNotesError(f"no note {args.note_id} (see `studynotes notes`)")
    html = render_note(note, theme=args.theme)
    if args.output:
        args.output.write_text(html, encoding="utf-8")
    else:
        sys.stdout.write(html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
