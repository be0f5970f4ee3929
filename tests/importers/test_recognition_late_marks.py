"""Recognising a format looks only at the lines holding its marks, yet reads the whole file.

A format's distinctive lines may come after thousands of ordinary ones (a log whose first
`Day` heading follows a long preface, a board appended to old notes): the file is recognised
as it always was, from the marks wherever they stand.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studynotes.importers import import_file, sniff
from studynotes.importers.parts.lines_with import lines_with

# Ordinary notes: no format's marks (no `Day`, status mark, backtick, `Q1.`, answer word).
_FILLER = "\n".join(
    f"손실 함수 {n}번째 정리: 기울기가 작아지면 학습이 느려진다. The gradient shrinks at layer {n}."
    for n in range(20_000)
)


def _late(marked: str) -> str:
    return f"# 스터디 노트\n\n{_FILLER}\n\n{marked}\n"


def test_a_daily_log_whose_days_come_late_is_a_daily_log() -> None:
    text = _late("## Day 1\n\n- 공부한 것\n\n## Day 2\n\n- 복습")
    assert sniff(text).name == "daily_log"


def test_a_question_board_whose_marks_come_late_is_a_question_board() -> None:
    text = _late("#### ✅ `소현` `p8` 왜 ReLU를 쓰나요?\n\n답\n\n#### ❓ `민수` `12:30` 배치 크기는?")
    assert sniff(text).name == "question_board"


def test_minutes_whose_questions_come_late_are_minutes() -> None:
    text = _late("Q1. 왜 배치 정규화를 쓰나요?\n\n답변) 학습이 안정된다.")
    assert sniff(text).name == "minutes"


def test_a_programme_whose_answer_links_come_late_is_a_programme() -> None:
    text = _late("\n".join(f"- 과제 {n} [Answer](answer{n}.md)" for n in range(1, 4)))
    assert sniff(text).name == "programme"


def test_the_same_notes_without_the_marks_stay_markdown() -> None:
    # `Day` in prose, a backtick pair and a `Q` without its label: marks found, tests fail.
    text = _late("We met on day 3 and wrote `code` again. Q is for the query matrix.")
    assert sniff(text).name == "markdown"


def test_a_seed_log_after_a_long_preface_is_read_as_a_daily_log(tmp_path: Path, seeds: Path) -> None:
    seed = (seeds / "daily-log-day15-19.txt").read_text(encoding="utf-8")
    path = tmp_path / "til.md"
    path.write_text(f"{_FILLER}\n\n{seed}", encoding="utf-8")
    imported = import_file(path)
    assert imported.format == "daily_log"
    assert [note.day for note in imported.document.notes if note.day is not None] == [15, 16, 17, 18, 19]


_LINE_TEXT = st.text(alphabet="ab\n\r xX[]`D", max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=_LINE_TEXT, mark=st.sampled_from(["a", "ab", "D", "\\[[ xX]\\]", "`|b", "[xX]+a"]))
def test_lines_with_gives_each_line_holding_the_mark_once_in_order(text: str, mark: str) -> None:
    pattern = re.compile(mark)
    expected = [line for line in text.split("\n") if pattern.search(line)]
    assert list(lines_with(text, pattern)) == expected


@settings(max_examples=300, deadline=None)
@given(text=_LINE_TEXT, mark=st.sampled_from(["a\nb", "[ab]\\s*b", "b\\s+a"]))
def test_a_mark_running_over_a_line_end_skips_no_line(text: str, mark: str) -> None:
    pattern = re.compile(mark)
    lines = text.split("\n")
    holding = list(lines_with(text, pattern))
    # Every line where the mark is found within it is given, in order; a match running over
    # a line's end may add its first line, which the caller's own test then turns down.
    remaining = iter(holding)
    assert all(any(line == seen for seen in remaining) for line in lines if pattern.search(line))
    assert len(holding) <= len(lines)
