"""Schedule tables anywhere: a README's or a note's `| 주차 | 날짜 | 주제 |` gives the notebook its sessions."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from studynotes.importers import daily_log, markdown, minutes, peer_session, programme, sniff
from studynotes.importers.parts.schedule_tables import schedule_sessions
from studynotes.model import ImportContext, ParsedDocument


def _sessions(text: str) -> list[tuple[int, int | None, dt.date | None, str]]:
    return [(s.number, s.week, s.date, s.title) for s in schedule_sessions(text)]


def test_korean_and_english_headers_in_their_variants() -> None:
    korean = "| 주차 | 날짜 | 주제 |\n|---|---|---|\n| 1주차 | 2024-03-02 | 오리엔테이션 |\n| 2주차 | 2024.03.09 (토) | 선형회귀 |\n"
    assert _sessions(korean) == [
        (1, 1, dt.date(2024, 3, 2), "오리엔테이션"),
        (2, 2, dt.date(2024, 3, 9), "선형회귀"),
    ]
    english = "| Week | Date | Topic |\n| :-: | --- | --- |\n| W1 | Jan 10, 2024 | Intro |\n| W2 | Jan 17, 2024 | Trees |\n"
    assert _sessions(english) == [
        (1, 1, dt.date(2024, 1, 10), "Intro"),
        (2, 2, dt.date(2024, 1, 17), "Trees"),
    ]
    sessions = "| 회차 | 일시 | 내용 |\n|--|--|--|\n| 3회차 | 2023년 9월 5일 | 1장 |\n| 4회차 | 2023년 9월 12일 | 2장 |\n"
    assert _sessions(sessions) == [
        (3, None, dt.date(2023, 9, 5), "1장"),
        (4, None, dt.date(2023, 9, 12), "2장"),
    ]
    no_dates = (
        "| 차시 | 주제 | 세부 내용 |\n|---|---|---|\n| 1차시 | Git | 버전 관리 |\n| 2차시 | DP | 정렬 |\n"
    )
    assert _sessions(no_dates) == [(1, None, None, "Git"), (2, None, None, "DP")]
    no_pipes = (
        "Class | Topics To Be Covered\n----- |:-----\nFeb 18, 2015 | Setup\nFeb 23, 2015 | Regression\n"
    )
    assert _sessions(no_pipes) == [
        (1, None, dt.date(2015, 2, 18), "Setup"),
        (2, None, dt.date(2015, 2, 23), "Regression"),
    ]


def test_rows_continue_and_week_rows_head_the_rows_under_them() -> None:
    two_a_week = "| 주차 | 분류 | 주제 |\n|---|---|---|\n| 1 | ch2 | [객체](x.md) |\n|  | ch3 | **메서드** |\n| 2 | ch4 | [제네릭] |\n"
    assert _sessions(two_a_week) == [(1, 1, None, "객체"), (2, 1, None, "메서드"), (3, 2, None, "제네릭")]
    headed = (
        "| Date | Unit | Topics |\n|---|---|---|\n| Week 1 || |\n| Mon Sept 15 | Unit 1 | Intro |\n"
        "| Wed Sept 17 | Unit 1 | Probability |\n| Week 2 | | |\n| Mon Sept 22 | Review | |\n"
    )
    document = ParsedDocument(format="markdown")
    found = schedule_sessions("# Math 50, Fall 2025\n\n" + headed, document)
    assert [(s.week, s.date, s.title) for s in found] == [
        (1, dt.date(2025, 9, 15), "Intro"),
        (1, dt.date(2025, 9, 17), "Probability"),
        (2, dt.date(2025, 9, 22), "Review"),  # no topic: what the session covers names it
    ]
    assert document.warnings == []


def test_a_date_without_a_year_takes_the_pages_year_or_stays_as_written() -> None:
    rows = "| 주차 | 날짜 | 주제 |\n|---|---|---|\n| 1 | 12/28 | 복습 |\n| 2 | 1/4 | 시험 |\n"
    assert _sessions("기간: 2024.12 ~ 2025.01\n\n" + rows) == [
        (1, 1, dt.date(2024, 12, 28), "복습"),
        (2, 2, dt.date(2025, 1, 4), "시험"),  # December, then January: the next year
    ]
    document = ParsedDocument(format="markdown")
    found = schedule_sessions(rows, document, first_line=3)
    assert [(s.date, s.properties["date"]) for s in found] == [(None, "12/28"), (None, "1/4")]
    assert [str(w) for w in document.warnings] == [
        "line 3: the schedule's dates give no year (12/28); its sessions keep them as written"
    ]
    chosen = schedule_sessions(rows, year=2030)
    assert chosen[0].date == dt.date(2030, 12, 28)


def test_tables_that_are_not_schedules_are_left_alone() -> None:
    members = "| 역할 | 담당 | GitHub |\n|---|---|---|\n| 리더 | 김 | a |\n| FX | 이 | b |\n"
    problems = "| 번호 | 문제 | 링크 |\n|---|---|---|\n| 1 | 두 수의 합 | x |\n| 2 | 정렬 | y |\n"
    attendance = "| 주차 | 손가현 | 노기봉 |\n|---|---|---|\n| 1주차 | ✅ | ✅ |\n| 2주차 | | ✅ |\n"
    fenced = (
        "```\n| 주차 | 날짜 | 주제 |\n|---|---|---|\n| 1 | 2024-03-02 | a |\n| 2 | 2024-03-09 | b |\n```\n"
    )
    one_row = "| 주차 | 날짜 | 주제 |\n|---|---|---|\n| 1 | 2024-03-02 | a |\n"
    for text in (members, problems, attendance, fenced, one_row):
        assert schedule_sessions(text) == [], text


def test_a_readme_with_a_schedule_gives_the_notebook_its_sessions() -> None:
    text = (
        "# 알고리즘 스터디 2024\n\n## 일정\n\n| 회차 | 학습 주차 | 날짜 | 선정 주제 | 진행 여부 |\n|---|---|---|---|---|\n"
        "| 1회차 | 1주차 | 3/2 | 정렬 | ✅ |\n| 2회차 | 2주차 | 3/9 | 탐색 | |\n\n## 질문\n\n- 퀵 정렬은 왜 불안정할까?\n"
    )
    assert sniff(text).name == "markdown"
    document = markdown.parse(text, ImportContext(file_name="README.md"))
    assert [(s.week, s.date, s.title) for s in document.lectures] == [
        (1, dt.date(2024, 3, 2), "정렬"),
        (2, dt.date(2024, 3, 9), "탐색"),
    ]
    assert [n.week for n in document.notes] == [None]  # the front page, not a note of week 1
    assert [q.text for q in document.questions] == ["퀵 정렬은 왜 불안정할까?"]


def test_a_programme_page_keeps_the_questions_its_prose_asks() -> None:
    text = (
        "# 딥러닝 스터디\n\n| 주차 | 날짜 | 주제 |\n|---|---|---|\n| 1주차 | 3/2 | 오리엔테이션 |\n"
        "| 2주차 | 3/9 | 선형회귀 |\n\n## 질문\n\n- 왜 학습률을 줄여야 할까?\n"
    )
    assert sniff(text).name == "programme"
    document = programme.parse(text, ImportContext(file_name="README.md"))
    assert [q.text for q in document.questions] == ["왜 학습률을 줄여야 할까?"]
    assert [(s.week, s.properties.get("date")) for s in document.lectures] == [(1, "3/2"), (2, "3/9")]
    assert [str(w) for w in document.warnings] == [
        f"line {line}: session {n}: '{d}' gives no year; the session keeps it as written"
        for line, n, d in ((5, 1, "3/2"), (6, 2, "3/9"))
    ]
    dated = programme.parse("스터디 2024\n\n" + text.split("\n", 1)[1], ImportContext(file_name="README.md"))
    assert [s.date for s in dated.lectures] == [dt.date(2024, 3, 2), dt.date(2024, 3, 9)]


def test_minutes_logs_and_peer_sessions_read_their_schedules_too() -> None:
    table = "| 주차 | 날짜 | 발표자 |\n|---|---|---|\n| 1 | 2024-03-02 | 김 |\n| 2 | 2024-03-09 | 이 |\n"
    pages = {
        peer_session: ("# Week 1 - Day 2 피어세션\n\n" + table, 1),
        minutes: ("# 2주차 회의록\n\nQ1. 발표 순서는 어떻게 정할까요?\n답변) 아래 표대로.\n\n" + table, 2),
        daily_log: ("## Day 1\n- 복습\n\n## Day 2\n" + table, None),
    }
    for importer, (text, week) in pages.items():
        document = importer.parse(text, ImportContext(file_name="page.md"))
        assert [(s.week, s.date) for s in document.lectures] == [
            (1, dt.date(2024, 3, 2)),
            (2, dt.date(2024, 3, 9)),
        ], importer.__name__
        assert document.notes[0].week == week, importer.__name__  # the page keeps the week it states


_HEADERS = (
    ("주차", "날짜", "주제"),
    ("Week", "Date", "Topic"),
    ("학습 주차", "일시", "선정 주제"),
    ("Week", "When", "Title"),
)
_DATE_FORMS = (
    lambda d: d.isoformat(),
    lambda d: f"{d:%Y.%m.%d}",
    lambda d: f"{d.year}년 {d.month}월 {d.day}일",
    lambda d: f"{d:%b} {d.day}, {d.year}",
    lambda d: f"{d:%Y/%m/%d} ({'월화수목금토일'[d.weekday()]})",
)
_WEEK_FORMS = (str, lambda w: f"{w}주차", lambda w: f"Week {w}", lambda w: f"**W{w}**")
_topics = (
    st.text(alphabet=st.sampled_from("가나다라마바사abcdefg XYZ"), min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=150, deadline=None)
@given(
    header=st.sampled_from(_HEADERS),
    date_form=st.sampled_from(_DATE_FORMS),
    week_form=st.sampled_from(_WEEK_FORMS),
    rows=st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=52),
            st.dates(dt.date(1995, 1, 1), dt.date(2090, 12, 31)),
            _topics,
        ),
        min_size=2,
        max_size=12,
    ),
    prose=st.sampled_from(["", "# 스터디\n\n", "Meets on Fridays.\n\n- 왜 그럴까?\n\n"]),
)
def test_any_schedule_table_gives_exactly_its_rows(
    header: tuple[str, str, str],
    date_form: object,
    week_form: object,
    rows: list[tuple[int, dt.date, str]],
    prose: str,
) -> None:
    lines = [f"| {' | '.join(header)} |", "|---|---|---|"]
    lines += [f"| {week_form(w)} | {date_form(d)} | {t} |" for w, d, t in rows]  # type: ignore[operator]
    text = prose + "\n".join(lines) + "\n"
    document = markdown.parse(text, ImportContext(file_name="README.md"))
    assert [(s.number, s.week, s.date, s.title) for s in document.lectures] == [
        (i, w, d, t) for i, (w, d, t) in enumerate(rows, start=1)
    ]
    assert document.warnings == []
