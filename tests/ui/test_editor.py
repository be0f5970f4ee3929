"""The note editor as a user drives it: typing saves itself, every change undoes, the preview follows."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QTextDocument, QUndoStack
from PySide6.QtWidgets import QApplication

from studynotes.importing import import_paths
from studynotes.library import Library
from studynotes.library.connection import LibraryError
from studynotes.library.views import QuestionFilter
from studynotes.ui import editor as editor_module
from studynotes.ui import preview_host
from studynotes.ui.commands import LibraryEvents
from studynotes.ui.editor import SAVE_DELAY_MS, NoteEditor, new_question_text
from studynotes.ui.editor_cells import CellEditor
from studynotes.ui.markdown_highlighter import DARK, LIGHT, MarkdownHighlighter


@pytest.fixture
def day_log(library_path: Path, seeds: Path) -> Iterator[tuple[Library, int]]:
    """The daily log's Day 16: text cells around one answered question."""
    with Library.open(library_path) as library:
        import_paths(library, [seeds / "daily-log-day15-19.txt"], notebook="Log")
        day16 = next(n for n in library.notes() if n.title == "Day 16")
        yield library, day16.id


def _open(qtbot: Any, library: Library, note_id: int) -> NoteEditor:
    editor = NoteEditor(library, QUndoStack(), LibraryEvents())
    qtbot.addWidget(editor)
    editor.open_note(note_id)
    return editor


def _first(editor: NoteEditor, question: bool = False) -> CellEditor:
    return next(e for e in editor.editors if (e.cell.question is not None) == question)


def _leave(box: Any) -> None:
    """The field loses the focus (another field or window was chosen)."""
    QApplication.sendEvent(box, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))


def _stored_text(library: Library, note_id: int, index: int) -> str:
    note = library.note(note_id)
    assert note is not None
    return note.cells[index].markdown


def test_typing_saves_after_a_pause_and_persists_across_reopening(
    qtbot: Any, day_log: tuple[Library, int], library_path: Path
) -> None:
    library, note_id = day_log
    editor = _open(qtbot, library, note_id)
    cell = _first(editor)
    index = editor.editors.index(cell)
    original = cell.text.toPlainText()
    assert original == _stored_text(library, note_id, index)
    cell.text.setPlainText("- 다시 정리한 내용\n    - 중첩된 항목 $x^2$")
    assert _stored_text(library, note_id, index) == original  # not yet: the pause has not passed
    assert editor.state.text() == "Editing…"
    qtbot.waitUntil(lambda: _stored_text(library, note_id, index) != original, timeout=SAVE_DELAY_MS * 5)
    assert editor.state.text() == "Saved"
    library.close()
    with Library.open(library_path) as reopened:
        assert _stored_text(reopened, note_id, index) == "- 다시 정리한 내용\n    - 중첩된 항목 $x^2$"


def test_leaving_a_field_saves_at_once_and_undo_restores_the_old_text(
    qtbot: Any, day_log: tuple[Library, int]
) -> None:
    library, note_id = day_log
    editor = _open(qtbot, library, note_id)
    stack = editor._undo
    index = editor.editors.index(_first(editor))
    original = _first(editor).text.toPlainText()
    for typed in ("첫 번째 수정", "두 번째 수정", "세 번째 수정"):
        _first(editor).text.setPlainText(typed)
        _leave(_first(editor).text)
        assert _stored_text(library, note_id, index) == typed
    assert stack.count() == 1  # consecutive edits of one cell are one undo step
    stack.undo()
    assert _stored_text(library, note_id, index) == original
    assert editor.editors[index].text.toPlainText() == original  # the editor shows the undone text
    stack.redo()
    assert editor.editors[index].text.toPlainText() == "세 번째 수정"


def test_a_question_and_its_answer_are_edited_and_undone_together(
    qtbot: Any, day_log: tuple[Library, int], library_path: Path
) -> None:
    library, note_id = day_log
    editor = _open(qtbot, library, note_id)
    [before] = library.questions(QuestionFilter(note_id=note_id))
    assert before.text == "Machine Learning과 Deep Learning의 차이가 뭘까?"
    question = _first(editor, question=True)
    assert question.answer is not None and question.answered is not None
    assert question.answered.isChecked()
    question.text.setPlainText("ML과 DL은 어떻게 다를까?")
    editor.save()
    question.answer.setPlainText("DL은 ML 안에서 신경망을 쓰는 분야.\n")
    editor.save()
    after = library.question(before.id)
    assert after is not None
    assert (after.text, after.answer, after.edited_by_user) == (
        "ML과 DL은 어떻게 다를까?",
        "DL은 ML 안에서 신경망을 쓰는 분야.",
        True,
    )
    editor.save()  # nothing changed since: no empty undo step
    assert editor._undo.count() == 1
    editor._undo.undo()
    restored = library.question(before.id)
    assert restored is not None and (restored.text, restored.answer) == (before.text, before.answer)
    reloaded = _first(editor, question=True)
    assert reloaded.text.toPlainText() == before.text


