"""The editor's highlighter counts as Qt does: UTF-16 units, so emoji never split a format."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from studynotes.ui.markdown_highlighter import LIGHT, MarkdownHighlighter, utf16_positions


def _runs(text: str) -> dict[str, str]:
    """Each highlighted run of the line, cut out in UTF-16 units as Qt holds them: text → colour."""
    document = QTextDocument()
    document.setPlainText(text)
    MarkdownHighlighter(document, dark=False).rehighlight()
    block = document.firstBlock()
    units = block.text().encode("utf-16-le")
    runs = {}
    for fmt_range in block.layout().formats():
        start, length = fmt_range.start * 2, fmt_range.length * 2
        piece = units[start : start + length].decode("utf-16-le")  # raises if a pair is cut in two
        fmt = fmt_range.format
        runs[piece] = fmt.foreground().color().name() if fmt.hasProperty(fmt.Property.ForegroundBrush) else ""
    return runs


@pytest.mark.parametrize(
    "prefix",
    [
        "리뷰 😀🎉 ",  # emoji outside the BMP: two units each
        "👩‍👩‍👧 가족 ",  # a joined emoji sequence: several pairs and joiners
        "한글 ",  # Hangul syllables: one unit each
        "한글 ",  # Hangul as jamo (combining): three code points a syllable
        "café naïve ",  # combining accents
    ],
)
def test_formats_cover_exactly_the_marked_text_after_any_characters(prefix: str) -> None:
    runs = _runs(f"{prefix}**굵게 😀** `code` $x^2$ [링크](https://x.org)")
    assert runs["`code`"] == LIGHT["code"]
    assert runs["$x^2$"] == LIGHT["math"]
    assert runs["[링크](https://x.org)"] == LIGHT["link"]
    assert "**굵게 😀**" in runs


def test_a_heading_with_emoji_is_formatted_to_its_last_unit() -> None:
    assert _runs("## 리뷰 🙂🙂") == {"## 리뷰 🙂🙂": LIGHT["heading"]}


def test_positions_agree_with_python_indices_for_text_inside_the_bmp() -> None:
    assert utf16_positions("한글 café") is None
    assert utf16_positions("a😀b") == [0, 1, 3, 4]
