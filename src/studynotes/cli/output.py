"""How the command line prints: plain text for people, JSON for scripts."""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from ..library import Counts, HistoryEntry, NoteInfo, QuestionRow, SearchHit

if TYPE_CHECKING:
    from ..importing import ImportReport
    from ..library import Library
    from ..library.backups import BackupInfo

T = TypeVar("T")


def emit(value: Any, *, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
    elif value:
        sys.stdout.write(str(value).rstrip("\n") + "\n")


def emit_json_array(items: Iterable[Any]) -> None:
    """A JSON array written item by item: the same bytes as `emit(list(items))`, in flat memory.

    A million questions as one list took 6.6 GB before the first byte was written.
    """
    write = sys.stdout.write
    first = True
    for item in items:
        body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        write(("[\n  " if first else ",\n  ") + body)
        first = False
    write("[]\n" if first else "\n]\n")


def emit_json_pieces(pieces: Iterable[bytes]) -> None:
    """A JSON array whose items come already written as UTF-8, indented as in `emit_json_array`,
    several to a piece (joined by `,\n  `): the same bytes, without a Python object per item.

    Written to the byte stream beneath stdout when it is UTF-8 with no line-ending
    translation, saving a decode and an encode of every byte; else as text."""
    sys.stdout.flush()
    raw = getattr(sys.stdout, "buffer", None)
    encoding = getattr(sys.stdout, "encoding", None) or ""
    if raw is not None and os.linesep == "\n" and codecs.lookup(encoding).name == "utf-8":
        write: Callable[[bytes], Any] = raw.write
    else:
        text_write = sys.stdout.write
        write = lambda piece: text_write(piece.decode("utf-8"))  # noqa: E731
    first = True
    for piece in pieces:
        write((b"[\n  " if first else b",\n  ") + piece)
        first = False
    write(b"[]\n" if first else b"\n]\n")
    if raw is not None:
        raw.flush()


def emit_rows(
    rows: Iterable[T], *, as_json: bool, to_json: Callable[[T], Any], to_text: Callable[[T], str], empty: str
) -> None:
    """A listing, row by row: a JSON array for scripts, text lines (or `empty`) for people."""
    if as_json:
        emit_json_array(to_json(row) for row in rows)
    else:
        emit_lines((to_text(row) for row in rows), empty)


def emit_lines(lines: Iterable[str], empty: str) -> None:
    """Plain-text lines as they come; `empty` when there are none."""
    write = sys.stdout.write
    nothing = True
    for line in lines:
        write(line + "\n")
        nothing = False
    if nothing:
        write(empty + "\n")


def counts_text(counts: Counts) -> str:
    return f"{counts.open} open / {counts.questions}" if counts.questions else "no questions"


def counts_json(counts: Counts) -> dict[str, int]:
    return {"questions": counts.questions, "open": counts.open}


def tree_json(library: Library) -> list[dict[str, Any]]:
    return list(iter_tree_json(library))


def iter_tree_json(library: Library) -> Iterator[dict[str, Any]]:
    """Notebook by notebook, each read with one query for its notes (a query per week and lecture
    took 10 s at a million questions)."""
    for notebook in library.notebooks():
        direct: dict[int | None, list[dict[str, Any]]] = {}
        by_lecture: dict[int, list[dict[str, Any]]] = {}
        for n in library.iter_notes(notebook_id=notebook.id):
            if n.lecture_id is not None:
                by_lecture.setdefault(n.lecture_id, []).append(note_json(n))
            else:
                direct.setdefault(n.week_id, []).append(note_json(n))
        lectures_by_week: dict[int | None, list[dict[str, Any]]] = {}
        for lecture in library.all_lectures(notebook.id):
            lectures_by_week.setdefault(lecture.week_id, []).append(
                _lecture_json(lecture, by_lecture.get(lecture.id, []))
            )
        weeks = [
            {
                "id": week.id,
                "number": week.number,
                "label": week.label,
                "first_day": week.first_day.isoformat() if week.first_day else None,
                **counts_json(week.counts),
                "notes": direct.get(week.id, []),
                "lectures": lectures_by_week.get(week.id, []),
            }
            for week in library.weeks(notebook.id)
        ]
        unsorted = {
            "notes": direct.get(None, []),
            "lectures": lectures_by_week.get(None, []),
            **counts_json(library.unsorted_counts(notebook.id)),
        }
        yield {
            "id": notebook.id,
            "title": notebook.title,
            "start_date": notebook.start_date.isoformat() if notebook.start_date else None,
            "days_per_week": notebook.days_per_week,
            **counts_json(notebook.counts),
            "weeks": weeks,
            "unsorted": unsorted,
        }


def _lecture_json(lecture: Any, notes: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": lecture.id,
        "number": lecture.number,
        "title": lecture.title,
        "date": lecture.date.isoformat() if lecture.date else None,
        **counts_json(lecture.counts),
        "notes": notes,
    }


def tree_text(library: Library) -> str:
    return "\n".join(notebook_text(nb) for nb in iter_tree_json(library)) or TREE_EMPTY


TREE_EMPTY = "The library is empty. Import files with `studynotes import PATH`."


def notebook_text(notebook: dict[str, Any]) -> str:
    """One notebook of `iter_tree_json`, as indented lines."""
    lines = [f"{notebook['title']}  ({_counts(notebook)})"]
    for week in notebook["weeks"]:
        lines.append(f"  {week['label']}  ({_counts(week)})")
        lines += _branch(week, "    ")
    unsorted = notebook["unsorted"]
    if unsorted["notes"] or unsorted["lectures"]:
        lines.append(f"  Unsorted  ({_counts(unsorted)})")
        lines += _branch(unsorted, "    ")
    return "\n".join(lines)


def _branch(node: dict[str, Any], indent: str) -> list[str]:
    lines = [_note_line(n, indent) for n in node["notes"]]
    for lecture in node["lectures"]:
        title = f"Lecture {lecture['number']}" + (f": {lecture['title']}" if lecture["title"] else "")
        lines.append(f"{indent}{title}  ({_counts(lecture)})")
        lines += [_note_line(n, indent + "  ") for n in lecture["notes"]]
    return lines


def _counts(node: dict[str, Any]) -> str:
    return f"{node['open']} open / {node['questions']}" if node["questions"] else "no questions"


def _note_line(note: dict[str, Any], indent: str) -> str:
    date = f"  {note['date']}" if note["date"] else ""
    return f"{indent}[{note['id']}] {note['title']}  {note['kind']}{date}  ({_counts(note)})"


def note_json(note: NoteInfo) -> dict[str, Any]:
    return {
        "id": note.id,
        "notebook": note.notebook,
        "week": note.week,
        "lecture": note.lecture,
        "title": note.title,
        "kind": note.kind,
        "date": note.date.isoformat() if note.date else None,
        "questions": note.counts.questions,
        "open": note.counts.open,
    }


def notes_text(notes: list[NoteInfo]) -> str:
    return "\n".join(note_line(n) for n in notes) or NOTES_EMPTY


NOTES_EMPTY = "No notes."


def note_line(n: NoteInfo) -> str:
    return (
        f"[{n.id}] {n.notebook} · {'week ' + str(n.week) if n.week is not None else 'unsorted'}"
        f"{' · lecture ' + str(n.lecture) if n.lecture is not None else ''} · {n.title} ({counts_text(n.counts)})"
    )


def question_json(q: QuestionRow) -> dict[str, Any]:
    return {
        "id": q.id,
        "notebook": q.notebook,
        "week": q.week,
        "lecture": q.lecture,
        "note": q.note,
        "note_id": q.note_id,
        "asker": q.asker,
        "text": q.text,
        "answer": q.answer,
        "status": q.status,
        "page": q.page,
        "media_time": q.media_time,
        "asked_at": q.asked_at,
        "answered_by": q.answered_by,
    }


def questions_text(rows: list[QuestionRow]) -> str:
    return "\n".join(question_line(q) for q in rows) or QUESTIONS_EMPTY


QUESTIONS_EMPTY = "No questions."


def question_line(q: QuestionRow) -> str:
    mark = "✅" if q.status == "answered" else "☐"
    where = " ".join(p for p in (f"p.{q.page}" if q.page else "", q.media_time or "") if p)
    text = " ".join(q.text.split())
    return f"[{q.id}] {mark} {q.asker or '?'}{' (' + where + ')' if where else ''}: {text[:100]}"


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {"kind": hit.kind, "id": hit.id, "note": hit.note, "note_id": hit.note_id, "snippet": hit.snippet}


def hits_text(hits: list[SearchHit]) -> str:
    return "\n".join(hit_line(h) for h in hits) or HITS_EMPTY


HITS_EMPTY = "Nothing found."


def hit_line(h: SearchHit) -> str:
    return f"[{h.kind} {h.id}] {h.note}: {h.snippet}"


def report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "files": [
            {
                "path": f.path,
                "format": f.format,
                "notebook": f.notebook,
                "notes": f.notes,
                "questions": f.questions,
                "warnings": f.warnings,
                "unchanged": f.unchanged,
                "updated": f.updated,
                "kept_user_changes": f.kept_user_changes,
            }
            for f in report.files
        ],
        "errors": [{"path": e.path, "message": e.reason, "line": e.line} for e in report.errors],
    }


