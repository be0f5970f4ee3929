"""Deleting a note or a notebook keeps it whole: undo, or the Deleted list later, brings every row back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from studynotes.importers import import_file
from studynotes.library import Library
from studynotes.model import StudyNotesError

# Every table a notebook's content lives in, row for row (ids included).
TABLES = (
    "notebooks",
    "weeks",
    "lectures",
    "sources",
    "notes",
    "cells",
    "questions",
    "attachments",
    "history",
    "question_decisions",
    "dismissed",
    "sync_note_uids",
    "sync_status_times",
)


def _dump(library: Library) -> dict[str, list[tuple[Any, ...]]]:
    return {t: library.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


@pytest.fixture
def two_books(library_with: Callable[..., Library], seeds: Path) -> Library:
    library = library_with(
        seeds / "question-board-week2.md", seeds / "lecture-chat-log.txt", notebook="CS231n"
    )
    for name in ("meeting-minutes-0805.md", "daily-log-day15-19.txt"):
        library.save_import(import_file(seeds / name), notebook="스터디")
    return library


def _book(library: Library, title: str) -> int:
    return next(nb.id for nb in library.notebooks() if nb.title == title)


def _with_edits(library: Library, notebook_id: int) -> None:
    """History, a decision and a status time, so they must come back too."""
    question = next(q for q in library.questions() if library.note_info(q.note_id).notebook_id == notebook_id)  # type: ignore[union-attr]
    library.edit_question(question.id, text="고친 질문인가요?", answer="고친 답")
    library.toggle_status(question.id)
    other = [q for q in library.questions() if library.note_info(q.note_id).notebook_id == notebook_id]  # type: ignore[union-attr]
    library.dismiss_question(other[-1].id)


def test_a_deleted_notebook_comes_back_whole_with_its_ids(two_books: Library) -> None:
    book = _book(two_books, "CS231n")
    _with_edits(two_books, book)
    before = _dump(two_books)
    change = two_books.delete_notebook(book)
    assert [nb.title for nb in two_books.notebooks()] == ["스터디"]
    assert not [n for n in two_books.notes() if n.notebook_id == book]
    assert change.placement == {book} and ("notebook", book) in change.deleted
    assert two_books.questions() and all(two_books.note_info(q.note_id) for q in two_books.questions())
    [kept] = two_books.deleted_items()
    assert (kept.kind, kept.title, kept.notes) == ("notebook", "CS231n", len(change.ids("note")))
    assert kept.questions == len(change.ids("question")) > 0
    assert change.inverse is not None
    restored = two_books.apply(change.inverse)
    assert _dump(two_books) == before
    assert two_books.deleted_items() == []
    assert ("notebook", book) in restored.created
    assert restored.inverse is not None  # redo deletes it again
    two_books.apply(restored.inverse)
    assert [nb.title for nb in two_books.notebooks()] == ["스터디"]


def test_a_notebook_restored_later_gets_new_ids_where_its_old_ones_were_taken(two_books: Library) -> None:
    book = _book(two_books, "스터디")  # the last notebook: its ids are the highest, so new rows take them
    texts = sorted(
        q.text for q in two_books.questions() if two_books.note_info(q.note_id).notebook_id == book
    )  # type: ignore[union-attr]
    two_books.delete_notebook(book)
    new = two_books.add_notebook("스터디")  # same title, and (max + 1) the same id
    new_id = next(iter(new.ids("notebook")))
    assert new_id == book
    two_books.add_note(new_id, "새 노트")
    [kept] = two_books.deleted_items()
    change = two_books.restore_deleted(kept.id)
    titles = {nb.title: nb.id for nb in two_books.notebooks()}
    assert set(titles) == {"CS231n", "스터디", "스터디 (restored)"}
    restored = titles["스터디 (restored)"]
    assert restored != book and ("notebook", restored) in change.created
    back = sorted(
        q.text
        for q in two_books.questions()
        if two_books.note_info(q.note_id).notebook_id == restored  # type: ignore[union-attr]
    )
    assert back == texts
    assert [n.title for n in two_books.notes() if n.notebook_id == new_id] == ["새 노트"]
    problem = two_books.conn.execute("PRAGMA foreign_key_check").fetchall()
    assert problem == []


def test_a_deleted_note_is_listed_and_restored_with_its_history(two_books: Library) -> None:
    question = two_books.questions()[0]
    two_books.edit_question(question.id, answer="다시 쓴 답")
    history = two_books.history(question.note_id)
    assert history
    info = two_books.note_info(question.note_id)
    assert info is not None
    two_books.delete_note(question.note_id)
    assert two_books.history(question.note_id) == []
    [kept] = two_books.deleted_items()
    assert (kept.kind, kept.title, kept.notebook) == ("note", info.title, "CS231n")
    assert question.text in kept.text  # the note's questions and text, to recognise it by
    two_books.restore_deleted(kept.id)
    assert two_books.note_info(question.note_id) == info
    assert two_books.history(question.note_id) == history
    assert two_books.question(question.id).answer == "다시 쓴 답"  # type: ignore[union-attr]


def test_a_note_of_a_deleted_notebook_waits_for_its_notebook(two_books: Library) -> None:
    book = _book(two_books, "CS231n")
    note = next(n for n in two_books.notes() if n.notebook_id == book)
    two_books.delete_note(note.id)
    two_books.delete_notebook(book)
    note_item, book_item = sorted(two_books.deleted_items(), key=lambda i: i.id)
    with pytest.raises(StudyNotesError, match="restore the notebook first"):
        two_books.restore_deleted(note_item.id)
    two_books.restore_deleted(book_item.id)
    two_books.restore_deleted(note_item.id)
    assert two_books.note_info(note.id) is not None
    with pytest.raises(StudyNotesError, match="nothing deleted"):
        two_books.restore_deleted(note_item.id)


def test_a_deleted_questions_schedule_goes_with_it_and_comes_back_with_it(
    library: Library, tmp_path: Path
) -> None:
    board = tmp_path / "board.md"
    board.write_text("# Week 1\n\n## What is a tensor?\n\nAn n-dimensional array.\n", encoding="utf-8")
    library.save_import(import_file(board), notebook="ML")
    question = library.questions()[0]
    library.rate(question.id, "good", dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
    card = library.card(question.id)
    assert card is not None

    deleted = library.delete_note(question.note_id)
    assert library.card(question.id) is None
    assert library.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0

    # A new question may take the freed id; it starts without a schedule.
    other = tmp_path / "other.md"
    other.write_text("# Week 2\n\n## Why normalise inputs?\n\nSo features share a scale.\n", encoding="utf-8")
    library.save_import(import_file(other), notebook="ML")
    newcomer = library.questions()[0]
    assert newcomer.id == question.id
    assert library.card(newcomer.id) is None

    restored = library.apply(deleted.inverse)
    back = next(q for q in library.questions() if q.text == "What is a tensor?")
    assert back.id != newcomer.id and ("question", back.id) in restored.created
    assert library.card(back.id) == card
    assert [r[2] for r in library.reviews_of(back.id)] == [3]
    assert library.card(newcomer.id) is None


def test_deleting_a_notebook_takes_its_schedules_along(library: Library, tmp_path: Path) -> None:
    board = tmp_path / "board.md"
    board.write_text("# Week 1\n\n## What is a tensor?\n\nAn n-dimensional array.\n", encoding="utf-8")
    library.save_import(import_file(board), notebook="ML")
    question = library.questions()[0]
    library.rate(question.id, "easy", dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
    card = library.card(question.id)
    notebook = _book(library, "ML")
    deleted = library.delete_notebook(notebook)
    assert library.conn.execute("SELECT count(*) FROM review_cards").fetchone()[0] == 0
    library.apply(deleted.inverse)
    assert library.card(question.id) == card


def test_purging_forgets_what_was_deleted_and_keeps_the_rest(two_books: Library) -> None:
    library = two_books
    first = library.delete_notebook(_book(library, "CS231n"))
    second = library.delete_notebook(_book(library, "스터디"))
    assert len(library.deleted_items()) == 2
    change = library.purge_deleted(first.inverse.kwargs()["deleted_id"])  # type: ignore[union-attr]
    assert change.empty and change.inverse is None
    assert [item.title for item in library.deleted_items()] == ["스터디"]
    with pytest.raises(StudyNotesError, match="nothing deleted"):
        library.apply(first.inverse)  # type: ignore[arg-type]
    library.purge_deleted()
    assert library.deleted_items() == []
    with pytest.raises(StudyNotesError, match="nothing deleted"):
        library.apply(second.inverse)  # type: ignore[arg-type]
