"""Daily study logs: the seed's five days, its question and formulas, and other blogs' shapes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from studynotes.importers import daily_log
from studynotes.model import ImportContext, Note, ParsedDocument

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "seeds" / "daily-log-day15-19.txt").read_text(encoding="utf-8")
DATA = ROOT / "tests" / "data" / "importers" / "daily_log"


def _parse(text: str, context: ImportContext | None = None) -> ParsedDocument:
    return daily_log.parse(text, context or ImportContext(file_name="log.txt"))


def _markdown(note: Note) -> str:
    return "\n\n".join(cell.markdown for cell in note.cells if cell.kind == "markdown")


def test_seed_is_five_days() -> None:
    document = _parse(SEED)
    assert [(n.title, n.day, n.kind, n.week, n.date) for n in document.notes] == [
        (f"Day {day}", day, "log", None, None) for day in range(15, 20)
    ]


def test_seed_question_is_answered_by_its_nested_bullets() -> None:
    document = _parse(SEED)
    [question] = document.questions
    assert question.text == "Machine Learning과 Deep Learning의 차이가 뭘까?"
    assert question.status == "answered" and question.answered_by == "self"
    assert question.answer.split("\n") == [
        "- Machine Learning: 무언가 학습하고자 할 때 학습을 데이터를 통해 알고리즘을 만드는 방법.",
        "    - Deep Learning: Machine Learning의 세부 분야 중 하나로 뉴럴네트워크를 활용하는 분야.",
    ]
    day16 = document.notes[1]
    kinds = [cell.kind for cell in day16.cells]
    assert kinds == ["markdown", "question", "markdown", "markdown"]  # in the order the day was written
    assert day16.cells[0].markdown.endswith("- 인공지능이란: 사람의 지능을 모방하는것.")
    assert day16.cells[2].markdown.startswith("- Deep Learning의 Key Components 4가지\n    - Data")


def test_seed_formulas_become_dollars_display_on_its_own_line() -> None:
    text = _markdown(_parse(SEED).notes[1])
    lines = text.split("\n")
    display = [line for line in lines if line.strip().startswith("$$")]
    assert len(display) == 1
    assert (
        display[0]
        == "    $$\\begin{aligned}a_{t+1}\\leftarrow \\beta a_{t}+g_{t}\\\\ W_{t+1}\\leftarrow W_{t}-\\eta a_{t+1}\\end{aligned}$$"
    )
    assert lines[lines.index(display[0]) - 2] == "- Momentum"  # inside the Momentum item, after a blank line
    assert "    - Lookahead Gradinet 추가. $\\begin{aligned}a_{t+1}" in text
    assert "\\(" not in text and "\\[" not in text


def test_seed_nesting_is_relative_four_spaces_a_level() -> None:
    day16 = _markdown(_parse(SEED).notes[1])
    assert "- Optimization\n    - Generalization\n        - 모델이 학습된" in day16
    assert "        - Bootstrapping aggregating\n            - 여러개의 모델을" in day16
    assert "•" not in day16
    day15 = _parse(SEED).notes[0].cells[0].markdown
    assert day15.split("\n")[:2] == [
        "- 쉬는 날이었지만 Dive Into Deep Learning 17장을 팀원들과 리뷰했다.",
        "    - 17.1 Overview of Recommender Systems",
    ]


def test_seed_chrome_and_image_placeholders_are_gone_with_one_warning() -> None:
    document = _parse(SEED)
    everything = "\n".join(_markdown(note) for note in document.notes)
    assert "minute read" not in everything and "Leave a comment" not in everything
    assert not any(line.strip() == "image" for line in everything.split("\n"))
    assert [str(w) for w in document.warnings] == [
        "line 47: Day 16: 16 image placeholders without a picture left out"
    ]
    # A removed picture leaves no gap that would split the list.
    assert "    - Linear Neural Network\n    - Mult Layer Perceptron" in everything


def test_seed_peer_sessions_are_cells_of_their_own() -> None:
    notes = _parse(SEED).notes
    peer = [cell.markdown for note in notes for cell in note.cells if cell.markdown.startswith("피어세션:")]
    assert peer == [
        "피어세션: 17.5, 17.6 부분이 너무 어려워서 나중에 다시 살펴보기로 했다.",
        "피어세션: 강의에서 “여기는 logit이니까 activation 없이 나오죠”라고 언급됐었다. "
        "의문이 생겨 Logit 함수에 대해 조사했고 팀원들과 공유했다.",
    ]


def test_seed_is_recognised_and_other_seeds_are_not_taken() -> None:
    assert daily_log.score(SEED) >= 0.6
    for other in (ROOT / "seeds").glob("*.*"):
        if other.name not in ("README.md", "daily-log-day15-19.txt"):
            assert daily_log.score(other.read_text(encoding="utf-8")) < 0.6, other.name


def test_tabs_and_spaces_nest_alike() -> None:
    spaces = "Day 1\n  • a\n    • b\n      • c\n  • d\n"
    tabs = "Day 1\n\t- a\n\t\t- b\n\t\t\t- c\n\t- d\n"
    stars = "## Day 1\n* a\n   + b\n      * c\n* d\n"
    expected = "- a\n    - b\n        - c\n- d"
    for text in (spaces, tabs, stars):
        assert _parse(text).notes[0].cells[0].markdown == expected


def test_front_matter_heading_days_and_week_headings() -> None:
    document = _parse((DATA / "weeks-dated-headings.md").read_text(encoding="utf-8"))
    assert [(n.title, n.day, n.week, n.date) for n in document.notes] == [
        ("Day 2: Optimization", 2, 4, dt.date(2021, 8, 24)),
        ("Day 3: Transformers", 3, 4, None),
    ]
    day2, day3 = document.notes
    assert day2.properties == {"tags": "TIL, CV", "categories": "boostcamp", "posted": "2021-08-27"}
    assert [a.name for a in day2.attachments] == ["images/loss.png"]
    text = _markdown(day2)
    assert "```python\n- not a bullet\nx = [1, 2]  # \\(not math\\)\n```" in text  # code is left alone
    assert "손실은\n\n$$L = -\\sum_i y_i \\log \\hat{y}_i$$\n\n로 정의한다." in text
    assert "1. Gradient descent\n    1. learning rate가 크면 발산한다\n2. Momentum\n    - 관성을" in text
    nested = day2.questions[0]
    assert nested.text == "왜 3x3 커널을 여러 번 쌓을까?"
    assert nested.answer == "- 파라미터 수가 줄어든다\n- 비선형성이 늘어난다"
    assert day2.cells[2].markdown.startswith("- Pooling은")  # the list goes on at the margin
    assert [(q.text, q.status) for q in day3.questions] == [
        ("이건 무슨 뜻인가요", "open"),
        ("Positional encoding은 꼭 필요한가?", "open"),
    ]
    assert day3.cells[-1].markdown == "### 피어세션\n\n- 과제 1 코드 리뷰\n- 다음 주 발표 순서 정하기"
    everything = "\n".join(_markdown(note) for note in document.notes)
    assert "Share on" not in everything and "Updated:" not in everything and "another post" not in everything
    assert [str(w) for w in document.warnings] == ["line 54: the blog's list of other posts was left out"]


def test_compact_day_and_dash_bullets() -> None:
    document = _parse((DATA / "dash-bullets-peer-list.txt").read_text(encoding="utf-8"))
    assert [n.title for n in document.notes] == ["Day 40", "Day 41"]
    day40 = document.notes[0]
    assert day40.cells[-1].markdown == "피어세션:\n\n- 추천 시스템 과제 아이디어 공유\n- 멘토링 질문 정리"
    assert day40.questions[0].answer == "- 인접 행렬로 연산을 한 번에 한다"
    assert [str(w) for w in document.warnings] == [
        "line 9: Day 40: 2 image placeholders without a picture left out"
    ]
    compact = _parse((DATA / "compact-day37.txt").read_text(encoding="utf-8"))
    assert [n.day for n in compact.notes] == [37, 38]
    assert "$P(x_t \\mid x_{<t})$" in _markdown(compact.notes[1])


def test_dates_a_single_day_takes_and_a_line_that_only_mentions_a_day() -> None:
    single = "---\ndate: 2021-08-19\n---\nDay 3\n- 복습\n"
    assert _parse(single).notes[0].date == dt.date(2021, 8, 19)
    chosen = _parse(single, ImportContext(date=dt.date(2021, 8, 20)))
    assert chosen.notes[0].date == dt.date(2021, 8, 20)  # the user's choice wins
    prose = "Day 3 was long.\n- 복습\n"
    assert [n.day for n in _parse(prose).notes] == [None]


def test_a_log_without_days_is_one_note_named_after_the_file() -> None:
    document = _parse("- 오늘은 쉬었다\n", ImportContext(file_name="TIL 2021-08-19.md"))
    assert [(n.title, n.day) for n in document.notes] == [("TIL 2021-08-19", None)]


texts = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Day 15\n",
                "## Day 2 - 2021.08.",
                "Day37\n",
                "# Week 4\n",
                "  • ",
                "    • ",
                "\t- ",
                "   + ",
                "* ",
                "1. ",
                "뭘까?\n",
                "피어세션:",
                "\\[a\\\\[2pt] b\\]",
                "\\(x",
                "\\)",
                "```\n",
                "image\n",
                "Leave a comment\n",
                "You May Also Enjoy\n",
                "---\ntitle: x\n---\n",
                "\n",
            ]
        ),
        st.text(max_size=20),
    ),
    max_size=40,
).map("".join)


def _check(document: ParsedDocument) -> None:
    assert document.format == "daily_log"
    assert document.notes
    assert all(q.text.strip() for q in document.questions)
    assert all(w.line is None or w.line >= 1 for w in document.warnings)
    for note in document.notes:
        assert all("\ue000" not in cell.markdown for cell in note.cells)


@settings(max_examples=300, deadline=None)
@given(texts)
@example("```\n\ue000")  # a private mark inside unclosed fenced code
@example("```\n\ue0000\ue001\n```\n\\[x\\]")  # one shaped like a formula token, beside a formula
def test_random_text_never_breaks_the_importer(text: str) -> None:
    _check(_parse(text))
    assert 0.0 <= daily_log.score(text) <= 1.0


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED)), st.integers(min_value=0, max_value=len(SEED)))
def test_any_slice_of_the_seed_parses(start: int, end: int) -> None:
    _check(_parse(SEED[min(start, end) : max(start, end)]))
