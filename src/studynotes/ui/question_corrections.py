"""The user corrects the question detector: "Make a question" and "Not a question".

Both run the Library's `make_question` / `dismiss_question`, so each is one undo step and is
kept when the file is imported again.  The preview and the editor name a paragraph differently
(the text shown, or the line of the cursor); both come down to the paragraph's own Markdown,
which is what the Library looks for.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..importers.parts.markdown_blocks import blocks
from ..library import Change, Operation
from ..model import StudyNotesError, nfc
from ..render.plain_text import plain_question

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .commands import Commands
    from .main_window import MainWindow

ASKABLE = ("paragraph", "item")
LIKENESS = 0.6  # how close the shown text must be to a paragraph's words to name it


def paragraph_at_line(markdown: str, line: int) -> str | None:
    """The words of the paragraph or list item on this line of a text cell (None: not one)."""
    for block in blocks(markdown.split("\n")):
        if block.kind in ASKABLE and block.start <= line < block.end:
            return " ".join(block.lines)
    return None


def paragraph_shown(markdown: str, shown: str) -> str | None:
    """The paragraph or item of a text cell that the preview shows as `shown` (rendered text:
    no Markdown marks, formulas drawn), as its own Markdown words."""
    wanted = _plain(shown)
    if not wanted:
        return None
    best, score = None, LIKENESS
    for block in blocks(markdown.split("\n")):
        if block.kind not in ASKABLE:
            continue
        words = " ".join(block.lines)
        likeness = SequenceMatcher(None, _plain(plain_question(words)), wanted).ratio()
        if likeness >= score:
            best, score = words, likeness
    return best


def make_question(commands: Commands, note_id: int, words: str) -> Change:
    """The paragraph with these words becomes a question, what follows it in its cell the answer."""
    return commands.run(Operation.of("make_question", note_id=note_id, text=words))


def not_a_question(commands: Commands, question_id: int) -> Change:
    """The question becomes text in its note, for this import and every later one."""
    return commands.dismiss_question(question_id)


def make_question_in_preview(window: MainWindow, cell_id: int, shown: str) -> None:
    """A paragraph of the preview, named by the cell it is in and the text it shows."""
    for note in window.note_cache.notes(window._content.note_ids if window._content else []):
        for cell in note.cells:
            if cell.id == cell_id and cell.question is None and note.id is not None:
                words = paragraph_shown(cell.markdown, shown)
                if words is None:
                    raise StudyNotesError(
                        translate("QuestionCorrections", "This is not a paragraph or list item of the note")
                    )
                change = make_question(window.commands, note.id, words)
                created = sorted(change.ids("question"))
                if created:
                    window.questions.select_question(created[0])
                return
    raise StudyNotesError(
        translate("QuestionCorrections", "This is not a paragraph or list item of the note")
    )


def _plain(text: str) -> str:
    return " ".join(nfc(text).casefold().split())
