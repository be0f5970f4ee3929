"""Weeks and days as study repositories state them, in titles, front matter and folders."""

from __future__ import annotations

from pathlib import Path

from studynotes.importers import import_file
from studynotes.importers.parts.periods import stated_day, stated_week

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
