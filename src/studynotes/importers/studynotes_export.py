"""Markdown written by `studynotes export`: read back exactly, comments first.

The HTML comments the exporter writes carry each note's and question's
details; the visible Markdown between them is the content.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from ..model import Attachment, Cell, ImportContext, Lecture, Note, ParsedDocument, Question, QuestionStatus
from .base import Importer
from .parts.links import local_image_links

_MARKER = re.compile(r"^<!-- studynotes:(\w+)(?: (\{.*\}))? -->$")


def score(text: str) -> float:
    return 1.0 if text.lstrip().startswith("<!-- studynotes:export") else 0.0


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="studynotes_export")
    week: int | None = None
    lecture: int | None = None
    note: Note | None = None
    blocks = _blocks(text, document)
    for kind, data, body, line in blocks:
        if kind == "export":
            week = data.get("week") if isinstance(data.get("week"), int) else None
            document.notebook_title = data.get("notebook") or None
        elif kind == "lecture":
            lecture = data.get("number")
            if isinstance(lecture, int):
                document.lectures.append(
                    Lecture(
                        lecture,
                        data.get("title", ""),
                        _date(data.get("date")),
                        week,
                        dict(data.get("properties", {})),
                    )
                )
        elif kind == "note":
            note = Note(
                title=data.get("title") or "Untitled",
                kind=data.get("kind", "markdown"),
                date=_date(data.get("date")),
                week=week,
                day=data.get("day"),
                lecture=data.get("lecture"),
                properties=dict(data.get("properties", {})),
            )
            document.notes.append(note)
        elif note is None:
            document.warn(f"a {kind} block comes before any note; skipped", line)
        elif kind == "cell":
            note.cells.append(Cell.text(body.strip("\n")))
        elif kind == "question":
            note.cells.append(Cell.asking(_question(data, body)))
        else:
            document.warn(f"unknown block {kind!r}; skipped", line)
    for parsed in document.notes:
        markdown = "\n".join(c.markdown if c.question is None else c.question.answer for c in parsed.cells)
        parsed.attachments = [Attachment(name) for name in local_image_links(markdown)]
    return document


def _blocks(text: str, document: ParsedDocument) -> list[tuple[str, dict[str, Any], str, int]]:
    """(kind, data, the lines after the marker, line number) for each marker."""
    blocks: list[tuple[str, dict[str, Any], str, int]] = []
    body: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = _MARKER.match(line.strip())
        if match is None:
            body.append(line)
            continue
        if blocks:
            kind, data, _, at = blocks[-1]
            blocks[-1] = (kind, data, "\n".join(body), at)
        body = []
        try:
            data = json.loads(match[2]) if match[2] else {}
        except json.JSONDecodeError:
            document.warn("damaged studynotes comment; its details were ignored", number)
            data = {}
        blocks.append((match[1], data if isinstance(data, dict) else {}, "", number))
    if blocks:
        kind, data, _, at = blocks[-1]
        blocks[-1] = (kind, data, "\n".join(body), at)
    return blocks


def _question(data: dict[str, Any], body: str) -> Question:
    lines = body.split("\n")
    if lines and lines[0].startswith("#### "):
        lines = lines[1:]
    quoted: list[str] = []
    while lines and lines[0].startswith(">"):
        quoted.append(re.sub(r"^> ?", "", lines.pop(0)))
    status: QuestionStatus = "answered" if data.get("status") == "answered" else "open"
    answered_by = (
        data.get("answered_by") if data.get("answered_by") in ("instructor", "peer", "self") else None
    )
    return Question(
        text="\n".join(quoted).strip() or "(no text)",
        answer="\n".join(lines).strip(),
        status=status,
        asker=str(data.get("asker", "")),
        raw_sender=str(data.get("raw_sender", "")),
        asked_at=data.get("asked_at"),
        media_time=data.get("media_time"),
        slide_page=data.get("slide_page") if isinstance(data.get("slide_page"), int) else None,
        lecture_ref=data.get("lecture_ref") if isinstance(data.get("lecture_ref"), int) else None,
        answered_by=answered_by,
        private=bool(data.get("private")),
        resolved_at=data.get("resolved_at"),
        edited_by_user=bool(data.get("edited_by_user")),
    )


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


IMPORTER = Importer(
    name="studynotes_export",
    description="a week exported by studynotes",
    kind="markdown",
    score=score,
    parse=parse,
    ceiling=1.0,
)
