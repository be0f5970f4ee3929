"""Daily study logs ("Day N" blog posts, TIL): one note per day.

Blog chrome (`2 minute read`, `Leave a comment`) and `image` placeholders are
dropped, `•` bullets become nested Markdown lists, `\\(..\\)`/`\\[..\\]` become
`$..$`/`$$..$$`, a bullet that asks is a question answered by the bullets under
it, and `피어세션:` (peer session) paragraphs stay cells of their own.
"""

from __future__ import annotations

import re

from ..model import Cell, ImportContext, Note, ParsedDocument, Question
from .base import Importer, bullets_to_markdown, looks_like_question, split_front_matter
from .dates import parse_any_date

_DAY = re.compile(r"^\s*(?:#{1,6}\s*)?Day\s*(\d{1,4})\s*[:.]?\s*$", re.IGNORECASE)
_CHROME = re.compile(
    r"^\s*(\d+\s+min(ute)?s?\s+read|leave a comment|share on\b.*|updated:?\s.*|\d+분\s*소요|댓글\s*남기기)\s*$",
    re.IGNORECASE,
)
_IMAGE_PLACEHOLDER = re.compile(r"^\s*(image|이미지|\[image\])\s*$", re.IGNORECASE)
_PEER = re.compile(r"^\s*(피어\s*세션|peer\s*session)\s*[:：]", re.IGNORECASE)
_ITEM = re.compile(r"^( *)- (.*)$")
_DISPLAY_MATH = re.compile(r"\\\[(.+?)\\\]", re.DOTALL)
_INLINE_MATH = re.compile(r"\\\((.+?)\\\)", re.DOTALL)


def score(text: str) -> float:
    days = sum(1 for line in text.split("\n") if _DAY.match(line))
    if days >= 2:
        return 0.85
    if days == 1 and ("•" in text or _CHROME.search(text)):
        return 0.6
    return 0.0


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="daily_log")
    front, body, skipped = split_front_matter(text)
    sections: list[tuple[int | None, int, list[str]]] = [(None, skipped + 1, [])]
    for number, line in enumerate(body.split("\n"), start=skipped + 1):
        heading = _DAY.match(line)
        if heading:
            sections.append((int(heading.group(1)), number, []))
        elif not _CHROME.match(line):
            sections[-1][2].append(line)
    preamble = sections.pop(0)
    if any(line.strip() for line in preamble[2]):
        title = front.get("title") or "Notes"
        sections.insert(0, (None, preamble[1], preamble[2]))
    else:
        title = front.get("title") or ""
    for day, line_number, lines in sections:
        note = Note(
            title=f"Day {day}" if day is not None else title or "Notes",
            kind="log",
            day=day,
            week=context.week,
        )
        kept = [line for line in lines if not _IMAGE_PLACEHOLDER.match(line)]
        dropped = len(lines) - len(kept)
        if dropped:
            document.warn(
                f"{note.title}: {dropped} image placeholder(s) without a picture were left out", line_number
            )
        note.cells = _cells(_math("\n".join(kept)).split("\n"))
        document.notes.append(note)
    if front.get("date"):
        date = parse_any_date(front["date"])
        if date is not None and len(document.notes) == 1:
            document.notes[0].date = date
    if context.date is not None and len(document.notes) == 1:
        document.notes[0].date = context.date
    if front.get("tags"):
        for note in document.notes:
            note.properties["tags"] = front["tags"]
    return document


def _math(text: str) -> str:
    text = _DISPLAY_MATH.sub(lambda m: "$$" + m.group(1).strip() + "$$", text)
    return _INLINE_MATH.sub(lambda m: "$" + m.group(1).strip() + "$", text)


def _cells(lines: list[str]) -> list[Cell]:
    """Split a day's lines into text cells, question cells and peer-session cells."""
    cells: list[Cell] = []
    text: list[str] = []

    def flush() -> None:
        body = re.sub(r"\n{3,}", "\n\n", "\n".join(text)).strip("\n")
        if body.strip():
            cells.append(Cell.text(body))
        text.clear()

    converted = bullets_to_markdown(lines)
    index = 0
    while index < len(converted):
        line = converted[index]
        item = _ITEM.match(line)
        if _PEER.match(line):
            flush()
            paragraph = [line.strip()]
            index += 1
            while index < len(converted) and converted[index].strip() and not _ITEM.match(converted[index]):
                paragraph.append(converted[index].strip())
                index += 1
            cells.append(Cell.text("\n".join(paragraph)))
            continue
        if (
            item
            and looks_like_question(item.group(2))
            and item.group(2).rstrip().endswith(("?", "？", "까", "요"))
        ):
            flush()
            depth = len(item.group(1))
            answer: list[str] = []
            index += 1
            while index < len(converted):
                following = converted[index]
                indent = len(following) - len(following.lstrip(" "))
                if following.strip() and indent <= depth:
                    break
                answer.append(following[depth + 4 :] if following.strip() else "")
                index += 1
            answer_text = "\n".join(answer).strip("\n")
            cells.append(
                Cell.asking(
                    Question(
                        text=item.group(2).strip(),
                        answer=answer_text,
                        status="answered" if answer_text.strip() else "open",
                        answered_by="self" if answer_text.strip() else None,
                    )
                )
            )
            continue
        text.append(line)
        index += 1
    flush()
    return cells


IMPORTER = Importer(
    name="daily_log",
    description="a study blog's Day N log, one note per day",
    kind="log",
    score=score,
    parse=parse,
)