def test_a_question_without_text_is_not_saved(qtbot: Any, day_log: tuple[Library, int]) -> None:
    library, note_id = day_log
    editor = _open(qtbot, library, note_id)
    [before] = library.questions(QuestionFilter(note_id=note_id))
    _first(editor, question=True).text.setPlainText("   ")
    editor.save()
    assert library.question(before.id).text == before.text  # type: ignore[union-attr]
    assert editor.state.text().startswith("A question needs some text")
    assert editor._undo.count() == 0


def test_the_answered_box_toggles_the_status_and_undo_unticks_it(
    qtbot: Any, day_log: tuple[Library, int]
) -> None:
    library, note_id = day_log
    editor = _open(qtbot, library, note_id)
    [question] = library.questions(QuestionFilter(note_id=note_id))
    box = _first(editor, question=True).answered
    assert box is not None and box.isChecked()
    box.setChecked(False)
    assert library.question(question.id).status == "open"  # type: ignore[union-attr]
    editor._undo.undo()
    assert library.question(question.id).status == "answered"  # type: ignore[union-attr]
    reloaded = _first(editor, question=True).answered
    assert reloaded is not None and reloaded.isChecked()


def test_adding_and_deleting_a_question_is_undoable(qtbot: Any, day_log: tuple[Library, int]) -> None:
    library, note_id = day_log
    editor = _open(qtbot, library, note_id)
    cells_before = [(c.kind, c.markdown) for c in library.note(note_id).cells]  # type: ignore[union-attr]
    editor._focus(editor.editors[0], "text")
    editor.add_cell("question")
    note = library.note(note_id)
    assert note is not None and note.cells[1].question is not None
    assert note.cells[1].question.text == new_question_text() and note.cells[1].question.status == "open"
    assert len(editor.editors) == len(cells_before) + 1
    assert editor._current is editor.editors[1]
    assert editor.editors[1].text.textCursor().selectedText() == new_question_text()  # typing replaces it
    editor._undo.undo()
    assert [(c.kind, c.markdown) for c in library.note(note_id).cells] == cells_before  # type: ignore[union-attr]

    [question] = library.questions(QuestionFilter(note_id=note_id))
    position = next(i for i, e in enumerate(editor.editors) if e.cell.question is not None)
    editor._focus(editor.editors[position], "text")
    editor.delete_current()
    assert library.questions(QuestionFilter(note_id=note_id)) == []
    assert len(editor.editors) == len(cells_before) - 1
    editor._undo.undo()
    [back] = library.questions(QuestionFilter(note_id=note_id))
    assert (back.id, back.text, back.answer, back.status) == (
        question.id,
        question.text,
        question.answer,
        question.status,
    )
    assert editor.editors[position].cell.question is not None  # where it was


