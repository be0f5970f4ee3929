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
    out.emit_rows(
        out.iter_tree_json(library),
        as_json=args.json,
        to_json=lambda notebook: notebook,
        to_text=out.notebook_text,
        empty=out.TREE_EMPTY,
    )
    return 0


def list_notes(library: Library, args: argparse.Namespace) -> int:
    notes = library.iter_notes(notebook=args.notebook, week=args.week)
    out.emit_rows(
        notes, as_json=args.json, to_json=out.note_json, to_text=out.note_line, empty=out.NOTES_EMPTY
    )
    return 0


def list_questions(library: Library, args: argparse.Namespace) -> int:
    from ..library import QuestionFilter

    where = QuestionFilter(
        status=args.status, notebook=args.notebook, week=args.week, lecture=args.lecture, asker=args.asker
    )
    if args.json:
        out.emit_json_pieces(library.iter_questions_json(where))
        return 0
    rows = library.iter_questions(where)
    out.emit_rows(
        rows,
        as_json=args.json,
        to_json=out.question_json,
        to_text=out.question_line,
        empty=out.QUESTIONS_EMPTY,
    )
    return 0


def search_text(library: Library, args: argparse.Namespace) -> int:
    hits = library.search(args.query)
    out.emit_rows(hits, as_json=args.json, to_json=out.hit_json, to_text=out.hit_line, empty=out.HITS_EMPTY)
    return 0
