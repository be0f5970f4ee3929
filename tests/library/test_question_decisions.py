"""The user corrects the detector ("Make a question", "Not a question"); the correction lasts."""

from __future__ import annotations

from pathlib import Path

import pytest

from studynotes.cli import main
from studynotes.importers import import_file
from studynotes.library import Library
from studynotes.model import StudyNotesError

MINUTES = """# Week 2 - Day 3

## Today Peersession

- 발표 자료 공유
- 발표 순서 정하기
- 배치 정규화를 학습 전에 하는 이유 정리해 오기
  - 분포가 바뀌는 것을 막으려고
- 다음 주 발표는 누가 할까?
"""


def _import(library: Library, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    library.save_import(import_file(path), notebook="Study")


def _texts(library: Library) -> list[str]:
    return [q.text for q in library.questions()]


def _note_id(library: Library) -> int:
    return library.questions()[0].note_id if library.questions() else 1


def test_make_and_dismiss_survive_reimporting_a_changed_file(tmp_path: Path) -> None:
    path = tmp_path / "day3.md"
    with Library.open(tmp_path / "lib.sqlite3") as library:
        _import(library, path, MINUTES)
        assert _texts(library) == ["다음 주 발표는 누가 할까?"]
        note_id = _note_id(library)
        made = library.make_question(note_id, "정규화를 학습 전에")
        (question_id,) = made.ids("question")
        question = next(q for q in library.questions() if q.id == question_id)
        assert question.text == "배치 정규화를 학습 전에 하는 이유 정리해 오기"
        assert "분포가 바뀌는 것을 막으려고" in question.answer and question.status == "answered"
        dismissed = next(q for q in library.questions() if q.text.startswith("다음 주"))
        library.dismiss_question(dismissed.id)
        assert _texts(library) == ["배치 정규화를 학습 전에 하는 이유 정리해 오기"]
        _import(library, path, MINUTES + "- 새로 추가한 메모\n")
        assert _texts(library) == ["배치 정규화를 학습 전에 하는 이유 정리해 오기"]


def test_undo_puts_the_note_and_the_decision_back(tmp_path: Path) -> None:
    path = tmp_path / "day3.md"
    with Library.open(tmp_path / "lib.sqlite3") as library:
        _import(library, path, MINUTES)
        note_id = _note_id(library)
        change = library.make_question(note_id, "정규화를 학습 전에")
        assert change.inverse is not None
        undone = library.apply(change.inverse)
        assert _texts(library) == ["다음 주 발표는 누가 할까?"]
        assert library.decisions(library.notebook_id("Study") or 0, "day3.md") == []
        assert undone.inverse is not None
        library.apply(undone.inverse)  # redo
        assert len(_texts(library)) == 2


def test_the_words_must_name_exactly_one_paragraph(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite3") as library:
        _import(library, tmp_path / "day3.md", MINUTES)
        note_id = _note_id(library)
        with pytest.raises(StudyNotesError, match="no paragraph"):
            library.make_question(note_id, "없는 말")
        with pytest.raises(StudyNotesError, match="2 paragraphs"):
            library.make_question(note_id, "발표")
        with pytest.raises(StudyNotesError, match="no question"):
            library.dismiss_question(999)


def test_the_command_line_exits_1_when_none_or_several_match(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = str(tmp_path / "lib.sqlite3")
    path = tmp_path / "day3.md"
    path.write_text(MINUTES, encoding="utf-8")
    assert main(["--library", lib, "import", str(path), "--notebook", "Study"]) == 0
    with Library.open(lib) as library:
        note_id = _note_id(library)
        open_id = library.questions()[0].id
    capsys.readouterr()
    assert main(["--library", lib, "mark-question", str(note_id), "발표"]) == 1
    assert "2 paragraphs" in capsys.readouterr().err
    assert main(["--library", lib, "mark-question", str(note_id), "정규화를"]) == 0
    assert "a question" in capsys.readouterr().out
    assert main(["--library", lib, "not-question", str(open_id), "12345"]) == 1
    out, err = capsys.readouterr()
    assert f"{open_id}: not a question" in out and "no question 12345" in err
    with Library.open(lib) as library:
        assert _texts(library) == ["배치 정규화를 학습 전에 하는 이유 정리해 오기"]
