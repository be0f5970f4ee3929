"""Lecture chat logs (Zoom "saved chat"): who asked what, and who answered.

A message is a question when it asks (`?`, `Q:`, a question ending in Korean,
Chinese or Japanese, an English question opening) or when the instructor
answered it with a `>` line.  Answers are paired on evidence (`parts.replies`):
those `>` lines, a ` > answer` inside the question's own line, a reply that
names the asker by any part of their name (`@Jan:`, `Cécile,`, `Name님`) or
quotes them (Zoom's `Replying to "…"`), a reply sharing the question's words, a
yes or no right after a yes-or-no question, code pasted right after it, the
first reply within a minute or so, the person the question named replying.
Without such evidence the question stays open.  Direct messages stay in
the note, marked private, and are never shared questions.  Everything else
said is kept as text cells, so the note reads as the chat did.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..model import Cell, ImportContext, Note, ParsedDocument
from .base import Importer
from .chat_messages import ChatLog, Message, header_date, match_header, merge_runs, read_messages
from .chat_people import Aliases, instructor_names
from .chat_threads import Threads
from .chat_workers import Later, build_days, in_worker, spare_core
from .parts.lines_with import first_lines
from .parts.markdown_blocks import HEADING_TEXT_REQUIRED
from .parts.names import strip_notion_id, title_from_file_name

_ZOOM_FOLDER = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})[ _]\d{2}\.\d{2}\.\d{2}(?:\s+(?P<topic>.+?))?(?:\s+\d{9,11})?\s*$"
)
_GENERIC_NAMES = re.compile(
    r"^(meeting_saved_chat|saved_chat|chat|chat_log|zoom_chat|meeting_chat|chat_file|"
    r"gmt\d{8}-\d{6}(_\w+)?|new chat)$",
    re.IGNORECASE,
)
_LECTURE_NUMBER = re.compile(
    r"(?:\blecture|\blec\.?|\bclass|\bsession)[\s_#.-]*(\d{1,3})\b|(?<!\d)(\d{1,3})\s*강(?:의|\b)",
    re.IGNORECASE,
)
_WEEK_NUMBER = re.compile(r"\bweek\s*(\d{1,2})\b|(?<!\d)(\d{1,2})\s*주차", re.IGNORECASE)
_HEADING = re.compile(rf"^#{{1,6}}\s+{HEADING_TEXT_REQUIRED}")
_CLOCK = re.compile(r":\d\d")  # the minutes of a header's time (`10:02`, `[9:05:33]`)
# A chat this long (about 20,000 messages) is read in two parts at once: the part after a day's
# start near the middle by a worker process, which also pairs its days' answers.  The worker gets a
# little less than half: starting it takes 0.3 s and its days come back to this process pickled.
TEXT_FOR_A_WORKER = 1_500_000  # characters
WORKER_SHARE = 0.40


def score(text: str) -> float:
    """High when most of the first lines are chat headers: the `From`/`발신자`/`对` shapes are distinctive.

    A chat is known for one as soon as its headers are enough, whatever the lines after them."""
    lines = [line for line in first_lines(text, 400).split("\n") if line.strip()]
    enough = max(3, -(-len(lines) // 8))  # headers * 8 >= len(lines)
    headers = 0
    for line in lines:
        if match_header(line) is not None:
            headers += 1
            if headers == enough:
                return 0.95
    if headers >= 2:
        return 0.6
    if headers == 1 and lines and match_header(lines[0]):
        return 0.6
    return 0.0


def bound(text: str) -> float:
    """Nothing without a clock time in the first lines, as every header has one."""
    return 0.95 if _CLOCK.search(first_lines(text, 400)) is not None else 0.0


def parse(text: str, context: ImportContext) -> ParsedDocument:
    cut = _cut(text, context)
    if cut is not None:  # a long chat of several days: its second part is read in a worker meanwhile
        part = (text[cut:], text.count("\n", 0, cut) + 1, context)
        with in_worker(_read_later, part) as later:
            document = _parse_first_part(text[: cut - 1], context, later) if later else None
        if document is not None:
            return document
    return _parse(read_messages(text), context)


def _parse(log: ChatLog, context: ImportContext) -> ParsedDocument:
    document, note = _document(log, context)
    _merge_aliases(log, context)
    days = _by_day(log.messages) if context.date is None else []
    if len(days) < 2:
        Threads(note, instructor_names(context)).build(merge_runs(log.messages))
        document.notes.append(note)
        return document
    instructors = instructor_names(context)
    day_notes = [  # a continuous chat of several days: a note per day
        (_day_note(note, day, index), messages, instructors) for index, (day, messages) in enumerate(days)
    ]
    sizes = [len(messages) for _, messages in days]
    document.notes += build_days(_build_day, day_notes, sizes, context.file_name)
    return document


def _merge_aliases(log: ChatLog, context: ImportContext) -> None:
    """Each sender under the one name the notebook knows them by (`길동 (20학번)` → `홍길동`)."""
    aliases = Aliases(context)
    for said in log.messages if aliases else []:
        said.sender = aliases.person(said.sender)


def _document(log: ChatLog, context: ImportContext) -> tuple[ParsedDocument, Note]:
    """The document with the log's warnings, and the note every day's note is made from."""
    document = ParsedDocument(format="chat_log")
    for message, line in log.problems:
        document.warn(message, line)
    heading, preamble = _split_preamble(log.preamble)
    title = _title(context, heading)
    if heading and title != heading:  # named by its folder: the heading stays as text
        preamble = f"# {heading}\n\n{preamble}".strip()
    note = Note(title=title, kind="chat", week=context.week, lecture=context.lecture)
    if note.lecture is None and (number := _number(_LECTURE_NUMBER, title)) is not None:
        note.lecture, note.lecture_title = number, title
    if note.week is None:
        note.week = _number(_WEEK_NUMBER, title)
    note.date = (
        context.date
        or _folder_date(context.folder_name)
        or next((m.date for m in log.messages if m.date), None)
    )
    if preamble:
        note.cells.append(Cell.text(preamble))
    if not log.messages:
        document.warn("no chat messages found (lines like `10:37:21 From Name : text`)")
    return document, note


def _day_note(note: Note, day: dt.date, index: int, cells: list[Cell] | None = None) -> Note:
    """The note of one day of the chat (the first keeps the text before the first message)."""
    if cells is None:
        cells = [] if index else note.cells
    return replace(note, title=f"{note.title} · {day.isoformat()}", date=day, cells=cells)


def _build_day(day: tuple[Note, list[Message], frozenset[str]]) -> Note:
    """One day's note: its questions paired with their answers (in a worker process, or here)."""
    note, messages, instructors = day
    Threads(note, instructors).build(merge_runs(messages))
    return note


