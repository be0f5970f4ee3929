"""`studynotes due` and `studynotes rate`: the same reviews as the window, for scripts."""

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


def test_due_then_rate_then_due(capsys: pytest.CaptureFixture[str], library_path: Path, seeds: Path) -> None:
    lib = str(library_path)
    board = str(seeds / "question-board-week2.md")
    assert run(capsys, "--library", lib, "import", board, "--notebook", "CS231n", "--week", "2")[0] == 0

    code, out, _ = run(capsys, "--library", lib, "due", "--notebook", "CS231n", "--week", "2", "--json")
    due = json.loads(out)
    assert code == 0 and len(due) == 16
    assert set(due[0]) == {"id", "note_id", "notebook", "week", "due", "stability", "difficulty", "text"}
    assert all(d["due"] is None and d["week"] == 2 for d in due)
    first = due[0]["id"]

    code, out, _ = run(capsys, "--library", lib, "rate", str(first), "good")
    assert code == 0 and out.startswith(f"{first}: good, next review ")
    _, out, _ = run(capsys, "--library", lib, "due", "--json")
    assert first not in {d["id"] for d in json.loads(out)} and len(json.loads(out)) == 15
    with Library.open(lib) as library:
        card = library.card(first)
        assert card is not None and card.stability is not None

    _, text, _ = run(capsys, "--library", lib, "due", "--week", "3")
    assert text.strip() == "nothing is due"


def test_rating_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], library_path: Path, tmp_path: Path
) -> None:
    lib = str(library_path)
    board = tmp_path / "board.md"
    board.write_text("## Still open?\n", encoding="utf-8")
    assert run(capsys, "--library", lib, "import", str(board), "--notebook", "ML")[0] == 0
    code, _, err = run(capsys, "--library", lib, "rate", "1", "good")
    assert code == 1 and err == "studynotes: question 1 is open: only answered questions are reviewed\n"
    code, _, err = run(capsys, "--library", lib, "rate", "77", "easy")
    assert code == 1 and err.startswith("studynotes: no question 77") and err.count("\n") == 1
    with pytest.raises(SystemExit) as usage:
        main(["--library", lib, "rate", "1", "perfect"])
    assert usage.value.code == 2
