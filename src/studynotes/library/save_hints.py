"""What saving a parsed file works out from its text alone, worked out where it was parsed.

An import's saving process is the one everything waits for (one connection writes the one
transaction), while the worker process that parses the files ahead of it has time to spare.
So the worker also works out, for each file, what depends only on the file's words: each
question's stable key, each text cell's key, and the parts of words of every row's searchable
text.  Each is kept by the values it was made from, as a memo: saving looks a value up by the
row's own values and works it out itself when they differ (the notebook's people renamed an
asker, a decision turned a paragraph into a question), so the library ends the same, row for
row, whoever worked a value out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import nfc
from .saving import question_row, stable_key_of, text_key
from .word_parts import WordParts, parts_text

if TYPE_CHECKING:
    from ..importers import ImportedFile

QuestionKey = tuple[str, str, str, str]  # what a stable key is made from: origin key, words, asker, file
# Per cell, in the document's order: the cell row's values after its id, note and position (kind,
# Markdown, import key) and its parts of words; its question row's values after its ids, and parts.
CellRows = tuple[tuple[str, str, str], str, tuple[Any, ...] | None, str | None]


@dataclass
class SaveHints:
    """A file's keys and parts of words, each by what it was made from."""

    question_keys: dict[QuestionKey, str] = field(default_factory=dict)
    text_keys: dict[str, str] = field(default_factory=dict)  # a text cell's key by its Markdown
    parts: dict[str, str] = field(default_factory=dict)  # a cell's parts of words by its Markdown
    # A question's parts of words by its searchable columns (text, answer, asker): the strings the
    # rows hold already, so that sending them costs no second copy.
    question_parts: dict[tuple[str, str, str], str] = field(default_factory=dict)
    # The rows of a file saved as parsed (a new file, no people renamed, no decision applied).
    rows: list[CellRows] = field(default_factory=list)


def question_text(text: str, answer: str, asker: str) -> str:
    """A question row's searchable text as the parts index reads it (its columns, space-separated)."""
    return f"{text} {answer} {asker}"


# Each word's parts, kept from file to file by the process that parses them (files share most
# of their words), and forgotten when this many words are known, so that memory stays flat.
_KNOWN = WordParts()
_KNOWN_MOST = 200_000


def hints_for(imported: ImportedFile) -> SaveHints:
    """Everything saving would work out from this file's words alone, as the file was parsed."""
    hints = SaveHints()
    source_name = imported.source_name or imported.path.name  # what stable keys are made from
    if len(_KNOWN) > _KNOWN_MOST:
        _KNOWN.clear()
    known = _KNOWN
    for note in imported.document.notes:
        for cell in note.cells:
            markdown = nfc(cell.markdown)
            cell_parts = hints.parts[markdown] = parts_text(markdown, known)
            question = cell.question
            if question is None:
                key = hints.text_keys[cell.markdown] = text_key(markdown)
                hints.rows.append(((cell.kind, markdown, key), cell_parts, None, None))
                continue
            made_of = (question.origin_key, question.text, question.asker, source_name)
            stable = hints.question_keys[made_of] = stable_key_of(*made_of)
            row = question_row(question, 0, 0, 0, source_name, hints)
            columns = (row["text"], row["answer"], row["asker"])
            question_parts = parts_text(question_text(*columns), known)
            hints.question_parts[columns] = question_parts
            values = tuple(row.values())[3:]  # after its id, cell and note
            hints.rows.append(((cell.kind, markdown, "q:" + stable), cell_parts, values, question_parts))
    return hints
