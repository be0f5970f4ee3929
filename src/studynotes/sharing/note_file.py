"""One note as a Markdown file that reads well on GitHub and parses back to the same state.

The blocks are those of `studynotes export` (a `<!-- studynotes:… {json} -->`
comment before each cell and question, ✅/☐ question headings, `> ` question
text, the answer below), with each block's uid and id added, so a week
exported by hand and a published folder are one format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..export import MARKER
from ..importers.studynotes_export import _blocks, _question
from ..model import ParsedDocument, nfc
from .state import QUESTION_FIELDS, AttachmentState, CellState, NoteState

NOTE_VERSION = 1
_ENCODE = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True
).encode  # made once: json.dumps makes one per call


def comment(kind: str, data: dict[str, Any]) -> str:
    """The export's marker comment, with keys sorted so the bytes never depend on dict order."""
    kept = {k: v for k, v in data.items() if v is not None and v != "" and v != {} and v != []}
    payload = _ENCODE(kept).replace("--", "\\u002d\\u002d")
    return f"<!-- {MARKER}:{kind} {payload} -->"


def render_note(note: NoteState, files: dict[str, str]) -> str:
    """The note's file text; `files` maps each attachment name to the file name it was given."""
    meta: dict[str, Any] = {
        "version": NOTE_VERSION,
        "uid": note.uid,
        "id": note.id,
        "week": note.week,
        **note.fields,
        "attachments": [
            {"name": a.name, "file": files.get(a.name, a.name), "mime_type": a.mime_type}
            for a in sorted(note.attachments, key=lambda a: a.name)
        ],
    }
    out = [comment("note", meta), f"# {note.fields.get('title') or 'Untitled'}", ""]
    for cell in note.cells:
        ids = {"uid": cell.uid, "id": cell.id, "conflicts": cell.conflicts}
        if cell.kind == "question":
            out += _question_block(cell, ids, files)
        else:
            out += [comment("cell", ids), _relink(str(cell.values.get("markdown", "")), files), ""]
    return "\n".join(out).rstrip() + "\n"


def _question_block(cell: CellState, ids: dict[str, Any], files: dict[str, str]) -> list[str]:
    values = cell.values
    meta = {**ids, "question_id": cell.question_id}
    meta.update({k: values.get(k) for k in QUESTION_FIELDS if k not in ("text", "answer")})
    meta["private"] = values.get("private") or None
    meta["edited_by_user"] = values.get("edited_by_user") or None
    mark = "✅" if values.get("status") == "answered" else "☐"
    page = values.get("slide_page")
    details = " · ".join(
        str(part)
        for part in (
            values.get("asker"),
            f"p. {page}" if page is not None else "",
            values.get("media_time"),
            values.get("asked_at"),
        )
        if part
    )
    out = [comment("question", meta), f"#### {mark} {details or 'Question'}"]
    out += [("> " + line).rstrip() for line in str(values.get("text", "")).split("\n")]
    out.append("")
    answer = str(values.get("answer", ""))
    if answer.strip():
        out += [_relink(answer, files), ""]
    return out


def _relink(markdown: str, files: dict[str, str]) -> str:
    for name, file in files.items():
        if name != file:
            markdown = _link_pattern(name).sub(_to(file), markdown)
    return markdown


def _unlink(markdown: str, files: dict[str, str]) -> str:
    for name, file in files.items():
        if name != file:
            markdown = _link_pattern(file).sub(_to(name), markdown)
    return markdown


def _to(target: str) -> Callable[[re.Match[str]], str]:
    return lambda match: f"{match[1]}{target}{match[2]}"


def _link_pattern(target: str) -> re.Pattern[str]:
    return re.compile(r"(\]\(\s*<?)" + re.escape(target) + r"(>?[\s)])")


class NoteFileError(ValueError):
    """A file in the folder is not a note this app can read."""


def parse_note(text: str, read_attachment: Any = None) -> NoteState:
    """The state a note file holds; `read_attachment(file)` returns an attachment's bytes."""
    document = ParsedDocument(format="studynotes_note")
    blocks = _blocks(nfc(text), document)
    if not blocks or blocks[0][0] != "note" or not blocks[0][1].get("uid"):
        raise NoteFileError("it does not start with a studynotes note comment")
    data = blocks[0][1]
    attachments = [a for a in data.get("attachments", []) if isinstance(a, dict) and a.get("name")]
    files = {str(a["name"]): str(a.get("file") or a["name"]) for a in attachments}
    note = NoteState(
        uid=str(data["uid"]),
        id=_int(data.get("id")),
        week=_int(data.get("week")),
        fields=note_fields(data),
    )
    for a in attachments:
        blob = read_attachment(files[str(a["name"])]) if read_attachment else None
        if blob is not None:
            note.attachments.append(
                AttachmentState(str(a["name"]), str(a.get("mime_type") or "application/octet-stream"), blob)
            )
    for kind, meta, body, line in blocks[1:]:
        if not meta.get("uid"):
            raise NoteFileError(f"line {line}: a {kind} block has no uid")
        conflicts = {str(k): str(v) for k, v in dict(meta.get("conflicts") or {}).items()}
        if kind == "cell":
            note.cells.append(
                CellState(
                    str(meta["uid"]),
                    "markdown",
                    {"markdown": _unlink(body.strip("\n"), files)},
                    conflicts,
                    _int(meta.get("id")),
                )
            )
        elif kind == "question":
            question = _question(meta, body)
            values = {k: getattr(question, k) for k in QUESTION_FIELDS if k != "status_changed_at"}
            values["answer"] = _unlink(values["answer"], files)
            values["status_changed_at"] = meta.get("status_changed_at")
            note.cells.append(
                CellState(
                    str(meta["uid"]),
                    "question",
                    values,
                    conflicts,
                    _int(meta.get("id")),
                    _int(meta.get("question_id")),
                )
            )
        else:
            raise NoteFileError(f"line {line}: unknown block {kind!r}")
    return note


def note_fields(data: dict[str, Any]) -> dict[str, Any]:
    """A note's own fields with the defaults a library row has, so both sides compare equal."""
    return {
        "title": nfc(str(data.get("title") or "Untitled")),
        "kind": str(data.get("kind") or "markdown"),
        "date": data.get("date") or None,
        "day": _int(data.get("day")),
        "week_number": _int(data.get("week_number")),
        "placed_by_user": bool(data.get("placed_by_user")),
        "lecture": _int(data.get("lecture")),
        "position": _int(data.get("position")) or 0,
        "properties": {str(k): str(v) for k, v in dict(data.get("properties") or {}).items()},
    }


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
