"""The question-board importer on the seed board and on boards written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studynotes.importers import sniff
from studynotes.importers.parts.fields import media_time, read_heading, slide_page
from studynotes.importers.parts.links import image_links
from studynotes.importers.question_board import parse, score
from studynotes.model import ImportContext, ParsedDocument

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "question-board-week2.md"
DATA = ROOT / "tests" / "data" / "importers" / "question_board"
OTHER_SEEDS = [
    "lecture-chat-log.txt",
    "meeting-minutes-0805.md",
    "programme-deepml-flipped-school.txt",
    "daily-log-day15-19.txt",
]


def _parse_file(path: Path) -> ParsedDocument:
    return parse(path.read_text(encoding="utf-8"), ImportContext(file_name=path.name))


def test_seed_board_week_lectures_and_counts() -> None:
    document = _parse_file(SEED)
    assert [(n.lecture, n.lecture_title, n.week, n.kind) for n in document.notes] == [
        (3, "Lecture 3", 2, "board"),
        (4, "Lecture 4", 2, "board"),
    ]
    assert [len(n.questions) for n in document.notes] == [11, 5]
    questions = document.questions
    assert {q.status for q in questions} == {"answered"}
    assert {q.asker for q in questions} == {"혜지", "소현", "세연", "재용"}
    assert all(q.slide_page is not None for q in questions)
    assert [q.media_time for q in questions if q.media_time] == ["21:30", "31:47", "35:50", "40:50", "47:03"]
    assert document.notebook_title is None
    assert document.warnings == []


def test_seed_board_fields_text_and_answers() -> None:
    lecture3, lecture4 = _parse_file(SEED).notes
    first = lecture3.questions[0]
    assert (first.asker, first.slide_page, first.media_time) == ("혜지", 7, None)
    assert first.text == "‘행렬 W의 각 행들이 해당하는 그 클래스의 템플릿이 된다’ 는 말이 이해가 안감"
    third = lecture3.questions[2]
    assert (third.asker, third.media_time, third.slide_page) == ("세연", "21:30", 20)
    assert third.answer.startswith("![img/3.png](img/3.png)\n\n이렇게 되어 있는데")
    # ✅ with nothing under it stays answered: the mark says so.
    empty = [q for q in lecture3.questions if not q.answer]
    assert [(q.asker, q.slide_page, q.status) for q in empty] == [
        ("소현", 35, "answered"),
        ("혜지", 48, "answered"),
    ]
    # The table of contents and the `<br>` line are not content of any note.
    every_text = "\n".join(c.markdown for n in (lecture3, lecture4) for c in n.cells) + "\n".join(
        q.answer for q in lecture3.questions + lecture4.questions
    )
    assert "](#lecture-3)" not in every_text and "<br>" not in every_text
    assert all(c.kind == "question" for c in lecture3.cells + lecture4.cells)
    assert [a.name for a in lecture3.attachments] == ["img/3.png", "img/4.png"]
    assert [a.name for a in lecture4.attachments] == ["img/1.png", "img/2.png"]


def test_seed_board_is_sniffed_and_other_seeds_are_not_taken() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert score(text) >= 0.6
    assert sniff(text).name == "question_board"
    for name in OTHER_SEEDS:
        assert score((ROOT / "seeds" / name).read_text(encoding="utf-8")) < 0.5, name


def test_english_board_with_open_marks_and_fields_in_any_order() -> None:
    document = _parse_file(DATA / "english-week3.md")
    assert [(n.week, n.lecture) for n in document.notes] == [(3, 5), (3, 6)]
    lecture5, lecture6 = document.notes
    assert [(q.asker, q.slide_page, q.media_time, q.status) for q in lecture5.questions] == [
        ("Alice", 12, None, "open"),  # ❓ stays open although notes follow
        ("Bob", 3, "1:02:03", "open"),  # ☐
        ("Carol", 15, "12:30", "answered"),
    ]
    assert "# not a heading" in lecture5.questions[2].answer  # code is not split at its comments
    assert [(q.text, q.status) for q in lecture6.questions] == [
        ("Why do we need an activation function?", "open")
    ]


def test_board_of_several_weeks_with_toc_notion_images_and_odd_headings() -> None:
    document = _parse_file(DATA / "multi-week-toc.md")
    intro, week5, week6 = document.notes
    assert (intro.title, intro.week, intro.lecture) == ("Study board", None, None)
    assert [c.markdown for c in intro.cells] == ["Questions we could not settle go to the mentor."]
    assert (week5.week, week5.lecture, week6.week, week6.lecture) == (5, 9, 6, 10)
    first, code_field, only_fields, unmarked = week5.questions
    assert (first.asker, first.media_time, first.slide_page) == (
        "Dana",
        "21:05",
        4,
    )  # `[..]` and a trailing page
    assert first.text == "Why divide by $\\sqrt{d_k}$ in attention?"
    assert "$$\\mathrm{softmax}" in first.answer
    assert code_field.text.startswith("`L2` regularisation")  # code that is no field stays in the question
    assert (code_field.status, code_field.answer) == ("answered", "")
    assert (only_fields.text, only_fields.media_time, only_fields.status) == ("(no text)", "1:02:03", "open")
    assert (unmarked.text, unmarked.status, unmarked.asker) == (
        "Is multi-head attention just an ensemble?",
        "open",
        "",
    )
    assert week5.cells[-1].markdown.startswith("### 참고 자료")  # a heading that asks nothing is text
    assert [a.name for a in week5.attachments] == [
        "Study board 0f3c9a7be1d24c5f8a6b7c8d9e0f1a2b/attention map.png"
    ]
    assert [(q.slide_page, q.status) for q in week6.questions] == [(12, "open"), (3, "answered")]
    assert [str(w) for w in document.warnings] == ["line 24: a question heading has no text"]


def test_notion_image_paths_and_korean_lecture_headings() -> None:
    images = _parse_file(DATA / "notion-images.md").notes[0]
    assert [a.name for a in images.attachments] == [
        "%EC%8A%A4%ED%84%B0%EB%94%94%204%EC%A3%BC%EC%B0%A8%200f3c9a7be1d24c5f8a6b7c8d9e0f1a2b/image.png",
        "img/2.png",
    ]
    korean = _parse_file(DATA / "korean-gang.md")
    assert [(n.week, n.lecture) for n in korean.notes] == [(3, 5)]
    assert [(q.asker, q.status) for q in korean.questions] == [("민수", "open"), ("지우", "answered")]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("✅ `혜지` `p7` 질문", ("answered", "혜지", None, 7, "질문")),
        ("❓ `p.12` `1:02:03` `Bob` Why?", ("open", "Bob", "1:02:03", 12, "Why?")),
        ("⬜ [`21:30`] `세연` 왜?", ("open", "세연", "21:30", None, "왜?")),
        ("☐ 질문 `p.4` `75:10`", ("open", "", "75:10", 4, "질문")),
        ("`p3` `Dana` no mark but fields", ("open", "Dana", None, 3, "no mark but fields")),
        ("✅ `x = f(y)` 코드가 있는 질문", ("answered", "", None, None, "`x = f(y)` 코드가 있는 질문")),
    ],
)
def test_question_headings(heading: str, expected: tuple[str, str, str | None, int | None, str]) -> None:
    question = read_heading(heading)
    assert question is not None
    assert (
        question.status,
        question.asker,
        question.media_time,
        question.slide_page,
        question.text,
    ) == expected


@pytest.mark.parametrize("heading", ["Lecture 3", "`numpy` basics", "참고 자료", "`foo()` function"])
def test_plain_headings_are_not_questions(heading: str) -> None:
    assert read_heading(heading) is None


def test_field_readers() -> None:
    assert [media_time(v) for v in ["21:30", "1:02:03", "75:10", "12:61", "p7"]] == [
        "21:30",
        "1:02:03",
        "75:10",
        None,
        None,
    ]
    assert [slide_page(v) for v in ["p7", "p.12", "P 3", "pp. 8", "12p", "12쪽", "L1", "7"]] == [
        7,
        12,
        3,
        8,
        12,
        12,
        None,
        None,
    ]
    assert image_links("![a](img/1.png) ![b](<My Page abc/x y.png>) ![c](https://x/y.png)") == [
        "img/1.png",
        "My Page abc/x y.png",
    ]


def test_a_board_without_questions_still_gives_a_note_and_says_so() -> None:
    document = parse("", ImportContext(file_name="empty board.md"))
    assert [n.title for n in document.notes] == ["empty board"]
    assert [w.message for w in document.warnings] == ["no questions or text found on this board"]


FRAGMENTS = [
    "#### ✅ ",
    "### ❓ ",
    "## ☐ ",
    "# ",
    "## Lecture 3\n",
    "## 5강\n",
    "# 2주차\n",
    "`혜지` ",
    "`p7` ",
]
FRAGMENTS += ["`1:02:03` ", "[`21:30`] ", "![i](img/1.png)", "- [L](#l)\n", "<br>\n", "```\n", "\n", "?"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=40).map("".join))
def test_random_text_never_breaks_the_board(text: str) -> None:
    score(text)
    document = parse(text, ImportContext())
    assert document.notes
    assert all(q.text.strip() for q in document.questions)


def test_truncated_seed_boards_parse() -> None:
    text = SEED.read_text(encoding="utf-8")
    for cut in range(0, len(text), 97):
        document = parse(text[:cut], ImportContext())
        assert all(q.text.strip() for q in document.questions)
        assert sum(len(n.questions) for n in document.notes) <= 16


# --- questions that are not headings ----------------------------------------------------------


def _questions(text: str) -> list[tuple[str, str, str, str]]:
    document = parse(text, ImportContext())
    return [(q.asker, q.text, q.status, q.answer) for q in document.questions]


def test_checklist_items_box_decides_status_and_nested_lines_answer() -> None:
    text = (
        "# Week 3\n\n## Lecture 5\n\n"
        "- [x] `혜지` `p12` 왜 필터의 depth는 입력과 같아야 하나요?\n"
        "    - 필터가 입력 볼륨 전체를 덮어야 하니까.\n"
        "- [ ] `세연` `p40` stride가 커지면 정보 손실은 없나?\n"
        "    아직 모르겠다.\n"
        "- [ ] 과제 3 제출하기\n"
    )
    assert _questions(text) == [
        (
            "혜지",
            "왜 필터의 depth는 입력과 같아야 하나요?",
            "answered",
            "- 필터가 입력 볼륨 전체를 덮어야 하니까.",
        ),
        ("세연", "stride가 커지면 정보 손실은 없나?", "open", "아직 모르겠다."),
    ]
    lecture = parse(text, ImportContext()).notes[-1]
    assert lecture.cells[-1].markdown == "- [ ] 과제 3 제출하기"  # a to-do, not a question


TOGGLES = (
    "## Lecture 6\n\n"
    "<details>\n<summary>❗ <code>소현</code> <code>p8</code> zero-centered가 아니면 왜 문제?</summary>\n\n"
    "gradient 부호가 같아진다.\n\n</details>\n\n"
    "<details><summary>Xavier 초기화는 왜 1/n?</summary>\n분산 유지.\n</details>\n\n"
    "- ✅ `재용` `12:05` BN은 어디에 두나요?\n    - 보통 activation 앞.\n"
)
LABELLED = (
    "## 8강\n\n"
    "**Q.** `재용` BN은 앞에 두나요?\n\n**A.** 원 논문은 앞.\n\n"
    "질문: `소현` 증강은 test set에도 하나요?\n답변:\n- 하지 않는다.\n\n"
    "Q3. `혜지` fine-tuning 시 learning rate는?\n\n다음 주에 다시 보기로 함\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            TOGGLES,
            [
                ("소현", "zero-centered가 아니면 왜 문제?", "open", "gradient 부호가 같아진다."),
                ("", "Xavier 초기화는 왜 1/n?", "answered", "분산 유지."),
                ("재용", "BN은 어디에 두나요?", "answered", "- 보통 activation 앞."),
            ],
        ),
        (
            LABELLED,
            [
                ("재용", "BN은 앞에 두나요?", "answered", "원 논문은 앞."),
                ("소현", "증강은 test set에도 하나요?", "answered", "- 하지 않는다."),
                ("혜지", "fine-tuning 시 learning rate는?", "open", ""),
            ],
        ),
    ],
    ids=["toggles-and-marked-bullets", "q-and-a-labels"],
)
def test_toggles_bullets_and_labelled_questions(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    """A mark decides; without one, a toggle with text is answered; `Q.` is answered by its `A.`."""
    assert _questions(text) == expected


def test_a_labelled_question_without_an_answer_keeps_its_notes_as_text() -> None:
    assert parse(LABELLED, ImportContext()).notes[-1].cells[-1].markdown == "다음 주에 다시 보기로 함"


def test_bullets_under_a_heading_question_stay_in_its_answer() -> None:
    text = (
        "## Lecture 3\n\n#### ✅ `혜지` `p7` 왜 W의 행이 템플릿?\n\n- 그럼 열은 뭘까?\n- 각 클래스의 점수.\n"
    )
    assert _questions(text) == [
        ("혜지", "왜 W의 행이 템플릿?", "answered", "- 그럼 열은 뭘까?\n- 각 클래스의 점수.")
    ]


def test_a_question_database_page_is_a_board_of_one_question() -> None:
    path = DATA / "BN은 activation 앞 뒤 0a1b2c3d4e5f60718293a4b5c6d7e8f9.md"
    assert sniff(path.read_text(encoding="utf-8")).name == "question_board"
    (note,) = _parse_file(path).notes
    (question,) = note.questions
    assert (question.asker, question.status, question.slide_page) == ("재용", "answered", 42)
    assert question.answer.startswith("원 논문(Ioffe & Szegedy, 2015)은")
    assert (note.lecture, note.date.isoformat() if note.date else None) == (6, "2022-01-20")
    assert note.properties["태그"] == "CNN, 정규화"
    unresolved = "# Why does BN help?\n\nAsker: Alice\nStatus: Unresolved\nSlide: 12\n\nMaybe smoothness?\n"
    assert _questions(unresolved) == [("Alice", "Why does BN help?", "open", "Maybe smoothness?")]
    no_status = "# Why does BN help?\n\nAsker: Alice\nSlide: 12\n"
    assert _questions(no_status) == [("Alice", "Why does BN help?", "open", "")]


@pytest.mark.parametrize(
    "text",
    [
        "# What is attention?\n\nAuthor: me\nDate: 2022-01-01\n\nA blog post.\n",
        "# 할 일\n\n- [ ] 왜 느린지 확인\n- [x] 설치\n- [ ] 문서 읽기\n",
        "# Notes\n\n<details><summary>Log</summary>\n\nok\n</details>\n",
    ],
)
def test_plain_notes_with_checklists_toggles_or_properties_are_not_boards(text: str) -> None:
    assert score(text) < 0.5
