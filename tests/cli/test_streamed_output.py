"""Listings are printed row by row; what they print is what one whole list printed."""

from __future__ import annotations

import dataclasses
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from golden import SEED_FORMATS
from studynotes.cli import main
from studynotes.cli import output as out
from studynotes.library import Library, QuestionFilter
from studynotes.library.question_listing import FILTERS


@pytest.fixture
def seeded(library_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--library", str(library_path), "import", *(str(seeds / n) for n in SEED_FORMATS)]) == 0
    capsys.readouterr()
    return library_path


def printed(capsys: pytest.CaptureFixture[str], library_path: Path, *args: str) -> str:
    assert main(["--library", str(library_path), *args]) == 0
    return capsys.readouterr().out


def whole(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def tree_by_node(library: Library) -> list[dict[str, Any]]:
    """The tree read node by node, as each node is shown in the window: the reference."""

    def lecture(lec: Any) -> dict[str, Any]:
        return {
            "id": lec.id,
            "number": lec.number,
            "title": lec.title,
            "date": lec.date.isoformat() if lec.date else None,
            **out.counts_json(lec.counts),
            "notes": [out.note_json(n) for n in library.notes(lecture_id=lec.id)],
        }

    result = []
    for nb in library.notebooks():
        weeks = [
            {
                "id": w.id,
                "number": w.number,
                "label": w.label,
                "first_day": w.first_day.isoformat() if w.first_day else None,
                **out.counts_json(w.counts),
                "notes": [out.note_json(n) for n in library.notes(week_id=w.id, direct_only=True)],
                "lectures": [lecture(lec) for lec in library.lectures(nb.id, w.id)],
            }
            for w in library.weeks(nb.id)
        ]
        unsorted = {
            "notes": [
                out.note_json(n) for n in library.notes(notebook_id=nb.id, unsorted=True, direct_only=True)
            ],
            "lectures": [lecture(lec) for lec in library.lectures(nb.id, None)],
            **out.counts_json(library.unsorted_counts(nb.id)),
        }
        result.append(
            {
                "id": nb.id,
                "title": nb.title,
                "start_date": nb.start_date.isoformat() if nb.start_date else None,
                "days_per_week": nb.days_per_week,
                **out.counts_json(nb.counts),
                "weeks": weeks,
                "unsorted": unsorted,
            }
        )
    return result


def test_questions_json_is_the_whole_list(capsys: pytest.CaptureFixture[str], seeded: Path) -> None:
    with Library.open(seeded, read_only=True) as library:
        expected = whole([out.question_json(q) for q in library.questions()])
    assert len(json.loads(expected)) > 50
    assert printed(capsys, seeded, "questions", "--json") == expected


# Every character `json.dumps` escapes, and some it leaves alone (non-ASCII, U+2028, DEL).
TRICKY = (
    'say "hi" \\ back\\slash\nnew line\ttab\b\f\r \x00\x01\x1f\x7f \u2028\u2029 한국어 😀 </script> {"a": 1}'
)


def test_questions_json_escapes_every_character_as_json_dumps(
    capsys: pytest.CaptureFixture[str], seeded: Path
) -> None:
    with Library.open(seeded) as library:
        first, second, third = [q.id for q in library.questions()][:3]
        library.edit_question(first, text="x " + TRICKY, answer=TRICKY + " y", asker='"Kim\\', page=7)
        library.edit_question(second, text="\\", answer="", asker="😀", lecture=9)
        library.set_status(third, "answered")
        expected = whole([out.question_json(q) for q in library.questions()])
    assert any(q["text"] == "x " + TRICKY for q in json.loads(expected))
    assert printed(capsys, seeded, "questions", "--json") == expected


def test_questions_json_written_as_text_when_stdout_has_no_byte_stream(
    monkeypatch: pytest.MonkeyPatch, seeded: Path
) -> None:
    with Library.open(seeded) as library:
        library.edit_question(library.questions()[0].id, text=TRICKY)
        expected = whole([out.question_json(q) for q in library.questions()])
    text = io.StringIO()
    monkeypatch.setattr(sys, "stdout", text)
    assert main(["--library", str(seeded), "questions", "--json"]) == 0
    assert text.getvalue() == expected


def test_questions_json_under_every_filter_is_the_whole_list(
    capsys: pytest.CaptureFixture[str], seeded: Path
) -> None:
    with Library.open(seeded) as library:
        rows = library.questions()
        note = rows[len(rows) // 2]
        lectured = next(q for q in rows if q.lecture is not None)
        week = next(q for q in rows if q.week is not None)
        notebook_id = library.notebooks()[0].id
        ids = {n.id: n for n in library.notes()}
        week_id = library.weeks(notebook_id)[0].id
        lecture_id = next(lec.id for nb in library.notebooks() for lec in library.all_lectures(nb.id))
        filters = [
            QuestionFilter(status="open"),
            QuestionFilter(status="answered"),
            QuestionFilter(notebook=note.notebook),
            QuestionFilter(notebook_id=notebook_id),
            QuestionFilter(week=week.week),
            QuestionFilter(week_id=week_id),
            QuestionFilter(lecture=lectured.lecture),
            QuestionFilter(lecture_id=lecture_id),
            QuestionFilter(note_id=note.note_id),
            QuestionFilter(asker=note.asker),
            QuestionFilter(unsorted=True),
            QuestionFilter(notebook=week.notebook, week=week.week, status="open"),
            QuestionFilter(asker="nobody at all"),
        ]
        assert {f.name for f in dataclasses.fields(QuestionFilter)} == FILTERS, "every filter is handled"
        assert note.note_id in ids
        for where in filters:
            questions = library.questions(where)
            pieces = list(library.iter_questions_json(where))
            printed_list = (
                ("[\n  " + ",\n  ".join(p.decode() for p in pieces) + "\n]\n") if pieces else "[]\n"
            )
            assert printed_list == whole([out.question_json(q) for q in questions]), where
        some = [f for f in filters if library.questions(f)]
        assert len(some) >= 10, "the filters pick real questions"
    for args in (
        ["--status", "open"],
        ["--notebook", note.notebook],
        ["--week", str(week.week)],
        ["--lecture", str(lectured.lecture)],
        ["--asker", note.asker],
    ):
        with Library.open(seeded, read_only=True) as library:
            where = QuestionFilter(**{k.lstrip("-"): (int(v) if v.isdigit() else v) for k, v in [args]})
            expected = whole([out.question_json(q) for q in library.questions(where)])
        assert printed(capsys, seeded, "questions", "--json", *args) == expected, args


def test_notes_json_and_text_are_the_whole_list(capsys: pytest.CaptureFixture[str], seeded: Path) -> None:
    with Library.open(seeded, read_only=True) as library:
        notes = library.notes()
    assert printed(capsys, seeded, "notes", "--json") == whole([out.note_json(n) for n in notes])
    assert printed(capsys, seeded, "notes") == out.notes_text(notes) + "\n"


def test_tree_read_per_notebook_equals_the_tree_read_per_node(
    capsys: pytest.CaptureFixture[str], seeded: Path
) -> None:
    with Library.open(seeded, read_only=True) as library:
        reference = tree_by_node(library)
    assert any(w["lectures"] for nb in reference for w in nb["weeks"]), "the seeds have lectures"
    assert printed(capsys, seeded, "tree", "--json") == whole(reference)


def test_empty_listings(capsys: pytest.CaptureFixture[str], library_path: Path) -> None:
    Library.open(library_path).close()
    assert printed(capsys, library_path, "questions", "--json") == "[]\n"
    assert printed(capsys, library_path, "questions") == "No questions.\n"
    assert printed(capsys, library_path, "tree") == out.TREE_EMPTY + "\n"
    assert printed(capsys, library_path, "search", "없는말", "--json") == "[]\n"


def test_search_json_is_the_whole_list(capsys: pytest.CaptureFixture[str], seeded: Path) -> None:
    with Library.open(seeded, read_only=True) as library:
        hits = library.search("손실")
    assert hits
    assert printed(capsys, seeded, "search", "손실", "--json") == whole([out.hit_json(h) for h in hits])
