"""Markdown highlighting for the cell editor: headings, emphasis, code, math, links, lists.

Colours come in a light and a dark set, chosen from the application's palette,
so text stays readable in either theme.  Fenced code and display math may span
lines: the block state carries them from one line to the next.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from .palette import dark_palette

LIGHT = {
    "heading": "#0550ae",
    "marker": "#953800",
    "code": "#cf222e",
    "fence": "#57606a",
    "math": "#8250df",
    "link": "#0969da",
    "quote": "#59636e",
}
DARK = {
    "heading": "#79c0ff",
    "marker": "#ffa657",
    "code": "#ff7b72",
    "fence": "#8b949e",
    "math": "#d2a8ff",
    "link": "#58a6ff",
    "quote": "#8b949e",
}

FENCE = re.compile(r"^\s*(```|~~~)")
DISPLAY_MATH_OPEN = re.compile(r"^\s*(\$\$|\\\[)")
DISPLAY_MATH_CLOSE = re.compile(r"(\$\$|\\\])\s*$")
# Inline rules, applied in order: a later rule wins where two overlap (code wins over all).
HEADING = re.compile(r"^#{1,6}\s.*$")
LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s")
QUOTE = re.compile(r"^\s*>.*$")
BOLD = re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__")
ITALIC = re.compile(r"(?<![*\w])\*[^*\s][^*]*\*(?!\*)|(?<![_\w])_[^_\s][^_]*_(?![_\w])")
MATH = re.compile(r"\$\$.+?\$\$|(?<![\\$])\$[^$\s][^$\n]*?(?<![\\\s])\$(?!\d)|\\\(.+?\\\)|\\\[.+?\\\]")
LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>|(?<![(<])https?://\S+")
CODE = re.compile(r"(`+)[^`\n].*?\1")


def _format(
    color: str | None = None, *, bold: bool = False, italic: bool = False, mono: bool = False
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if color:
        fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if mono:
        fmt.setFontFamilies(["monospace"])
    return fmt


def utf16_positions(text: str) -> list[int] | None:
    """Each Python index's position in UTF-16 units (one past the end too); None when they agree."""
    if len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return None
    positions, at = [], 0
    for char in text:
        positions.append(at)
        at += 2 if ord(char) >= 0x10000 else 1
    positions.append(at)
    return positions


class MarkdownHighlighter(QSyntaxHighlighter):
    """Highlights the Markdown a study note uses, including `$...$` formulas."""

    PLAIN, IN_FENCE, IN_MATH = 0, 1, 2

    def __init__(self, document: QTextDocument, *, dark: bool | None = None) -> None:
        super().__init__(document)
        self._units: list[int] | None = None
        colors = DARK if (dark_palette() if dark is None else dark) else LIGHT
        self.fence_format = _format(colors["fence"], mono=True)
        self.math_format = _format(colors["math"])
        self.rules: list[tuple[re.Pattern[str], QTextCharFormat]] = [
            (QUOTE, _format(colors["quote"], italic=True)),
            (HEADING, _format(colors["heading"], bold=True)),
            (LIST_MARKER, _format(colors["marker"], bold=True)),
            (BOLD, _format(bold=True)),
            (ITALIC, _format(italic=True)),
            (LINK, _format(colors["link"])),
            (MATH, self.math_format),
            (CODE, _format(colors["code"], mono=True)),
        ]

    def highlightBlock(self, text: str) -> None:
        self._units = utf16_positions(text)
        state = self.previousBlockState()
        if state == self.IN_FENCE or (state != self.IN_MATH and FENCE.match(text)):
            self._fence_line(text, state == self.IN_FENCE)
            return
        if state == self.IN_MATH:
            self.setFormat(0, len(text), self.math_format)
            closed = DISPLAY_MATH_CLOSE.search(text) is not None
            self.setCurrentBlockState(self.PLAIN if closed else self.IN_MATH)
            return
        self.setCurrentBlockState(self.PLAIN)
        opening = DISPLAY_MATH_OPEN.match(text)
        if opening and not DISPLAY_MATH_CLOSE.search(text[opening.end() :]):
            self.setFormat(0, len(text), self.math_format)  # `$$` alone: the formula goes on below
            self.setCurrentBlockState(self.IN_MATH)
            return
        for pattern, fmt in self.rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)

    def setFormat(self, start: int, count: int, fmt: QTextCharFormat) -> None:  # type: ignore[override]
        """Python indices in, UTF-16 units to Qt: an emoji is one character here, two units there."""
        units = self._units
        if units is None:
            super().setFormat(start, count, fmt)
        else:
            super().setFormat(units[start], units[start + count] - units[start], fmt)

    def _fence_line(self, text: str, inside: bool) -> None:
        self.setFormat(0, len(text), self.fence_format)
        if FENCE.match(text):
            self.setCurrentBlockState(self.PLAIN if inside else self.IN_FENCE)
        else:
            self.setCurrentBlockState(self.IN_FENCE)
