"""Peer-session and meeting notes are minutes without a 회의록 title, placed in the week they state."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studynotes.importers import import_file, peer_session, sniff
from studynotes.model import ImportContext

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "data" / "real"


def test_real_peer_session_minutes_are_minutes_with_their_week_and_day() -> None:
    boost = sorted((REAL / "minutes" / "boost-up-ai" / "peer-sessions").glob("*.md"))
    rules = REAL / "minutes" / "do-not-12" / "Week 01" / "week1_1.md"  # the team's rules, not a meeting
    do_not = sorted(p for p in (REAL / "minutes" / "do-not-12").glob("Week */*.md") if p != rules)
    assert len(boost) == 7 and len(do_not) == 13
    for path in boost + do_not:
        imported = import_file(path)
        [note] = imported.document.notes
        assert (imported.format, note.kind) == ("peer_session", "minutes"), path.name
        assert note.day is not None, path.name
    day17 = import_file(REAL / "minutes" / "boost-up-ai" / "peer-sessions" / "Day17.md").document.notes[0]
    assert (day17.week, day17.day) == (None, 17)  # no week stated: the library counts it from the day
    week2 = import_file(REAL / "minutes" / "do-not-12" / "Week 02" / "week2_2.md").document.notes[0]
    assert (week2.title, week2.week, week2.day) == ("Week2 - Day2", 2, 2)
    set_apart = import_file(REAL / "minutes" / "do-not-12" / "Week 06" / "week6_4.md").document.notes[0]
    assert (set_apart.title, set_apart.week) == ("Week 6 - Day 1", 6)


def test_study_logs_and_the_seeds_are_not_taken() -> None:
    logs = sorted((REAL / "logs").rglob("*.md"))
    assert len(logs) == 10
    for path in logs:  # a log with a `# 피어세션` section among others stays a log
        assert peer_session.score(path.read_text(encoding="utf-8")) == 0.0, path.name
    for seed in (ROOT / "seeds").glob("*.*"):
        if seed.name != "README.md":
            assert peer_session.score(seed.read_text(encoding="utf-8")) == 0.0, seed.name


def test_shapes_recognised_from_content() -> None:
    shapes = [
        "# Day 7 피어세션\n\n- 과제 리뷰\n",
        "# Week3 - Day2\n\n## 오늘의 질문\n\n- 왜 그럴까?\n",
        "# Week3 - Day2\n\n## Today Peersession\n\n- 리뷰\n",
        "Week 6 - Day 1\n\n----\n\nToday's PeerSession\n\n----\n# 1. 발표\n",
        "# Meeting notes 2024-03-14\n\n## Agenda\n- a\n",
        "---\ntitle: Peer session, week 4\n---\n\n- notes\n",
        "## 주간 회의 내용\n\n- 일정 조율\n",
    ]
    for text in shapes:
        assert sniff(text).name == "peer_session", text
    for text in ("# 8/5(목) 회의록\n\n- a\n", "# Day 7\n\n- 복습\n", "# 학습 정리\n\n# 피어세션\n- a\n"):
        assert sniff(text).name != "peer_session", text


def test_title_front_matter_and_folder_place_the_meeting() -> None:
    meeting = (
        "# Meeting notes 2024-03-14\n\n## Questions\n\n- Why does the loss plateau?\n  - Lower the rate.\n"
    )
    [note] = peer_session.parse(meeting, ImportContext(file_name="notes.md", folder_name="Week 03")).notes
    assert (note.week, note.date.isoformat() if note.date else None) == (3, "2024-03-14")
    assert [(q.text, q.status, q.answer) for q in note.questions] == [
        ("Why does the loss plateau?", "answered", "- Lower the rate.")
    ]
    front = peer_session.parse("---\nweek: 5\n---\n" + meeting, ImportContext(folder_name="Week 03")).notes[0]
    assert front.week == 5  # the page's own word beats its folder
    titled = peer_session.parse("# 2주차 피어세션\n\n- a\n", ImportContext(file_name="day7.md")).notes[0]
    assert (titled.week, titled.day) == (2, 7)


@settings(max_examples=150, deadline=None)
@given(
    week=st.integers(min_value=1, max_value=52),
    day=st.integers(min_value=1, max_value=7),
    form=st.sampled_from(["# Week{w} - Day{d}", "# Week {w:02d} - Day {d}", "# [Week {w}] Day {d} 피어세션"]),
    under=st.sampled_from(["## Today Peersession", "### 오늘의 질문", "## 피어세션 정리"]),
)
def test_any_stated_week_and_day_are_kept(week: int, day: int, form: str, under: str) -> None:
    text = f"{form.format(w=week, d=day)}\n\n{under}\n\n- 질문은 무엇일까?\n"
    assert sniff(text).name == "peer_session"
    [note] = peer_session.parse(text, ImportContext(file_name="notes.md")).notes
    assert (note.kind, note.week, note.day) == ("minutes", week, day)
