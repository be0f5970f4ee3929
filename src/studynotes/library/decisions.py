"""The user's word on what is a question, applied to cells: now, and to every re-import.

"Make a question" turns the paragraph or list item of a text cell that contains the
user's words into a question, with the rest of that cell as its answer; "Not a
question" turns a question back into text.  Each is stored as a decision keyed by the
question's stable key (its words, asker and file), so importing the file again gives
the same questions however the detector reads it.  Pure functions of cells: the
Library stores the decisions and calls these inside its transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Cell, ParsedDocument, Question, StudyNotesError, nfc
from .saving import stable_key

MAKE = "question"
DISMISS = "not_question"
_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")


@dataclass(frozen=True)
class Decision:
    kind: str  # MAKE or DISMISS
    key: str  # the question's stable key
    text: str  # the question's words (for MAKE, what to find again)


def words(text: str) -> str:
    """Text compared as words: NFC, case-folded, one space."""
    return re.sub(r"\s+", " ", nfc(text)).strip().casefold()


@dataclass(frozen=True)
class Split:
    """A text cell cut at the paragraph that becomes a question."""

    before: str
    question: str
    answer: str


def split_at(markdown: str, text: str) -> list[Split]:
    """Every way `markdown` can be cut at a paragraph or item containing `text` (one per match)."""
    from ..importers.parts.markdown_blocks import CHECKBOX, blocks  # the importers' own reading of blocks

    lines = markdown.split("\n")
    wanted = words(text)
    found: list[Split] = []
    for block in blocks(lines):
        if block.kind not in ("paragraph", "item"):
            continue
        joined = " ".join(block.lines)
        if wanted not in words(joined):
            continue
        question = CHECKBOX.sub("", _MARKER.sub("", lines[block.start]).strip())
        question = " ".join(
            [question, *(line.strip() for line in lines[block.start + 1 : block.end])]
        ).strip()
        found.append(
            Split(
                before="\n".join(lines[: block.start]).strip("\n"),
                question=question,
                answer=_dedent("\n".join(lines[block.end :])).strip("\n"),
            )
        )
    return found


def apply_decisions(document: ParsedDocument, decisions: list[Decision], source_name: str) -> None:
    """Re-import: questions the user dismissed become text, paragraphs they made questions ask."""
    dismissed = {d.key for d in decisions if d.kind == DISMISS}
    made = [d for d in decisions if d.kind == MAKE]
    if not dismissed and not made:
        return  # nothing decided for this file: every cell stays as parsed
    for note in document.notes:
        cells: list[Cell] = []
        for cell in note.cells:
            question = cell.question
            if question is not None and stable_key(question, source_name) in dismissed:
                cells.append(Cell.text(as_text(question)))
            else:
                cells.append(cell)
        for decision in made:
            cells = _make(cells, decision, source_name)
        note.cells = cells


def _make(cells: list[Cell], decision: Decision, source_name: str) -> list[Cell]:
    for index, cell in enumerate(cells):
        if cell.kind != "markdown":
            continue
        for split in split_at(cell.markdown, decision.text):
            question = Question(text=split.question, answer=split.answer)
            if stable_key(question, source_name) != decision.key:
                continue
            question.status = "answered" if split.answer.strip() else "open"
            made = [Cell.text(split.before)] if split.before.strip() else []
            return [*cells[:index], *made, Cell.asking(question), *cells[index + 1 :]]
    return cells


def as_text(question: Question) -> str:
    """A dismissed question as the text it was: its words, then its answer."""
    return "\n\n".join(part for part in (question.text.strip(), question.answer.strip()) if part)


def one_split(markdown_cells: list[tuple[int, str]], text: str) -> tuple[int, Split]:
    """The one paragraph of a note's text cells that contains `text`; an error names why not."""
    if not text.strip():
        raise StudyNotesError("say which paragraph: give some of its words")
    matches = [(cell_id, split) for cell_id, markdown in markdown_cells for split in split_at(markdown, text)]
    if not matches:
        raise StudyNotesError(f"no paragraph or item of this note contains {text!r}")
    if len(matches) > 1:
        raise StudyNotesError(f"{len(matches)} paragraphs contain {text!r}; give more of the words")
    return matches[0]


def _dedent(text: str) -> str:
    lines = text.split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)
