"""Importing a changed file again: rows are updated in place, never replaced.

A note keeps its id when the file still has it (same kind and title, else the
same place among the file's notes); a question keeps its id, and a cell its
id, while the file still says the same thing (the cell's `import_key`).  What
the user decided wins over the file: a status set, a text or answer edited, a
note moved, a cell added, a question or text deleted.  A question the user touched
stays even when the file drops it (counted among the kept changes).  Runs inside the
caller's transaction.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Cell, Note, nfc
from . import saving, word_parts

if TYPE_CHECKING:
    from .save_hints import SaveHints


@dataclass
class _OldCell:
    id: int
    note_id: int
    markdown: str
    key: str
    added: bool
    edited: bool
    question_id: int | None
    question_flags: tuple[int, int, int]  # status, text, answer set by the user

    @property
    def holds_user_decision(self) -> bool:
        """Deleting it would lose something the user wrote or decided (a question's status too)."""
        return self.added or self.edited or any(self.question_flags)


@dataclass
class Outcome:
    note_ids: list[int]
    batch: saving.Batch
    kept_user_changes: int
    questions: int


_QUESTION_FIELDS = (
    "asker",
    "raw_sender",
    "asked_at",
    "media_time",
    "slide_page",
    "lecture_ref",
    "private",
    "stable_key",
)
_STATUS_FIELDS = ("status", "answered_by", "resolved_at")


def update_source(
    conn: sqlite3.Connection,
    *,
    source_id: int,
    notebook_id: int,
    notes: list[Note],
    source_name: str,
    lectures: dict[int, int],
    new_id: saving.IdAllocator,
    hints: SaveHints | None = None,
    as_parsed: bool = False,
) -> Outcome:
    """Bring the source's notes to what `notes` says, keeping ids and the user's decisions.

    `hints`: what was worked out from the file's words where it was parsed (save_hints.py);
    `as_parsed`: the notes are as they were then (no people renamed, no decision applied)."""
    old_notes = conn.execute(
        "SELECT id, kind, title, placed_by_user FROM notes WHERE source_id = ? ORDER BY position, id",
        (source_id,),
    ).fetchall()
    placed_by_user = {row[0] for row in old_notes if row[3]}
    last_version = conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0]
    targets = _match_notes(old_notes, notes)
    batch = saving.Batch()
    note_ids: list[int] = []
    for position, (note, old_id) in enumerate(zip(notes, targets, strict=True)):
        row = saving.note_row(
            note, old_id or 0, notebook_id=notebook_id, source_id=source_id, lectures=lectures
        ) | {"position": position}
        if old_id is None:
            row["id"] = new_id("notes")
            batch.notes.append(row)
        else:
            _update_note(conn, row, keep_place=old_id in placed_by_user)
            conn.execute("DELETE FROM attachments WHERE note_id = ?", (old_id,))
        note_ids.append(int(row["id"]))
        saving.add_attachment_rows(batch, note, int(row["id"]), new_id)
    saving.insert_batch(conn, saving.Batch(notes=batch.notes))  # kept cells may move into new notes

    old_cells = _old_cells(conn, [row[0] for row in old_notes])
    dismissed = {
        row[0] for row in conn.execute("SELECT import_key FROM dismissed WHERE source_id = ?", (source_id,))
    }
    order: dict[int, list[int]] = {note_id: [] for note_id in note_ids}
    kept = 0
    fresh = not old_cells and not dismissed  # every cell new: as the hints hold it, when they hold every one
    if as_parsed and fresh and hints is not None and len(hints.rows) == sum(len(n.cells) for n in notes):
        _insert_as_parsed(conn, notes, order, hints, new_id)
        positions: dict[int, int] = {}  # no old cell to keep or delete
    else:
        kept, positions = _save_cells(
            conn, notes, order, old_cells, dismissed, batch, source_name, new_id, hints
        )
    saving.insert_batch(conn, saving.Batch(attachments=batch.attachments))
    for note_id, *_rest in old_notes:
        if note_id not in order:
            conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
    _delete_cells(conn, [c.id for c in old_cells if c.id not in positions and c.note_id in order])
    staying = {c.question_id for c in old_cells if c.question_id is not None and c.id in positions}
    gone = [c.question_id for c in old_cells if c.question_id is not None and c.question_id not in staying]
    for chunk in _chunks(gone, 500):  # a review schedule leaves with its question
        conn.execute(f"DELETE FROM review_cards WHERE question_id IN ({','.join('?' * len(chunk))})", chunk)
    # The file's own changes are not the user's versions: history keeps edits only.
    conn.execute("DELETE FROM history WHERE id > ?", (last_version,))
    questions = sum(1 for n in notes for c in n.cells if c.question is not None and not c.question.private)
    written = set(note_ids)  # a set: a daily log of 50,000 days has as many notes
    return Outcome(note_ids + [n for n in order if n not in written], batch, kept, questions)


