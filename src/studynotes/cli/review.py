"""`due`, `rate` and `anki`: reviewing from scripts, and the questions as an Anki package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import StudyNotesError
from .output import emit
from .registry import Subcommands, on_library

if TYPE_CHECKING:
    from ..library import DueCard, Library


def register(commands: Subcommands) -> None:
    due = commands.add_parser("due", help="answered questions due for review now")
    due.add_argument("--notebook")
    due.add_argument("--week", type=int)
    due.add_argument("--json", action="store_true")
    on_library(due, list_due)

    rate = commands.add_parser("rate", help="record a review of a question, as the window does")
    rate.add_argument("question_id", type=int, metavar="ID")
    rate.add_argument("rating", choices=("again", "hard", "good", "easy"))
    on_library(rate, rate_question)

    anki = commands.add_parser("anki", help="questions as an Anki package (.apkg)")
    anki.add_argument("--notebook")
    anki.add_argument("--week", type=int)
    anki.add_argument("--open-only", action="store_true", help="only the open questions")
    anki.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.apkg")
    on_library(anki, write_anki)


def list_due(library: Library, args: argparse.Namespace) -> int:
    from ..library import QuestionFilter

    cards = library.due_cards(QuestionFilter(notebook=args.notebook, week=args.week))
    emit([due_json(c) for c in cards] if args.json else due_text(cards), as_json=args.json)
    return 0


def due_json(due: DueCard) -> dict[str, Any]:
    card = due.card
    return {
        "id": due.question_id,
        "note_id": due.note_id,
        "notebook": due.notebook,
        "week": due.week,
        "due": card.due.isoformat() if card else None,
        "stability": card.stability if card else None,
        "difficulty": card.difficulty if card else None,
        "text": due.text,
    }


def due_text(cards: list[DueCard]) -> str:
    if not cards:
        return "nothing is due"
    lines = []
    for due in cards:
        card = due.card
        when = card.due.strftime("%Y-%m-%d %H:%M") if card else "new"
        memory = (
            f"S {card.stability:.1f} D {card.difficulty:.1f}"
            if card and card.stability and card.difficulty
            else ""
        )
        text = " ".join(due.text.split())
        lines.append(f"{due.question_id:>6}  {when:<16}  {memory:<13}  {text[:80]}")
    return "\n".join(lines)


def rate_question(library: Library, args: argparse.Namespace) -> int:
    from ..library import card_after

    change = library.rate(args.question_id, args.rating)
    after = card_after(change, args.question_id)
    if after is None:  # a rating always leaves a card
        raise StudyNotesError(f"question {args.question_id} was not scheduled")
    print(
        f"{args.question_id}: {args.rating}, next review {after.due.astimezone().strftime('%Y-%m-%d %H:%M')}"
    )
    return 0


def write_anki(library: Library, args: argparse.Namespace) -> int:
    from ..anki_export import export_anki

    result = export_anki(
        library, args.output, notebook=args.notebook, week=args.week, open_only=args.open_only
    )
    print(
        f"wrote {args.output}: {result.notes} question(s) in {len(result.decks)} deck(s)"
        + (f", {result.media} image(s)" if result.media else ""),
        file=sys.stderr,
    )
    return 0
