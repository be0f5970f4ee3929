"""A day's Markdown cut into cells: text, questions with their answers, peer sessions.

A list item that asks (`...뭘까?`, `...인가요`) is a question; the items nested
under it are its answer, written by the log's author.  A `피어세션:` (peer
session) paragraph or item is a cell of its own, so it reads apart from the
day's study notes.
"""

from __future__ import annotations

import re

from ..model import Cell, Question
from .parts.questions import QUESTION_LABEL, looks_like_question, without_question_label

_ITEM = re.compile(r"^( *)(?:-|\d{1,3}\.) (.*)$")
_HEADING = re.compile(r"^#{1,6}\s")
_UP_TO_COLON = re.compile(r"^.*?[:：]")
_PEER = re.compile(
    r"^(?:#{1,6}\s*|(?:-|\d{1,3}\.) )?(?:\*\*)?\s*(피어\s*세션|peer\s*session)\s*(?:\*\*)?\s*(?:[:：]|$)",
    re.IGNORECASE,
)
_ASKING_END = ("?", "？", "까", "요", "냐", "니")


def is_question(text: str) -> bool:
    """An item that asks: a question mark, `Q.`, or a Korean question ending."""
    stripped = text.strip().rstrip(".…~ ")
    if not stripped:
        return False
    if QUESTION_LABEL.match(stripped) and QUESTION_LABEL.sub("", stripped).strip():
        return True
    if stripped.endswith(("?", "？")):
        return True
    return stripped.endswith(_ASKING_END) and looks_like_question(stripped)


def log_cells(lines: list[str]) -> list[Cell]:
    """Split a day's Markdown lines into cells in document order."""
    cells: list[Cell] = []
    text: list[str] = []

    def flush() -> None:
        body = "\n".join(_dedent_start(text)).strip("\n")
        if body.strip():
            cells.append(Cell.text(body))
        text.clear()

    index = 0
    in_fence = False
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            text.append(line)
            index += 1
            continue
        item = _ITEM.match(line)
        if _PEER.match(line.lstrip()):
            flush()
            end = _peer_end(lines, index)
            cells.append(Cell.text("\n".join(_dedent_start(lines[index:end])).strip("\n")))
            index = end
            continue
        if item and is_question(item.group(2)):
            flush()
            end = _block_end(lines, index, len(item.group(1)))
            cells.append(
                Cell.asking(_question(item.group(2), lines[index + 1 : end], len(item.group(1)) + 4))
            )
            index = end
            continue
        text.append(line)
        index += 1
    flush()
    return cells


def _question(text: str, answer_lines: list[str], cut: int) -> Question:
    answer = "\n".join(line[cut:] if line[:cut].strip() == "" else line.lstrip() for line in answer_lines)
    answer = answer.strip("\n")
    asked = without_question_label(text)
    if answer.strip():
        return Question(text=asked, answer=answer, status="answered", answered_by="self")
    return Question(text=asked, status="open")


def _block_end(lines: list[str], index: int, indent: int) -> int:
    """The line after an item and everything nested under it."""
    end = index + 1
    last = index + 1
    while end < len(lines):
        line = lines[end]
        if line.strip():
            if len(line) - len(line.lstrip(" ")) <= indent:
                break
            last = end + 1
        end += 1
    return last


def _peer_end(lines: list[str], index: int) -> int:
    """A peer-session cell: a heading's section, an item's block, or a paragraph
    (with the list under it when the marker line says nothing itself)."""
    line = lines[index]
    if _HEADING.match(line):
        end = index + 1
        while end < len(lines) and not _HEADING.match(lines[end]):
            end += 1
        return end
    item = _ITEM.match(line)
    if item:
        return _block_end(lines, index, len(item.group(1)))
    if not _UP_TO_COLON.sub("", line).strip():
        return _list_end(lines, index + 1)
    end = index + 1
    while end < len(lines) and lines[end].strip() and not _ITEM.match(lines[end]):
        end += 1
    return end


def _list_end(lines: list[str], start: int) -> int:
    """The line after the list (or indented block) that follows a marker saying nothing itself."""
    last = start
    for end in range(start, len(lines)):
        line = lines[end]
        if not line.strip():
            continue
        if not (_ITEM.match(line) or line.startswith(" ")):
            break
        last = end + 1
    return last


def _dedent_start(lines: list[str]) -> list[str]:
    """A cell that starts inside a nested list (after a question cut it) starts at the margin."""
    first = next((line for line in lines if line.strip()), "")
    cut = len(first) - len(first.lstrip(" "))
    if not cut:
        return list(lines)
    return [line[min(cut, len(line) - len(line.lstrip(" "))) :] for line in lines]
