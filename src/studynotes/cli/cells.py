"""`cells`, `add-cell`, `edit-cell`, `delete-cell`, `move-cell`: a note's cells, by id."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..model import Cell, Question, StudyNotesError
from . import output as out
from .editing import report
from .registry import Subcommands, on_library

if TYPE_CHECKING:
    from ..library import Library


def register(commands: Subcommands) -> None:
    cells = commands.add_parser("cells", help="a note's cells in order, with their ids")
    cells.add_argument("note_id", type=int, metavar="NOTE_ID")
    cells.add_argument("--json", action="store_true")
    on_library(cells, list_cells)

    add = commands.add_parser("add-cell", help="add text or a question to a note")
    add.add_argument("note_id", type=int, metavar="NOTE_ID")
    what = add.add_mutually_exclusive_group(required=True)
    what.add_argument("--text", help="Markdown")
    what.add_argument("--question", help="the question's text")
    add.add_argument("--position", type=int, help="0 for the first place (default: the end)")
    on_library(add, add_cell)

    edit = commands.add_parser("edit-cell", help="replace a text cell's Markdown")
    edit.add_argument("cell_id", type=int, metavar="CELL_ID")
    edit.add_argument("markdown")
    on_library(edit, edit_cell)

    delete = commands.add_parser("delete-cell", help="remove a cell (and its question)")
    delete.add_argument("cell_id", type=int, metavar="CELL_ID")
    on_library(delete, delete_cell)

    move = commands.add_parser("move-cell", help="move a cell to another place in its note")
    move.add_argument("cell_id", type=int, metavar="CELL_ID")
    move.add_argument("position", type=int, metavar="POSITION")
    on_library(move, move_cell)


def list_cells(library: Library, args: argparse.Namespace) -> int:
    note = library.note(args.note_id)
    if note is None:
        raise StudyNotesError(f"no note {args.note_id} (see `studynotes notes`)")
    rows = [
        {
            "id": cell.id,
            "kind": cell.kind,
            "question_id": cell.question.id if cell.question else None,
            "text": cell.question.text if cell.question else cell.markdown,
        }
        for cell in note.cells
    ]
    if args.json:
        out.emit(rows, as_json=True)
    else:
        lines = [f"[{r['id']}] {r['kind']}: {' '.join(str(r['text']).split())[:100]}" for r in rows]
        out.emit("\n".join(lines) or "No cells.", as_json=False)
    return 0


def add_cell(library: Library, args: argparse.Namespace) -> int:
    cell = Cell.asking(Question(text=args.question)) if args.question is not None else Cell.text(args.text)
    return report(library.add_cell(args.note_id, cell, args.position))


def edit_cell(library: Library, args: argparse.Namespace) -> int:
    return report(library.edit_cell(args.cell_id, args.markdown))


def delete_cell(library: Library, args: argparse.Namespace) -> int:
    return report(library.delete_cell(args.cell_id))


def move_cell(library: Library, args: argparse.Namespace) -> int:
    return report(library.move_cell(args.cell_id, args.position))
