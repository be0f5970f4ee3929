"""Every change a user makes, as an undoable command over the Library.

Commands call the Library (the only writer) and announce what changed on
`LibraryEvents`; views refresh just that.  Undo applies the `before` values
the Library returned, so redo/undo never guess.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from ..library import HistoryEntry, Library, QuestionChange
from ..model import Cell, StudyNotesError


class LibraryEvents(QObject):
    """What changed, for whoever shows it."""

    questionChanged = Signal(int, int)  # question id, note id
    noteChanged = Signal(int)  # note id (its cells or text changed)
    structureChanged = Signal()  # notebooks, weeks, lectures or placements changed


class QuestionCommand(QUndoCommand):
    """Set fields of one question (status, text, answer)."""

    def __init__(
        self, library: Library, events: LibraryEvents, question_id: int, label: str, **values: object
    ) -> None:
        super().__init__(label)
        self._library, self._events = library, events
        self._question_id = question_id
        self._after = values
        self._change: QuestionChange | None = None

    def redo(self) -> None:
        self._change = self._library.update_question(self._question_id, **self._after)
        self._events.questionChanged.emit(self._question_id, self._change.note_id)

    def undo(self) -> None:
        if self._change is not None:
            self._library.update_question(self._question_id, **self._change.before)
            self._events.questionChanged.emit(self._question_id, self._change.note_id)


def toggle_status(library: Library, events: LibraryEvents, question_id: int) -> QuestionCommand | None:
    row = library.question(question_id)
    if row is None:
        return None
    if row.status == "open":
        from ..library.saving import now_iso

        return QuestionCommand(
            library,
            events,
            question_id,
            "Mark answered",
            status="answered",
            resolved_at=now_iso(),
            answered_by=row.answered_by or "self",
        )
    return QuestionCommand(library, events, question_id, "Mark open", status="open", resolved_at=None)


def edit_question(
    library: Library,
    events: LibraryEvents,
    question_id: int,
    *,
    text: str | None = None,
    answer: str | None = None,
) -> QuestionCommand:
    values: dict[str, object] = {"edited_by_user": 1}
    if text is not None:
        values["text"] = text.strip()
    if answer is not None:
        values["answer"] = answer.strip()
    return QuestionCommand(library, events, question_id, "Edit question", **values)


class EditCellCommand(QUndoCommand):
    """Replace a text cell's Markdown; consecutive edits of one cell merge into one undo step."""

    MERGE_ID = 1001

    def __init__(
        self, library: Library, events: LibraryEvents, note_id: int, cell_id: int, markdown: str
    ) -> None:
        super().__init__("Edit text")
        self._library, self._events = library, events
        self.note_id, self.cell_id = note_id, cell_id
        self._after = markdown
        self._before: str | None = None

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCellCommand) or other.cell_id != self.cell_id:
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        before = self._library.update_cell(self.cell_id, self._after)
        if self._before is None:
            self._before = before
        self._events.noteChanged.emit(self.note_id)

    def undo(self) -> None:
        if self._before is not None:
            self._library.update_cell(self.cell_id, self._before)
            self._events.noteChanged.emit(self.note_id)


class AddCellCommand(QUndoCommand):
    def __init__(
        self, library: Library, events: LibraryEvents, note_id: int, cell: Cell, position: int | None
    ) -> None:
        super().__init__("Add question" if cell.kind == "question" else "Add text")
        self._library, self._events = library, events
        self.note_id, self._cell, self._position = note_id, cell, position
        self.cell_id: int | None = None

    def redo(self) -> None:
        self.cell_id = self._library.add_cell(self.note_id, self._cell, self._position)
        self._events.noteChanged.emit(self.note_id)
        self._events.structureChanged.emit()

    def undo(self) -> None:
        if self.cell_id is not None:
            self._library.delete_cell(self.cell_id)
            self._events.noteChanged.emit(self.note_id)
            self._events.structureChanged.emit()


