"""The Library's operations for sharing a notebook: snapshot it, apply a merge, settle conflicts.

Mixed into `Library`, so the CLI and the window reach them as every other
write: one transaction each (or the caller's `batch()`), returning what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import StudyNotesError, nfc
from .changes import Change
from .writing import LibraryWriter

if TYPE_CHECKING:
    from ..sharing.state import NotebookMeta, NoteState
    from .answers import Conflict
    from .sync_store import NoteOutline, SyncSettings


@dataclass
class Snapshot:
    """The notebook's settings, every note's outline, and whole states of the notes to write."""

    meta: NotebookMeta
    outline: list[NoteOutline]
    notes: list[NoteState]
    week_labels: dict[int, str] = field(default_factory=dict)


class SharingOperations(LibraryWriter):
    def sync_settings(self, notebook_id: int) -> SyncSettings:
        """The notebook's sync state, giving it and its notes shareable ids on first use."""
        from . import sync_store

        if sync_store.missing_identity(self.conn, notebook_id):
            with self._write() as conn:
                sync_store.ensure_identity(conn, notebook_id)
        found = sync_store.settings(self.conn, notebook_id)
        if found is None:
            raise StudyNotesError(f"no notebook {notebook_id}")
        return found

    def sync_state(self, notebook_id: int) -> SyncSettings:
        """The notebook's sync state as it is (after `sync_settings` made it)."""
        from . import sync_store

        found = sync_store.settings(self.conn, notebook_id)
        if found is None:
            return self.sync_settings(notebook_id)
        return found

    def shared_notebooks(self) -> list[str]:
        """Titles of the notebooks that sync with a remote."""
        return [
            str(r[0])
            for r in self.conn.execute(
                """SELECT b.title FROM notebooks b JOIN sync_notebooks s ON s.notebook_id = b.id
                   WHERE s.remote != '' ORDER BY b.title"""
            )
        ]

    def snapshot(
        self,
        notebook_id: int,
        reuse: Callable[[NoteOutline], bool] | None = None,
        *,
        ensure_ids: bool = True,
    ) -> Snapshot:
        """The notebook as shareable states (ids given first where missing); notes `reuse` accepts
        (their file is unchanged since it was last written) come as outlines only.  A caller that
        has just given every note its ids (a sync) skips checking them again."""
        from . import sync_store

        if ensure_ids:
            self.sync_settings(notebook_id)
        meta, labels = sync_store.read_meta(self.conn, notebook_id)
        outline = sync_store.read_outline(self.conn, notebook_id)
        wanted = None if reuse is None else [o.id for o in outline if not reuse(o)]
        return Snapshot(meta, outline, sync_store.read_notes(self.conn, notebook_id, wanted), labels)

    def remember_rendered(self, blobs: list[tuple[int, str]]) -> None:
        """The blob each note's file was written as, so the next sync need not write it again."""
        from . import sync_store

        if blobs:
            with self._write() as conn:
                sync_store.remember_rendered(conn, blobs)

    def adopt_notebook_uid(self, notebook_id: int, uid: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE sync_notebooks SET uid = ? WHERE notebook_id = ?", (uid, notebook_id))

    def apply_shared(
        self,
        notebook_id: int,
        meta: NotebookMeta | None,
        notes: list[NoteState],
        removed: list[str],
    ) -> Change:
        """Make the notebook hold merged notes and settings (one transaction, or the caller's batch).

        Others' changes have no undo here: they are undone by changing them back and syncing."""
        from . import sync_store

        with self._write() as conn:
            schedule = sync_store.apply_meta(conn, notebook_id, meta) if meta is not None else False
            gone = sync_store.delete_notes(conn, removed)
            written = [sync_store.write_note(conn, notebook_id, note) for note in notes]
            sync_store.place_notes(conn, notebook_id, written, schedule)
            counts = self._path_counts(written, [notebook_id])
        return Change(
            "Sync",
            counts=counts,
            notes=frozenset(written),
            placement=frozenset({notebook_id}) if written or gone or schedule else frozenset(),
            deleted=tuple(("note", i) for i in gone),
            after={("note", i): {} for i in written},
        )

    def record_sync(self, notebook_id: int, *, commit: str, remote: str, branch: str, at: str) -> None:
        from . import sync_store

        with self._write() as conn:
            sync_store.record_sync(conn, notebook_id, commit=commit, remote=remote, branch=branch, at=at)

    # -- conflicts ----------------------------------------------------------------
    def conflicts(self, notebook_id: int | None = None) -> list[Conflict]:
        where, params = ("WHERE n.notebook_id = ?", (notebook_id,)) if notebook_id is not None else ("", ())
        rows = self.conn.execute(
            f"""SELECT k.cell_id, n.id, n.title, k.field, c.markdown, q.text, q.answer, k.theirs, q.id
                FROM sync_conflicts k JOIN cells c ON c.id = k.cell_id JOIN notes n ON n.id = c.note_id
                LEFT JOIN questions q ON q.cell_id = c.id {where} ORDER BY n.id, c.position, k.field""",
            params,
        ).fetchall()
        if not rows:
            return []  # the window counts them at start: no record made for none
        from .answers import Conflict

        return [
            Conflict(
                r[0],
                r[1],
                r[2],
                r[3],
                {"markdown": r[4], "text": r[5], "answer": r[6]}[r[3]] or "",
                r[7],
                r[8],
            )
            for r in rows
        ]

    def conflicted_questions(self) -> set[int]:
        """Questions with a conflict (the question list's "Conflicts" filter)."""
        return {
            int(r[0])
            for r in self.conn.execute(
                "SELECT q.id FROM sync_conflicts k JOIN questions q ON q.cell_id = k.cell_id"
            )
        }

    def resolve_conflict(self, cell_id: int, field_name: str, text: str) -> Change:
        """Settle a conflict with the text the user chose or merged; the other stays in the history."""
        found = next((c for c in self._cell_conflicts(cell_id) if c.field == field_name), None)
        if found is None:
            raise StudyNotesError(f"no conflict on {field_name} of cell {cell_id}")
        with self._write() as conn:
            text = nfc(text)
            if field_name == "markdown":
                conn.execute("UPDATE cells SET markdown = ? WHERE id = ?", (text, cell_id))
            elif field_name == "answer":
                conn.execute(
                    "UPDATE questions SET answer = ?, edited_by_user = 1 WHERE cell_id = ?",
                    (text.strip(), cell_id),
                )
            else:
                if not text.strip():
                    raise StudyNotesError("a question cannot be empty")
                conn.execute(
                    "UPDATE questions SET text = ?, edited_by_user = 1 WHERE cell_id = ?",
                    (text.strip(), cell_id),
                )
            conn.execute("DELETE FROM sync_conflicts WHERE cell_id = ? AND field = ?", (cell_id, field_name))
            counts = self._path_counts([found.note_id])
        record = ("question", found.question_id) if found.question_id is not None else ("cell", cell_id)
        return Change(
            "Settle conflict",
            before={record: {field_name: found.ours}},
            after={record: {field_name: text}},
            counts=counts,
            notes=frozenset({found.note_id}),
        )

    def _cell_conflicts(self, cell_id: int) -> Iterator[Conflict]:
        row = self.conn.execute(
            "SELECT n.notebook_id FROM cells c JOIN notes n ON n.id = c.note_id WHERE c.id = ?", (cell_id,)
        ).fetchone()
        if row is not None:
            yield from (c for c in self.conflicts(row[0]) if c.cell_id == cell_id)
