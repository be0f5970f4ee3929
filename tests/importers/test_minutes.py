"""The meeting-minutes importer on the seed minutes and on minutes written for these tests."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studynotes.importers import sniff
from studynotes.importers.minutes import parse, score, split_inline_answer
from studynotes.importers.minutes_header import meeting_date, read_properties
from studynotes.model import ImportContext, Note, ParsedDocument

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "meeting-minutes-0805.md"
DATA = ROOT / "tests" / "data" / "importers" / "minutes"
OTHER_SEEDS = [
    "lecture-chat-log.txt",
    "question-board-week2.md",
    "programme-deepml-flipped-school.txt",
    "daily-log-day15-19.txt",
]
_MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", re.DOTALL)


def _parse_file(path: Path, context: ImportContext | None = None) -> ParsedDocument:
    return parse(path.read_text(encoding="utf-8"), context or ImportContext(file_name=path.name))


def _seed_note() -> Note:
    document = _parse_file(SEED)
    assert document.warnings == []
    [note] = document.notes
    return note


def test_seed_title_date_and_properties() -> None:
    note = _seed_note()
    assert (note.title, note.kind, note.date) == ("8/5(목) 회의록", "minutes", dt.date(2021, 8, 5))
    assert note.properties == {
        "작성일시": "2021년 8월 5일 오전 9:59",
        "작성자": "이하람",
        "참석자": "",
        "최종 편집일시": "2021년 8월 9일 오후 7:41",
        "회의 유형": "일일 회의",
    }


def test_seed_lecture_questions_keep_their_formulas() -> None:
    source = SEED.read_text(encoding="utf-8")
    lecture = [q for q in _seed_note().questions if q.lecture_ref is not None]
    assert [(q.lecture_ref, q.status) for q in lecture] == [(7, "answered")] * 3 + [(8, "answered")]
    q1, q2, q3, q4 = lecture
    assert q1.text == "쿨백-라이블러 발산이 항상 0보다 크거나 같은 이유?"
    assert q4.text == "필수 퀴즈 8-4번 설명좀 부탁드립니다."
    assert q4.answer.startswith("$$P(A|B) = \\frac{P(B|A)P(A)}")
    # Every formula of the lecture questions and answers, character for character and in order.
    section = source[source.index("### 7강") : source.index("## ✨")].replace("\u00a0", " ")
    formulas = [m for q in lecture for part in (q.text, q.answer) for m in _MATH.findall(part)]
    assert formulas == _MATH.findall(section) and len(formulas) == 17
    assert "\\underbrace" in q1.answer and "{\\text{크로스 엔트로피}}" in q1.answer
    assert q2.text.startswith("$\\log L(\\theta; \\mathbf{X}) = ")
    assert "\u00a0" not in q3.text and "$       $0 = " in q3.text  # NBSP spacing made plain


def test_seed_mentoring_questions_by_person() -> None:
    mentoring = [q for q in _seed_note().questions if q.lecture_ref is None]
    assert [q.asker for q in mentoring] == ["허진규"] * 4 + ["김보성"] * 3 + ["이하람"] + ["전태호"] * 3
    answered = [q for q in mentoring if q.status == "answered"]
    assert [(q.asker, q.answer, q.answered_by) for q in answered] == [
        ("이하람", "워라벨은 상당히 좋다.(case by case)", "instructor")
    ]
    assert answered[0].text == (
        "딥러닝 엔지니어, 인공지능 쪽 분야에서 일하시는 분들은 워라벨이 어떤가요 (공부할게 계속 생기니까 따라가기 힘들진 않은지)"
    )
    assert mentoring[0].text == "컴퓨터 관련한 뉴스, 논문 트렌드 등을 어디서 보면 좋은가요?"


def test_seed_text_cells_read_like_the_original() -> None:
    cells = _seed_note().cells
    texts = [c.markdown for c in cells if c.kind == "markdown"]
    assert texts[0] == "### 👉 학습 내용 공유"
    assert texts[-1].startswith(
        "답변)\n\n- Deep Learning 모델 구현 연습용 논문 추천"
    )  # the bulk answer stays text
    assert texts[-1].endswith("- unittest는 개발 현장에서 상당히 많이 쓰입니다.")
    advice = next(t for t in texts if t.startswith("### 100 수학 잘하기"))
    assert (
        "2. 하루에 10분씩 3번정도 보면서 익숙해진다.\n2. 인공지능 커뮤니티" in advice
    )  # the repeated 2. kept
    assert "\n\n<https://d2l.ai/> → 여기 있습니다." in "\n".join(texts)  # the NBSP-only line is a blank line
    assert not any("\u00a0" in t for t in texts)
    kinds = "".join("q" if c.kind == "question" else "t" for c in cells)
    assert kinds == "tttttqqqtqttttttqqqqtqqqtqtqqqt"


def test_seed_is_sniffed_and_other_seeds_are_not_taken() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert score(text) >= 0.6 and sniff(text).name == "minutes"
    for name in OTHER_SEEDS:
        assert score((ROOT / "seeds" / name).read_text(encoding="utf-8")) < 0.5, name


def test_question_and_answer_marker_variants() -> None:
    note = _parse_file(DATA / "crlf-qa-variants.md").notes[0]
    assert [(q.text, q.answer, q.status, q.lecture_ref) for q in note.questions] == [
        (
            "배치 정규화는 왜 학습을 빠르게 하나요?",
            "내부 공변량 변화를 줄이기 때문이라고 설명한다.",
            "answered",
            5,
        ),
        ("드롭아웃 비율은 어떻게 정하나요?", "보통 0.5에서 시작한다.", "answered", 5),
        ("다음 주 발표 순서는?", "", "open", 5),  # `답변)` with nothing after it
    ]
    assert note.properties["태그"] == "스터디" and note.properties["작성자"] == "김민수"


def test_notion_export_with_colon_properties_bold_markers_and_details() -> None:
    document = _parse_file(DATA / "notion-export-colons.md")
    [note] = document.notes
    assert note.date == dt.date(2021, 9, 16)
    assert note.properties == {"작성일시": "2021년 9월 16일 오전 10:00", "작성자": "이하람", "장소": "Zoom"}
    lecture = [q for q in note.questions if q.lecture_ref == 11]
    assert [(q.status, q.answer) for q in lecture] == [
        ("answered", "학습 때 모은 이동 평균  $\\hat{\\mu}$ 을 쓴다."),
        ("open", ""),  # `Q2.` alone on its line: the text is on the next one
        ("answered", "표현력을 되찾기 위해서."),
        ("open", ""),  # no answer marker: what follows is text, not an answer
    ]
    assert lecture[1].text == "Dropout은 inference 때 어떻게 동작하나요?"
    assert lecture[2].text.endswith(
        "\n\n$$y = \\gamma \\hat{x} + \\beta$$"
    )  # details before `답:` belong to it
    after_q3 = note.cells[note.cells.index(next(c for c in note.cells if c.question is lecture[3])) + 1]
    assert after_q3.markdown == "범위는 정하지 못했다."
    mentoring = [q for q in note.questions if q.asker]
    assert [(q.asker, q.text, q.status, q.answer) for q in mentoring] == [
        ("Alice", "How do you read papers?", "answered", "Abstract first, then figures."),
        ("Alice", "Which conferences matter most\nfor computer vision?", "open", ""),
    ]
    assert note.cells[-1].markdown == "정리 :\n\n1. 다음 주에 다시 모인다."  # not a person
    assert len(note.questions) == 6


def test_mentor_questions_golden() -> None:
    note = _parse_file(DATA / "mentor-questions.md").notes[0]
    assert [(q.asker, q.status) for q in note.questions] == [
        ("김보성", "open"),
        ("김보성", "answered"),
        ("전태호", "open"),
    ]
    assert note.questions[1].answer == "관심 분야가 분명하면 추천합니다."


def test_year_comes_from_the_created_property_across_new_year() -> None:
    document = _parse_file(DATA / "year-boundary.md")
    [note] = document.notes
    assert note.date == dt.date(2021, 12, 30)
    assert note.properties["참석자"] == "이하람, 김민수"
    assert [(q.text, q.status, q.lecture_ref) for q in note.questions] == [("내년 목표는?", "answered", None)]
    assert "# Q1. 이 줄은 코드다" in note.cells[0].markdown  # code is never read for questions


def test_without_a_year_the_date_is_left_unset_with_a_warning() -> None:
    path = DATA / "no-year-title.md"
    document = _parse_file(path)
    assert document.notes[0].date is None
    assert [str(w) for w in document.warnings] == [
        "line 1: the title gives 10/7 but no year; set the date to place this meeting in a week"
    ]
    chosen = _parse_file(path, ImportContext(file_name=path.name, date=dt.date(2022, 10, 7)))
    assert chosen.notes[0].date == dt.date(2022, 10, 7) and chosen.warnings == []
    assert [(q.lecture_ref, q.status) for q in document.notes[0].questions] == [(12, "answered")]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "워라벨이 어떤가요 (힘들진 않은지) - 상당히 좋다.(case by case)",
            ("워라벨이 어떤가요 (힘들진 않은지)", "상당히 좋다.(case by case)"),
        ),
        ("진학은 어떠신가요? → 추천합니다.", ("진학은 어떠신가요?", "추천합니다.")),
        ("A - B 의 차이가 뭔가요?", ("A - B 의 차이가 뭔가요?", "")),
        ("CIFAR-10 데이터셋은 어디서 받나요?", ("CIFAR-10 데이터셋은 어디서 받나요?", "")),
    ],
)
def test_inline_answers(item: str, expected: tuple[str, str]) -> None:
    assert split_inline_answer(item) == expected


def test_property_block_and_dates() -> None:
    lines = [
        "🕒 작성일시\t@2021년 8월 5일 오전 9:59",
        "👥 참석자\t",
        "",
        "장소: 강의실",
        "본문: 속성이 아님",
        "x",
    ]
    assert read_properties(lines, 0) == (
        {"작성일시": "2021년 8월 5일 오전 9:59", "참석자": "", "장소": "강의실"},
        4,
    )
    document = ParsedDocument(format="minutes")
    created = {"작성일시": "2021년 8월 5일 오전 9:59", "최종 편집일시": "2022년 1월 1일"}
    assert meeting_date("8/5(목) 회의록", created, document, 1) == dt.date(2021, 8, 5)
    assert meeting_date("2021-09-02 회의록", {}, document, 1) == dt.date(2021, 9, 2)
    assert meeting_date("9월 3일 회의", created, document, 1) == dt.date(2021, 9, 3)
    assert meeting_date("주간 회의", created, document, 1) == dt.date(2021, 8, 5)
    assert meeting_date("주간 회의", {"최종 편집일시": "2022년 1월 1일"}, document, 1) is None
    assert document.warnings == []


FRAGMENTS = ["## 8/5(목) 회의록\n", "작성일시\t@2021년 8월 5일 오전 9:59\n", "👤 작성자\t<span>a</span> b\n"]
FRAGMENTS += [
    "### 7강\n",
    "Q1. ",
    "Q.",
    "질문: ",
    "답변)",
    "A. ",
    "→ ",
    "허진규 :\n",
    "이하람\n",
    "1. ",
    "    - ",
]
FRAGMENTS += ["## 멘토링\n", "$x$", "$$", "```\n", "\u00a0", "\n", "\n\n", "? - ", "?"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=40).map("".join))
def test_random_text_never_breaks_the_minutes(text: str) -> None:
    score(text)
    document = parse(text, ImportContext())
    assert len(document.notes) == 1 and document.notes[0].title.strip()
    assert all(q.text.strip() for q in document.questions)


def test_truncated_seed_minutes_parse() -> None:
    text = SEED.read_text(encoding="utf-8")
    for cut in range(0, len(text), 83):
        document = parse(text[:cut], ImportContext())
        assert all(q.text.strip() for q in document.questions)
        assert len(document.questions) <= 15
