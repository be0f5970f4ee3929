"""A week back to Markdown: readable anywhere, and re-importable without loss.

The document reads as plain Markdown (headings, ✅/☐ questions, answers);
small HTML comments carry what Markdown has no place for (asker, page, time,
status), so importing the file again yields the same questions and answers.
The headings are in the window's language (English from the command line);
the comments never are, so an export in any language imports again.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .library import LectureInfo, Library, NotebookInfo, WeekInfo
from .model import Note, Question, StudyNotesError
from .wording import lecture_label, translate, week_label

MARKER = "studynotes"
EXPORT_VERSION = 1


@dataclass
class WeekExport:
    notebook: NotebookInfo
    week: WeekInfo
    loose_notes: list[Note] = field(default_factory=list)  # in the week, under no lecture
    lectures: list[tuple[LectureInfo, list[Note]]] = field(default_factory=list)


def gather_week(library: Library, notebook_title: str, week_number: int) -> WeekExport:
    notebook_id = library.notebook_id(notebook_title)
    if notebook_id is None:
        raise StudyNotesError(f"no notebook called {notebook_title!r}")
    notebook = library.notebook(notebook_id)
    week = next((w for w in library.weeks(notebook_id) if w.number == week_number), None)
    if notebook is None or week is None:
        raise StudyNotesError(f"notebook {notebook_title!r} has no week {week_number}")
    export = WeekExport(notebook, week)
    export.loose_notes = _load(library, library.notes(week_id=week.id, direct_only=True))
    for lecture in library.lectures(notebook_id, week.id):
        export.lectures.append((lecture, _load(library, library.notes(lecture_id=lecture.id))))
    return export


def _load(library: Library, infos: list[Any]) -> list[Note]:
    return [note for info in infos if (note := library.note(info.id)) is not None]


def _comment(kind: str, data: dict[str, Any] | None = None) -> str:
    payload = json.dumps(
        {k: v for k, v in (data or {}).items() if v not in (None, "", {}, [])}, ensure_ascii=False
    )
    payload = payload.replace("--", "\\u002d\\u002d")
    return f"<!-- {MARKER}:{kind} {payload} -->" if data else f"<!-- {MARKER}:{kind} -->"


def week_to_markdown(export: WeekExport, *, open_only: bool = False) -> tuple[str, dict[str, bytes]]:
    """The Markdown text and the files (relative path → bytes) to write beside it."""
    files: dict[str, bytes] = {}
    out = [
        _comment(
            "export",
            {"version": EXPORT_VERSION, "notebook": export.notebook.title, "week": export.week.number},
        ),
        f"# {export.notebook.title} · {week_label(export.week.number, export.week.first_day, export.week.label)}",
        "",
    ]
    for note in export.loose_notes:
        out += _note(note, None, files, open_only)
    for lecture, notes in export.lectures:
        out += [
            _comment(
                "lecture",
                {
                    "number": lecture.number,
                    "title": lecture.title,
                    "date": lecture.date.isoformat() if lecture.date else None,
                    "properties": lecture.properties,
                },
            ),
            f"## {lecture_label(lecture.number, lecture.title)}",
            "",
        ]
        for note in notes:
            out += _note(note, lecture.number, files, open_only)
    return "\n".join(out).rstrip() + "\n", files


def _note(note: Note, lecture: int | None, files: dict[str, bytes], open_only: bool) -> list[str]:
    renames = _place_attachments(note, files)
    out = [
        _comment(
            "note",
            {
                "title": note.title,
                "kind": note.kind,
                "date": note.date.isoformat() if note.date else None,
                "day": note.day,
                "lecture": lecture,
                "properties": note.properties,
            },
        ),
        f"### {note.title}",
        "",
    ]
    for cell in note.cells:
        if cell.question is not None:
            if open_only and cell.question.status != "open":
                continue
            out += _question(cell.question, renames)
        elif not open_only and cell.markdown.strip():
            out += [_comment("cell"), _relink(cell.markdown, renames), ""]
    return out


def _question(question: Question, renames: dict[str, str]) -> list[str]:
    meta = {
        "status": question.status,
        "asker": question.asker,
        "raw_sender": question.raw_sender,
        "asked_at": question.asked_at,
        "media_time": question.media_time,
        "slide_page": question.slide_page,
        "lecture_ref": question.lecture_ref,
        "answered_by": question.answered_by,
        "private": question.private or None,
        "resolved_at": question.resolved_at,
        "edited_by_user": question.edited_by_user or None,
    }
    mark = "✅" if question.status == "answered" else "☐"
    details = " · ".join(
        part
        for part in (
            question.asker,
            translate("Card", "p. {page}").format(page=question.slide_page)
            if question.slide_page is not None
            else "",
            question.media_time or "",
            question.asked_at or "",
        )
        if part
    )
    out = [_comment("question", meta), f"#### {mark} {details or translate('Export', 'Question')}"]
    out += [("> " + line).rstrip() for line in question.text.split("\n")]
    out.append("")
    if question.answer.strip():
        out += [_relink(question.answer, renames), ""]
    return out


def _place_attachments(note: Note, files: dict[str, bytes]) -> dict[str, str]:
    """Give each attachment a safe relative path; rename when another file took it."""
    renames: dict[str, str] = {}
    for attachment in note.attachments:
        if attachment.data is None:
            continue
        safe = posixpath.normpath("/" + attachment.name.replace("\\", "/")).lstrip("/") or "file"
        target, counter = safe, 2
        while target in files and files[target] != attachment.data:
            stem, dot, suffix = safe.rpartition(".")
            target = f"{stem}-{counter}.{suffix}" if dot else f"{safe}-{counter}"
            counter += 1
        files[target] = attachment.data
        if target != attachment.name:
            renames[attachment.name] = target
    return renames


def _relink(markdown: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        pattern = re.compile(r"(\]\(\s*<?)" + re.escape(old) + r"(>?[\s)])")
        markdown = pattern.sub(_replacement(new), markdown)
    return markdown


def _replacement(target: str) -> Callable[[re.Match[str]], str]:
    return lambda match: f"{match[1]}{target}{match[2]}"


def write_export(markdown: str, files: dict[str, bytes], target: Path) -> None:
    """Write the document and its images; images only land inside the target's folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    root = target.parent.resolve()
    for relative, data in files.items():
        path = (root / relative).resolve()
        if not path.is_relative_to(root):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    target.write_text(markdown, encoding="utf-8")
