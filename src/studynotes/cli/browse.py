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
    if args.json:
        out.emit_json_array(out.iter_tree_json(library))
    else:
        out.emit_lines(out.iter_tree_lines(library), out.TREE_EMPTY)
    return 0


def list_notes(library: Library, args: argparse.Namespace) -> int:
    notes = library.iter_notes(notebook=args.notebook, week=args.week)
    if args.json:
        out.emit_json_array(out.note_json(n) for n in notes)
    else:
        out.emit_lines((out.note_line(n) for n in notes), out.NOTES_EMPTY)
    return 0


def list_questions(library: Library, args: argparse.Namespace) -> int:
    from ..library import QuestionFilter

    rows = library.iter_questions(
        QuestionFilter(
            status=args.status, notebook=args.notebook, week=args.week, lecture=args.lecture, asker=args.asker
        )
    )
    if args.json:
        out.emit_json_array(out.question_json(q) for q in rows)
    else:
        out.emit_lines((out.question_line(q) for q in rows), out.QUESTIONS_EMPTY)
    return 0


def search_text(library: Library, args: argparse.Namespace) -> int:
    hits = library.search(args.query)
    if args.json:
        out.emit_json_array(out.hit_json(h) for h in hits)
    else:
        out.emit_lines((out.hit_line(h) for h in hits), out.HITS_EMPTY)
    return 0
