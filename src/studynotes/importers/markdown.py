"""Any Markdown or text file: the fallback when no richer format fits.

One note per file (one per `#` section when a file holds several); a schedule
table anywhere in it gives the notebook its weeks and sessions.  Questions
and their answers are found by `parts.markdown_questions` wherever they stand:
headings, list items at any depth, paragraphs; a `#` heading that asks is a
question, not a section.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Attachment, ImportContext, Note, ParsedDocument
from .base import Importer
from .parts.dates import parse_any_date
from .parts.front_matter import split_front_matter
from .parts.links import local_image_links
from .parts.markdown_blocks import HEADING
from .parts.markdown_questions import cells_with_questions, is_question_section
from .parts.names import strip_notion_id, title_from_file_name
from .parts.periods import stated_day, stated_week
from .parts.questions import asks
from .parts.schedule_tables import schedule_sessions

_HEADING = HEADING
_FENCE = re.compile(r"^\s*+(```|~~~)")


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="markdown")
    front, body, skipped = split_front_matter(text)
    sections = _split_top_level(body)
    default_title = front.get("title") or title_from_file_name(context.file_name)
    date = context.date or parse_any_date(front.get("date", ""))
    for index, (heading, section) in enumerate(sections):
        title = strip_notion_id(heading) if heading else default_title
        if len(sections) > 1 and not heading and not section.strip():
            continue
        note = Note(title=title or f"Section {index + 1}", kind="markdown", date=date)
        note.week = context.week or stated_week(
            title, default_title, front.get("tags", ""), context.folder_name
        )
        note.day = stated_day(title, default_title, front.get("tags", ""))
        note.lecture = context.lecture
        if front.get("tags"):
            note.properties["tags"] = front["tags"]
        note.cells = cells_with_questions(
            section, in_question_section=bool(heading) and is_question_section(heading)
        )
        note.attachments = [Attachment(name) for name in local_image_links(section)]
        if note.cells or len(sections) == 1:
            document.notes.append(note)
    _schedule(document, body, date, skipped)
    return document


def _schedule(document: ParsedDocument, body: str, date: dt.date | None, skipped: int) -> None:
    """A schedule table anywhere in the page gives the notebook its sessions and their weeks.

    The page that lays out the weeks is the notebook's front page, not a note of one week.
    """
    document.lectures = schedule_sessions(
        body, document, year=date.year if date else None, first_line=skipped + 1
    )
    if any(lecture.week is not None or lecture.date is not None for lecture in document.lectures):
        for note in document.notes:
            note.week = None


def score(text: str) -> float:
    return 0.1


def _split_top_level(body: str) -> list[tuple[str, str]]:
    """Split at `# ` headings when there are several; keep one section otherwise."""
    lines = body.split("\n")
    starts: list[int] = []
    in_fence = False
    # Only a fence or a `# ` line can change anything: the others are passed over in one comprehension.
    marked = [i for i, line in enumerate(lines) if line.startswith("# ") or "```" in line or "~~~" in line]
    for index in marked:
        line = lines[index]
        if _FENCE.match(line):
            in_fence = not in_fence
        elif line.startswith("# ") and not in_fence and not asks(line[2:]):
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


IMPORTER = Importer(
    name="markdown",
    description="any Markdown or text file, one note per file",
    kind="markdown",
    score=score,
    parse=parse,
)