def test_ctrl_z_in_a_field_with_nothing_left_to_undo_undoes_the_last_change(
    qtbot: Any, day_log: tuple[Library, int]
) -> None:
    library, note_id = day_log
    editor = _open(qtbot, library, note_id)
    count = len(editor.editors)
    editor._focus(editor.editors[-1], "text")
    editor.add_cell("markdown")
    assert len(editor.editors) == count + 1
    fresh = editor.editors[-1].text
    qtbot.keyClicks(fresh, "memo")  # QTest types Latin-1 only
    qtbot.keyClick(fresh, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fresh.toPlainText() == ""  # first the field's own typing
    editor.save()
    qtbot.keyClick(fresh, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(editor.editors) == count)  # then the added cell itself
    assert len(library.note(note_id).cells) == count  # type: ignore[union-attr]


def test_the_cursor_stays_in_its_cell_when_an_undo_reloads_the_cells(
    qtbot: Any, day_log: tuple[Library, int]
) -> None:
    library, note_id = day_log
    editor = _open(qtbot, library, note_id)
    question = _first(editor, question=True)
    assert question.answered is not None
    question.answered.setChecked(False)
    text_cell = editor.editors[-1]
    cell_id = text_cell.cell.id
    cursor = text_cell.text.textCursor()
    cursor.setPosition(5)
    text_cell.text.setTextCursor(cursor)
    editor._focus(text_cell, "text")
    editor._undo.undo()  # the status comes back: every cell is rebuilt
    assert text_cell not in editor.editors
    assert editor._current is not None and editor._current.cell.id == cell_id
    assert editor._current.text.textCursor().position() == 5


def test_the_preview_renders_what_is_typed_off_the_gui_thread(
    qtbot: Any, day_log: tuple[Library, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, note_id = day_log
    threads: list[str] = []
    original_job = preview_host.render_job

    def recording_job(*args: Any) -> Callable[[], str]:
        job = original_job(*args)

        def run() -> str:
            threads.append(threading.current_thread().name)
            return job()

        return run

    monkeypatch.setattr(editor_module, "render_job", recording_job)
    editor = _open(qtbot, library, note_id)
    shown: list[str] = []
    monkeypatch.setattr(editor.preview, "_show", shown.append)
    editor.preview.wait_for_render()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    shown.clear()
    _first(editor).text.setPlainText("처음 쓴 문장")
    editor._render()
    _first(editor).text.setPlainText("## 고친 제목\n\n$$\\frac{1}{2}$$")
    editor._render()
    editor.preview.wait_for_render()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert len(shown) == 1  # the first result came back stale and was dropped
    assert "고친 제목" in shown[0] and "처음 쓴 문장" not in shown[0]
    assert threads and threading.main_thread().name not in threads


def _formats(text: str, *, dark: bool = False) -> dict[str, tuple[str, bool, bool, bool]]:
    """Each highlighted run on the last line: its text, colour, bold, italic, monospace."""
    document = QTextDocument()
    document.setPlainText(text)
    MarkdownHighlighter(document, dark=dark).rehighlight()
    block = document.lastBlock()
    runs = {}
    for fmt_range in block.layout().formats():
        fmt = fmt_range.format
        piece = block.text()[fmt_range.start : fmt_range.start + fmt_range.length]
        color = fmt.foreground().color().name() if fmt.hasProperty(fmt.Property.ForegroundBrush) else ""
        runs[piece] = (
            color,
            fmt.fontWeight() >= 700,
            fmt.fontItalic(),
            "monospace" in (fmt.fontFamilies() or []),
        )
    return runs


def test_the_highlighter_marks_headings_emphasis_code_math_links_and_lists() -> None:
    assert _formats("## 8강 강의/퀴즈") == {"## 8강 강의/퀴즈": (LIGHT["heading"], True, False, False)}
    runs = _formats("- **굵게** _기울임_ `code` $\\frac{a}{b}$ [링크](https://x.org)")
    assert runs["- "] == (LIGHT["marker"], True, False, False)
    assert runs["**굵게**"][1] and runs["_기울임_"][2]
    assert runs["`code`"] == (LIGHT["code"], False, False, True)
    assert runs["$\\frac{a}{b}$"][0] == LIGHT["math"]
    assert runs["[링크](https://x.org)"][0] == LIGHT["link"]
    assert _formats("가격은 $5 와 $10", dark=False) == {}  # dollars are not formulas
    assert _formats("```python\nx = '$a$'")["x = '$a$'"] == (LIGHT["fence"], False, False, True)
    assert _formats("$$\n\\sum_i x_i")["\\sum_i x_i"][0] == LIGHT["math"]
    assert _formats("$$\n\\sum_i x_i\n$$\n# after")["# after"][0] == LIGHT["heading"]
    assert _formats("## 제목", dark=True)["## 제목"][0] == DARK["heading"]


def test_a_read_only_library_is_shown_but_not_edited(
    qtbot: Any, day_log: tuple[Library, int], library_path: Path
) -> None:
    library, note_id = day_log
    with Library.open(library_path, read_only=True) as read_only:
        editor = _open(qtbot, read_only, note_id)
        assert editor.state.text() == "Read-only: this library cannot be changed here"
        assert all(box.isReadOnly() for e in editor.editors for box in e.boxes())
        assert not any(button.isEnabled() for button in editor.cell_buttons)
        editor._focus(editor.editors[0], "text")
        editor.add_cell("question")
        editor.delete_current()
        assert editor._undo.count() == 0
        editor.close()
    assert len(library.note(note_id).cells) == len(editor.editors)  # type: ignore[union-attr]


def test_a_change_the_library_refuses_is_reported_in_the_editor(
    qtbot: Any, day_log: tuple[Library, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, note_id = day_log
    editor = _open(qtbot, library, note_id)

    def disk_full(*_args: object, **_kwargs: object) -> str:
        raise LibraryError(
            f"{library.path}: the change was not saved (the disk is full); the library is as it was"
        )

    monkeypatch.setattr(library, "edit_cell", disk_full)
    cell = _first(editor)
    cell.text.setPlainText("꽉 찬 디스크")
    editor.save()
    assert editor.state.text() == (
        f"Not saved: {library.path}: the change was not saved (the disk is full); the library is as it was"
    )
    assert cell.text.toPlainText() == "꽉 찬 디스크" and cell in editor._dirty  # saved on the next try
    monkeypatch.undo()
    editor.save()
    assert editor.state.text() == "Saved"
    assert "꽉 찬 디스크" in [c.markdown for c in library.note(note_id).cells]  # type: ignore[union-attr]
