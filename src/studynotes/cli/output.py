"""How the command line prints: plain text for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from ..library import Counts, HistoryEntry, NoteInfo, QuestionRow, SearchHit

if TYPE_CHECKING:
    from ..importing import ImportReport
    from ..library import Library
    from ..library.backups import BackupInfo


def emit(value: Any, *, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
    elif value:
        sys.stdout.write(str(value).rstrip("\n") + "\n")


def counts_text(counts: Counts) -> str:
    return f"{counts.open} open / {counts.questions}" if counts.questions else "no questions"


def counts_json(counts: Counts) -> dict[str, int]:
    return {"questions": counts.questions, "open": counts.open}


def tree_json(library: Library) -> list[dict[str, Any]]:
    result = []
    for notebook in library.notebooks():
        weeks: list[dict[str, Any]] = []
        for week in library.weeks(notebook.id):
            weeks.append(
                {
                    "id": week.id,
                    "number": week.number,
                    "label": week.label,
                    "first_day": week.first_day.isoformat() if week.first_day else None,
                    **counts_json(week.counts),
                    "notes": [note_json(n) for n in library.notes(week_id=week.id, direct_only=True)],
                    "lectures": [
                        _lecture_json(library, lec) for lec in library.lectures(notebook.id, week.id)
                    ],
                }
            )
        unsorted = {
            "notes": [
                note_json(n) for n in library.notes(notebook_id=notebook.id, unsorted=True, direct_only=True)
            ],
            "lectures": [_lecture_json(library, lec) for lec in library.lectures(notebook.id, None)],
            **counts_json(library.unsorted_counts(notebook.id)),
        }
        result.append(
            {
                "id": notebook.id,
                "title": notebook.title,
                "start_date": notebook.start_date.isoformat() if notebook.start_date else None,
                "days_per_week": notebook.days_per_week,
                **counts_json(notebook.counts),
                "weeks": weeks,
                "unsorted": unsorted,
            }
        )
    return result


def _lecture_json(library: Library, lecture: Any) -> dict[str, Any]:
    return {
        "id": lecture.id,
        "number": lecture.number,
        "title": lecture.title,
        "date": lecture.date.isoformat() if lecture.date else None,
        **counts_json(lecture.counts),
        "notes": [note_json(n) for n in library.notes(lecture_id=lecture.id)],
    }


def tree_text(library: Library) -> str:
    lines: list[str] = []
    for notebook in tree_json(library):
        lines.append(f"{notebook['title']}  ({_counts(notebook)})")
        for week in notebook["weeks"]:
            lines.append(f"  {week['label']}  ({_counts(week)})")
            lines += _branch(week, "    ")
        unsorted = notebook["unsorted"]
        if unsorted["notes"] or unsorted["lectures"]:
            lines.append(f"  Unsorted  ({_counts(unsorted)})")
            lines += _branch(unsorted, "    ")
    return "\n".join(lines) if lines else "The library is empty. Import files with `studynotes import PATH`."


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
    if not notes:
        return "No notes."
    return "\n".join(
        f"[{n.id}] {n.notebook} · {'week ' + str(n.week) if n.week is not None else 'unsorted'}"
        f"{' · lecture ' + str(n.lecture) if n.lecture is not None else ''} · {n.title} ({counts_text(n.counts)})"
        for n in notes
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
    if not rows:
        return "No questions."
    lines = []
    for q in rows:
        mark = "✅" if q.status == "answered" else "☐"
        where = " ".join(p for p in (f"p.{q.page}" if q.page else "", q.media_time or "") if p)
        text = " ".join(q.text.split())
        lines.append(f"[{q.id}] {mark} {q.asker or '?'}{' (' + where + ')' if where else ''}: {text[:100]}")
    return "\n".join(lines)


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {"kind": hit.kind, "id": hit.id, "note": hit.note, "note_id": hit.note_id, "snippet": hit.snippet}


def hits_text(hits: list[SearchHit]) -> str:
    if not hits:
        return "Nothing found."
    return "\n".join(f"[{h.kind} {h.id}] {h.note}: {h.snippet}" for h in hits)


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
