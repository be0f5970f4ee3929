"""The shared question detector: what asks and what does not, Korean and English, and answer marks."""

from __future__ import annotations

import pytest

from studynotes.importers.parts.questions import (
    answer_start,
    asks,
    question_label,
    split_inline_answer,
    without_question_label,
)


@pytest.mark.parametrize(
    "text",
    [
        "왜 가중치를 0으로 초기화하면 안 되는가?",
        "Why does dropout help at test time?",
        "이게 맞는 걸까?\\",
        "(배치 정규화는 왜 학습 전에 하나요?)",
        '"what is a residual block?"',
        "이거 진짜 되나요??",
        "이해가 잘 안 가는데 왜 그런가요? 🤔",
        "skip connection이 왜 필요한지 궁금합니다",
        "attention score 계산 과정을 알려주세요.",
        "이 경우 과적합인가요",
        "learning rate를 줄이면 어떻게 될까",
        "Q1. 경사하강법의 단점",
        "질문: 역전파 순서",
        "Is `x?.y` optional chaining here?",
    ],
)
def test_these_ask(text: str) -> None:
    assert asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "자료: https://docs.google.com/document/d/1abc/edit?usp=sharing",
        "검색은 <https://example.com/search?q=loss> 에서",
        "`a ? b : c` 는 삼항 연산자다",
        "$P(A?B)$ 같은 표기는 쓰지 않는다",
        "오늘은 CNN을 공부했다.",
        "We covered backpropagation.",
        "Q:",
        "",
        "발표자 감사합니다",
    ],
)
def test_these_do_not(text: str) -> None:
    assert not asks(text)


def test_labels_come_off() -> None:
    assert question_label("Q1. 왜?") == "Q1."
    assert without_question_label("질문: 왜 그런가요?") == "왜 그런가요?"
    assert question_label("Quantisation") is None


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        ("→ 기울기가 사라지기 때문", "기울기가 사라지기 때문"),
        ("=> vanishing gradient", "vanishing gradient"),
        ("A: because of the residuals", "because of the residuals"),
        ("- 답변1: 정규화 때문입니다", "정규화 때문입니다"),
        ("답: 그렇다", "그렇다"),
        ("Answer: yes", "yes"),
    ],
)
def test_answer_marks(line: str, answer: str) -> None:
    assert answer_start(line) == answer


def test_lines_without_an_answer_mark() -> None:
    assert answer_start("Adam은 모멘텀을 쓴다") is None
    assert answer_start("A 다음에 B") is None


def test_an_arrow_after_a_question_splits_off_its_answer() -> None:
    assert split_inline_answer("왜 그런가? → 기울기가 사라져서") == ("왜 그런가?", "기울기가 사라져서")
    assert split_inline_answer("입력 → 출력") == ("입력 → 출력", None)