def report_text(report: ImportReport) -> str:
    lines = []
    for f in report.files:
        if f.unchanged:
            lines.append(f"{f.path}: unchanged since the last import; nothing to do")
            continue
        verb = "updated" if f.updated else "imported"
        kept = f", kept {f.kept_user_changes} of your changes" if f.kept_user_changes else ""
        lines.append(
            f"{f.path}: {verb} as {f.format} into {f.notebook!r}: {f.notes} note(s), "
            f"{f.questions} question(s){kept}"
        )
        lines += [f"  warning: {w}" for w in f.warnings]
    lines.append(
        f"{len(report.files)} file(s), {report.notes} note(s), {report.questions} question(s), "
        f"{len(report.errors)} error(s)"
    )
    return "\n".join(lines)


def history_json(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "note_id": entry.note_id,
        "cell_id": entry.cell_id,
        "question_id": entry.question_id,
        "field": entry.field,
        "old_value": entry.old_value,
        "changed_at": entry.changed_at,
    }


def history_text(entries: list[HistoryEntry]) -> str:
    if not entries:
        return "No earlier versions: nothing in this note was edited."
    return "\n".join(
        f"[{e.id}] {e.changed_at} {e.field}: {' '.join(e.old_value.split())[:90]}" for e in entries
    )


def backup_json(backup: BackupInfo) -> dict[str, Any]:
    return {
        "path": str(backup.path),
        "created": backup.created.isoformat(),
        "reason": backup.reason,
        "size": backup.size,
    }


def backups_text(backups: list[BackupInfo]) -> str:
    if not backups:
        return "No backups yet."
    return "\n".join(
        f"{b.created:%Y-%m-%d %H:%M:%S}  {b.reason:<16} {b.size / 1024:8.0f} KB  {b.path}" for b in backups
    )
