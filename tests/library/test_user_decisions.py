"""Re-importing a changed file keeps every decision the user made, and the ids scripts hold."""

from __future__ import annotations

from pathlib import Path

from studynotes.importers import import_file
from studynotes.importing import import_paths
from studynotes.library import Library, QuestionFilter
from studynotes.model import Cell, Question

BOARD = """# Week 1

Notes from the first session.

## What is a tensor?

An n-dimensional array.

## Why normalise inputs?

## What does dropout do?

It zeroes random units while training.
"""


def _import(library: Library, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    library.save_import(import_file(path), notebook="ML")


def _by_text(library: Library) -> dict[str, object]:
    return {q.text: q for q in library.questions()}


def _reimport_changed(library: Library, path: Path) -> None:
    """The file gains a line, as when a board is exported again a week later."""
    _import(library, path, path.read_text(encoding="utf-8") + "\n## What is a batch?\n")


def test_a_reopened_question_stays_open(library: Library, tmp_path: Path) -> None:
    board = tmp_path / "board.md"
    _import(library, board, BOARD)
    tensor = library.questions()[0]
    assert (tensor.text, tensor.status) == ("What is a tensor?", "answered")
    library.set_status(tensor.id, "open")
    _reimport_changed(library, board)
    assert library.question(tensor.id).status == "open"


def test_a_resolved_question_stays_resolved(library: Library, tmp_path: Path) -> None:
    board = tmp_path / "board.md"
    _import(library, board, BOARD)
    normalise = _by_text(library)["Why normalise inputs?"]
    library.set_status(normalise.id, "answered")
    _reimport_changed(library, board)
    assert library.question(normalise.id).status == "answered"


def test_edited_question_text_and_answer_stay(library: Library, tmp_path: Path) -> None:
    board = tmp_path / "board.md"
    _import(library, board, BOARD)
    dropout = _by_text(library)["What does dropout do?"]
    library.edit_question(dropout.id, text="What does dropout do at test time?", answer="Nothing: it is off.")
    _reimport_changed(library, board)
    kept = library.question(dropout.id)
    assert (kept.text, kept.answer) == ("What does dropout do at test time?", "Nothing: it is off.")
    assert len(library.questions()) == 4


def test_questions_and_notes_keep_their_ids(library: Library, tmp_path: Path) -> None:
    board = tmp_path / "board.md"
    _import(library, board, BOARD)
    _import(library, tmp_path / "later.md", "# Later\n\n## Is this later?\n")  # ids beyond the board's
    before = {q.text: (q.id, q.note_id) for q in library.questions()}
    _reimport_changed(library, board)
    after = {q.text: (q.id, q.note_id) for q in library.questions()}
    assert {text: after[text] for text in before} == before
    assert set(after) - set(before) == {"What is a batch?"}
    assert all(library.question(question_id) for question_id, _note in before.values())


def test_an_answer_changed_in_the_file_updates_the_same_question(library: Library, tmp_path: Path) -> None:
    board = tmp_path / "board.md"
    _import(library, board, BOARD)
    tensor = library.questions()[0]
    _import(library, board, BOARD.replace("An n-dimensional array.", "A multi-way array."))
    assert library.question(tensor.id).answer == "A multi-way array."


def test_a_moved_note_stays_where_the_user_put_it(library: Library, tmp_path: Path) -> None:
    board = tmp_path / "board.md"
    _import(library, board, BOARD)
    note_id = library.questions()[0].note_id
    library.move_note(note_id, week=5, lecture=None)
    _reimport_changed(library, board)
    assert library.note_info(note_id).week == 5


def test_a_deleted_question_does_not_come_back(library: Library, tmp_path: Path) -> None:
    board = tmp_path / "board.md"
    _import(library, board, BOARD)
    normalise = _by_text(library)["Why normalise inputs?"]
    note = library.note(normalise.note_id)
    cell = next(c for c in note.cells if c.question and c.question.id == normalise.id)
    library.delete_cell(cell.id)
    _reimport_changed(library, board)
    assert "Why normalise inputs?" not in _by_text(library)
    assert "What is a batch?" in _by_text(library)


def test_an_added_question_and_an_edited_text_stay(library: Library, tmp_path: Path) -> None:
    board = tmp_path / "board.md"
    _import(library, board, BOARD)
    note_id = library.questions()[0].note_id
    added = library.add_cell(note_id, Cell.asking(Question("Is a scalar a tensor?"))).created[0][1]
    text_cell = next(c for c in library.note(note_id).cells if c.kind == "markdown" and c.markdown.strip())
    library.edit_cell(text_cell.id, text_cell.markdown + "\n\nMy own remark.")
    _reimport_changed(library, board)
    cells = {c.id: c for c in library.note(note_id).cells}
    assert added in cells and cells[added].question.text == "Is a scalar a tensor?"
    assert cells[text_cell.id].markdown.endswith("My own remark.")


def test_a_folder_keeps_files_that_share_a_name(library: Library, tmp_path: Path) -> None:
    root = tmp_path / "course"
    for week, question in (("week1", "What is a loss?"), ("week2", "What is a gradient?")):
        (root / week).mkdir(parents=True)
        (root / week / "notes.md").write_text(f"# {week}\n\n## {question}\n", encoding="utf-8")
    report = import_paths(library, [root], notebook="ML")
    assert [f.updated for f in report.files] == [False, False]
    assert sorted(q.text for q in library.questions()) == ["What is a gradient?", "What is a loss?"]
    names = sorted(r[0] for r in library.conn.execute("SELECT file_name FROM sources"))
    assert names == ["week1/notes.md", "week2/notes.md"]

    (root / "week1" / "notes.md").write_text(
        "# week1\n\n## What is a loss?\n\n## Why log?\n", encoding="utf-8"
    )
    again = import_paths(library, [root], notebook="ML")
    assert [(f.updated, f.unchanged) for f in again.files] == [(True, False), (False, True)]
    assert len(library.questions(QuestionFilter(notebook="ML"))) == 3


def test_the_files_own_changes_are_not_versions_in_the_history(library: Library, tmp_path: Path) -> None:
    board = tmp_path / "board.md"
    _import(library, board, BOARD)
    tensor = library.questions()[0]
    _import(library, board, BOARD.replace("An n-dimensional array.", "A multi-way array."))
    assert library.history(tensor.note_id) == []


def test_a_question_the_user_resolved_outlives_the_file_dropping_it(library: Library, tmp_path: Path) -> None:
    board = tmp_path / "board.md"
    _import(library, board, BOARD)
    normalise = _by_text(library)["Why normalise inputs?"]
    library.set_status(normalise.id, "answered")
    dropped = BOARD.replace("## Why normalise inputs?\n\n", "")
    board.write_text(dropped, encoding="utf-8")
    result = library.save_import(import_file(board), notebook="ML")
    kept = library.question(normalise.id)
    assert (kept.text, kept.status) == ("Why normalise inputs?", "answered")
    assert result.kept_user_changes == 1  # the import says so: nothing vanishes silently
    _import(library, board, BOARD)  # the question is back in the file: the same question
    assert [q.id for q in library.questions() if q.text == "Why normalise inputs?"] == [normalise.id]
    assert library.question(normalise.id).status == "answered"


def test_a_reopened_question_survives_leaving_the_file_and_coming_back(
    library: Library, tmp_path: Path
) -> None:
    board = tmp_path / "board.md"
    _import(library, board, BOARD)
    tensor = _by_text(library)["What is a tensor?"]
    library.set_status(tensor.id, "open")
    _import(library, board, BOARD.replace("## What is a tensor?\n\nAn n-dimensional array.\n\n", ""))
    assert library.question(tensor.id).status == "open"
    _import(library, board, BOARD + "\n## What is a batch?\n")
    assert library.question(tensor.id).status == "open"
    assert sorted(_by_text(library)) == sorted(
        ["What is a tensor?", "Why normalise inputs?", "What does dropout do?", "What is a batch?"]
    )


def test_a_question_the_user_never_touched_leaves_with_the_file(library: Library, tmp_path: Path) -> None:
    board = tmp_path / "board.md"
    _import(library, board, BOARD)
    _import(library, board, BOARD.replace("## Why normalise inputs?\n\n", ""))
    assert "Why normalise inputs?" not in _by_text(library)
