"""Weeks and days as study repositories state them, in titles, front matter and folders."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studynotes.importers import import_file
from studynotes.importers.parts.periods import stated_day, stated_week
from studynotes.model import ImportContext

REAL = Path(__file__).resolve().parents[1] / "data" / "real"


def test_weeks_and_days_in_titles_tags_and_folders() -> None:
    assert stated_week("Week3 - Day2") == 3 and stated_day("Week3 - Day2") == 2
    assert stated_week("스터디 2주차") == 2 and stated_week("[Week 9] Object Detection") == 9
    assert stated_week("", "8weeks, 36day") == 8 and stated_day("8weeks, 36day") == 36
    assert stated_week("Day17") is None and stated_day("Day17") == 17
    assert stated_week("Notes", "Week 03") == 3
    assert stated_week("Weekly review") is None and stated_day("Today") is None


def test_real_minutes_and_logs_take_the_week_their_repository_gives() -> None:
    minutes = import_file(REAL / "minutes" / "do-not-12" / "Week 06" / "week6_3.md").document.notes
    assert {note.week for note in minutes} == {6}
    log = import_file(REAL / "logs" / "nestiank" / "level01" / "week05" / "day22.md").document.notes[0]
    assert (log.week, log.day) == (5, 22)
    peer = import_file(REAL / "minutes" / "boost-up-ai" / "peer-sessions" / "Day17.md").document.notes[0]
    assert (peer.week, peer.day) == (None, 17)


def test_a_stated_week_beats_counting_days_in_logs() -> None:
    from studynotes.importers import daily_log

    days = "## Day 41\n- 복습\n\n## Day 42\n- 과제\n"
    counted = daily_log.parse(days, ImportContext(file_name="log.md")).notes
    assert [n.week for n in counted] == [None, None]  # left to the library to count
    cases = {
        "# [Week 9] Object Detection\n\n" + days: ImportContext(file_name="log.md"),
        "# 스터디 9주차 학습정리\n\n" + days: ImportContext(file_name="log.md"),
        "---\nweek: 9\n---\n" + days: ImportContext(file_name="log.md"),
        "---\ntags: [9weeks, 41day]\n---\n" + days: ImportContext(file_name="log.md"),
        days: ImportContext(file_name="day41.md", folder_name="Week 09"),
        days.replace("## Day 41", "# Week 9\n## Day 41"): ImportContext(file_name="log.md"),
        days.replace("## Day", "## [Week 9] Day"): ImportContext(file_name="log.md"),
    }
    for text, context in cases.items():
        notes = daily_log.parse(text, context).notes
        assert [(n.day, n.week) for n in notes if n.day] == [(41, 9), (42, 9)], text


def test_a_stated_week_places_minutes() -> None:
    from studynotes.importers import minutes

    text = "# 2주차 회의록\n\nQ1. 배치 정규화는 왜 쓰나요?\n답변) 학습이 안정된다.\n"
    assert minutes.parse(text, ImportContext(file_name="m.md")).notes[0].week == 2
    plain = text.replace("2주차 ", "")
    assert minutes.parse(plain, ImportContext(file_name="m.md")).notes[0].week is None
    in_folder = minutes.parse(plain, ImportContext(file_name="m.md", folder_name="Week 03"))
    assert in_folder.notes[0].week == 3
    front = minutes.parse("---\ntitle: 회의록\nweek: 4\n---\n" + plain, ImportContext(file_name="m.md"))
    assert (front.notes[0].title, front.notes[0].week) == ("회의록", 4)


_WEEK_FORMS = (
    ("# [Week {w}] 정리\n\n", "log.md", ""),
    ("# {w}주차 학습정리\n\n", "log.md", ""),
    ("---\nweek: {w}\n---\n", "log.md", ""),
    ("", "log.md", "Week {w:02d}"),
    ("", "log.md", "{w}주차"),
)


@settings(max_examples=150, deadline=None)
@given(
    week=st.integers(min_value=1, max_value=52),
    days=st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=6, unique=True),
    form=st.sampled_from(_WEEK_FORMS),
)
def test_any_stated_week_wins_over_any_days(week: int, days: list[int], form: tuple[str, str, str]) -> None:
    from studynotes.importers import daily_log

    head, file_name, folder = form
    text = head.format(w=week) + "".join(f"## Day {day}\n- 복습 {day}\n\n" for day in days)
    context = ImportContext(file_name=file_name, folder_name=folder.format(w=week))
    notes = daily_log.parse(text, context).notes
    assert [(n.day, n.week) for n in notes if n.day is not None] == [(day, week) for day in days]
