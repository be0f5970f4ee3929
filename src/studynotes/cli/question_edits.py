"""`edit-question`: correct a question's text, answer, asker, lecture, page or time."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from .editing import CLEAR, number_or_clear, report, text_or_clear
from .registry import Subcommands, on_library

if TYPE_CHECKING:
    from ..library import Library


def register(commands: Subcommands) -> None:
    edit = commands.add_parser("edit-question", help="correct a question (your edit wins on re-import)")
    edit.add_argument("question_id", type=int, metavar="ID")
    edit.add_argument("--text")
    edit.add_argument("--answer")
    edit.add_argument("--asker")
    edit.add_argument("--lecture", type=number_or_clear, help=f"a lecture number, or {CLEAR}")
    edit.add_argument("--page", type=number_or_clear, help=f"a slide page, or {CLEAR}")
    edit.add_argument("--time", type=text_or_clear, help=f"m:ss or h:mm:ss in the recording, or {CLEAR}")
    edit.set_defaults(lecture=..., page=..., time=...)
    on_library(edit, edit_question)


def edit_question(library: Library, args: argparse.Namespace) -> int:
    fields: dict[str, Any] = {"text": args.text, "answer": args.answer, "asker": args.asker}
    fields |= {
        name: getattr(args, name) for name in ("lecture", "page", "time") if getattr(args, name) is not ...
    }
    return report(library.edit_question(args.question_id, **fields))
