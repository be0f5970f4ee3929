"""Operations on a note's cells: edit, add, delete and reorder, each undoable to the exact rows."""

from __future__ import annotations

from typing import Any

from ..model import Cell, StudyNotesError, nfc
from . import saving
from .changes import Change, Operation
from .writing import LibraryWriter


class CellEdits(LibraryWriter):
    def edit_cell(self, cell_id: int, markdown: str) -> Change:
        """Replace a cell's Markdown (the old text stays in the note's history)."""
        markdown = nfc(markdown)
        with self._write() as conn:
            row = conn.execute("SELECT note_id, markdown FROM cells WHERE id = ?", (cell_id,)).fetchone()
            if row is None:
                raise StudyNotesError(f"no cell {cell_id}")
            if row[1] == markdown:
                return Change("Edit text")
            conn.execute("UPDATE cells SET markdown = ? WHERE id = ?", (markdown, cell_id))
        key = ("cell", cell_id)
        return Change(
            "Edit text",
            inverse=Operation.of("edit_cell", cell_id=cell_id, markdown=row[1]),
            before={key: {"markdown": row[1]}},
            after={key: {"markdown": markdown}},
            notes=frozenset({int(row[0])}),
        )

    def add_cell(self, note_id: int, cell: Cell, position: int | None = None) -> Change:
        """Insert a cell (text or question) at `position` (the end by default)."""
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM notes WHERE id = ?", (note_id,)).fetchone() is None:
                raise StudyNotesError(f"no note {note_id}")
            count = conn.execute("SELECT count(*) FROM cells WHERE note_id = ?", (note_id,)).fetchone()[0]
            position = count if position is None else max(0, min(position, count))
            self._shift_cells(note_id, position, +1)
            cell_row = {
                "note_id": note_id,
                "position": position,
                "kind": cell.kind,
                "markdown": nfc(cell.markdown),
            }
            if cell.id is not None:
                cell_row["id"] = cell.id
            cell_id = int(
                conn.execute(
                    f"INSERT INTO cells ({', '.join(cell_row)}) VALUES ({', '.join('?' * len(cell_row))})",
                    list(cell_row.values()),
                ).lastrowid
                or 0
            )
            created = [("cell", cell_id)]
            if cell.question is not None:
                row = saving.question_row(cell.question, 0, cell_id, note_id, "")
                row.pop("id")
                if cell.question.id is not None:
                    row["id"] = cell.question.id
                row["edited_by_user"] = 1
                names = ", ".join(row)
                cursor = conn.execute(
                    f"INSERT INTO questions ({names}) VALUES ({', '.join('?' * len(row))})",
                    list(row.values()),
                )
                created.append(("question", int(cursor.lastrowid or 0)))
            return Change(
                "Add question" if cell.kind == "question" else "Add text",
                inverse=Operation.of("delete_cell", cell_id=cell_id),
                created=tuple(created),
                counts=self._path_counts([note_id]) if cell.question is not None else {},
                notes=frozenset({note_id}),
            )

    def delete_cell(self, cell_id: int) -> Change:
        """Remove a cell (and its question); undo puts back the very same rows."""
        with self._write() as conn:
            cells = self._rows("cells", "id = ?", (cell_id,))
            if not cells:
                raise StudyNotesError(f"no cell {cell_id}")
            questions = self._rows("questions", "cell_id = ?", (cell_id,))
            note_id, position = int(cells[0]["note_id"]), int(cells[0]["position"])
            conn.execute("DELETE FROM cells WHERE id = ?", (cell_id,))
            self._shift_cells(note_id, position + 1, -1)
            return Change(
                "Delete",
                inverse=Operation.of("_restore_cell", cell=cells[0], questions=questions),
                deleted=(("cell", cell_id), *(("question", int(q["id"])) for q in questions)),
                counts=self._path_counts([note_id]) if questions else {},
                notes=frozenset({note_id}),
            )

    def _restore_cell(self, cell: dict[str, Any], questions: list[dict[str, Any]]) -> Change:
        """A deleted cell back in its place, with its ids (undo of `delete_cell`)."""
        with self._write():
            note_id = int(cell["note_id"])
            self._shift_cells(note_id, int(cell["position"]), +1)
            self._insert_rows("cells", [cell])
            self._insert_rows("questions", questions)
            return Change(
                "Restore a cell",
                inverse=Operation.of("delete_cell", cell_id=int(cell["id"])),
                created=(("cell", int(cell["id"])), *(("question", int(q["id"])) for q in questions)),
                counts=self._path_counts([note_id]) if questions else {},
                notes=frozenset({note_id}),
            )

    def move_cell(self, cell_id: int, position: int) -> Change:
        """Move a cell to another place in its note; the others close up around it."""
        with self._write() as conn:
            row = conn.execute("SELECT note_id, position FROM cells WHERE id = ?", (cell_id,)).fetchone()
            if row is None:
                raise StudyNotesError(f"no cell {cell_id}")
            note_id, old = int(row[0]), int(row[1])
            count = conn.execute("SELECT count(*) FROM cells WHERE note_id = ?", (note_id,)).fetchone()[0]
            position = max(0, min(position, count - 1))
            if position == old:
                return Change("Move")
            self._shift_cells(note_id, old + 1, -1)
            self._shift_cells(note_id, position, +1)
            conn.execute("UPDATE cells SET position = ? WHERE id = ?", (position, cell_id))
        key = ("cell", cell_id)
        return Change(
            "Move",
            inverse=Operation.of("move_cell", cell_id=cell_id, position=old),
            before={key: {"position": old}},
            after={key: {"position": position}},
            notes=frozenset({note_id}),
        )

    def _shift_cells(self, note_id: int, start: int, by: int) -> None:
        """Positions from `start` on move by one, to open or close a gap."""
        self.conn.execute(
            "UPDATE cells SET position = position + ? WHERE note_id = ? AND position >= ?",
            (by, note_id, start),
        )
