"""Where questions stand in Markdown notes, and what answers them (parts.markdown_questions)."""

from __future__ import annotations

from studynotes.importers.parts.markdown_questions import cells_with_questions
from studynotes.model import Question


def _questions(markdown: str, **options: bool) -> list[Question]:
    return [c.question for c in cells_with_questions(markdown, **options) if c.question is not None]


def _asked(markdown: str) -> list[tuple[str, str]]:
    return [(q.text, q.status) for q in _questions(markdown)]


def test_numbered_items_whose_answer_wraps_onto_unindented_lines() -> None:
    found = _questions(
        "1. timewait가 없다면 발생하는 상황은?\n데이터를 모두 전송할 수 없다.\n=> 재전송을 반복한다.\n"
    )
    assert [(q.text, q.status) for q in found] == [("timewait가 없다면 발생하는 상황은?", "answered")]
    assert "재전송을 반복한다." in found[0].answer and "=>" not in found[0].answer


def test_a_question_mark_followed_by_a_hard_break_bracket_or_another_mark() -> None:
    assert _asked("- 이게 맞는 걸까? \\\n- lr을 1로 설정한 이유(?)\n- 진짜 되나요??\n") == [
        ("이게 맞는 걸까?", "open"),
        ("lr을 1로 설정한 이유(?)", "open"),
        ("진짜 되나요??", "open"),
    ]


def test_questions_nested_under_a_topic_bullet_take_their_own_nested_items_as_answers() -> None:
    markdown = (
        "- 피어세션\n  - dropout은 왜 test 때 끄는 걸까?\n    - 기댓값을 맞추려고\n  - 오늘 발표 정리\n"
    )
    assert _asked(markdown) == [("dropout은 왜 test 때 끄는 걸까?", "answered")]


def test_korean_endings_without_a_question_mark() -> None:
    markdown = "- skip connection이 필요한 이유가 궁금합니다\n- attention 계산 과정을 알려주세요\n- Extension에 대해 설명하시오.\n"
    assert [q for q, _ in _asked(markdown)] == [
        "skip connection이 필요한 이유가 궁금합니다",
        "attention 계산 과정을 알려주세요",
        "Extension에 대해 설명하시오.",
    ]


def test_a_question_mark_in_an_address_code_or_a_link_title_asks_nothing() -> None:
    markdown = (
        "- 자료: https://docs.google.com/document/d/1/edit?usp=sharing\n"
        "- `a ? b : c` 는 삼항 연산자\n"
        "- [AutoML이란 무엇일까?](https://example.com/automl)\n"
    )
    assert _asked(markdown) == []


def test_labels_and_a_label_alone_on_its_line() -> None:
    markdown = "- Q) 수학에서 쓰는 기호\n\n질문1\n인터럽트 처리 시 쓰는 자료구조\n  -> 스택을 씁니다.\n"
    found = _questions(markdown)
    assert [(q.text, q.status) for q in found] == [
        ("수학에서 쓰는 기호", "open"),
        ("인터럽트 처리 시 쓰는 자료구조", "answered"),
    ]
    assert found[1].answer == "스택을 씁니다."


def test_a_question_heading_is_answered_by_the_text_under_it_down_to_the_next_question() -> None:
    markdown = (
        "### 왜 프로토콜을 쓰는가?\n\n- 상속보다 유연하다\n  - 다중 채택\n"
        "- 제너릭과 결합하면 더 강력한가?\n\n### 참고\n\n- 링크\n"
    )
    found = _questions(markdown)
    assert [(q.text, q.status) for q in found] == [
        ("왜 프로토콜을 쓰는가?", "answered"),
        ("제너릭과 결합하면 더 강력한가?", "open"),
    ]
    assert "다중 채택" in found[0].answer and "링크" not in found[0].answer


def test_answer_marks_after_a_question_paragraph() -> None:
    markdown = "**Question )** willSet과 KVO의 차이는 무엇인가요?\n\n**Answer )** 관찰 대상이 다릅니다.\n"
    found = _questions(markdown)
    assert [(q.text, q.status) for q in found] == [("willSet과 KVO의 차이는 무엇인가요?", "answered")]
    assert "관찰 대상이 다릅니다." in found[0].answer


def test_a_question_and_its_answer_on_one_line() -> None:
    assert _questions("- PCA란? 큰 그룹을 나누는 방법 중 하나\n")[0].answer == "큰 그룹을 나누는 방법 중 하나"
    assert _questions("- 1/n 의 이유? => 값의 안정화\n")[0].answer == "값의 안정화"
    assert _questions("- 공분산이란? covariance matrix는?\n")[0].status == "open"


def test_items_under_a_question_section_are_questions_even_without_asking() -> None:
    markdown = "### 질문\n\n- [ ] BPTT\n- [x] MLE에서 극점을 고르는 이유\n- 다음 주에 다시 이야기한다.\n\n## 정리\n\n- LLN\n"
    assert _asked(markdown) == [("BPTT", "open"), ("MLE에서 극점을 고르는 이유", "answered")]


def test_a_question_label_item_makes_its_children_questions() -> None:
    markdown = "3. 질문 나온 내용\n    - 유사 역행렬 곱셈 순서\n    - epoch와 iteration의 차이\n        - https://example.com\n"
    assert _asked(markdown) == [("유사 역행렬 곱셈 순서", "open"), ("epoch와 iteration의 차이", "answered")]


def test_a_topic_whose_items_all_ask_is_not_itself_a_question() -> None:
    markdown = "- 잠재인수의 설정\n    - 연산량을 고려하는 부분은 없는지\n    - 어떤 지표를 참고하면 좋을지\n"
    assert _asked(markdown) == []
    assert [q for q, _ in _asked("## 멘토링 추가 질문\n\n" + markdown)] == [
        "연산량을 고려하는 부분은 없는지",
        "어떤 지표를 참고하면 좋을지",
    ]


def test_later_answers_to_numbered_questions() -> None:
    markdown = (
        "1. 모델을 나눠서 학습하는 게 의미가 있을까요?\n\n2. 전처리가 의미가 있을까요?\n----\n"
        "- 질문 1번 : 나눠서 실험해 봐야 안다.\n- 질문 2번 : augmentation을 해야 한다.\n"
    )
    found = _questions(markdown)
    assert [(q.status, q.answer) for q in found] == [
        ("answered", "나눠서 실험해 봐야 안다."),
        ("answered", "augmentation을 해야 한다."),
    ]


def test_a_persons_paragraph_that_wonders_is_their_question() -> None:
    markdown = "- 동현님: 이론만 공부했는데 \\\n  현업에서는 어떻게 학습해야 하는지 궁금합니다.\n"
    found = _questions(markdown)
    assert [(q.asker, q.status) for q in found] == [("동현", "open")]
    assert found[0].text.startswith("이론만 공부했는데")


def test_a_log_paragraph_that_wonders_mid_way_is_an_open_question() -> None:
    markdown = "l2 대신 l1 loss를 쓰는 이유가 궁금하다. 아마 연산량 때문일 것 같다.\n"
    assert _asked(markdown) == [
        ("l2 대신 l1 loss를 쓰는 이유가 궁금하다. 아마 연산량 때문일 것 같다.", "open")
    ]


def test_statements_and_remarks_are_not_questions() -> None:
    markdown = (
        "- 편미분도 잘 모르겠다.\n- 어떻게 서비스를 제공하는지\n- 반박논문: How Does BN Help Optimization? (2018)\n"
        "- 기타 필요사항 (target company, 과정? )\n- 열정이 있다는 거니까요ㅎㅎㅎ\n"
    )
    assert _asked(markdown) == []
