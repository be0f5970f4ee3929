"""A row's parts, worked out word by word, are the parts the index has always been given.

The writer looks each distinct word's parts up instead of matching the whole text: the parts
string must be the same, character for character, or a later 'delete' would not take out
what an earlier write put in.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studynotes.library.word_parts import WordParts, parts_of, parts_text

# ASCII (letters in both cases, digits, punctuation, every control character and the space),
# Hangul, other scripts, combining marks, emoji and characters outside the BMP.
CHARACTERS = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x7F),
    st.sampled_from("가나다손실함수를층é́ÅΩω中文😀𝔸\u00a0\u2028\u3000\ufeff"),
)
TEXT = st.text(alphabet=CHARACTERS, max_size=80)


@settings(max_examples=2000, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=6))
def test_parts_word_by_word_equal_the_parts_of_the_whole_text(texts: list[str]) -> None:
    known = WordParts()  # shared across texts, as one write shares it across its rows
    for text in texts:
        assert parts_text(text, known) == " ".join(parts_of(text))


def test_known_cases() -> None:
    known = WordParts()
    assert parts_text("생성모델(GAN)를 썼다\tL2-norm\x00x_1", known) == "생성모델 gan 를 썼다 l2 norm x 1"
    assert parts_text("  \n\x7f ", known) == ""
    assert parts_text("GAN은 gan?", known) == "gan 은 gan"
