"""Editing a note and importing through the dialog, as a user would."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtGui import QUndoStack

from studynotes.library import Library
from studynotes.ui.commands import LibraryEvents


def _editor(qtbot: Any, library: Library) -> Any:
    from studynotes.ui.editor import NoteEditor

    editor = NoteEditor(library, QUndoStack(), LibraryEvents())
    qtbot.addWidget(editor)
    return editor


def test_an_edit_persists_across_reopening_and_undo_restores_it(
    qtbot: Any, tmp_path: Path, seeds: Path
) -> None:
    from studynotes.importing import import_paths

    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as library:
        import_paths(library, [seeds / "daily-log-day15-19.txt"], notebook="Log")
        note_id = library.notes()[1].id
        editor = _editor(qtbot, library)
        editor.open_note(note_id)
        text_cell = next(e for e in editor.editors if e.cell.question is None)
        original = text_cell.text.toPlainText()
        text_cell.text.setPlainText("- 다시 정리한 내용\n    - 중첩")
        editor.save()
        question = next(e for e in editor.editors if e.cell.question is not None)
        question.answer.setPlainText("ML은 넓고, DL은 그 안의 신경망 분야.")
        editor.save()
        stack = editor._undo
    with Library.open(path) as reopened:
        note = reopened.note(note_id)
        assert note is not None
        assert note.cells[0].markdown == "- 다시 정리한 내용\n    - 중첩"
        assert note.questions[0].answer == "ML은 넓고, DL은 그 안의 신경망 분야."
    with Library.open(path) as library:
        editor._library = library
        for command in range(stack.count()):
            stack.command(command)._library = library  # the commands follow the reopened file
        stack.undo()
        stack.undo()
        note = library.note(note_id)
        assert note is not None and note.cells[0].markdown == original


def test_adding_and_deleting_a_question_is_undoable(qtbot: Any, library: Library, seeds: Path) -> None:
    from studynotes.importing import import_paths

    import_paths(library, [seeds / "question-board-week2.md"], notebook="B")
    note_id = library.notes()[0].id
    editor = _editor(qtbot, library)
    editor.open_note(note_id)
    before = len(library.questions())
    editor.add_cell("question")
    assert len(library.questions()) == before + 1
    assert len(editor.editors) == 12  # reloaded with the new cell
    editor._current = editor.editors[-1]
    editor.delete_current()
    assert len(library.questions()) == before
    editor._undo.undo()
    assert len(library.questions()) == before + 1
    editor._undo.undo()
    assert len(library.questions()) == before


def test_the_import_dialog_gives_the_seed_counts(qtbot: Any, tmp_path: Path, seeds: Path) -> None:
    from studynotes.ui.import_dialog import ImportDialog

    folder = tmp_path / "in"
    folder.mkdir()
    for seed in seeds.glob("*.*"):
        if seed.name != "README.md":
            shutil.copy(seed, folder / seed.name)
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    path = tmp_path / "lib.sqlite3"
    Library.open(path).close()
    dialog = ImportDialog(path, [folder], [])
    qtbot.addWidget(dialog)
    formats = {Path(p).name: f for p, f in dialog.jobs()}
    assert formats == {
        "lecture-chat-log.txt": "chat_log",
        "question-board-week2.md": "question_board",
        "meeting-minutes-0805.md": "minutes",
        "programme-deepml-flipped-school.txt": "programme",
        "daily-log-day15-19.txt": "daily_log",
    }
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.start()
    dialog.wait()
    report = dialog.report
    assert report is not None and report.errors == []
    assert report.questions == 27 + 16 + 15 + 29 + 1
    assert report.notes == 1 + 2 + 1 + 1 + 5
    assert dialog.status.text() == "Import finished"
    messages = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())
    }
    assert messages["photo.txt"] == "this is a binary file, not text (an image, PDF or archive?)"


def test_cancelling_an_import_saves_nothing(qtbot: Any, tmp_path: Path, seeds: Path) -> None:
    from studynotes.ui.import_dialog import ImportDialog

    folder = tmp_path / "many"
    folder.mkdir()
    chat = (seeds / "lecture-chat-log.txt").read_bytes()
    for copy in range(300):
        (folder / f"chat-{copy:03}.txt").write_bytes(
            chat + f"\n- 13:00:{copy % 60:02} From x : {copy}?\n".encode()
        )
    path = tmp_path / "lib.sqlite3"
    Library.open(path).close()
    dialog = ImportDialog(path, [folder], [])
    qtbot.addWidget(dialog)
    dialog.start()
    dialog.cancel()  # long before 300 files are read
    dialog.wait()
    assert dialog.status.text() == "Import cancelled: nothing was saved."
    assert dialog.report is None
    with Library.open(path) as library:
        assert library.notebooks() == [] and library.questions() == []


def test_a_version_is_restored_from_the_history_dialog(qtbot: Any, library: Library, seeds: Path) -> None:
    from studynotes.importing import import_paths
    from studynotes.ui.history_dialog import HistoryDialog

    import_paths(library, [seeds / "question-board-week2.md"], notebook="B")
    question = library.questions()[0]
    library.edit_question(question.id, answer="My own answer.")
    dialog = HistoryDialog(library, question.note_id, "note")
    qtbot.addWidget(dialog)
    assert dialog.versions.count() == 1
    assert dialog.text.toPlainText() == question.answer
    with qtbot.waitSignal(dialog.restored):
        dialog.restore()
    assert library.question(question.id).answer == question.answer  # type: ignore[union-attr]
    assert dialog.versions.count() == 2  # "My own answer." is now a version too
