"""Every change a user makes in the window: a Library operation on the undo stack.

There is one command: it runs an operation, keeps the `Change` the Library returns, and undoes
by applying that Change's inverse (redo applies the inverse of the undo, so ids stay the same).
Views update from the Change announced on `LibraryEvents.changed`; nothing here knows a rule of
its own, so the window and the command line do exactly the same thing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..library import KEEP, Change, ChatPeople, Keep, Library, Operation
from ..model import Cell

translate = QCoreApplication.translate


class LibraryEvents(QObject):
    """What changed, for whoever shows it: a `Change`, after redo and after undo alike."""

    changed = Signal(object)


class OperationCommand(QUndoCommand):
    """One Library operation as one undo step."""

    MERGE_ID = 1001

    def __init__(
        self, library: Library, events: LibraryEvents, change: Change, *, merge_key: object = None
    ) -> None:
        super().__init__(undo_text(change.label))
        self._library, self._events = library, events
        self._undo_op = change.inverse
        self._redo_op: Operation | None = None
        self._applied: Change | None = (
            change  # pushed after the operation ran: the first redo only announces it
        )
        self.merge_key = merge_key

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing into one cell or question is one undo step: keep the first undo, the last redo."""
        if not isinstance(other, OperationCommand) or other.merge_key != self.merge_key:
            return False
        first, later = self._undo_op, other._undo_op
        if first is not None and later is not None and first.name == later.name == "_restore_question":
            values = {**later.kwargs()["values"], **first.kwargs()["values"]}
            self._undo_op = Operation.of(
                "_restore_question", question_id=first.kwargs()["question_id"], values=values
            )
        return True

    def redo(self) -> None:
        change, self._applied = self._applied, None
        if change is None and self._redo_op is not None:
            change = self._library.apply(self._redo_op)
            if change.inverse is not None:  # a redone delete is kept under a new number
                self._undo_op = change.inverse
        if change is not None:
            self._events.changed.emit(change)

    def undo(self) -> None:
        if self._undo_op is None:
            return
        change = self._library.apply(self._undo_op)
        self._redo_op = change.inverse
        self._events.changed.emit(change)


