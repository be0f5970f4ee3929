"""Inputs that once took seconds to minutes for a few kilobytes, as functions of their size.

Each family makes a text of about `size` characters.  The fuzz tests run them
at one size under a wall-clock guard; `bench/pathological.py` runs them at
doubling sizes and prints the growth.
"""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * max(1, size // len(unit))


def _deepening(unit: str, tail: str) -> Callable[[int], str]:
    """Lines one level deeper each, back to one at 100 levels: `> x`, `>> x`, ..."""

    def make(size: int) -> str:
        lines: list[str] = []
        total = 0
        while total < size:
            line = unit * (len(lines) % 100 + 1) + tail + "\n"
            lines.append(line)
            total += len(line)
        return "".join(lines)

    return make


def _nested_list(size: int) -> str:
    """One item deeper on each line, as deep as the size allows (a 500-level list at 250 KB)."""
    lines: list[str] = []
    total = 0
    depth = 0
    while total < size:
        line = "  " * depth + f"- item {depth}\n"
        lines.append(line)
        total += len(line)
        depth += 1
    return "".join(lines)


def _sawtooth_list(size: int) -> str:
    """A long list nested 0 to 200 levels and back, over and over."""
    lines: list[str] = []
    total = 0
    index = 0
    while total < size:
        line = "  " * (index % 200) + f"- point {index}?\n"
        lines.append(line)
        total += len(line)
        index += 1
    return "".join(lines)


# For the renderer: Python-Markdown's inline pass on brackets that never close, emphasis, code
# spans and tags by the thousand in one paragraph; quotes and lists nested deep.
RENDER_FAMILIES: dict[str, Callable[[int], str]] = {
    "[ x n": _repeat("["),
    "![ x n": _repeat("!["),
    "[a]( x n": _repeat("[a]("),
    "[x][ x n": _repeat("[x]["),
    "*a x n": _repeat("*a"),
    "_a x n": _repeat("_a"),
    "**a x n": _repeat("**a"),
    "` a x n": _repeat("` a"),
    "``a x n": _repeat("``a"),
    "< x n": _repeat("<"),
    "<a> x n": _repeat("<a>"),
    "> x n, one quote inside another": lambda size: ">" * size + " x\n",
    "> x 1..n, quotes deepening": _deepening(">", " x"),
    "- nested list": _nested_list,
}

# For every importer: runs of spaces where a line pattern tries each position, and deep lists.
IMPORT_FAMILIES: dict[str, Callable[[int], str]] = {
    "spaces then - x": lambda size: " " * size + "- x\n",
    "tabs then - x": lambda size: "\t" * size + "- x\n",
    "spaces inside a line": lambda size: "Day 1" + " " * size + "x\n",
    "spaces after a heading": lambda size: "# x" + " " * size + "\n",
    "Day N heading, inner spaces": lambda size: "# Day 1 x" + " " * size + "y\n",
    "Week N, spaces, Day N": lambda size: "**[Week 1" + " " * size + "x\n",
    "Day N line, inner spaces": lambda size: "Day 1: x" + " " * size + "y\n",
    "a mentee's question, inner spaces": lambda size: "홍길동 :\n1. 왜" + " " * size + "그럴까 (a) - 답\n",
    "a schedule row, inner spaces": lambda size: (
        "| 주차 | 날짜 | 주제 |\n|---|---|---|\n| 1" + " " * size + "x |\n"
    ),
    "a question page, spaces before a property": lambda size: "# 왜 그럴까?\n" + " " * size + "x\n",
    "deeply nested list": _nested_list,
    "two deeply nested lists": lambda size: _nested_list(size // 2) + "\n" + _nested_list(size // 2),
    "nested list 0-200 levels": _sawtooth_list,
}
