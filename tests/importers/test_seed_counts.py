"""The numbers in shared/seeds/README.md, through the command line (import, then questions --json)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from studynotes.cli import main
from studynotes.library import Library


def _import(capsys: pytest.CaptureFixture[str], library: Path, seed: Path, *extra: str) -> dict[str, Any]:
    assert main(["--library", str(library), "import", str(seed), "--notebook", "Seed", "--json", *extra]) == 0
    return dict(json.loads(capsys.readouterr().out)["files"][0])


def _questions(capsys: pytest.CaptureFixture[str], library: Path, *extra: str) -> list[dict[str, Any]]:
    assert main(["--library", str(library), "questions", "--json", *extra]) == 0
    return list(json.loads(capsys.readouterr().out))


def _notes(capsys: pytest.CaptureFixture[str], library: Path) -> list[dict[str, Any]]:
    assert main(["--library", str(library), "notes", "--json"]) == 0
    return list(json.loads(capsys.readouterr().out))


def test_lecture_chat_log(capsys: pytest.CaptureFixture[str], library_path: Path, seeds: Path) -> None:
    assert _import(capsys, library_path, seeds / "lecture-chat-log.txt")["format"] == "chat_log"
    questions = _questions(capsys, library_path)
    assert len(questions) == 27
    assert {q["status"] for q in questions} == {"answered"}
    assert sorted(q["asked_at"] for q in questions if q["answered_by"] == "peer") == [
        "11:16:50",
        "11:55:52",
        "12:21:05",
    ]
    by_time = {q["asked_at"]: q for q in questions}
    assert by_time["10:37:21"]["asker"] == "이성준"
    assert by_time["10:38:08"]["asker"] == "노윤영"
    assert by_time["10:42:57"]["asker"] == "심상민"
    assert by_time["12:25:53"]["asker"] == "박민영"
    assert by_time["11:55:52"]["answer"].count("validation") >= 2  # the peer's and the instructor's words
    assert by_time["10:38:08"]["text"] == "프로젝트는 개인플젝예정인가여 그룹플젝예정인가요?"
    assert by_time["10:38:08"]["answer"] == "Both projects are individual projects."
    assert "unsupervised learning의 경우\ny가 없느데" in by_time["11:23:33"]["text"]
    notes = _notes(capsys, library_path)
    assert [(n["week"], n["date"]) for n in notes] == [(None, None)]  # no date: Unsorted


def test_chat_log_date_from_the_command_line(
    capsys: pytest.CaptureFixture[str], library_path: Path, seeds: Path
) -> None:
    _import(capsys, library_path, seeds / "lecture-chat-log.txt", "--date", "2021-09-07")
    assert [n["date"] for n in _notes(capsys, library_path)] == ["2021-09-07"]


def test_question_board(capsys: pytest.CaptureFixture[str], library_path: Path, seeds: Path) -> None:
    assert _import(capsys, library_path, seeds / "question-board-week2.md")["format"] == "question_board"
    notes = _notes(capsys, library_path)
    assert [(n["title"], n["week"], n["lecture"], n["questions"], n["open"]) for n in notes] == [
        ("스터디 2주차 · Lecture 3", 2, 3, 11, 0),
        ("스터디 2주차 · Lecture 4", 2, 4, 5, 0),
    ]
    questions = _questions(capsys, library_path)
    assert {q["asker"] for q in questions} == {"혜지", "소현", "세연", "재용"}
    assert all(q["page"] for q in questions)
    assert sorted(q["media_time"] for q in questions if q["media_time"]) == [
        "21:30",
        "31:47",
        "35:50",
        "40:50",
        "47:03",
    ]
    assert [q["page"] for q in questions][:3] == [7, 17, 20]


def test_meeting_minutes(capsys: pytest.CaptureFixture[str], library_path: Path, seeds: Path) -> None:
    assert _import(capsys, library_path, seeds / "meeting-minutes-0805.md")["format"] == "minutes"
    assert [n["date"] for n in _notes(capsys, library_path)] == ["2021-08-05"]
    questions = _questions(capsys, library_path)
    lecture_questions = [q for q in questions if q["lecture"] is not None]
    assert [(q["lecture"], q["status"]) for q in lecture_questions] == [
        (7, "answered"),
        (7, "answered"),
        (7, "answered"),
        (8, "answered"),
    ]
    assert lecture_questions[0]["text"] == "쿨백-라이블러 발산이 항상 0보다 크거나 같은 이유?"
    assert "\\underbrace" in lecture_questions[0]["answer"]
    mentoring = [q for q in questions if q["lecture"] is None]
    assert Counter(q["asker"] for q in mentoring) == {"허진규": 4, "김보성": 3, "이하람": 1, "전태호": 3}
    assert [(q["asker"], q["answer"]) for q in mentoring if q["status"] == "answered"] == [
        ("이하람", "워라벨은 상당히 좋다.(case by case)")
    ]
    with Library.open(library_path) as library:
        note = library.note(library.notes()[0].id)
        assert note is not None
        assert note.properties["작성자"] == "이하람"
        assert note.properties["회의 유형"] == "일일 회의"


def test_programme_page(capsys: pytest.CaptureFixture[str], library_path: Path, seeds: Path) -> None:
    imported = _import(capsys, library_path, seeds / "programme-deepml-flipped-school.txt")
    assert imported["format"] == "programme"
    assert imported["warnings"] == ["line 56: session 02: read 'January 12, 20222' as 2022-01-12"]
    questions = _questions(capsys, library_path)
    assert len(questions) == 29 and {q["status"] for q in questions} == {"open"}
    assert not any(q["text"].endswith("Answer") for q in questions)
    assert main(["--library", str(library_path), "tree", "--json"]) == 0
    tree = json.loads(capsys.readouterr().out)[0]
    lectures = [
        (lec["number"], lec["date"], week["number"]) for week in tree["weeks"] for lec in week["lectures"]
    ]
    assert len(lectures) == 13
    assert lectures[:3] == [(0, "2022-01-07", 1), (1, "2022-01-10", 2), (2, "2022-01-12", 2)]
    assert lectures[-1] == (12, "2022-02-23", 8)


def test_daily_log(capsys: pytest.CaptureFixture[str], library_path: Path, seeds: Path) -> None:
    assert _import(capsys, library_path, seeds / "daily-log-day15-19.txt")["format"] == "daily_log"
    notes = _notes(capsys, library_path)
    assert [(n["title"], n["week"]) for n in notes] == [
        ("Day 15", 3),
        ("Day 16", 4),
        ("Day 17", 4),
        ("Day 18", 4),
        ("Day 19", 4),
    ]
    questions = _questions(capsys, library_path)
    assert [(q["text"], q["status"]) for q in questions] == [
        ("Machine Learning과 Deep Learning의 차이가 뭘까?", "answered")
    ]
    assert questions[0]["answer"].startswith("- Machine Learning: 무언가")
    assert "    - Deep Learning:" in questions[0]["answer"]  # nesting kept
