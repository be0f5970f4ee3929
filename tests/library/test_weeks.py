"""Notes land in the right week: by explicit number, by date, by Day N."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from studynotes.importers import import_file
from studynotes.library import Library
from studynotes.library.weeks import week_label, week_number
from studynotes.model import ImportContext


def test_week_rules_in_order() -> None:
    start = dt.date(2021, 8, 2)
    assert week_number(explicit=2, date=dt.date(2021, 9, 1), day=40, start=start, days_per_week=5) == 2
    assert week_number(explicit=None, date=dt.date(2021, 8, 8), day=40, start=start, days_per_week=5) == 1
    assert week_number(explicit=None, date=dt.date(2021, 8, 9), day=None, start=start, days_per_week=5) == 2
    assert week_number(explicit=None, date=None, day=15, start=start, days_per_week=5) == 3
    assert week_number(explicit=None, date=None, day=16, start=start, days_per_week=5) == 4
    assert week_number(explicit=None, date=None, day=16, start=start, days_per_week=7) == 3
    assert week_number(explicit=None, date=dt.date(2021, 8, 9), day=None, start=None, days_per_week=5) is None


def test_week_labels_name_their_days() -> None:
    assert week_label(2, dt.date(2022, 1, 10)) == "Week 2 (Jan 10–16)"
    assert week_label(5, dt.date(2022, 1, 31)) == "Week 5 (Jan 31–Feb 6)"
    assert week_label(1, None) == "Week 1"


def test_dated_notes_get_a_start_date_and_move_when_the_schedule_changes(
    library: Library, tmp_path: Path
) -> None:
    for day in ("2021-08-05", "2021-08-12", "2021-08-20"):
        path = tmp_path / f"{day}.md"
        path.write_text(f"# Meeting {day}\n\nnotes\n", encoding="utf-8")
        library.save_import(
            import_file(path, ImportContext(date=dt.date.fromisoformat(day))), notebook="Study"
        )
    notebook_id = library.notebook_id("Study")
    assert notebook_id is not None
    assert library.notebook(notebook_id).start_date == dt.date(2021, 8, 2)  # type: ignore[union-attr]
    assert [(n.week, n.title) for n in library.notes(notebook="Study")] == [
        (1, "Meeting 2021-08-05"),
        (2, "Meeting 2021-08-12"),
        (3, "Meeting 2021-08-20"),
    ]
    change = library.set_schedule(notebook_id, dt.date(2021, 8, 9), 5)
    assert change.before[("notebook", notebook_id)] == {"start_date": "2021-08-02", "days_per_week": 5}
    assert [n.week for n in library.notes(notebook="Study")] == [0, 1, 2]
    assert [w.label for w in library.weeks(notebook_id)][1] == "Week 1 (Aug 9–15)"


def test_notes_without_a_week_are_unsorted_until_moved(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "chat.md"
    path.write_text("# Chat\n\n## Is this on the exam?\n", encoding="utf-8")
    result = library.save_import(import_file(path), notebook="Study")
    notebook_id = library.notebook_id("Study")
    assert notebook_id is not None
    note_id = result.note_ids[0]
    assert [n.id for n in library.notes(notebook_id=notebook_id, unsorted=True)] == [note_id]
    assert library.unsorted_counts(notebook_id).open == 1
    change = library.move_note(note_id, week=3, lecture=5)
    assert change.before[("note", note_id)] == {"week": None, "lecture": None}
    assert library.notes(notebook_id=notebook_id, unsorted=True) == []
    info = library.note_info(note_id)
    assert info is not None and (info.week, info.lecture) == (3, 5)
    assert library.weeks(notebook_id)[0].counts.open == 1
    library.move_note(note_id, week=None, lecture=None)
    assert library.weeks(notebook_id) == []


def test_a_note_sits_in_its_lectures_week_so_the_tree_and_its_counts_agree(
    library: Library, tmp_path: Path
) -> None:
    for name, day, text in (
        ("lecture.md", "2021-08-10", "# Lecture 7\n\nslides\n"),
        ("minutes.md", "2021-08-19", "# Review of lecture 7\n\n## Why does the loss plateau?\n"),
        ("other.md", "2021-08-05", "# Kick-off\n\nhello\n"),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        context = ImportContext(date=dt.date.fromisoformat(day), lecture=7 if name != "other.md" else None)
        library.save_import(import_file(path, context), notebook="Study")
    notebook_id = library.notebook_id("Study")
    assert notebook_id is not None
    weeks = {w.number: w for w in library.weeks(notebook_id)}
    assert sorted(weeks) == [
        1,
        2,
    ]  # the review's own date (week 3) does not make a week with nothing shown in it
    [lecture] = library.lectures(notebook_id, weeks[2].id)
    shown = library.notes(lecture_id=lecture.id)
    assert [n.title for n in shown] == ["Lecture 7", "Review of lecture 7"]
    assert {n.week for n in shown} == {2}
    assert weeks[2].counts == lecture.counts and weeks[2].counts.questions == 1
    review = shown[1]
    assert review.date == dt.date(2021, 8, 19)  # the note keeps its own date


def test_a_week_stated_outright_wins_over_the_lectures_date(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "board.md"
    path.write_text("# Board\n\n## What is a kernel?\n", encoding="utf-8")
    context = ImportContext(week=2, lecture=3, date=dt.date(2021, 9, 7))
    library.save_import(import_file(path, context), notebook="Study")
    [note] = library.notes(notebook="Study")
    assert (note.week, note.lecture) == (2, 3)
    notebook_id = library.notebook_id("Study")
    assert notebook_id is not None
    [week] = library.weeks(notebook_id)
    assert [lec.number for lec in library.lectures(notebook_id, week.id)] == [3]
