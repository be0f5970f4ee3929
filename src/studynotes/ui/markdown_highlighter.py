"""Markdown highlighting for the cell editor: headings, emphasis, code, math, links, lists."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument


def _format(color: str, *, bold: bool = False, italic: bool = False, mono: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if mono:
        fmt.setFontFamilies(["monospace"])
    return fmt


RULES: list[tuple[re.Pattern[str], QTextCharFormat]] = [
    (re.compile(r"^#{1,6}\s.*$"), _format("#0550ae", bold=True)),
    (re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s"), _format("#953800", bold=True)),
    (re.compile(r"\*\*[^*]+\*\*|__[^_]+__"), _format("#1f2328", bold=True)),
    (re.compile(r"(?<![*\w])\*[^*\s][^*]*\*(?!\*)"), _format("#1f2328", italic=True)),
    (re.compile(r"`[^`]+`"), _format("#cf222e", mono=True)),
    (re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$|\\\(.+?\\\)|\\\[.+?\\\]"), _format("#8250df")),
    (re.compile(r"!?\[[^\]]*\]\([^)]*\)|<https?://[^>]+>"), _format("#0969da")),
    (re.compile(r"^>.*$"), _format("#59636e", italic=True)),
]
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_FORMAT = _format("#57606a", mono=True)


class MarkdownHighlighter(QSyntaxHighlighter):
    IN_FENCE = 1

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)

    def highlightBlock(self, text: str) -> None:
        in_fence = self.previousBlockState() == self.IN_FENCE
        if FENCE.match(text):
            self.setFormat(0, len(text), CODE_FORMAT)
            self.setCurrentBlockState(0 if in_fence else self.IN_FENCE)
            return
        if in_fence:
            self.setFormat(0, len(text), CODE_FORMAT)
            self.setCurrentBlockState(self.IN_FENCE)
            return
        self.setCurrentBlockState(0)
        for pattern, fmt in RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
