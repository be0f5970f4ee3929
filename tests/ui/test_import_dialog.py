"""The import dialog as a user drives it: formats shown, choices applied, progress, cancel, summary."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from golden import SEED_FORMATS
from studynotes.importing import ImportReport, detect_file
from studynotes.library import Library
from studynotes.library.views import QuestionFilter
from studynotes.ui.count_words import words
from studynotes.ui.import_dialog import (
    DETECT_IN_THREAD_BYTES,
    DETECT_IN_THREAD_OVER,
    ImportDialog,
    as_detected,
    from_document,
)

BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40


def _seed_folder(tmp_path: Path, seeds: Path, name: str = "study") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for seed in SEED_FORMATS:
        shutil.copy(seeds / seed, folder / seed)
    return folder


def _chat_copies(folder: Path, seeds: Path, count: int) -> list[Path]:
    """Distinct chat logs: each one asks one more question than the seed."""
    folder.mkdir()
    chat = (seeds / "lecture-chat-log.txt").read_bytes()
    made = []
    for copy in range(count):
        path = folder / f"chat-{copy:03}.txt"
        path.write_bytes(chat + f"\n- 13:{copy // 60:02}:{copy % 60:02} From x : 질문 {copy}?\n".encode())
        made.append(path)
    return made


def _dialog(qtbot: Any, library_path: Path, paths: list[Path], **kwargs: Any) -> ImportDialog:
    Library.open(library_path).close()
    dialog = ImportDialog(library_path, paths, kwargs.pop("notebooks", []), **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def _cell(dialog: ImportDialog, row: int, column: int) -> Any:
    item = dialog.table.item(row, column)
    assert item is not None
    return item


def _notes_column(dialog: ImportDialog) -> dict[str, str]:
    return {_cell(dialog, r, 0).text(): _cell(dialog, r, 2).text() for r in range(dialog.table.rowCount())}


def _run(dialog: ImportDialog) -> ImportReport:
    dialog.start()
    dialog.wait()
    assert dialog.report is not None, dialog.status.text()
    return dialog.report


def test_the_seeds_import_through_the_dialog_with_the_seed_counts(
    qtbot: Any, tmp_path: Path, seeds: Path
) -> None:
    folder = _seed_folder(tmp_path, seeds)
    (folder / "slide-photo.txt").write_bytes(BINARY)
    (folder / "slides.pdf").write_bytes(BINARY)
    (folder / ".draft.md").write_text("# not ready", encoding="utf-8")
    path = tmp_path / "lib.sqlite3"
    dialog = _dialog(qtbot, path, [folder])
    assert {p.name: f for p, f in dialog.jobs()} == SEED_FORMATS
    notes = _notes_column(dialog)
    assert notes["slide-photo.txt"] == "this is a binary file, not text (an image, PDF or archive?)"
    assert notes["slides.pdf"] == "not a note or chat export (.pdf), skipped"
    assert notes[".draft.md"] == "hidden, skipped"
    assert _cell(dialog, dialog.table.rowCount() - 1, 2).foreground().color().name() == "#cf222e"
    assert dialog.status.text() == "5 files to import; 3 skipped (each row says why)"
    assert dialog.notebook_title() is None  # each document says where it goes

    with qtbot.waitSignal(dialog.imported, timeout=30_000) as signal:
        dialog.start()
    dialog.wait()
    report: ImportReport = signal.args[0]
    assert report is dialog.report and report.errors == []
    assert dialog.status.text() == "Import finished"
    assert dialog.cancel_button.text() == "Close"
    shown = _notes_column(dialog)
    assert shown["question-board-week2.md"].startswith("2 notes, 16 questions in study")
    assert shown["daily-log-day15-19.txt"].startswith("5 notes, 1 question")
    summary = dialog.summary.toPlainText()
    assert "read 'January 12, 20222' as 2022-01-12" in summary  # warnings are listed
    assert f"{words().warnings(report.warnings)}, 0 errors" in summary

    with Library.open(path) as library:
        chat = library.questions(QuestionFilter(note_id=library.notes(notebook="study")[-1].id))
        assert len(chat) == 27 and {q.status for q in chat} == {"answered"}
        peer = sorted(q.asked_at or "" for q in chat if q.answered_by == "peer")
        assert peer == ["11:16:50", "11:55:52", "12:21:05"]

        board = [n for n in library.notes(notebook="study") if n.lecture in (3, 4)]
        assert [(n.week, n.lecture, n.counts.questions, n.counts.open) for n in board] == [
            (2, 3, 11, 0),
            (2, 4, 5, 0),
        ]
        board_questions = [q for n in board for q in library.questions(QuestionFilter(note_id=n.id))]
        assert {q.asker for q in board_questions} == {"혜지", "소현", "세연", "재용"}
        assert all(q.page is not None for q in board_questions)
        assert sorted(q.media_time for q in board_questions if q.media_time) == [
            "21:30",
            "31:47",
            "35:50",
            "40:50",
            "47:03",
        ]

        minutes = next(n for n in library.notes(notebook="study") if n.date == dt.date(2021, 8, 5))
        about = [
            (q.lecture_ref, q.status)
            for q in library.questions(QuestionFilter(note_id=minutes.id))
            if q.lecture_ref
        ]
        assert sorted(about) == [(7, "answered")] * 3 + [(8, "answered")]

        programme = library.questions(QuestionFilter(notebook="AIFFEL DeepML Flipped School"))
        assert len(programme) == 29 and {q.status for q in programme} == {"open"}
        notebook_id = library.notebook_id("AIFFEL DeepML Flipped School")
        assert notebook_id is not None
        sessions = [lec for w in library.weeks(notebook_id) for lec in library.lectures(notebook_id, w.id)]
        assert [s.number for s in sessions] == list(range(13))
        assert sessions[2].date == dt.date(2022, 1, 12)

        days = [(n.title, n.week) for n in library.notes(notebook="study") if n.title.startswith("Day")]
        assert days == [("Day 15", 3), ("Day 16", 4), ("Day 17", 4), ("Day 18", 4), ("Day 19", 4)]


def test_the_users_choices_place_the_notes(qtbot: Any, tmp_path: Path, seeds: Path) -> None:
    chat = tmp_path / "chat.txt"
    shutil.copy(seeds / "lecture-chat-log.txt", chat)
    path = tmp_path / "lib.sqlite3"
    dialog = _dialog(qtbot, path, [chat], notebooks=["Deep Learning"], default_notebook="Deep Learning")
    assert dialog.notebook.currentText() == "Deep Learning"
    assert [dialog.notebook.itemText(i) for i in range(dialog.notebook.count())] == [
        from_document(),
        "Deep Learning",
    ]
    dialog.notebook.setCurrentText("  딥러닝 스터디 ")  # a new notebook, typed
    dialog.week.setValue(2)
    dialog.lecture.setValue(3)
    assert not dialog.date.isEnabled()
    dialog.use_date.setChecked(True)
    assert dialog.date.isEnabled()
    dialog.date.setDate(QDate(2021, 9, 7))
    report = _run(dialog)
    assert (report.notes, report.questions) == (1, 27)
    with Library.open(path) as library:
        [note] = library.notes()
        assert (note.notebook, note.week, note.lecture, note.date) == (
            "딥러닝 스터디",
            2,
            3,
            dt.date(2021, 9, 7),
        )


def test_one_format_for_every_file_and_back_to_the_detected_ones(
    qtbot: Any, tmp_path: Path, seeds: Path
) -> None:
    dialog = _dialog(qtbot, tmp_path / "lib.sqlite3", [_seed_folder(tmp_path, seeds)])
    dialog.format_for_all.setCurrentText("Markdown or text")  # as the user reads it
    assert {f for _, f in dialog.jobs()} == {"markdown"}
    dialog.format_for_all.setCurrentText(as_detected())
    assert {p.name: f for p, f in dialog.jobs()} == SEED_FORMATS
    report = _run(dialog)
    assert [r.format for r in report.files] == [SEED_FORMATS[Path(r.path).name] for r in report.files]


def test_many_files_are_recognised_in_a_thread_and_import(qtbot: Any, tmp_path: Path, seeds: Path) -> None:
    count = DETECT_IN_THREAD_OVER + 8
    _chat_copies(tmp_path / "many", seeds, count)
    dialog = _dialog(qtbot, tmp_path / "lib.sqlite3", [tmp_path / "many"])
    assert dialog.table.rowCount() == 0  # the rows arrive from the worker, not before the dialog shows
    assert not dialog.import_button.isEnabled()
    dialog.start()  # pressed while formats are still being recognised: imports right after
    dialog.wait()
    assert dialog.table.rowCount() == count
    assert {f for _, f in dialog.jobs()} == {"chat_log"}
    report = dialog.report
    assert report is not None and (report.notes, report.questions) == (count, count * 28)


def test_a_cancel_during_the_save_leaves_the_library_unchanged(
    qtbot: Any, tmp_path: Path, seeds: Path
) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as library:
        library.ensure_notebook("Existing")
    _chat_copies(tmp_path / "many", seeds, 30)
    dialog = _dialog(qtbot, path, [tmp_path / "many"])
    dialog.wait()  # formats recognised
    saved: list[int] = []

    def stop_after_some_saved(done: int, total: int, text: str) -> None:
        if text.startswith("Saving"):
            saved.append(done)
            if len(saved) == 5:
                worker.cancelled = True  # as the Cancel button does, mid-transaction

    dialog.start()
    assert dialog._worker is not None
    worker = dialog._worker
    worker.progress.connect(stop_after_some_saved, Qt.ConnectionType.DirectConnection)
    dialog.wait()
    if not saved:
        pytest.fail(f"the import ended before the save began: {dialog.status.text()}")
    assert len(saved) == 5  # four files were written inside the transaction, then rolled back
    assert dialog.status.text() == "Import cancelled: nothing was saved."
    assert dialog.report is None and dialog.import_button.isEnabled()
    with Library.open(path) as library:
        assert [nb.title for nb in library.notebooks()] == ["Existing"]
        assert library.notes() == [] and library.questions() == []


def test_the_cancel_button_stops_an_import(qtbot: Any, tmp_path: Path, seeds: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    _chat_copies(tmp_path / "many", seeds, 200)
    dialog = _dialog(qtbot, path, [tmp_path / "many"])
    dialog.wait()
    dialog.start()
    assert dialog.importing()
    dialog.cancel()
    assert dialog.status.text() == "Cancelling…"
    dialog.wait()
    assert dialog.status.text() == "Import cancelled: nothing was saved."
    with Library.open(path) as library:
        assert library.notebooks() == [] and library.questions() == []


def test_a_failure_is_a_readable_line_never_a_traceback(
    qtbot: Any, tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat = tmp_path / "chat.txt"
    shutil.copy(seeds / "lecture-chat-log.txt", chat)
    folder_not_library = tmp_path / "not-a-file"
    folder_not_library.mkdir()
    dialog = ImportDialog(folder_not_library, [chat], [])
    qtbot.addWidget(dialog)
    dialog.start()
    dialog.wait()
    assert dialog.status.text() == f"The import failed: {folder_not_library}: is a folder, not a library file"
    assert dialog.report is None and dialog.import_button.isEnabled()

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("studynotes.importing.save_parsed", broken)
    dialog = _dialog(qtbot, tmp_path / "lib.sqlite3", [chat])
    dialog.start()
    dialog.wait()
    message = dialog.status.text()
    assert message.startswith("The import failed: disk on fire (details in ")
    assert "Traceback" not in message
    assert "RuntimeError: disk on fire" in next((tmp_path / "state").rglob("crash.log")).read_text()


def test_unreadable_files_are_listed_and_skipped(qtbot: Any, tmp_path: Path, seeds: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(seeds / "question-board-week2.md", folder / "board.md")
    (folder / "empty.md").write_text("  \n")
    (folder / "photo.txt").write_bytes(BINARY)
    missing = tmp_path / "gone.md"
    dialog = _dialog(qtbot, tmp_path / "lib.sqlite3", [folder, missing])
    shown = _notes_column(dialog)
    assert shown["gone.md"] == "no such file or folder"
    assert shown["empty.md"] == "the file is empty"
    assert shown["photo.txt"] == "this is a binary file, not text (an image, PDF or archive?)"
    assert [p.name for p, _ in dialog.jobs()] == ["board.md"]
    report = _run(dialog)
    assert (report.notes, report.questions, report.errors) == (2, 16, [])


def test_files_dropped_on_the_dialog_join_the_list(qtbot: Any, tmp_path: Path, seeds: Path) -> None:
    board = tmp_path / "board.md"
    minutes = tmp_path / "minutes.md"
    shutil.copy(seeds / "question-board-week2.md", board)
    shutil.copy(seeds / "meeting-minutes-0805.md", minutes)
    dialog = _dialog(qtbot, tmp_path / "lib.sqlite3", [board])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(minutes)), QUrl.fromLocalFile(str(board))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(drop)
    assert [(p.name, f) for p, f in dialog.jobs()] == [
        ("board.md", "question_board"),
        ("minutes.md", "minutes"),
    ]
    report = _run(dialog)
    assert report.notes == 3


def test_detection_never_raises(tmp_path: Path) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(BINARY)
    found = detect_file(binary)
    assert (found.path, found.detected, found.problem) == (
        binary,
        None,
        "this is a binary file, not text (an image, PDF or archive?)",
    )
    assert detect_file(tmp_path / "nope.md").problem == "cannot be read (No such file or directory)"


def test_the_dialog_reads_each_file_once_and_imports_what_it_read(
    qtbot: Any, tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _seed_folder(tmp_path, seeds)
    reads: list[str] = []
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        reads.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    dialog = _dialog(qtbot, tmp_path / "lib.sqlite3", [folder])
    dialog.week.setValue(3)  # a choice that makes the import parse again, from the text already read
    report = _run(dialog)
    assert report.errors == [] and len(report.files) == len(SEED_FORMATS)
    assert sorted(r for r in reads if r in SEED_FORMATS) == sorted(SEED_FORMATS)  # (images are the notes')


def test_a_big_file_is_recognised_in_a_thread(qtbot: Any, tmp_path: Path, seeds: Path) -> None:
    big = tmp_path / "big-chat.txt"
    chat = (seeds / "lecture-chat-log.txt").read_bytes()
    big.write_bytes(chat * (DETECT_IN_THREAD_BYTES // len(chat) + 1))
    dialog = _dialog(qtbot, tmp_path / "lib.sqlite3", [big])
    assert dialog.table.rowCount() == 0 and dialog.status.text().startswith("Recognising the formats")
    dialog.wait()
    assert [(p.name, f) for p, f in dialog.jobs()] == [("big-chat.txt", "chat_log")]
    assert dialog.import_button.isEnabled() and dialog.status.text() == "1 file to import"