class Commands:
    """The window's actions: each runs one Library operation and puts it on the undo stack.

    The operation runs before the push, so a refused change (read-only, disk full, a rule)
    raises here and leaves the stack as it was.
    """

    def __init__(self, library: Library, events: LibraryEvents, undo_stack: QUndoStack) -> None:
        self.library, self.events, self.undo_stack = library, events, undo_stack

    def run(self, operation: Operation, *, merge_key: object = None, label: str | None = None) -> Change:
        change = self.library.apply(operation)
        if not change.empty:
            command = OperationCommand(self.library, self.events, change, merge_key=merge_key)
            if label:
                command.setText(undo_text(label))
            self.undo_stack.push(command)
        return change

    def toggle_status(self, question_id: int) -> Change:
        return self.run(Operation.of("toggle_status", question_id=question_id))

    def set_status(self, question_id: int, status: str) -> Change:
        return self.run(Operation.of("set_status", question_id=question_id, status=status))

    def edit_question(
        self,
        question_id: int,
        *,
        text: str | None = None,
        answer: str | None = None,
        asker: str | None = None,
        lecture: int | Keep | None = KEEP,
        page: int | Keep | None = KEEP,
        time: str | Keep | None = KEEP,
        typing: bool = False,
    ) -> Change:
        """`typing`: a run of edits of one question's boxes undoes as one step."""
        fields: dict[str, Any] = {"text": text, "answer": answer, "asker": asker}
        fields |= {k: v for k, v in (("lecture", lecture), ("page", page), ("time", time)) if v is not KEEP}
        operation = Operation.of("edit_question", question_id=question_id, **fields)
        return self.run(operation, merge_key=("question", question_id) if typing else None)

    def dismiss_question(self, question_id: int) -> Change:
        return self.run(Operation.of("dismiss_question", question_id=question_id))

    def edit_cell(self, cell_id: int, markdown: str, *, typing: bool = True) -> Change:
        operation = Operation.of("edit_cell", cell_id=cell_id, markdown=markdown)
        return self.run(operation, merge_key=("cell", cell_id) if typing else None)

    def add_cell(self, note_id: int, cell: Cell, position: int | None = None) -> Change:
        return self.run(Operation.of("add_cell", note_id=note_id, cell=cell, position=position))

    def delete_cell(self, cell_id: int) -> Change:
        return self.run(Operation.of("delete_cell", cell_id=cell_id))

    def move_cell(self, cell_id: int, position: int) -> Change:
        return self.run(Operation.of("move_cell", cell_id=cell_id, position=position))

    def add_note(
        self, notebook_id: int, title: str, *, week: int | None = None, lecture: int | None = None
    ) -> Change:
        return self.run(
            Operation.of("add_note", notebook_id=notebook_id, title=title, week=week, lecture=lecture)
        )

    def rename_note(self, note_id: int, title: str) -> Change:
        return self.run(Operation.of("rename_note", note_id=note_id, title=title))

    def move_note(self, note_id: int, week: int | None, lecture: int | None) -> Change:
        return self.run(Operation.of("move_note", note_id=note_id, week=week, lecture=lecture))

    def delete_note(self, note_id: int) -> Change:
        return self.run(Operation.of("delete_note", note_id=note_id))

    def delete_notebook(self, notebook_id: int) -> Change:
        return self.run(Operation.of("delete_notebook", notebook_id=notebook_id))

    def restore_deleted(self, deleted_id: int) -> Change:
        return self.run(Operation.of("restore_deleted", deleted_id=deleted_id))

    def add_notebook(self, title: str) -> Change:
        return self.run(Operation.of("add_notebook", title=title))

    def rename_notebook(self, notebook_id: int, title: str) -> Change:
        return self.run(Operation.of("rename_notebook", notebook_id=notebook_id, title=title))

    def set_schedule(self, notebook_id: int, start: dt.date | None, days_per_week: int) -> Change:
        operation = Operation.of(
            "set_schedule", notebook_id=notebook_id, start=start, days_per_week=days_per_week
        )
        return self.run(operation)

    def set_chat_people(self, notebook_id: int, people: ChatPeople) -> Change:
        """A notebook's instructors and merged names, applied to its questions: one undo step."""
        return self.run(Operation.of("set_chat_people", notebook_id=notebook_id, people=people))

    def restore_version(self, history_id: int) -> Change:
        """An earlier version put back: its own undo step, never merged with typing."""
        return self.run(Operation.of("restore_version", history_id=history_id))


def undo_text(label: str) -> str:
    """The library names its changes in English; Edit → Undo says them in the window's language."""
    known = {
        "Mark answered": translate("Undo", "Mark answered"),
        "Mark open": translate("Undo", "Mark open"),
        "Edit question": translate("Undo", "Edit question"),
        "New note": translate("Undo", "New note"),
        "Rename note": translate("Undo", "Rename note"),
        "Move note": translate("Undo", "Move note"),
        "Delete note": translate("Undo", "Delete note"),
        "Restore note": translate("Undo", "Restore note"),
        "New notebook": translate("Undo", "New notebook"),
        "Remove notebook": translate("Undo", "Remove notebook"),
        "Rename notebook": translate("Undo", "Rename notebook"),
        "Change schedule": translate("Undo", "Change schedule"),
        "Edit text": translate("Undo", "Edit text"),
        "Add question": translate("Undo", "Add question"),
        "Add text": translate("Undo", "Add text"),
        "Delete": translate("Undo", "Delete"),
        "Move": translate("Undo", "Move"),
        "Not a question": translate("Undo", "Not a question"),
        "Answer question": translate("Undo", "Answer question"),
    }
    return known.get(label, label)
