"""Search in Korean and English: particles, two-syllable words, mixed scripts."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studynotes.importers import import_file
from studynotes.library import Library
from studynotes.library.search import parse_query, snippet
from studynotes.model import MATH

NOTE = """# Week 3

## 손실함수를 왜 최소화하나요?

경사하강법으로 손실을 줄입니다. Cross entropy loss가 대표적입니다.

## 정규화는 무엇인가요?

L2 정규화는 가중치를 작게 만듭니다.
"""


@pytest.fixture
def filled(library: Library, tmp_path: Path) -> Library:
    path = tmp_path / "week3.md"
    path.write_text(NOTE, encoding="utf-8")
    library.save_import(import_file(path), notebook="ML")
    return library


def _texts(library: Library, query: str) -> list[str]:
    return [hit.snippet for hit in library.search(query)]


def test_a_word_finds_itself_with_a_particle_attached(filled: Library) -> None:
    hits = filled.search("손실함수")
    assert [h.kind for h in hits] == ["question"]
    assert "손실함수를" in hits[0].snippet


def test_a_query_with_a_particle_finds_the_bare_word(filled: Library) -> None:
    assert parse_query("손실함수를").long == ("손실함수",)
    assert filled.search("손실함수를")[0].snippet == filled.search("손실함수")[0].snippet


def test_two_syllable_korean_words_are_found(filled: Library) -> None:
    snippets = _texts(filled, "손실")
    assert any("손실함수를" in s for s in snippets)
    assert any("손실을 줄입니다" in s for s in snippets)


def test_english_is_case_insensitive_and_short_terms_work(filled: Library) -> None:
    assert any("Cross entropy loss" in s for s in _texts(filled, "CROSS ENTROPY"))
    assert any("L2 정규화" in s for s in _texts(filled, "L2"))


def test_all_terms_are_required(filled: Library) -> None:
    assert _texts(filled, "정규화 가중치")
    assert _texts(filled, "정규화 손실") == []


def test_decomposed_hangul_in_the_query_is_normalised(filled: Library) -> None:
    decomposed = unicodedata.normalize("NFD", "손실함수")
    assert decomposed != "손실함수"
    assert filled.search(decomposed)


def test_search_follows_edits(filled: Library) -> None:
    question = next(q for q in filled.questions() if q.text.startswith("정규화"))
    filled.edit_question(question.id, answer="드롭아웃도 정규화의 일종입니다.")
    assert _texts(filled, "드롭아웃")
    assert "가중치를 작게" not in " ".join(_texts(filled, "가중치"))


def test_special_characters_do_not_break_the_query(filled: Library) -> None:
    for query in ['"', "a*b", "100%", "L2_", "(x)", "NOT", "-", "손실 OR"]:
        filled.search(query)  # no exception is the behaviour under test
    assert filled.search("   ") == []


def test_a_snippet_never_cuts_a_formula_in_two() -> None:
    text = (
        "머리말 " * 20
        + "$\\frac{\\partial \\log L}{\\partial \\mu}$ 를 편미분하면 $0 = \\sum_i x_i$ 가 된다고 하는데 "
        + "꼬리 " * 30
    )
    for width in (20, 40, 80):
        cut = snippet(text, ("편미분",), width=width)
        assert "편미분" in cut
        inner = cut.strip("…")
        assert inner in " ".join(text.split())
        outside_formulas = MATH.sub("", inner)
        assert "$" not in outside_formulas and "\\" not in outside_formulas, cut


def test_a_long_formula_at_an_edge_is_left_out_rather_than_cut() -> None:
    long_formula = "$" + " + ".join(f"x_{i}" for i in range(60)) + "$"
    cut = snippet("앞 " + long_formula + " 그래서 손실이 줄어든다 " + long_formula, ("손실",), width=40)
    assert "손실" in cut and "$" not in cut


def _snippet_reference(text: str, terms: tuple[str, ...], width: int = 80) -> str:
    """The snippet as first written: every formula of the text found with `MATH.finditer`."""
    flat = " ".join(text.split())
    lowered = flat.casefold()
    found = [(p, len(t)) for t in terms if (p := lowered.find(t.casefold())) >= 0]
    first, length = min(found) if found else (0, 0)
    start = max(0, first - width // 3)
    end = min(len(flat), start + width)
    for formula in MATH.finditer(flat):
        if formula.start() >= end:
            break
        long_one = formula.end() - formula.start() > width
        if formula.start() < start < formula.end():
            start = formula.end() if long_one and formula.end() <= first else formula.start()
        if formula.start() < end < formula.end():
            end = formula.start() if long_one and formula.start() >= first + length else formula.end()
    return ("…" if start else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            ["$x_1$", "$$a^2$$", "\\(b\\)", "\\[c\\]", "$5", "$", "\\", " ", "\n", "손실", "가나 ", "x"]
        ),
        max_size=60,
    ).map("".join),
    term=st.sampled_from(["손실", "x", "$", "가나", "없음"]),
    width=st.sampled_from([10, 20, 40, 80]),
)
def test_a_snippet_tries_formulas_only_where_they_start_and_finds_what_finditer_finds(
    text: str, term: str, width: int
) -> None:
    assert snippet(text, (term,), width=width) == _snippet_reference(text, (term,), width=width)
