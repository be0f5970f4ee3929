"""A question page's `key: value` lines are read in time linear in the line, as the pattern read them."""

from __future__ import annotations

import random
import re

from studynotes.importers.board_page import _property, read_question_page

# What the property lines were read with: right, but it tried every split of a run of spaces
# (2,000 spaces after a question's title took 400 s).  On short lines it is quick.
_PATTERN = re.compile(r"^[^\w`]*\s*([^:：\t]{1,20}?)\s*(?:[:：]|\t)\s*(.*)$")
_ALPHABET = [" ", " ", "\t", ":", "：", "-", "*", "`", "a", "상", "태", "|", "\u3000", "x", "1"]


def _by_pattern(line: str) -> tuple[str, str] | None:
    found = _PATTERN.match(line)
    return None if found is None else (found.group(1), found.group(2).strip())


def test_every_short_line_reads_as_the_pattern_reads_it() -> None:
    rng = random.Random(11)
    for _ in range(60_000):
        line = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 48)))
        assert _property(line) == _by_pattern(line), repr(line)


def test_property_lines_as_written() -> None:
    for line in (
        "질문자: 재용",
        "- **상태**: 해결",
        "Status\tOpen",
        "  페이지 ： p.42",
        "* 작성자 :  민지  ",
    ):
        assert _property(line) == _by_pattern(line)
    assert _property("no separator here") is None


def test_a_page_with_a_long_run_of_spaces_is_read_at_once() -> None:
    page = read_question_page(["# 왜 그럴까?", " " * 200_000 + "x", "질문자: 재용", "상태: 해결"])
    assert page is None  # the spaced line is not a property, so the block of properties ends there
    page = read_question_page(["# 왜 그럴까?", "질문자: 재용", "상태:" + " " * 200_000 + "해결"])
    assert page is not None and page.question.asker == "재용" and page.question.status == "answered"