class DeleteCellCommand(QUndoCommand):
    def __init__(self, library: Library, events: LibraryEvents, cell_id: int) -> None:
        super().__init__("Delete")
        self._library, self._events = library, events
        self.cell_id = cell_id
        self._saved: tuple[int, int, Cell] | None = None

    def redo(self) -> None:
        self._saved = self._library.delete_cell(self.cell_id)
        self._events.noteChanged.emit(self._saved[0])
        self._events.structureChanged.emit()

    def undo(self) -> None:
        if self._saved is not None:
            note_id, position, cell = self._saved
            self.cell_id = self._library.add_cell(note_id, cell, position)
            self._events.noteChanged.emit(note_id)
            self._events.structureChanged.emit()


class MoveNoteCommand(QUndoCommand):
    def __init__(
        self, library: Library, events: LibraryEvents, note_id: int, week: int | None, lecture: int | None
    ) -> None:
        super().__init__("Move note")
        self._library, self._events = library, events
        self._note_id, self._to = note_id, (week, lecture)
        self._from: tuple[int | None, int | None] | None = None

    def redo(self) -> None:
        self._from = self._library.move_note(self._note_id, week=self._to[0], lecture=self._to[1])
        self._events.structureChanged.emit()

    def undo(self) -> None:
        if self._from is not None:
            self._library.move_note(self._note_id, week=self._from[0], lecture=self._from[1])
            self._events.structureChanged.emit()


class RenameNotebookCommand(QUndoCommand):
    def __init__(self, library: Library, events: LibraryEvents, notebook_id: int, title: str) -> None:
        super().__init__("Rename notebook")
        self._library, self._events = library, events
        self._notebook_id, self._title = notebook_id, title
        self._old: str | None = None

    def redo(self) -> None:
        self._old = self._library.rename_notebook(self._notebook_id, self._title)
        self._events.structureChanged.emit()

    def undo(self) -> None:
        if self._old is not None:
            self._library.rename_notebook(self._notebook_id, self._old)
            self._events.structureChanged.emit()


class ScheduleCommand(QUndoCommand):
    """Change a notebook's start date and days per week; weeks are recomputed."""

    def __init__(
        self,
        library: Library,
        events: LibraryEvents,
        notebook_id: int,
        start: dt.date | None,
        days_per_week: int,
    ) -> None:
        super().__init__("Change schedule")
        self._library, self._events = library, events
        self._notebook_id, self._new = notebook_id, (start, days_per_week)
        self._old: tuple[dt.date | None, int] | None = None

    def redo(self) -> None:
        self._old = self._library.set_schedule(self._notebook_id, *self._new)
        self._events.structureChanged.emit()

    def undo(self) -> None:
        if self._old is not None:
            self._library.set_schedule(self._notebook_id, *self._old)
            self._events.structureChanged.emit()


class RestoreCellCommand(EditCellCommand):
    """An earlier version of a cell put back: its own undo step, never merged with typing."""

    def id(self) -> int:
        return -1


def restore_version(library: Library, events: LibraryEvents, entry: HistoryEntry) -> QUndoCommand:
    """The history's restore as an undoable step; refuses a version whose cell or question is gone."""
    label = "Restore an earlier version"
    if entry.field == "markdown" and entry.cell_id is not None:
        if not any(cell.id == entry.cell_id for cell in _cells(library, entry.note_id)):
            raise StudyNotesError("The cell of this version was deleted; copy its text from the history")
        command = RestoreCellCommand(library, events, entry.note_id, entry.cell_id, entry.old_value)
        command.setText(label)
        return command
    if entry.question_id is None or library.question(entry.question_id) is None:
        raise StudyNotesError("The question of this version was deleted; copy its text from the history")
    return QuestionCommand(
        library, events, entry.question_id, label, **{entry.field: entry.old_value, "edited_by_user": 1}
    )


def _cells(library: Library, note_id: int) -> list[Cell]:
    note = library.note(note_id)
    return note.cells if note is not None else []
