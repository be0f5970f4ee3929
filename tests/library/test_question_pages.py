"""The question list read page by page holds exactly the rows `questions()` reads whole."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from studynotes.demo import fill_demo_library
from studynotes.importers import import_file
from studynotes.library import Library, QuestionFilter, QuestionList, QuestionRow

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PRIVATE_CHAT = Path(__file__).resolve().parents[1] / "data/importers/chat_log/old-zoom-privately-japanese.txt"
ASKED_PRIVATELY = "10:08:00\t From  Sarah Jones  to  Kim To Hyun(Privately) : why does L1 give exact zeros?\n"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """The demo notebooks, and every seed twice over in two more notebooks (askers, pages,
    lectures, unsorted notes, a programme page heading its notebook), with a chat whose private
    questions no list shows."""
    chat = tmp_path / "meeting_saved_chat.txt"
    chat.write_text(PRIVATE_CHAT.read_text(encoding="utf-8") + ASKED_PRIVATELY, encoding="utf-8")
    with Library.open(tmp_path / "list.sqlite3") as library:
        fill_demo_library(library)
        for notebook in ("Seeds", "씨앗 2"):
            with library.batch():
                for seed in sorted(SEEDS.glob("*.*")):
                    if seed.suffix in (".md", ".txt") and seed.name != "README.md":
                        library.save_import(import_file(seed), notebook=notebook)
                library.save_import(import_file(chat), notebook=notebook)
        yield library


def filters(library: Library) -> Iterator[QuestionFilter]:
    """Every tree node's filter, as the window asks for them."""
    yield QuestionFilter()
    for notebook in library.notebooks():
        yield QuestionFilter(notebook_id=notebook.id)
        yield QuestionFilter(notebook_id=notebook.id, unsorted=True)
        for week in library.weeks(notebook.id):
            yield QuestionFilter(week_id=week.id)
        for lecture in library.all_lectures(notebook.id):
            yield QuestionFilter(lecture_id=lecture.id)
        for note in library.notes(notebook_id=notebook.id):
            yield QuestionFilter(note_id=note.id)


def read_in_pages(listed: QuestionList, rng: random.Random) -> list[QuestionRow]:
    """The list read in pages of random sizes, in a random order, some pages twice."""
    starts, at = [], 0
    while at < listed.total:
        size = rng.randint(1, 7)
        starts.append((at, size))
        at += size
    found: dict[int, list[QuestionRow]] = {}
    for start, size in rng.sample(starts, len(starts)) + starts[: len(starts) // 2]:
        found[start] = listed.rows(start, size)
    return [row for start, _ in starts for row in found[start]]


def expected_facts(rows: list[QuestionRow]) -> tuple[bool, bool, bool]:
    return (
        any(row.asker for row in rows),
        any(row.page is not None or row.media_time for row in rows),
        len({row.lecture for row in rows}) > 1,
    )


def check(listed: QuestionList, whole: list[QuestionRow], rng: random.Random) -> None:
    assert listed.total == len(whole)
    assert listed.open == sum(1 for row in whole if row.status == "open")
    assert listed.rows(0, listed.total + 5) == whole
    assert read_in_pages(listed, rng) == whole
    for position, row in enumerate(whole):
        assert listed.position_of(row.id) == position
    facts = listed.facts()
    assert (facts.askers, facts.pages, facts.lectures) == expected_facts(whole)
    assert listed.askers() == sorted({row.asker for row in whole if row.asker})


def test_every_node_lists_what_questions_reads(library: Library) -> None:
    rng = random.Random(11)
    checked = 0
    for where in filters(library):
        whole = library.questions(where)
        listed = library.question_list(where)
        check(listed, whole, rng)
        for status in ("open", "answered"):
            narrowed = listed.narrowed(status=status)
            check(narrowed, [row for row in whole if row.status == status], rng)
        for asker in listed.askers()[:3]:
            check(listed.narrowed(asker=asker), [row for row in whole if row.asker == asker], rng)
            check(
                listed.narrowed(status="open", asker=asker),
                [row for row in whole if row.asker == asker and row.status == "open"],
                rng,
            )
        checked += len(whole)
    assert checked > 1000
    private = library.conn.execute("SELECT id FROM questions WHERE private = 1").fetchall()
    assert private, "the chat holds private questions"
    everything = library.question_list(QuestionFilter())
    assert all(everything.position_of(question_id) is None for (question_id,) in private)


def test_a_long_lists_side_columns_are_told_by_its_first_notes(library: Library) -> None:
    for where in filters(library):
        listed = library.question_list(where)
        whole = library.questions(where)
        for within in (1, 7, 40):
            facts = listed.facts(within)
            # The notes holding the first `within` rows, whole.
            notes = {row.note_id for row in whole[:within]}
            looked_at = [row for row in whole if row.note_id in notes]
            assert (facts.askers, facts.pages, facts.lectures) == expected_facts(looked_at)
            assert facts.whole == (len(whole) <= within)


def test_notes_left_out_and_questions_of_other_nodes_are_not_found(library: Library) -> None:
    notebook = next(nb for nb in library.notebooks() if nb.title == "Seeds")
    notes = library.notes(notebook_id=notebook.id)
    skipped = frozenset(n.id for n in notes[::2])
    listed = library.question_list(QuestionFilter(notebook_id=notebook.id), skipped)
    whole = [
        row
        for row in library.questions(QuestionFilter(notebook_id=notebook.id))
        if row.note_id not in skipped
    ]
    check(listed, whole, random.Random(5))
    elsewhere = library.questions(
        QuestionFilter(notebook=next(nb.title for nb in library.notebooks() if nb.id != notebook.id))
    )
    assert all(listed.position_of(row.id) is None for row in elsewhere[:50])
    assert listed.rows(listed.total, 10) == [] and listed.rows(-1, 10) == []


def test_after_toggles_a_refreshed_list_still_equals_a_fresh_read(library: Library) -> None:
    rng = random.Random(2)
    where = QuestionFilter(notebook=next(nb.title for nb in library.notebooks() if nb.title == "Seeds"))
    listed = library.question_list(where)
    opened = listed.narrowed(status="open")
    listed.rows(0, listed.total)  # pages read before the change, to go on from
    for row in rng.sample(library.questions(where), 25):
        library.toggle_status(row.id)
    listed.refresh()
    opened.refresh()
    whole = library.questions(where)
    check(listed, whole, rng)
    check(opened, [row for row in whole if row.status == "open"], rng)