# -- a long chat read in two parts ------------------------------------------------------------------
@dataclass
class _LaterDays:
    """What a worker made of the text after the cut: its log (messages left out) and each day's cells;
    no days when its first message has no date (the chat is then read in one process)."""

    log: ChatLog
    days: list[tuple[dt.date, list[Cell]]]


def _cut(text: str, context: ImportContext) -> int | None:
    """Where the second part of a long chat starts: the first header of a new day after the point
    that leaves about `WORKER_SHARE` of the text to the worker; None to read it in one process."""
    if context.date is not None or len(text) < TEXT_FOR_A_WORKER or not spare_core():
        return None
    start = text.find("\n", int(len(text) * (1 - WORKER_SHARE))) + 1
    end_of_search = start + len(text) // 4  # a day longer than that leaves two parts too uneven
    first_day = None
    while 0 < start < min(len(text), end_of_search):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        day = header_date(text[start:end])
        if day is not None and first_day is not None and day != first_day:
            return start
        first_day = first_day or day
        start = end + 1
    return None


def _read_later(part: tuple[str, int, ImportContext]) -> _LaterDays:
    """The text after the cut read and its days built, in the worker process."""
    text, first_line, context = part
    log = read_messages(text, first_line)
    _merge_aliases(log, context)
    instructors = instructor_names(context)
    days = []
    for day, messages in _by_day(log.messages):
        note = Note(title="")
        Threads(note, instructors).build(merge_runs(messages))
        days.append((day, note.cells))
    log.messages = []  # not sent back: only the days' cells are needed
    return _LaterDays(log, days)


def _parse_first_part(text: str, context: ImportContext, later: Later[_LaterDays]) -> ParsedDocument | None:
    """The chat's first part read here, its second taken from the worker: the same document as
    reading it whole, or None when the parts cannot be read apart (a day in both, no date first)."""
    log = read_messages(text)
    _merge_aliases(log, context)
    days = _by_day(log.messages)
    second = later.result(context.file_name)
    if not days or second is None or not second.days or {d for d, _ in days} & {d for d, _ in second.days}:
        return None
    document, note = _document(log.then(second.log), context)
    instructors = instructor_names(context)
    for index, (day, messages) in enumerate(days):
        document.notes.append(_build_day((_day_note(note, day, index), messages, instructors)))
    for day, cells in second.days:
        document.notes.append(_day_note(note, day, 1, cells))
    return document


def _by_day(messages: list[Message]) -> list[tuple[dt.date, list[Message]]]:
    """Messages by the date their headers carry (a header without one stays on the day before)."""
    days: dict[dt.date, list[Message]] = {}
    day: dt.date | None = None
    for message in messages:
        day = message.date or day
        if day is None:
            return []
        days.setdefault(day, []).append(message)
    return list(days.items())


def _split_preamble(lines: list[str]) -> tuple[str, str]:
    """Text before the first message: a leading `# Heading` names the chat; the rest is kept."""
    body = "\n".join(lines).strip("\n")
    first, _, rest = body.lstrip().partition("\n")
    heading = _HEADING.match(first)
    if heading:
        return heading.group(1), rest.strip("\n")
    return "", body if body.strip() else ""


def _title(context: ImportContext, heading: str) -> str:
    folder = _ZOOM_FOLDER.match(context.folder_name or "")
    if folder and folder.group("topic"):
        return strip_notion_id(folder.group("topic"))
    if heading:
        return heading
    stem = title_from_file_name(context.file_name) if context.file_name else ""
    if stem and not _GENERIC_NAMES.match(stem) and stem != "Untitled":
        return stem
    return "Lecture chat"


def _folder_date(folder_name: str) -> dt.date | None:
    folder = _ZOOM_FOLDER.match(folder_name or "")
    if folder is None:
        return None
    try:
        return dt.date.fromisoformat(folder.group("date"))
    except ValueError:
        return None


def _number(pattern: re.Pattern[str], title: str) -> int | None:
    found = pattern.search(title)
    if found is None:
        return None
    return int(next(group for group in found.groups() if group))


IMPORTER = Importer(
    name="chat_log",
    description="a lecture's Zoom chat: questions, and the instructor's and peers' answers",
    kind="chat",
    score=score,
    parse=parse,
    ceiling=0.95,
    bound=bound,
)
