"""Reviews: the schedule is the `fsrs` package's, kept in the library through restarts and re-imports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import fsrs
import pytest

from studynotes.importers import import_file
from studynotes.library import Library, Operation, QuestionFilter, card_after, review_of
from studynotes.model import StudyNotesError

BOARD = """# Week 1

## What is a tensor?

An n-dimensional array.

## Why normalise inputs?

So every feature moves the loss on the same scale.

## What is still unclear?
"""

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
SEQUENCE = [
    ("good", dt.timedelta(0)),
    ("good", dt.timedelta(minutes=12)),
    ("again", dt.timedelta(days=3)),
    ("hard", dt.timedelta(days=3, minutes=15)),
    ("easy", dt.timedelta(days=9)),
    ("good", dt.timedelta(days=40)),
]


def _board(tmp_path: Path, text: str = BOARD) -> Path:
    path = tmp_path / "board.md"
    path.write_text(text, encoding="utf-8")
    return path


def _ids(library: Library) -> dict[str, int]:
    return {q.text: q.id for q in library.questions()}


def _fsrs_after(sequence: list[tuple[str, dt.timedelta]], retention: float) -> fsrs.Card:
    scheduler = fsrs.Scheduler(desired_retention=retention, enable_fuzzing=False)
    card = fsrs.Card(card_id=7, due=START)
    for name, offset in sequence:
        card, _ = scheduler.review_card(card, fsrs.Rating[name.capitalize()], START + offset)
    return card


def _assert_same(library: Library, question_id: int, expected: fsrs.Card) -> None:
    card = library.card(question_id)
    assert card is not None
    assert card.state == int(expected.state)
    assert card.step == expected.step
    assert card.stability == pytest.approx(expected.stability, rel=1e-12)
    assert card.difficulty == pytest.approx(expected.difficulty, rel=1e-12)
    assert card.due == expected.due
    assert card.last_review == expected.last_review


@pytest.mark.parametrize("retention", [0.9, 0.8])
def test_a_sequence_of_ratings_gives_the_fsrs_packages_own_schedule(
    library: Library, tmp_path: Path, retention: float
) -> None:
    library.save_import(import_file(_board(tmp_path)), notebook="ML")
    notebook_id = library.notebook_id("ML")
    assert notebook_id is not None and library.desired_retention(notebook_id) == 0.9
    if retention != 0.9:
        change = library.set_desired_retention(notebook_id, retention)
        assert change.before == {("notebook", notebook_id): {"desired_retention": 0.9}}
    question = _ids(library)["What is a tensor?"]
    for name, offset in SEQUENCE:
        library.rate(question, name, START + offset)
    _assert_same(library, question, _fsrs_after(SEQUENCE, retention))
    reviews = list(library.reviews_of(question))
    assert [r[2] for r in reviews] == [fsrs.Rating[n.capitalize()] for n, _ in SEQUENCE]
    assert [r[1] for r in reviews] == [START + offset for _, offset in SEQUENCE]
    assert reviews[-1][3] == pytest.approx(
        (library.card(question).due - reviews[-1][1]).total_seconds() / 86400
    )


def test_ratings_survive_a_restart(library_path: Path, tmp_path: Path) -> None:
    with Library.open(library_path) as library:
        library.save_import(import_file(_board(tmp_path)), notebook="ML")
        question = _ids(library)["What is a tensor?"]
        for name, offset in SEQUENCE[:3]:
            library.rate(question, name, START + offset)
    with Library.open(library_path) as reopened:
        _assert_same(reopened, question, _fsrs_after(SEQUENCE[:3], 0.9))
        assert len(list(reopened.reviews_of(question))) == 3
        reopened.rate(question, "good", START + dt.timedelta(days=20))
        _assert_same(reopened, question, _fsrs_after([*SEQUENCE[:3], ("good", dt.timedelta(days=20))], 0.9))


def test_a_reimport_keeps_each_schedule_with_its_question(library: Library, tmp_path: Path) -> None:
    source = _board(tmp_path)
    library.save_import(import_file(source), notebook="ML")
    ids = _ids(library)
    library.rate(ids["What is a tensor?"], "easy", START)
    library.rate(ids["Why normalise inputs?"], "again", START)
    library.edit_question(ids["What is a tensor?"], answer="A multi-way array.")

    # The first question leaves the file; a new one comes first.
    source.write_text(
        BOARD.replace("## What is a tensor?\n\nAn n-dimensional array.\n\n", "")
        + "\n## What does ReLU do?\n\nIt clips negatives.\n",
        encoding="utf-8",
    )
    library.save_import(import_file(source), notebook="ML")
    now = _ids(library)
    assert "What is a tensor?" not in now
    kept = library.card(now["Why normalise inputs?"])
    assert kept is not None and kept.last_review == START
    assert [r[2] for r in library.reviews_of(now["Why normalise inputs?"])] == [1]
    assert library.card(now["What does ReLU do?"]) is None
    assert list(library.reviews_of(now["What does ReLU do?"])) == []
    assert library.conn.execute("SELECT count(*) FROM review_cards").fetchone()[0] == 1


def test_editing_a_question_keeps_its_schedule(library: Library, tmp_path: Path) -> None:
    library.save_import(import_file(_board(tmp_path)), notebook="ML")
    question = _ids(library)["What is a tensor?"]
    change = library.rate(question, "good", START)
    library.edit_question(question, text="What is a tensor, really?", answer="An array with axes.")
    assert library.card(question) == card_after(change, question) is not None


def test_undo_puts_the_card_back_as_it_was(library: Library, tmp_path: Path) -> None:
    library.save_import(import_file(_board(tmp_path)), notebook="ML")
    question = _ids(library)["What is a tensor?"]
    first = library.rate(question, "good", START)
    second = library.rate(question, "again", START + dt.timedelta(days=2))
    first_card = card_after(first, question)
    assert first.before == {("question", question): {"card": None}}
    assert second.before == {("question", question): {"card": first_card}}
    assert first.inverse == Operation.of("undo_rating", review_id=review_of(first))

    with pytest.raises(StudyNotesError, match="latest"):
        library.undo_rating(review_of(first))
    undone = library.apply(second.inverse)  # as the window's undo does
    assert card_after(undone, question) == first_card == library.card(question)
    assert [r[0] for r in library.reviews_of(question)] == [review_of(first)]

    redone = library.apply(undone.inverse)  # redo: the same review, the same card
    assert review_of(redone) == review_of(second)
    assert library.card(question) == card_after(second, question)
    assert [r[2] for r in library.reviews_of(question)] == [3, 1]

    library.undo_rating(review_of(second))
    library.undo_rating(review_of(first))
    assert library.card(question) is None
    assert list(library.reviews_of(question)) == []
    with pytest.raises(StudyNotesError, match="no review"):
        library.undo_rating(review_of(first))


def test_only_answered_questions_are_rated_and_ratings_are_named(library: Library, tmp_path: Path) -> None:
    library.save_import(import_file(_board(tmp_path)), notebook="ML")
    ids = _ids(library)
    with pytest.raises(StudyNotesError, match="open"):
        library.rate(ids["What is still unclear?"], "good", START)
    with pytest.raises(StudyNotesError, match="again, hard, good or easy"):
        library.rate(ids["What is a tensor?"], "perfect", START)
    with pytest.raises(StudyNotesError, match="no question"):
        library.rate(999, "good", START)
    with pytest.raises(StudyNotesError, match="between"):
        library.set_desired_retention(library.notebook_id("ML") or 0, 1.5)
    assert library.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_due_lists_new_and_overdue_answered_questions(library: Library, tmp_path: Path) -> None:
    library.save_import(import_file(_board(tmp_path)), notebook="ML")
    ids = _ids(library)
    due = library.due_cards(QuestionFilter(notebook="ML"), START)
    assert {d.question_id for d in due} == {ids["What is a tensor?"], ids["Why normalise inputs?"]}
    assert all(d.card is None for d in due)

    change = library.rate(ids["What is a tensor?"], "good", START)
    after = card_after(change, ids["What is a tensor?"])
    assert after is not None
    assert [d.question_id for d in library.due_cards(now=START)] == [ids["Why normalise inputs?"]]
    later = after.due + dt.timedelta(seconds=1)
    assert [d.question_id for d in library.due_cards(now=later)] == [
        ids["What is a tensor?"],  # reviewed and due comes before never reviewed
        ids["Why normalise inputs?"],
    ]
    assert library.due_count(now=later) == 2 and library.due_count(now=START) == 1
    next_card = library.next_due(QuestionFilter(notebook="ML"), later)
    assert next_card is not None and next_card.question_id == ids["What is a tensor?"]
    notebook_id = library.notebook_id("ML") or 0
    note_id = library.question(ids["Why normalise inputs?"]).note_id
    week_id = library.conn.execute("SELECT week_id FROM notes WHERE id = ?", (note_id,)).fetchone()[0]
    assert library.due_by_node(notebook_id, START) == {  # `# Week 1` puts the note in week 1
        ("notebook", notebook_id): 1,
        ("week", week_id): 1,
        ("note", note_id): 1,
    }
    assert library.due_count(QuestionFilter(notebook="Other"), later) == 0


def test_due_counts_agree_with_the_due_list_in_every_scope(tmp_path: Path, seeds: Path) -> None:
    from studynotes.demo import fill_demo_library

    with Library.open(tmp_path / "demo.sqlite3") as library:
        fill_demo_library(library)
        answered = library.questions(QuestionFilter(status="answered"))
        for index, question in enumerate(answered[::2]):  # half reviewed, at different times
            library.rate(question.id, 1 + index % 4, START - dt.timedelta(days=index % 9))
        library.set_status(answered[0].id, "open")  # reviewed, then reopened: no longer a card
        now = START + dt.timedelta(days=2)
        scopes = [QuestionFilter()]
        for notebook in library.notebooks():
            scopes += [QuestionFilter(notebook_id=notebook.id), QuestionFilter(notebook=notebook.title)]
            scopes += [QuestionFilter(notebook_id=notebook.id, unsorted=True)]
            scopes += [QuestionFilter(week_id=w.id) for w in library.weeks(notebook.id)]
            scopes += [QuestionFilter(note_id=n.id) for n in library.notes(notebook_id=notebook.id)]
            by_node = library.due_by_node(notebook.id, now)
            assert by_node.get(("notebook", notebook.id), 0) == library.due_count(
                QuestionFilter(notebook_id=notebook.id), now
            )
            for note in library.notes(notebook_id=notebook.id):
                assert by_node.get(("note", note.id), 0) == library.due_count(
                    QuestionFilter(note_id=note.id), now
                )
        scopes.append(QuestionFilter(asker=answered[1].asker))
        for scope in scopes:
            listed = library.due_cards(scope, now)
            assert library.due_count(scope, now) == len(listed), scope
            assert answered[0].id not in {d.question_id for d in listed}
            reviewed = [d for d in listed if d.card is not None]
            assert listed[: len(reviewed)] == reviewed  # reviewed ones first, most overdue first
            assert [d.card.due for d in reviewed if d.card] == sorted(d.card.due for d in reviewed if d.card)
            assert library.due_cards(scope, now, limit=3) == listed[:3]
        assert (
            sum(library.due_count(QuestionFilter(notebook_id=n.id), now) for n in library.notebooks())
            == (library.due_count(QuestionFilter(), now))
            > 0
        )