def _save_cells(
    conn: sqlite3.Connection,
    notes: list[Note],
    order: dict[int, list[int]],
    old_cells: list[_OldCell],
    dismissed: set[str],
    batch: saving.Batch,
    source_name: str,
    new_id: saving.IdAllocator,
    hints: SaveHints | None,
) -> tuple[int, dict[int, int]]:
    """Each cell the file has: an old cell that says the same kept (updated where the user did not
    change it), else a new one; the user's cells the file lost retained.  Returns the changes kept
    and every cell's position."""
    pool: dict[str, deque[_OldCell]] = defaultdict(deque)
    for old in old_cells:
        if not old.added:
            pool[old.key].append(old)
    used: set[int] = set()
    kept = 0
    for note, note_id in zip(notes, order, strict=True):
        for cell in note.cells:
            key = saving.cell_key(cell, source_name, hints)
            if key in dismissed:
                continue
            found = pool[key].popleft() if pool.get(key) else None
            if found is None:
                cell_id = new_id("cells")
                saving.add_cell_rows(batch, cell, cell_id, note_id, 0, source_name, new_id, key, hints)
            else:
                cell_id = found.id
                used.add(cell_id)
                kept += _update_cell(conn, found, cell, note_id, source_name)
            order[note_id].append(cell_id)
    kept += _retain_user_cells(old_cells, used, order)
    positions = {cell_id: index for cells in order.values() for index, cell_id in enumerate(cells)}
    for row in batch.cells:
        row["position"] = positions[row["id"]]
    new_cells = {row["id"] for row in batch.cells}
    _place_cells(conn, order, skip=new_cells)
    saving.insert_batch(conn, saving.Batch(cells=batch.cells, questions=batch.questions))
    if hints is not None:
        _note_ready_parts(conn, batch, hints)
    return kept, positions


def _insert_as_parsed(
    conn: sqlite3.Connection,
    notes: list[Note],
    order: dict[int, list[int]],
    hints: SaveHints,
    new_id: saving.IdAllocator,
) -> None:
    """A new file's cells and questions, from the rows its hints hold: only the ids are added here.

    The same rows, ids and order as `_save_cells` gives them (every cell new, in the file's order)."""
    cells: list[tuple[Any, ...]] = []
    questions: list[tuple[Any, ...]] = []
    cell_parts: list[tuple[int, str]] = []
    question_parts: list[tuple[int, str]] = []
    rows = iter(hints.rows)
    for note, note_id in zip(notes, order, strict=True):
        for position in range(len(note.cells)):
            cell, parts, question, asked = next(rows)
            cell_id = new_id("cells")
            order[note_id].append(cell_id)
            cells.append((cell_id, note_id, position, *cell))
            cell_parts.append((cell_id, parts))
            if question is not None and asked is not None:
                question_id = new_id("questions")
                questions.append((question_id, cell_id, note_id, *question))
                question_parts.append((question_id, asked))
    saving.insert_values(conn, "cells", saving.CELL_COLUMNS, cells)
    saving.insert_values(conn, "questions", saving.QUESTION_COLUMNS, questions)
    word_parts.note_ready(conn, "cell", cell_parts)
    word_parts.note_ready(conn, "question", question_parts)


def _note_ready_parts(conn: sqlite3.Connection, batch: saving.Batch, hints: SaveHints) -> None:
    """Keep the parts of the new rows whose searchable text the hints hold (found by that text)."""
    parts, question_parts = hints.parts, hints.question_parts
    cells = [(row["id"], found) for row in batch.cells if (found := parts.get(row["markdown"])) is not None]
    word_parts.note_ready(conn, "cell", cells)
    questions = [
        (row["id"], found)
        for row in batch.questions
        if (found := question_parts.get((row["text"], row["answer"], row["asker"]))) is not None
    ]
    word_parts.note_ready(conn, "question", questions)


def _match_notes(old_notes: list[Any], notes: list[Note]) -> list[int | None]:
    """The old note each new note continues: same kind and title first, then the same place."""
    by_title: dict[tuple[str, str], deque[int]] = defaultdict(deque)
    for note_id, kind, title, _placed in old_notes:
        by_title[(kind, title)].append(note_id)
    targets: list[int | None] = []
    taken: set[int] = set()
    for note in notes:
        queue = by_title.get((note.kind, nfc(note.title) or "Untitled"))
        found = queue.popleft() if queue else None
        if found is not None:
            taken.add(found)
        targets.append(found)
    rest = deque(row for row in old_notes if row[0] not in taken)
    for index, note in enumerate(notes):
        if targets[index] is None and rest and rest[0][1] == note.kind:
            targets[index] = rest.popleft()[0]
    return targets


