"""The Library's operations: one rule each, a Change that says what happened, an inverse that undoes it."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from library_rows import library_rows
from studynotes.library import Library, Operation
from studynotes.model import Cell, Question, StudyNotesError


@pytest.fixture
def board(library_with: Callable[..., Library], seeds: Path) -> Library:
    files = ("question-board-week2.md", "lecture-chat-log.txt", "meeting-minutes-0805.md")
    return library_with(*(seeds / name for name in files), notebook="CS231n")


def _mixed_note(library: Library) -> Any:
    """A note with text and questions."""
    for info in library.notes():
        note = library.note(info.id)
        if note is not None and {c.kind for c in note.cells} == {"markdown", "question"}:
            return note
    raise AssertionError("no note with text and questions")


def _question(library: Library, status: str) -> Any:
    return next(q for q in library.questions() if q.status == status and q.answered_by)


def test_answering_and_reopening_keep_who_answered_and_report_the_counts(board: Library) -> None:
    answered = _question(board, "answered")
    note = board.note_info(answered.note_id)
    assert note is not None
    change = board.set_status(answered.id, "open")
    key = ("question", answered.id)
    assert change.before[key]["status"] == "answered" and change.after[key]["status"] == "open"
    assert board.question(answered.id).answered_by == answered.answered_by  # type: ignore[union-attr]
    assert change.counts[("note", note.id)] == board.counts(note_id=note.id)
    assert change.counts[("notebook", note.notebook_id)] == board.counts(notebook_id=note.notebook_id)
    assert change.notes == {note.id} and change.ids("question") == {answered.id}
    board.set_status(answered.id, "answered")  # answered again: by whom it was before
    assert board.question(answered.id).answered_by == answered.answered_by  # type: ignore[union-attr]
    assert board.set_status(answered.id, "answered").empty  # already answered: nothing written


def test_a_toggle_is_decided_inside_its_transaction(board: Library) -> None:
    question = board.questions()[0]
    first = board.toggle_status(question.id)
    second = board.toggle_status(question.id)
    key = ("question", question.id)
    assert first.after[key]["status"] != question.status and second.after[key]["status"] == question.status


def test_every_edit_is_nfc_and_trimmed(board: Library) -> None:
    note = _mixed_note(board)
    question = note.questions[0]
    decomposed = unicodedata.normalize("NFD", " 손실함수를 왜 쓰나요? ")
    change = board.edit_question(
        question.id,
        text=decomposed,
        answer=unicodedata.normalize("NFD", "경사 하강"),
        asker=" 민수 ",
        time="1:02:03",
    )
    row = board.question(question.id)
    assert row is not None
    assert row.text == "손실함수를 왜 쓰나요?" and row.answer == "경사 하강" and row.asker == "민수"
    assert row.media_time == "1:02:03" and row.edited_by_user
    assert [h.id for h in board.search("손실함수")] and change.after[("question", question.id)][
        "text"
    ] == row.text
    cell = next(c for c in note.cells if c.kind == "markdown")
    assert cell.id is not None
    board.edit_cell(cell.id, unicodedata.normalize("NFD", "한국어"))
    assert next(c for c in board.note(note.id).cells if c.id == cell.id).markdown == "한국어"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"text": "  "}, "cannot be empty"),
        ({"page": 0}, "starts at 1"),
        ({"time": "soon"}, "m:ss or h:mm:ss"),
    ],
)
def test_an_edit_the_rules_refuse_says_why_and_changes_nothing(
    board: Library, values: dict[str, Any], message: str
) -> None:
    question = board.questions()[0]
    before = library_rows(board)
    with pytest.raises(StudyNotesError, match=message):
        board.edit_question(question.id, **values)
    assert library_rows(board) == before


def test_a_question_edit_of_its_lecture_shows_in_the_list_row(board: Library) -> None:
    question = next(q for q in board.questions() if q.lecture is None)
    change = board.edit_question(question.id, lecture=7)
    assert change.updated_row(question).lecture == 7 == board.question(question.id).lecture  # type: ignore[union-attr]


def _operations(library: Library) -> list[Callable[[], Any]]:
    note = _mixed_note(library)
    question = library.question(note.questions[0].id)
    assert question is not None and note.notebook_id is not None
    text_cell = next(c for c in note.cells if c.kind == "markdown")
    assert text_cell.id is not None
    return [
        lambda: library.toggle_status(question.id),
        lambda: library.edit_question(
            question.id, text="Rewritten?", answer="New", asker="Kim", lecture=3, page=2, time="4:05"
        ),
        lambda: library.edit_cell(text_cell.id or 0, "Edited text"),  # type: ignore[union-attr]
        lambda: library.add_cell(note.id or 0, Cell.asking(Question(text="Added?")), 1),
        lambda: library.add_cell(note.id or 0, Cell.text("A line")),
        lambda: library.delete_cell(text_cell.id or 0),
        lambda: library.move_cell(text_cell.id or 0, 3),
        lambda: library.add_note(note.notebook_id or 0, "New note", week=2, lecture=9),
        lambda: library.rename_note(note.id or 0, "Renamed"),
        lambda: library.move_note(note.id or 0, week=5, lecture=4),
        lambda: library.move_note(note.id or 0, week=None, lecture=None),
        lambda: library.delete_note(note.id or 0),
        lambda: library.rename_notebook(note.notebook_id or 0, "Renamed book"),
        lambda: library.set_schedule(note.notebook_id or 0, dt.date(2021, 3, 1), 3),
        lambda: library.dismiss_question(question.id),
        lambda: library.add_notebook("새 노트북"),
        lambda: library.delete_notebook(note.notebook_id or 0),
    ]


@pytest.mark.parametrize("which", range(17))
def test_each_operation_undone_by_its_inverse_gives_back_the_rows_and_redone_the_same_ids(
    board: Library, which: int
) -> None:
    before = library_rows(board)
    change = _operations(board)[which]()
    after = library_rows(board)
    assert after != before and change.inverse is not None
    undone = board.apply(change.inverse)
    assert library_rows(board) == before
    assert undone.inverse is not None
    board.apply(undone.inverse)
    assert library_rows(board) == after


def test_restoring_a_version_is_a_change_that_undoes(board: Library) -> None:
    question = board.questions()[0]
    board.edit_question(question.id, answer="Mine")
    version = board.history(question.note_id)[0]
    before = library_rows(board)
    change = board.restore_version(version.id)
    assert change.after[("question", question.id)]["answer"] == question.answer
    assert change.inverse is not None
    board.apply(change.inverse)
    assert library_rows(board) == before


def test_only_operations_run_by_name(board: Library) -> None:
    with pytest.raises(StudyNotesError, match="no operation"):
        board.apply(Operation.of("_write"))
