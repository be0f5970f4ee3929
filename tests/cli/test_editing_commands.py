"""Changing a library from the command line: one line per change, `none` clears, bad ids name themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studynotes.cli import main
from studynotes.library import Library


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def lib(library_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--library", str(library_path), "import", str(seeds / "meeting-minutes-0805.md")]) == 0
    capsys.readouterr()
    return str(library_path)


def test_a_question_is_corrected_and_a_field_cleared(capsys: pytest.CaptureFixture[str], lib: str) -> None:
    question = json.loads(run(capsys, "--library", lib, "questions", "--json")[1])[0]
    code, out, _ = run(
        capsys, "--library", lib, "edit-question", str(question["id"]), "--asker", "민수", "--page", "4"
    )
    assert (code, out) == (0, f"Edit question: question {question['id']}\n")
    assert run(capsys, "--library", lib, "edit-question", str(question["id"]), "--page", "none")[0] == 0
    with Library.open(lib) as library:
        row = library.question(question["id"])
        assert row is not None and (row.asker, row.page, row.edited_by_user) == ("민수", None, True)
    code, out, _ = run(capsys, "--library", lib, "edit-question", str(question["id"]), "--asker", "민수")
    assert (code, out) == (0, "Edit question: nothing to change\n")


def test_cells_are_listed_added_moved_and_deleted_by_id(capsys: pytest.CaptureFixture[str], lib: str) -> None:
    note = json.loads(run(capsys, "--library", lib, "notes", "--json")[1])[0]
    cells = json.loads(run(capsys, "--library", lib, "cells", str(note["id"]), "--json")[1])
    code, out, _ = run(
        capsys, "--library", lib, "add-cell", str(note["id"]), "--question", "왜 그럴까?", "--position", "0"
    )
    assert code == 0 and out.startswith("Add question: cell ")
    now = json.loads(run(capsys, "--library", lib, "cells", str(note["id"]), "--json")[1])
    assert len(now) == len(cells) + 1 and now[0]["text"] == "왜 그럴까?" and now[0]["question_id"] is not None
    assert run(capsys, "--library", lib, "move-cell", str(now[0]["id"]), "2")[0] == 0
    moved = json.loads(run(capsys, "--library", lib, "cells", str(note["id"]), "--json")[1])
    assert moved[2]["id"] == now[0]["id"] and [c["id"] for c in moved[:2]] == [c["id"] for c in now[1:3]]
    assert run(capsys, "--library", lib, "delete-cell", str(now[0]["id"]))[0] == 0
    assert json.loads(run(capsys, "--library", lib, "cells", str(note["id"]), "--json")[1]) == cells


def test_notes_are_added_moved_renamed_and_deleted(capsys: pytest.CaptureFixture[str], lib: str) -> None:
    notebook = json.loads(run(capsys, "--library", lib, "tree", "--json")[1])[0]["title"]
    code, out, _ = run(capsys, "--library", lib, "add-note", "새 노트", "--notebook", notebook, "--week", "2")
    assert code == 0 and out.startswith("New note: note ")
    note_id = out.split()[-1]
    assert run(capsys, "--library", lib, "move-note", note_id, "--week", "3", "--lecture", "2")[0] == 0
    assert run(capsys, "--library", lib, "rename-note", note_id, "Moved")[0] == 0
    info = next(
        n for n in json.loads(run(capsys, "--library", lib, "notes", "--json")[1]) if str(n["id"]) == note_id
    )
    assert (info["title"], info["week"], info["lecture"]) == ("Moved", 3, 2)
    assert run(capsys, "--library", lib, "delete-note", note_id)[0] == 0
    assert all(
        str(n["id"]) != note_id for n in json.loads(run(capsys, "--library", lib, "notes", "--json")[1])
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["edit-question", "999", "--answer", "x"], "no question 999"),
        (["delete-cell", "999"], "no cell 999"),
        (["move-note", "999", "--week", "1"], "no note 999"),
        (["rename-notebook", "Nothing", "New"], "no notebook called 'Nothing'"),
        (["schedule", "Nothing", "--days", "3"], "no notebook called 'Nothing'"),
    ],
)
def test_what_cannot_be_done_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], lib: str, args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--library", lib, *args)
    assert (code, out) == (1, "") and err.count("\n") == 1 and message in err


def test_a_deleted_notebook_is_listed_and_restored(capsys: pytest.CaptureFixture[str], lib: str) -> None:
    before = json.loads(run(capsys, "--library", lib, "questions", "--json")[1])
    [notebook] = json.loads(run(capsys, "--library", lib, "tree", "--json")[1])
    title = notebook["title"]
    code, out, _ = run(capsys, "--library", lib, "delete-notebook", title)
    assert code == 0 and out.startswith(f"Delete notebook: {title} (") and "restore-deleted 1" in out
    assert json.loads(run(capsys, "--library", lib, "tree", "--json")[1]) == []
    [item] = json.loads(run(capsys, "--library", lib, "deleted", "--json")[1])
    assert (item["id"], item["kind"], item["title"], item["questions"]) == (1, "notebook", title, len(before))
    assert run(capsys, "--library", lib, "restore-deleted", "1")[0] == 0
    assert json.loads(run(capsys, "--library", lib, "questions", "--json")[1]) == before
    assert run(capsys, "--library", lib, "deleted")[1] == "nothing deleted\n"
    code, _, err = run(capsys, "--library", lib, "restore-deleted", "1")
    assert code == 1 and "nothing deleted has the number 1" in err


def test_a_purged_notebook_is_gone_for_good(capsys: pytest.CaptureFixture[str], lib: str) -> None:
    [notebook] = json.loads(run(capsys, "--library", lib, "tree", "--json")[1])
    assert run(capsys, "--library", lib, "delete-notebook", notebook["title"])[0] == 0
    assert run(capsys, "--library", lib, "purge-deleted", "1") == (0, "deleted permanently: 1 item\n", "")
    assert run(capsys, "--library", lib, "deleted")[1] == "nothing deleted\n"
    code, _, err = run(capsys, "--library", lib, "restore-deleted", "1")
    assert code == 1 and "nothing deleted has the number 1" in err
    code, _, err = run(capsys, "--library", lib, "purge-deleted", "1")
    assert code == 1 and "nothing deleted has the number 1" in err
    assert run(capsys, "--library", lib, "purge-deleted", "--all") == (
        0,
        "deleted permanently: 0 items\n",
        "",
    )
