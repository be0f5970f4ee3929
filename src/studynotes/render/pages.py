"""A long note shown in two steps: its first screen at once, the whole note right after.

A day of a busy class chat holds thousands of messages; rendering all of them
takes longer than a reader waits for a page.  The preview first shows the
opening cells (enough to fill a screen and more), then swaps in the whole
note where the reader is.  Short notes are rendered once, as before.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Cell, Note

FIRST_SCREEN_CHARACTERS = 12_000  # Markdown of the first step: several screens of chat
LONG_NOTE_CHARACTERS = 40_000  # below this a note renders in one step


def note_size(note: Note) -> int:
    """Characters of Markdown a note renders (its cells, questions and answers)."""
    size = 0
    for cell in note.cells:
        size += len(cell.markdown)
        if cell.question is not None:
            size += len(cell.question.text) + len(cell.question.answer)
    return size


def is_long(notes: list[Note]) -> bool:
    return sum(note_size(note) for note in notes) > LONG_NOTE_CHARACTERS


def first_screen(note: Note, characters: int = FIRST_SCREEN_CHARACTERS) -> Note:
    """The note's opening cells (about `characters` of Markdown), and a line saying the rest follows."""
    kept: list[Cell] = []
    size = 0
    for cell in note.cells:
        kept.append(cell)
        size += len(cell.markdown) + (
            len(cell.question.text) + len(cell.question.answer) if cell.question is not None else 0
        )
        if size >= characters:
            break
    if len(kept) < len(note.cells):
        rest = len(note.cells) - len(kept)
        kept.append(Cell.text(f"*… {rest:,} more parts of this note are being laid out.*"))
    return replace(note, cells=kept)
