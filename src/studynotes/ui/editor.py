"""Editing a note: its cells in order, saved as you type, every change undoable.

Text cells are Markdown with highlighting; question cells have the question,
the answer and an Answered box.  Edits are saved after a short pause (and
when a field loses focus) through the undo stack, so there is no save step
to forget; a live preview renders off the GUI thread beside the editor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..library import Change, Library
from ..model import Cell, Note, Question, QuestionStatus, StudyNotesError
from .commands import Commands, LibraryEvents
from .editor_cells import Box, CellEditor, history_key, plain_error
from .keys import native
from .preview_host import PreviewHost, render_job
from .question_corrections import make_question, not_a_question, paragraph_at_line

translate = QCoreApplication.translate

SAVE_DELAY_MS = 600
PREVIEW_DELAY_MS = 300


def new_question_text() -> str:
    """What a new question cell holds until the user types over it."""
    return translate("Editor", "New question")


@dataclass(frozen=True)
class _Place:
    """Where the cursor was, to put it back after the cells are reloaded."""

    cell_id: int | None
    index: int
    box: Box
    position: int
    had_focus: bool
    scroll: int


class NoteEditor(QWidget):
    """A note's cells as editable fields, with a live preview; changes go through the undo stack."""

    closed = Signal()  # the hosting window closed it, or its note no longer exists
    cellFocused = Signal(str)  # the element of the preview that shows the cell being edited
    typed = Signal(object)  # the note as typed, for a preview outside the editor (`use_outside_preview`)

    def __init__(
        self, library: Library, undo_stack: QUndoStack, events: LibraryEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._library, self._undo, self._events = library, undo_stack, events
        self._commands = Commands(library, events, undo_stack)
        self.note_id: int | None = None
        self.editors: list[CellEditor] = []
        self._current: CellEditor | None = None
        self._current_box: Box = "text"
        self._saving = False
        self._loading = False
        self._dirty: set[CellEditor] = set()
        self.preview_theme: str | None = None
        self._outside_preview = False
        self.preview_font_size: int | None = None
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._render)
        self.cells_box = QVBoxLayout()
        self.cells_box.addStretch(1)
        holder = QWidget()
        holder.setLayout(self.cells_box)
        self.cells_scroll = QScrollArea()
        self.cells_scroll.setWidgetResizable(True)
        self.cells_scroll.setWidget(holder)
        buttons = QHBoxLayout()
        self.cell_buttons: list[QPushButton] = []
        for label, slot, keys, tip in (
            (
                translate("Editor", "Add text"),
                lambda: self.add_cell("markdown"),
                "Ctrl+Shift+T",
                translate("Editor", "Add a Markdown cell after this one"),
            ),
            (
                translate("Editor", "Add question"),
                lambda: self.add_cell("question"),
                "Ctrl+Shift+Q",
                translate("Editor", "Add a question after this cell"),
            ),
            (
                translate("Editor", "Delete cell"),
                self.delete_current,
                "Ctrl+Shift+D",
                translate("Editor", "Delete this cell ({shortcut} brings it back)").format(
                    shortcut=native("Ctrl+Z")
                ),
            ),
        ):
            button = QPushButton(label)
            button.setToolTip(f"{tip} ({native(keys)})")
            button.clicked.connect(slot)
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            buttons.addWidget(button)
            self.cell_buttons.append(button)
        buttons.addStretch(1)
        self.state = QLabel()
        self.state.setStyleSheet("color: palette(mid)")
        buttons.addWidget(self.state)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.cells_scroll, 1)
        self.preview = PreviewHost()
        self.preview.toggleRequested.connect(self._toggle_from_preview)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        events.changed.connect(self._library_changed)

    # -- opening and reloading ------------------------------------------------------------
    def open_note(self, note_id: int) -> None:
        """Show a note's cells (saving what was typed in the previous one)."""
        self.save()
        self.note_id = note_id
        self._load()
        if self.preview.pane is None and not self._outside_preview:
            QTimer.singleShot(0, self._create_web_view)

    def _create_web_view(self) -> None:
        try:
            self.preview.create_web_view()
        except ImportError as error:  # the editor still works; the preview says why it is missing
            self.preview.show_html(
                "<p>"
                + translate("Editor", "The preview is not available: {error}").format(error=error)
                + "</p>"
            )

    def _load(self, place: _Place | None = None) -> None:
        self._loading = True
        try:
            note = self._library.note(self.note_id) if self.note_id is not None else None
            for editor in self.editors:
                editor.setParent(None)
                editor.deleteLater()
            self.editors, self._current, self._dirty = [], None, set()
            if note is None:
                if self.note_id is not None:
                    self.note_id = None
                    self.closed.emit()
                return
            for cell in note.cells:
                self._add_editor(cell)
            self._set_read_only(self._library.read_only)
        finally:
            self._loading = False
        if place is not None:
            self._restore(place)
        self._preview_timer.start()

    def _add_editor(self, cell: Cell) -> None:
        editor = CellEditor(cell)
        editor.changed.connect(lambda e=editor: self._edited(e))
        editor.left.connect(self._left)
        editor.focused.connect(self._focus)
        editor.historyRequested.connect(self._history)
        editor.makeQuestionRequested.connect(self.make_question)
        editor.notQuestionRequested.connect(self.not_a_question)
        if editor.answered is not None:
            editor.answered.toggled.connect(lambda _on, e=editor: self._toggle(e))
        self.cells_box.insertWidget(self.cells_box.count() - 1, editor)
        self.editors.append(editor)

    def _set_read_only(self, read_only: bool) -> None:
        """A library opened read-only is shown, not edited: no change could be saved."""
        for editor in self.editors:
            editor.set_read_only(read_only)
        for button in self.cell_buttons:
            button.setEnabled(not read_only)
        if read_only:
            self.state.setText(translate("Editor", "Read-only: this library cannot be changed here"))

    def _place(self) -> _Place | None:
        if self._current not in self.editors or self._current is None:
            return None
        box = self._current.box(self._current_box)
        return _Place(
            self._current.cell.id,
            self.editors.index(self._current),
            self._current_box,
            box.textCursor().position(),
            box.hasFocus(),
            self.cells_scroll.verticalScrollBar().value(),
        )

    def _restore(self, place: _Place) -> None:
        if not self.editors:
            return
        editor = next(
            (e for e in self.editors if place.cell_id is not None and e.cell.id == place.cell_id), None
        )
        if editor is None:
            editor = self.editors[min(place.index, len(self.editors) - 1)]
        self._current, self._current_box = editor, place.box
        box = editor.box(place.box)
        cursor = box.textCursor()
        cursor.setPosition(min(place.position, len(box.toPlainText())))
        box.setTextCursor(cursor)
        if place.had_focus:
            box.setFocus()
        scroll = self.cells_scroll.verticalScrollBar()
        QTimer.singleShot(0, lambda: scroll.setValue(place.scroll))  # after the new cells are laid out

    def _library_changed(self, change: Change) -> None:
        if self.note_id in change.notes and not self._saving:
            self._load(self._place())  # an undo, a redo, or a change made elsewhere

    # -- typing and saving ------------------------------------------------------------------
    def _focus(self, editor: CellEditor, box: Box) -> None:
        self._current, self._current_box = editor, box
        question = editor.cell.question
        if question is not None and question.id is not None:
            self.cellFocused.emit(f"question-{question.id}")
        elif editor.cell.id is not None:
            self.cellFocused.emit(f"cell-{editor.cell.id}")

    def use_outside_preview(self) -> None:
        """Beside the main window's preview: no second web view; what is typed goes out as `typed`."""
        self._outside_preview = True
        self.preview.hide()

    def _edited(self, editor: CellEditor) -> None:
        if self._loading:
            return
        self._dirty.add(editor)
        self.state.setText(translate("Editor", "Editing…"))
        self._save_timer.start()
        self._preview_timer.start()

    def _left(self) -> None:
        if not self._loading:
            self.save()

    def save(self) -> None:
        """Push a command for every edited cell whose text differs from what is stored."""
        self._save_timer.stop()
        if self.note_id is None or self._loading or not self._dirty or self._library.read_only:
            return
        self._saving = True
        try:
            waiting = self._save_edited(self.note_id)
        except StudyNotesError as error:  # read-only, disk full, closed: say so, keep the text
            self.state.setText(translate("Editor", "Not saved: {error}").format(error=plain_error(error)))
            return
        finally:
            self._saving = False
        self.state.setText(
            translate("Editor", "A question needs some text; it is saved once it has some")
            if waiting
            else translate("Editor", "Saved")
        )

    def _save_edited(self, note_id: int) -> bool:
        """Push the edited cells' commands; True when a question waits for its text."""
        waiting = False
        for editor in [e for e in self.editors if e in self._dirty]:
            cell = editor.cell
            if cell.question is not None and editor.answer is not None:
                waiting |= not self._save_question(editor, cell.question)
            elif cell.id is not None and editor.text.toPlainText() != cell.markdown:
                markdown = editor.text.toPlainText()
                self._commands.edit_cell(cell.id, markdown)
                cell.markdown = markdown
            self._dirty.discard(editor)
        return waiting

    def _save_question(self, editor: CellEditor, question: Question) -> bool:
        """Save a question's text and answer; False while its text is empty (not saved)."""
        assert editor.answer is not None
        text, answer = editor.text.toPlainText().strip(), editor.answer.toPlainText().strip()
        if question.id is None or (text, answer) == (question.text, question.answer):
            return True
        if not text:
            return False
        self._commands.edit_question(question.id, text=text, answer=answer, typing=True)
        question.text, question.answer = text, answer
        return True

    def _toggle(self, editor: CellEditor) -> None:
        question = editor.cell.question
        if question is None or question.id is None or editor.answered is None or self._loading:
            return
        wanted: QuestionStatus = "answered" if editor.answered.isChecked() else "open"
        if wanted == question.status:
            return
        self._saving = True  # the box already shows it: no reload
        try:
            question_id = question.id
            done = self._push(lambda: self._commands.set_status(question_id, wanted))
        finally:
            self._saving = False
        if done:
            question.status = wanted

    def _toggle_from_preview(self, question_id: int) -> None:
        """A click on a status in the preview: same command as the Answered box."""
        self.save()
        self._push(lambda: self._commands.toggle_status(question_id))

    def _push(self, action: Callable[[], Change]) -> bool:
        """Run a change through the undo stack; a change the library refuses is reported, not raised."""
        if self._library.read_only:
            return False
        try:
            action()
        except StudyNotesError as error:
            self.state.setText(translate("Editor", "Not saved: {error}").format(error=plain_error(error)))
            return False
        return True

    # -- correcting the question detector -----------------------------------------------------
    def make_question(self, editor: CellEditor, line: int) -> None:
        """The paragraph or item on this line of a text cell becomes a question (kept on re-import)."""
        self.save()
        words = paragraph_at_line(editor.text.toPlainText(), line)
        note_id = self.note_id
        if words is None or note_id is None:
            self.state.setText(self.tr("Only a paragraph or list item can become a question"))
            return
        self._push(lambda: make_question(self._commands, note_id, words))

    def not_a_question(self, editor: CellEditor) -> None:
        self.save()
        question = editor.cell.question
        if question is not None and question.id is not None:
            question_id = question.id
            self._push(lambda: not_a_question(self._commands, question_id))

    # -- adding and deleting cells ----------------------------------------------------------
    def add_cell(self, kind: str) -> None:
        """Add a Markdown cell or a question after the current cell (at the end when none)."""
        if self.note_id is None or self._library.read_only:
            return
        self.save()
        position = self.editors.index(self._current) + 1 if self._current in self.editors else None
        cell = Cell.asking(Question(text=new_question_text())) if kind == "question" else Cell.text("")
        note_id = self.note_id
        if self._push(lambda: self._commands.add_cell(note_id, cell, position)):
            self._select_cell(len(self.editors) - 1 if position is None else position, select_all=True)

    def delete_current(self) -> None:
        """Delete the current cell; Ctrl+Z brings it back where it was."""
        current = self._current
        if current is None or current not in self.editors or current.cell.id is None:
            return
        self.save()
        index = self.editors.index(current)
        cell_id = current.cell.id
        if self._push(lambda: self._commands.delete_cell(cell_id)) and self.editors:
            self._select_cell(min(index, len(self.editors) - 1))

    def _select_cell(self, index: int, *, select_all: bool = False) -> None:
        if not self.editors:
            return
        editor = self.editors[min(index, len(self.editors) - 1)]
        self._current, self._current_box = editor, "text"
        if select_all:
            editor.text.selectAll()
        else:
            editor.text.moveCursor(QTextCursor.MoveOperation.End)
        editor.text.setFocus()
        self.cells_scroll.ensureWidgetVisible(editor)

    # -- undo from the keyboard -------------------------------------------------------------
    def _history(self, action: str) -> None:
        # Later, not inside the key event: undoing reloads the cells, the focused box among them.
        QTimer.singleShot(0, lambda: self.undo_or_redo(action))

    def undo_or_redo(self, action: str) -> None:
        """Save what was typed, then undo or redo the last change in the window's history."""
        self.save()
        if action == "undo":
            self._undo.undo()
        else:
            self._undo.redo()

    def event(self, event: QEvent) -> bool:
        # Ctrl+Z on a button or a checkbox in the editor: the history, after saving what was typed.
        action = history_key(event)
        if action is not None:
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self._history(action)
            return True
        return super().event(event)

    # -- the preview -------------------------------------------------------------------------
    def set_preview_style(self, theme: str, font_size: int) -> None:
        self.preview_theme, self.preview_font_size = theme, font_size
        self._preview_timer.start()

    def _style(self) -> tuple[Any, int]:
        """The chosen style, else the hosting window's, else light at 15 px."""
        if self.preview_theme is not None and self.preview_font_size is not None:
            return self.preview_theme, self.preview_font_size
        widget = self.parentWidget()
        while widget is not None:
            theme, size = getattr(widget, "theme", None), getattr(widget, "font_size", None)
            if callable(theme) and callable(size):
                return theme(), int(size())
            widget = widget.parentWidget()
        return "light", 15

    def typed_note(self) -> Note | None:
        """The note as the fields show it now, saved or not: what the preview renders."""
        note = self._library.note(self.note_id) if self.note_id is not None else None
        if note is None:
            return None
        by_id = {e.cell.id: e for e in self.editors}
        for cell in note.cells:
            editor = by_id.get(cell.id)
            if editor is None:
                continue
            if cell.question is not None and editor.answer is not None:
                cell.question.text = editor.text.toPlainText().strip() or cell.question.text
                cell.question.answer = editor.answer.toPlainText()
                if editor.answered is not None:
                    cell.question.status = "answered" if editor.answered.isChecked() else "open"
            else:
                cell.markdown = editor.text.toPlainText()
        return note

    def _render(self) -> None:
        if self._library.closed:  # the window is going away
            return
        note = self.typed_note()
        if note is not None and self._outside_preview:
            self.typed.emit(note)
        elif note is not None:
            theme, size = self._style()
            self.preview.render(render_job([note], note.title, theme, size))

    def hideEvent(self, event: Any) -> None:
        self.save()
        super().hideEvent(event)
