"""The library's side of sharing a notebook: reading it whole as states, writing merged states back.

Reads fetch a notebook's notes, cells and questions in five queries, so a
10,000-note notebook reads in well under a second.  Writes run inside the
caller's transaction (see `Library.apply_sync`), so a merge lands whole or
not at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Question, nfc
from ..sharing.state import QUESTION_FIELDS, AttachmentState, CellState, NotebookMeta, NoteState
from . import placement
from .saving import stable_key

# The question's fields as a merge sees them; when its status last changed is kept beside it.
_QUESTION_COLUMNS = ", ".join(
    "t.changed_at" if f == "status_changed_at" else "q." + f for f in QUESTION_FIELDS
)


@dataclass(frozen=True)
class SyncSettings:
    notebook_id: int
    uid: str
    remote: str
    branch: str
    synced_commit: str
    synced_at: str | None


def ensure_identity(conn: sqlite3.Connection, notebook_id: int, uid: str | None = None) -> None:
    """Give the notebook, and each note and cell that has none, an id that holds across libraries."""
    conn.execute(
        "INSERT OR IGNORE INTO sync_notebooks (notebook_id, uid) VALUES (?, coalesce(?, lower(hex(randomblob(8)))))",
        (notebook_id, uid),
    )
    conn.execute(
        """INSERT INTO sync_note_uids (note_id, uid, origin_id)
           SELECT n.id, lower(hex(randomblob(8))), n.id FROM notes n
           WHERE n.notebook_id = ? AND NOT EXISTS (SELECT 1 FROM sync_note_uids u WHERE u.note_id = n.id)""",
        (notebook_id,),
    )
    conn.execute(
        """INSERT INTO sync_cell_uids (cell_id, uid, origin_id, origin_question_id)
           SELECT c.id, lower(hex(randomblob(8))), c.id, q.id
           FROM cells c JOIN notes n ON n.id = c.note_id LEFT JOIN questions q ON q.cell_id = c.id
           WHERE n.notebook_id = ? AND NOT EXISTS (SELECT 1 FROM sync_cell_uids u WHERE u.cell_id = c.id)""",
        (notebook_id,),
    )


def missing_identity(conn: sqlite3.Connection, notebook_id: int) -> bool:
    row = conn.execute(
        """SELECT NOT EXISTS (SELECT 1 FROM sync_notebooks WHERE notebook_id = ?)
              OR EXISTS (SELECT 1 FROM notes n WHERE n.notebook_id = ?
                         AND NOT EXISTS (SELECT 1 FROM sync_note_uids u WHERE u.note_id = n.id))
              OR EXISTS (SELECT 1 FROM cells c JOIN notes n ON n.id = c.note_id WHERE n.notebook_id = ?
                         AND NOT EXISTS (SELECT 1 FROM sync_cell_uids u WHERE u.cell_id = c.id))""",
        (notebook_id, notebook_id, notebook_id),
    ).fetchone()
    return bool(row[0])


def settings(conn: sqlite3.Connection, notebook_id: int) -> SyncSettings | None:
    row = conn.execute(
        "SELECT uid, remote, branch, synced_commit, synced_at FROM sync_notebooks WHERE notebook_id = ?",
        (notebook_id,),
    ).fetchone()
    return SyncSettings(notebook_id, *row) if row else None


def read_meta(conn: sqlite3.Connection, notebook_id: int) -> tuple[NotebookMeta, dict[int, str]]:
    """The notebook's settings and lectures, and its weeks' labels."""
    row = conn.execute(
        """SELECT s.uid, b.title, b.start_date, b.days_per_week, b.description, b.properties
           FROM notebooks b JOIN sync_notebooks s ON s.notebook_id = b.id WHERE b.id = ?""",
        (notebook_id,),
    ).fetchone()
    meta = NotebookMeta(row[0], row[1], row[2], row[3], row[4], json.loads(row[5] or "{}"))
    for number, title, date, week_number, properties in conn.execute(
        "SELECT number, title, date, week_number, properties FROM lectures WHERE notebook_id = ?",
        (notebook_id,),
    ):
        meta.lectures[number] = {
            k: v
            for k, v in (
                ("title", title),
                ("date", date),
                ("week_number", week_number),
                ("properties", json.loads(properties or "{}")),
            )
            if v not in (None, "", {})
        }
    labels = dict(conn.execute("SELECT number, label FROM weeks WHERE notebook_id = ?", (notebook_id,)))
    return meta, labels


@dataclass(frozen=True)
class NoteOutline:
    """What the folder's names and README need of a note, and its file's blob when unchanged."""

    id: int
    uid: str
    title: str
    date: str | None
    week: int | None
    lecture: int | None
    questions: int
    open: int
    blob: str | None
    attachments: bool


def read_outline(conn: sqlite3.Connection, notebook_id: int) -> list[NoteOutline]:
    return [
        NoteOutline(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9]))
        for r in conn.execute(
            """SELECT n.id, u.uid, n.title, n.date, w.number, l.number, n.questions_total, n.questions_open,
                      r.blob, EXISTS (SELECT 1 FROM attachments a WHERE a.note_id = n.id)
               FROM notes n JOIN sync_note_uids u ON u.note_id = n.id
               LEFT JOIN weeks w ON w.id = n.week_id LEFT JOIN lectures l ON l.id = n.lecture_id
               LEFT JOIN sync_rendered r ON r.note_id = n.id
               WHERE n.notebook_id = ?""",
            (notebook_id,),
        )
    ]


def remember_rendered(conn: sqlite3.Connection, blobs: Iterable[tuple[int, str]]) -> None:
    conn.executemany("INSERT OR REPLACE INTO sync_rendered (note_id, blob) VALUES (?, ?)", blobs)


def read_notes(
    conn: sqlite3.Connection, notebook_id: int, note_ids: Iterable[int] | None = None
) -> list[NoteState]:
    """Notes of the notebook (all, or those given), whole: five queries, whatever their number."""
    wanted = None if note_ids is None else sorted(set(note_ids))
    if wanted is not None and not wanted:
        return []
    if wanted is None or len(wanted) > 500:
        where, params = "n.notebook_id = ?", [notebook_id]
    else:
        where, params = f"n.id IN ({','.join('?' * len(wanted))})", list(wanted)
    keep = None if wanted is None else set(wanted)
    notes: dict[int, NoteState] = {}
    for r in conn.execute(
        f"""SELECT n.id, u.uid, u.origin_id, w.number, n.title, n.kind, n.date, n.day, n.week_number,
                   n.placed_by_user, l.number, n.position, n.properties
            FROM notes n JOIN sync_note_uids u ON u.note_id = n.id
            LEFT JOIN weeks w ON w.id = n.week_id LEFT JOIN lectures l ON l.id = n.lecture_id
            WHERE {where}""",
        params,
    ):
        if keep is not None and r[0] not in keep:
            continue
        fields = {
            "title": r[4],
            "kind": r[5],
            "date": r[6],
            "day": r[7],
            "week_number": r[8],
            "placed_by_user": bool(r[9]),
            "lecture": r[10],
            "position": r[11],
            "properties": json.loads(r[12] or "{}"),
        }
        notes[r[0]] = NoteState(uid=r[1], id=r[2], week=r[3], fields=fields)
    questions = {
        r[0]: r[1:]
        for r in conn.execute(
            f"""SELECT q.cell_id, {_QUESTION_COLUMNS}
                FROM questions q JOIN notes n ON n.id = q.note_id
                LEFT JOIN sync_status_times t ON t.question_id = q.id WHERE {where}""",
            params,
        )
    }
    conflicts: dict[int, dict[str, str]] = defaultdict(dict)
    for cell_id, field, theirs in conn.execute(
        f"""SELECT k.cell_id, k.field, k.theirs FROM sync_conflicts k JOIN cells c ON c.id = k.cell_id
            JOIN notes n ON n.id = c.note_id WHERE {where}""",
        params,
    ):
        conflicts[cell_id][field] = theirs
    for note_id, cell_id, kind, markdown, uid, origin, origin_question in conn.execute(
        f"""SELECT c.note_id, c.id, c.kind, c.markdown, u.uid, u.origin_id, u.origin_question_id
            FROM cells c JOIN notes n ON n.id = c.note_id JOIN sync_cell_uids u ON u.cell_id = c.id
            WHERE {where} ORDER BY c.note_id, c.position, c.id""",
        params,
    ):
        note = notes.get(note_id)
        if note is None:
            continue
        row = questions.get(cell_id)
        if kind == "question" and row is not None:
            values = dict(zip(QUESTION_FIELDS, row, strict=True))
            values["private"] = bool(values["private"])
            values["edited_by_user"] = bool(values["edited_by_user"])
            cell = CellState(uid, "question", values, conflicts.get(cell_id, {}), origin, origin_question)
        else:
            cell = CellState(uid, "markdown", {"markdown": markdown}, conflicts.get(cell_id, {}), origin)
        note.cells.append(cell)
    for note_id, name, mime_type, data in conn.execute(
        f"""SELECT a.note_id, a.name, a.mime_type, a.data FROM attachments a JOIN notes n ON n.id = a.note_id
            WHERE {where} AND a.data IS NOT NULL ORDER BY a.id""",
        params,
    ):
        if note_id in notes:
            notes[note_id].attachments.append(AttachmentState(name, mime_type, bytes(data)))
    return list(notes.values())


# -- writing merged states -------------------------------------------------------------


def apply_meta(conn: sqlite3.Connection, notebook_id: int, meta: NotebookMeta) -> bool:
    """Settings and lectures as merged; True when the schedule changed (every note is re-placed)."""
    old = conn.execute(
        "SELECT start_date, days_per_week FROM notebooks WHERE id = ?", (notebook_id,)
    ).fetchone()
    conn.execute(
        """UPDATE notebooks SET start_date = ?, days_per_week = ?, description = ?, properties = ?
           WHERE id = ?""",
        (
            meta.start_date,
            meta.days_per_week,
            nfc(meta.description),
            json.dumps(meta.properties, ensure_ascii=False),
            notebook_id,
        ),
    )
    for number, lecture in meta.lectures.items():
        values = (
            nfc(str(lecture.get("title") or "")),
            lecture.get("date"),
            lecture.get("week_number"),
            json.dumps(lecture.get("properties") or {}, ensure_ascii=False),
        )
        found = conn.execute(
            "SELECT id FROM lectures WHERE notebook_id = ? AND number = ?", (notebook_id, number)
        ).fetchone()
        if found:
            conn.execute(
                "UPDATE lectures SET title = ?, date = ?, week_number = ?, properties = ? WHERE id = ?",
                (*values, found[0]),
            )
        else:
            conn.execute(
                "INSERT INTO lectures (notebook_id, number, title, date, week_number, properties)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (notebook_id, number, *values),
            )
    return tuple(old) != (meta.start_date, meta.days_per_week)


def delete_notes(conn: sqlite3.Connection, uids: Iterable[str]) -> list[int]:
    removed = []
    for uid in uids:
        row = conn.execute("SELECT note_id FROM sync_note_uids WHERE uid = ?", (uid,)).fetchone()
        if row:
            conn.execute("DELETE FROM notes WHERE id = ?", (row[0],))
            removed.append(int(row[0]))
    return removed


def write_note(conn: sqlite3.Connection, notebook_id: int, note: NoteState) -> int:
    """Create or update a note so it holds exactly `note`; returns its id here."""
    fields = note.fields
    lecture_id = _lecture_id(conn, notebook_id, fields.get("lecture"))
    values = {
        "title": nfc(str(fields.get("title") or "Untitled")),
        "kind": fields.get("kind") or "markdown",
        "date": fields.get("date"),
        "day": fields.get("day"),
        "week_number": fields.get("week_number"),
        "placed_by_user": int(bool(fields.get("placed_by_user"))),
        "lecture_id": lecture_id,
        "position": fields.get("position") or 0,
        "properties": json.dumps(fields.get("properties") or {}, ensure_ascii=False),
    }
    row = conn.execute("SELECT note_id FROM sync_note_uids WHERE uid = ?", (note.uid,)).fetchone()
    if row is None:
        note_id = _free_id(conn, "notes", note.id)
        conn.execute(
            f"INSERT INTO notes (id, notebook_id, {', '.join(values)}) VALUES (?, ?, {', '.join('?' * len(values))})",
            (note_id, notebook_id, *values.values()),
        )
        conn.execute(
            "INSERT INTO sync_note_uids (note_id, uid, origin_id) VALUES (?, ?, ?)",
            (note_id, note.uid, note.id if note.id is not None else note_id),
        )
    else:
        note_id = int(row[0])
        sets = ", ".join(f"{k} = ?" for k in values)
        conn.execute(f"UPDATE notes SET {sets} WHERE id = ?", (*values.values(), note_id))
    _write_cells(conn, note_id, note.cells)
    _write_attachments(conn, note_id, note.attachments)
    return note_id


def _write_cells(conn: sqlite3.Connection, note_id: int, cells: list[CellState]) -> None:
    existing = {
        uid: (cell_id, kind)
        for uid, cell_id, kind in conn.execute(
            """SELECT u.uid, c.id, c.kind FROM cells c JOIN sync_cell_uids u ON u.cell_id = c.id
               WHERE c.note_id = ?""",
            (note_id,),
        )
    }
    wanted = {cell.uid: cell for cell in cells}
    for uid, (cell_id, kind) in existing.items():
        if uid not in wanted or wanted[uid].kind != kind:
            conn.execute("DELETE FROM cells WHERE id = ?", (cell_id,))
    conn.execute(
        "DELETE FROM cells WHERE note_id = ? AND id NOT IN (SELECT cell_id FROM sync_cell_uids)", (note_id,)
    )
    for position, cell in enumerate(cells):
        found = existing.get(cell.uid)
        if found is not None and found[1] == cell.kind:
            cell_id = found[0]
            conn.execute(
                "UPDATE cells SET position = ? WHERE id = ? AND position != ?", (position, cell_id, position)
            )
            if cell.kind == "markdown":
                conn.execute(
                    "UPDATE cells SET markdown = ? WHERE id = ? AND markdown != ?",
                    (
                        nfc(str(cell.values.get("markdown", ""))),
                        cell_id,
                        nfc(str(cell.values.get("markdown", ""))),
                    ),
                )
            else:
                _update_question(conn, cell_id, cell.values)
        else:
            cell_id = _insert_cell(conn, note_id, position, cell)
        conn.execute("DELETE FROM sync_conflicts WHERE cell_id = ?", (cell_id,))
        conn.executemany(
            "INSERT INTO sync_conflicts (cell_id, field, theirs) VALUES (?, ?, ?)",
            [(cell_id, field, theirs) for field, theirs in sorted(cell.conflicts.items())],
        )


def _insert_cell(conn: sqlite3.Connection, note_id: int, position: int, cell: CellState) -> int:
    cell_id = _free_id(conn, "cells", cell.id)
    markdown = nfc(str(cell.values.get("markdown", ""))) if cell.kind == "markdown" else ""
    conn.execute(
        "INSERT INTO cells (id, note_id, position, kind, markdown) VALUES (?, ?, ?, ?, ?)",
        (cell_id, note_id, position, cell.kind, markdown),
    )
    question_id = None
    if cell.kind == "question":
        question_id = _free_id(conn, "questions", cell.question_id)
        values = _question_values(cell.values)
        changed_at = values.pop("status_changed_at")
        key = stable_key(Question(text=str(values["text"]), asker=str(values["asker"])), "")
        names = ", ".join(values)
        conn.execute(
            f"INSERT INTO questions (id, cell_id, note_id, stable_key, {names})"
            f" VALUES (?, ?, ?, ?, {', '.join('?' * len(values))})",
            (question_id, cell_id, note_id, key, *values.values()),
        )
        _set_status_time(conn, question_id, changed_at)
    conn.execute(
        "INSERT INTO sync_cell_uids (cell_id, uid, origin_id, origin_question_id) VALUES (?, ?, ?, ?)",
        (
            cell_id,
            cell.uid,
            cell.id if cell.id is not None else cell_id,
            cell.question_id if cell.question_id is not None else question_id,
        ),
    )
    return cell_id


def _update_question(conn: sqlite3.Connection, cell_id: int, wanted: dict[str, Any]) -> None:
    values = _question_values(wanted)
    changed_at = values.pop("status_changed_at")
    current = conn.execute(
        f"SELECT id, {', '.join(values)} FROM questions WHERE cell_id = ?", (cell_id,)
    ).fetchone()
    changed = {k: v for (k, v), old in zip(values.items(), current[1:], strict=True) if v != old}
    if changed:
        sets = ", ".join(f"{k} = ?" for k in changed)
        conn.execute(f"UPDATE questions SET {sets} WHERE cell_id = ?", (*changed.values(), cell_id))
    _set_status_time(conn, current[0], changed_at)


def _set_status_time(conn: sqlite3.Connection, question_id: int, changed_at: Any) -> None:
    """The merged time of the last status change (the update's trigger stamped it `now`)."""
    if changed_at:
        row = conn.execute(
            "SELECT changed_at FROM sync_status_times WHERE question_id = ?", (question_id,)
        ).fetchone()
        if row is None or row[0] != changed_at:
            conn.execute(
                "INSERT OR REPLACE INTO sync_status_times (question_id, changed_at) VALUES (?, ?)",
                (question_id, changed_at),
            )
    else:
        conn.execute("DELETE FROM sync_status_times WHERE question_id = ?", (question_id,))


def _question_values(values: dict[str, Any]) -> dict[str, Any]:
    out = {k: values.get(k) for k in QUESTION_FIELDS}
    for text in ("text", "answer", "asker", "raw_sender"):
        out[text] = nfc(str(out[text] or ""))
    out["text"] = out["text"] or "(no text)"
    out["status"] = "answered" if out["status"] == "answered" else "open"
    out["private"] = int(bool(out["private"]))
    out["edited_by_user"] = int(bool(out["edited_by_user"]))
    return out


def _write_attachments(conn: sqlite3.Connection, note_id: int, attachments: list[AttachmentState]) -> None:
    import hashlib

    current = sorted(
        (r[0], r[1], bytes(r[2]))
        for r in conn.execute(
            "SELECT name, mime_type, data FROM attachments WHERE note_id = ? AND data IS NOT NULL", (note_id,)
        )
    )
    wanted = sorted((a.name, a.mime_type, a.data) for a in attachments)
    if current == wanted:
        return
    conn.execute("DELETE FROM attachments WHERE note_id = ?", (note_id,))
    conn.executemany(
        "INSERT INTO attachments (note_id, name, mime_type, data, sha256) VALUES (?, ?, ?, ?, ?)",
        [(note_id, name, mime, data, hashlib.sha256(data).hexdigest()) for name, mime, data in wanted],
    )


def _lecture_id(conn: sqlite3.Connection, notebook_id: int, number: Any) -> int | None:
    if not isinstance(number, int):
        return None
    row = conn.execute(
        "SELECT id FROM lectures WHERE notebook_id = ? AND number = ?", (notebook_id, number)
    ).fetchone()
    if row:
        return int(row[0])
    cursor = conn.execute("INSERT INTO lectures (notebook_id, number) VALUES (?, ?)", (notebook_id, number))
    return int(cursor.lastrowid or 0)


def _free_id(conn: sqlite3.Connection, table: str, wanted: int | None) -> int:
    """The id the item had where it was made, when it is free here; else the next one."""
    if (
        wanted is not None
        and conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (wanted,)).fetchone() is None
    ):
        return wanted
    return int(conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])


def place_notes(conn: sqlite3.Connection, notebook_id: int, note_ids: list[int], everything: bool) -> None:
    placement.place(conn, notebook_id, None if everything else note_ids)


def record_sync(
    conn: sqlite3.Connection, notebook_id: int, *, commit: str, remote: str, branch: str, at: str
) -> None:
    conn.execute(
        "UPDATE sync_notebooks SET synced_commit = ?, remote = ?, branch = ?, synced_at = ? WHERE notebook_id = ?",
        (commit, remote, branch, at, notebook_id),
    )
