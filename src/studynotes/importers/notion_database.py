"""A Notion database (`Name <id>.csv` beside a folder of one page per row) as questions or notes.

A database of questions becomes one note per week and lecture its rows name,
each row a question: its status, asker, answer (a column, or else the row
page's body), slide page and video time from the columns `notion_columns`
recognised.  Any other database (meetings, lectures, reading lists) gives a
note per row, dated by its date column; those rows are parsed as pages, so
their bodies keep their own format.  Rows keep their Notion ids, so a newer
export updates them in place.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from ..model import Attachment, Cell, Note, ParsedDocument, Question
from .notion_columns import ColumnMapping, Field, choose_mapping, is_answered
from .parts.dates import parse_any_date
from .parts.fields import media_time, slide_page

_NUMBER = re.compile(r"\d+")


@dataclass
class Row:
    """One row: its cells by column, and its page (path, id, prepared body) when it has one."""

    cells: dict[str, str]
    page_path: str | None = None
    page_id: str | None = None
    body: str = ""  # the row page's text under its properties, links already rewritten
    images: list[str] = field(default_factory=list)


@dataclass
class Database:
    path: str  # the CSV
    title: str
    id: str | None
    header: list[str]
    rows: list[Row]
    mapping: ColumnMapping


def read_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.reader(io.StringIO(text))
    lines = [row for row in reader if any(cell.strip() for cell in row)]
    if not lines:
        return [], []
    header = [h.strip() for h in lines[0]]
    rows = [
        {column: (row[index].strip() if index < len(row) else "") for index, column in enumerate(header)}
        for row in lines[1:]
    ]
    return header, rows


def database_from_csv(
    path: str, title: str, notion_id: str | None, text: str, overrides: dict[str, Field]
) -> Database:
    header, cells = read_csv(text)
    mapping = choose_mapping(title, header, overrides)
    return Database(path, title, notion_id, header, [Row(c) for c in cells], mapping)


def row_title(database: Database, row: Row) -> str:
    column = database.mapping.column_for("question") or database.mapping.column_for("title")
    return row.cells.get(column, "") if column else ""


def questions_document(database: Database) -> ParsedDocument:
    """Rows as questions, one note per (week, lecture) or date the rows name, in row order."""
    document = ParsedDocument(format="notion_database")
    groups: dict[tuple[int | None, int | None, str], Note] = {}
    mapping = database.mapping
    for row in database.rows:
        question = _question(database, row)
        if question is None:
            continue
        week = _number(_value(row, mapping, "week"))
        lecture = _number(_value(row, mapping, "lecture"))
        date = parse_any_date(_value(row, mapping, "date")) if week is None and lecture is None else None
        key = (week, lecture, date.isoformat() if date else "")
        note = groups.get(key)
        if note is None:
            label = " · ".join(
                part
                for part in (
                    f"Week {week}" if week is not None else "",
                    f"Lecture {lecture}" if lecture is not None else "",
                    date.isoformat() if date else "",
                )
                if part
            )
            note = Note(
                title=f"{database.title} · {label}" if label else database.title,
                kind="board",
                week=week,
                lecture=lecture,
                date=date,
            )
            groups[key] = note
            document.notes.append(note)
        note.cells.append(Cell.asking(question))
        _gather_properties(note, row, mapping)
        note.attachments += [Attachment(quote(path)) for path in row.images]
    if not document.notes:
        document.notes.append(Note(title=database.title, kind="board"))
        document.warn(f"the database {database.title!r} has no rows")
    return document


def _question(database: Database, row: Row) -> Question | None:
    mapping = database.mapping
    text = _value(row, mapping, "question") or _value(row, mapping, "title")
    answer = _value(row, mapping, "answer") or row.body.strip()
    if not text.strip():
        if not answer:
            return None
        text = "(no question text)"
    status_column = mapping.column_for("status")
    answered = is_answered(row.cells.get(status_column, "")) if status_column is not None else bool(answer)
    time = _value(row, mapping, "time")
    page_text = _value(row, mapping, "page")
    page = slide_page(page_text) or _number(page_text)
    lecture = _number(_value(row, mapping, "lecture"))
    video = media_time(time)
    asked = parse_any_date(time) if time and video is None else None
    return Question(
        text=text.strip(),
        answer=answer,
        status="answered" if answered else "open",
        asker=_value(row, mapping, "asker"),
        raw_sender=_value(row, mapping, "asker"),
        media_time=video,
        asked_at=asked.isoformat() if asked else None,
        slide_page=page,
        lecture_ref=lecture,
        origin_key=row.page_id or "",
    )


def row_note_details(database: Database, row: Row, note: Note) -> None:
    """A row parsed as a page: its title, date, place and properties come from the columns."""
    mapping = database.mapping
    title = _value(row, mapping, "title")
    if title:
        note.title = title
    date = parse_any_date(_value(row, mapping, "date"))
    if date is not None:
        note.date = date
    week = _number(_value(row, mapping, "week"))
    lecture = _number(_value(row, mapping, "lecture"))
    if week is not None:
        note.week = week
    if lecture is not None:
        note.lecture = lecture
    _gather_properties(note, row, mapping)


def row_without_page(database: Database, row: Row) -> Note:
    note = Note(title=_value(row, database.mapping, "title") or "Untitled", kind="markdown")
    row_note_details(database, row, note)
    return note


def _gather_properties(note: Note, row: Row, mapping: ColumnMapping) -> None:
    for column, kind in mapping.columns.items():
        value = row.cells.get(column, "").strip()
        if not value or kind not in ("property", "tags", "asker", "status", "time", "page"):
            continue
        if note.kind == "board" and kind != "property" and kind != "tags":
            continue  # a question's own fields live on the question
        name = "tags" if kind == "tags" else column
        known = [v for v in note.properties.get(name, "").split(", ") if v]
        for part in [value] if kind == "property" and note.kind != "board" else value.split(", "):
            if part not in known:
                known.append(part)
        note.properties[name] = ", ".join(known)


def _value(row: Row, mapping: ColumnMapping, wanted: Field) -> str:
    column = mapping.column_for(wanted)
    return row.cells.get(column, "").strip() if column else ""


def _number(text: str) -> int | None:
    found = _NUMBER.search(text)
    return int(found.group(0)) if found else None
