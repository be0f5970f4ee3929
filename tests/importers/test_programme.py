"""Programme pages: the seed's 29 open questions and 13 sessions, and the variants real pages use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studynotes.importers import programme
from studynotes.model import ImportContext, ParsedDocument

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "seeds" / "programme-deepml-flipped-school.txt").read_text(encoding="utf-8")
DATA = ROOT / "tests" / "data" / "importers" / "programme"


def _parse(text: str) -> ParsedDocument:
    return programme.parse(text, ImportContext(file_name="programme.txt"))


def test_seed_questions_are_29_open_without_the_answer_link() -> None:
    document = _parse(SEED)
    questions = document.questions
    assert len(questions) == 29
    assert {q.status for q in questions} == {"open"}
    assert not any(q.text.endswith("Answer") or q.answer for q in questions)
    texts = [q.text for q in questions]
    assert texts[0] == "1x1 Convolution layer를 사용하는 이유는 무엇일까요?"
    nested = texts.index("SGD, RMSprop, Adam에 대해 차이점을 두고 설명할 수 있나요?")
    assert texts[nested - 1] == "robust하다는 것은 무슨 의미인가요?"  # the item under 22 follows it
    assert texts[-1] == "padding에서 zero-padding을 많이 사용하는 이유는 무엇일까요?"


def test_seed_schedule_is_13_dated_sessions_with_textbook_and_lecture() -> None:
    document = _parse(SEED)
    lectures = document.lectures
    assert [lec.number for lec in lectures] == list(range(13))
    assert all(lec.date is not None for lec in lectures)
    assert lectures[0].date == dt.date(2022, 1, 7)
    assert lectures[2].date == dt.date(2022, 1, 12)  # `January 12, 20222`, repaired
    assert lectures[12].date == dt.date(2022, 2, 23)
    assert lectures[0].title == "Introduction to Machine and Deep Learning/Data Handling"
    assert lectures[0].properties == {"textbook": "chapter 1, 2"}
    assert lectures[1].title == "Image Classification"
    assert lectures[1].properties == {"lecture": "Lec 2."}
    assert lectures[2].properties == {"textbook": "chapter 3 -1, chapter 3 -2"}
    assert lectures[12].properties == {"lecture": "Lec 10."}
    assert [str(w) for w in document.warnings] == [
        "line 56: session 02: read 'January 12, 20222' as 2022-01-12"
    ]


def test_seed_title_properties_and_start() -> None:
    document = _parse(SEED)
    assert document.notebook_title == "AIFFEL DeepML Flipped School"
    assert document.notebook_properties == {
        "Facilitator": "차수연",
        "Date": "2022.01.10-2022.02.23",
        "Members": "김현지, 박흥선, 신은정, 안정희, 이다정, 이예영, 장병용, 조송희, 함태식",
    }
    # Weeks start on the Monday of the earliest session (00, the Friday before the period).
    assert document.notebook_start == dt.date(2022, 1, 3)
    [note] = document.notes
    assert note.title == "AIFFEL DeepML Flipped School" and note.kind == "programme"
    assert note.properties == document.notebook_properties


def test_seed_note_reads_in_order_with_the_schedule_as_a_pipe_table() -> None:
    [note] = _parse(SEED).notes
    kinds = [cell.kind for cell in note.cells]
    assert kinds == ["markdown"] + ["question"] * 29 + ["markdown", "markdown"]
    assert "This Flipped School study is for people like this" in note.cells[0].markdown
    assert "1. Beginners who are new to Deep Learning" in note.cells[0].markdown
    table = note.cells[30].markdown.split("\n")
    assert table[0] == "| No. | Date | Topic | Textbook | Lecture |"
    assert len(table) == 2 + 13
    assert (
        table[4]
        == "| 02 | 2022-01-12 | Regression Algorithm and Regularization | chapter 3 -1, chapter 3 -2 |  |"
    )
    assert note.cells[31].markdown.startswith("- Material:\n    - Textbook:")


def test_seed_is_recognised_and_other_seeds_are_not_taken() -> None:
    assert programme.score(SEED) >= 0.6
    for other in (ROOT / "seeds").glob("*.*"):
        if other.name not in ("README.md", "programme-deepml-flipped-school.txt"):
            assert programme.score(other.read_text(encoding="utf-8")) < 0.6, other.name


def test_pipe_table_with_week_column_and_mixed_date_forms() -> None:
    document = _parse((DATA / "week-column-pipe.md").read_text(encoding="utf-8"))
    assert [(lec.number, lec.date, lec.week) for lec in document.lectures] == [
        (1, dt.date(2023, 3, 6), 1),
        (2, dt.date(2023, 3, 8), 1),
        (3, dt.date(2023, 3, 13), 2),
        (4, dt.date(2023, 3, 15), 2),
    ]
    assert document.lectures[0].properties == {
        "textbook": "ch. 2",
        "lecture": "Lec 2.",
        "notes": "bring laptops",
    }
    assert [str(w) for w in document.warnings] == ["line 18: session 4: read 'March 15, 20223' as 2023-03-15"]
    assert document.notebook_start == dt.date(2023, 3, 6)
    assert len(document.questions) == 3  # numbered questions with no `Answer` link


def test_korean_tab_table_answers_links_and_duplicate_numbers() -> None:
    document = _parse((DATA / "notion-tabs-korean.txt").read_text(encoding="utf-8"))
    assert document.notebook_title == "2023 여름 딥러닝 스터디"
    assert document.notebook_properties["퍼실리테이터"] == "정하늘"
    assert [(lec.number, lec.title, lec.date) for lec in document.lectures] == [
        (1, "오리엔테이션", dt.date(2023, 7, 3)),  # `7/3 (월)`: the period's year
        (2, "선형 회귀", dt.date(2023, 7, 10)),
        (3, "분류", dt.date(2023, 7, 17)),  # `Juyl`, mended
        (4, "신경망", dt.date(2023, 7, 24)),  # a second `3`, renumbered
    ]
    assert document.lectures[1].properties == {"textbook": "2장, 3장", "lecture": "2강"}
    questions = document.questions
    assert [q.status for q in questions] == ["open", "answered", "open", "open"]
    assert questions[0].answer.startswith("[Answer](https://www.notion.so/")
    assert (
        questions[1].answer == "- 음수 영역에서도 기울기가 조금 남는다\n- Transformer 계열에서 표준이 되었다"
    )
    assert questions[3].text == "선형 스케일링 규칙은 언제 깨지나요?"
    assert len(document.warnings) == 2


def test_text_rows_with_textbook_and_lecture_and_an_impossible_date() -> None:
    text = (
        "Spring Study\n\n"
        "No. Date Topic Textbook Lecture\n"
        "01 2024-03-04 Optimisation chapter 2 Lec 3.\n"
        "02 2024년 3월 11일 Regularisation chapter 4, 5\n"
        "03 February 30, 2024 Review\n"
    )
    document = _parse(text)
    assert [(lec.title, lec.properties) for lec in document.lectures] == [
        ("Optimisation", {"textbook": "chapter 2", "lecture": "Lec 3."}),
        ("Regularisation", {"textbook": "chapter 4, 5"}),
        ("Review", {"date": "February 30, 2024"}),
    ]
    assert document.lectures[2].date is None
    assert [w.line for w in document.warnings] == [6]
    assert "February 30, 2024" in document.notes[0].cells[-1].markdown


def test_a_session_far_outside_the_period_is_reported_and_does_not_move_the_start() -> None:
    text = (
        "Study\n\nDate: 2022.03.07-2022.04.29\n\nNo. Date Topic\n1 2022-03-07 Start\n2 2021-03-14 Typo year\n"
    )
    document = _parse(text)
    assert document.notebook_start == dt.date(2022, 3, 7)
    assert [w.line for w in document.warnings] == [7]
    assert "outside the programme's period" in document.warnings[0].message


def test_a_numbered_list_that_does_not_ask_stays_text() -> None:
    document = _parse("Plan\n\n1) Read the chapter\n2) Do the exercises\n3) Meet on Friday\n")
    assert document.questions == []
    assert "1. Read the chapter" in document.notes[0].cells[0].markdown


texts = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "No. Date Topic Textbook Lecture\n",
                "| No. | Date | Topic |\n|---|---|---|\n",
                "| 1 | 2022-01-0",
                "00 January 07, 20222 x chapter 1, 2\n",
                "01 13월 40일 y Lec 2.\n",
                "  1. ",
                "    1. ",
                " Answer\n",
                "[Answer](",
                "Facilitator: ",
                "Date: 2022.01.10-",
                "\t",
                "?",
                "\n",
                "## Questions\n",
            ]
        ),
        st.text(max_size=20),
    ),
    max_size=30,
).map("".join)


def _check(document: ParsedDocument) -> None:
    assert document.format == "programme"
    assert all(q.text.strip() for q in document.questions)
    numbers = [lec.number for lec in document.lectures]
    assert len(numbers) == len(set(numbers))
    assert all(w.line is None or w.line >= 1 for w in document.warnings)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_random_text_never_breaks_the_importer(text: str) -> None:
    _check(_parse(text))
    assert 0.0 <= programme.score(text) <= 1.0


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED)), st.integers(min_value=0, max_value=len(SEED)))
def test_any_slice_of_the_seed_parses(start: int, end: int) -> None:
    _check(_parse(SEED[min(start, end) : max(start, end)]))