def _old_cells(conn: sqlite3.Connection, note_ids: list[int]) -> list[_OldCell]:
    cells: list[_OldCell] = []
    for chunk in _chunks(note_ids, 500):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"""SELECT c.id, c.note_id, c.markdown, c.import_key, c.added_by_user, c.edited_by_user,
                       q.id, q.status_by_user, q.text_by_user, q.answer_by_user, q.stable_key
                FROM cells c LEFT JOIN questions q ON q.cell_id = c.id
                WHERE c.note_id IN ({marks}) ORDER BY c.note_id, c.position, c.id""",
            chunk,
        ):
            key = row[3] or _legacy_key(conn, row)
            cells.append(
                _OldCell(
                    id=row[0],
                    note_id=row[1],
                    markdown=row[2],
                    key=key,
                    added=bool(row[4]),
                    edited=bool(row[5]),
                    question_id=row[6],
                    question_flags=(row[7] or 0, row[8] or 0, row[9] or 0),
                )
            )
    return cells


def _legacy_key(conn: sqlite3.Connection, row: Any) -> str:
    """A cell stored before cells kept their import key: the text it was imported with."""
    if row[6] is not None:
        return f"q:{row[10]}"
    first = conn.execute(
        "SELECT old_value FROM history WHERE cell_id = ? AND field = 'markdown' ORDER BY id LIMIT 1",
        (row[0],),
    ).fetchone()
    return saving.cell_key(Cell.text(first[0] if first else row[2]), "")


def _update_note(conn: sqlite3.Connection, row: dict[str, Any], *, keep_place: bool) -> None:
    columns = ["kind", "title", "date", "day", "properties", "position"]
    if not keep_place:
        columns += ["lecture_id", "week_number"]
    sets = ", ".join(f"{c} = ?" for c in columns)
    conn.execute(f"UPDATE notes SET {sets} WHERE id = ?", [*(row[c] for c in columns), row["id"]])


def _update_cell(conn: sqlite3.Connection, old: _OldCell, cell: Cell, note_id: int, source_name: str) -> int:
    """Bring one kept cell to the file's words where the user did not change it; 1 if the user had."""
    markdown = nfc(cell.markdown)
    if old.edited or old.markdown == markdown:
        conn.execute("UPDATE cells SET note_id = ? WHERE id = ?", (note_id, old.id))
    else:
        conn.execute("UPDATE cells SET note_id = ?, markdown = ? WHERE id = ?", (note_id, markdown, old.id))
    if cell.question is None or old.question_id is None:
        return int(old.edited)
    row = saving.question_row(cell.question, old.question_id, old.id, note_id, source_name)
    by_status, by_text, by_answer = old.question_flags
    columns = ["note_id", *_QUESTION_FIELDS]
    if not by_status:
        columns += _STATUS_FIELDS
    if not by_text:
        columns.append("text")
    if not by_answer:
        columns.append("answer")
    sets = ", ".join(f"{c} = ?" for c in columns)
    current = conn.execute(
        f"SELECT {', '.join(columns)} FROM questions WHERE id = ?", (old.question_id,)
    ).fetchone()
    if tuple(current) != tuple(row[c] for c in columns):
        conn.execute(
            f"UPDATE questions SET {sets} WHERE id = ?", [*(row[c] for c in columns), old.question_id]
        )
    return int(bool(by_status or by_text or by_answer or old.edited))


def _retain_user_cells(old_cells: list[_OldCell], used: set[int], order: dict[int, list[int]]) -> int:
    """Cells the file no longer has but the user wrote, edited, or whose question the user resolved
    or reopened, stay after the cell they followed, with their ids; their note stays too.  Should
    the file bring such a question back, its key finds the same row."""
    retained = 0
    previous: dict[int, int] = {}  # old note -> the last of its cells placed so far
    for cell in old_cells:
        if cell.id in used:
            previous[cell.note_id] = cell.id
            continue
        if not cell.holds_user_decision:
            continue
        cells = order.setdefault(cell.note_id, [])
        anchor = previous.get(cell.note_id)
        index = cells.index(anchor) + 1 if anchor in cells else (len(cells) if anchor else 0)
        cells.insert(index, cell.id)
        previous[cell.note_id] = cell.id
        retained += 1
    return retained


def _place_cells(conn: sqlite3.Connection, order: dict[int, list[int]], *, skip: set[int]) -> None:
    conn.executemany(
        "UPDATE cells SET note_id = ?, position = ? WHERE id = ? AND (note_id != ? OR position != ?)",
        [
            (note_id, position, cell_id, note_id, position)
            for note_id, cells in order.items()
            for position, cell_id in enumerate(cells)
            if cell_id not in skip
        ],
    )


def _delete_cells(conn: sqlite3.Connection, cell_ids: list[int]) -> None:
    for chunk in _chunks(cell_ids, 500):
        conn.execute(f"DELETE FROM cells WHERE id IN ({','.join('?' * len(chunk))})", chunk)


def _chunks(values: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
