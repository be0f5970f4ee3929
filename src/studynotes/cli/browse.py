"""`tree`, `notes`, `questions`, `search`: reading the library, as text or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from . import output as out
from .registry import Subcommands, on_library

if TYPE_CHECKING:
    from ..library import Library


def register(commands: Subcommands) -> None:
    tree = commands.add_parser("tree", help="notebooks, weeks, lectures and notes with open/total counts")
    tree.add_argument("--json", action="store_true")
    on_library(tree, show_tree)

    notes = commands.add_parser("notes", help="list notes")
    notes.add_argument("--notebook")
    notes.add_argument("--week", type=int)
    notes.add_argument("--json", action="store_true")
    on_library(notes, list_notes)

    questions = commands.add_parser("questions", help="list questions")
    questions.add_argument("--status", choices=("open", "answered"))
    questions.add_argument("--notebook")
    questions.add_argument("--week", type=int)
    questions.add_argument("--lecture", type=int)
    questions.add_argument("--asker")
    questions.add_argument("--json", action="store_true")
    on_library(questions, list_questions)

    search = commands.add_parser("search", help="find text in questions and notes (Korean or English)")
    search.add_argument("query")
    search.add_argument("--json", action="store_true")
    on_library(search, search_text)


def show_tree(library: Library, args: argparse.Namespace) -> int:
    out.emit(out.tree_json(library) if args.json else out.tree_text(library), as_json=args.json)
    return 0


def list_notes(library: Library, args: argparse.Namespace) -> int:
    infos = library.notes(notebook=args.notebook, week=args.week)
    out.emit([out.note_json(n) for n in infos] if args.json else out.notes_text(infos), as_json=args.json)
    return 0


def list_questions(library: Library, args: argparse.Namespace) -> int:
    from ..library import QuestionFilter

    rows = library.questions(
        QuestionFilter(
            status=args.status, notebook=args.notebook, week=args.week, lecture=args.lecture, asker=args.asker
        )
    )
    out.emit(
        [out.question_json(q) for q in rows] if args.json else out.questions_text(rows), as_json=args.json
    )
    return 0


def search_text(library: Library, args: argparse.Namespace) -> int:
    hits = library.search(args.query)
    out.emit([out.hit_json(h) for h in hits] if args.json else out.hits_text(hits), as_json=args.json)
    return 0
