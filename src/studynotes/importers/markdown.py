"""Any Markdown or text file: the fallback when no richer format fits.

One note per file (one per `#` section when a file holds several), split into
cells at headings.  A heading or a bullet that ends in `?` is a question; the
text under it is its answer, and it is answered when such text exists.
"""

from __future__ import annotations

import re

from ..model import Attachment, Cell, ImportContext, Note, ParsedDocument, Question
from .base import Importer
from .parts.dates import parse_any_date
from .parts.front_matter import split_front_matter
from .parts.links import local_image_links
from .parts.names import strip_notion_id, title_from_file_name

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET_QUESTION = re.compile(r"^(\s*)[-*+•]\s+(.+\?)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="markdown")
    front, body, _ = split_front_matter(text)
    sections = _split_top_level(body)
    default_title = front.get("title") or title_from_file_name(context.file_name)
    date = context.date or parse_any_date(front.get("date", ""))
    for index, (heading, section) in enumerate(sections):
        title = strip_notion_id(heading) if heading else default_title
        if len(sections) > 1 and not heading and not section.strip():
            continue
        note = Note(title=title or f"Section {index + 1}", kind="markdown", date=date)
        note.week = context.week
        note.lecture = context.lecture
        if front.get("tags"):
            note.properties["tags"] = front["tags"]
        note.cells = cells_from_markdown(section)
        note.attachments = [Attachment(name) for name in local_image_links(section)]
        if note.cells or len(sections) == 1:
            document.notes.append(note)
    return document


def score(text: str) -> float:
    return 0.1


def _split_top_level(body: str) -> list[tuple[str, str]]:
    """Split at `# ` headings when there are several; keep one section otherwise."""
    lines = body.split("\n")
    starts: list[int] = []
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif line.startswith("# ") and not in_fence:
            starts.append(index)
    if len(starts) < 2:
        if len(starts) == 1 and not "\n".join(lines[: starts[0]]).strip():
            return [(lines[starts[0]][2:].strip(), "\n".join(lines[starts[0] + 1 :]))]
        return [("", body)]
    sections: list[tuple[str, str]] = []
    preamble = "\n".join(lines[: starts[0]])
    if preamble.strip():
        sections.append(("", preamble))
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        sections.append((lines[start][2:].strip(), "\n".join(lines[start + 1 : end])))
    return sections


def cells_from_markdown(markdown: str) -> list[Cell]:
    """Headings start cells; question headings and question bullets become questions."""
    cells: list[Cell] = []
    buffer: list[str] = []
    question: Question | None = None
    answer: list[str] = []
    bullet_indent = -1
    in_fence = False

    def flush_text() -> None:
        joined = "\n".join(buffer).strip("\n")
        if joined.strip():
            cells.append(Cell.text(joined))
        buffer.clear()

    def flush_question() -> None:
        nonlocal question
        if question is not None:
            question.answer = _dedent("\n".join(answer)).strip()
            question.status = "answered" if question.answer else "open"
            cells.append(Cell.asking(question))
        question = None
        answer.clear()

    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        bullet = None if in_fence else _BULLET_QUESTION.match(line)
        if question is not None and bullet_indent >= 0 and line.strip():
            indent = len(line) - len(line.lstrip())
            if indent <= bullet_indent or heading:
                flush_question()
                bullet_indent = -1
        if heading:
            flush_question()
            flush_text()
            bullet_indent = -1
            heading_text = heading.group(2)
            if heading_text.endswith("?") or heading_text.endswith("？"):
                question = Question(text=heading_text)
            else:
                buffer.append(line)
            continue
        if bullet and question is None:
            flush_text()
            question = Question(text=bullet.group(2).strip())
            bullet_indent = len(bullet.group(1))
            continue
        if question is not None:
            answer.append(line)
        else:
            buffer.append(line)
    flush_question()
    flush_text()
    return cells


def _dedent(text: str) -> str:
    lines = text.split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)


IMPORTER = Importer(
    name="markdown",
    description="any Markdown or text file, one note per file",
    kind="markdown",
    score=score,
    parse=parse,
)
