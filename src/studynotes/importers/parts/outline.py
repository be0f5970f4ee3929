"""Indented outlines as blogs and copied pages write them, made into Markdown.

Bullets (`•`, `-`, `+`, `*`, and the other dots copy-paste produces) nest by
whatever indentation the source used, spaces or tabs; the level of a line comes
from how it compares with the lines above it, never from its absolute width, so
a list indented 2, 4, 6 and one indented by tabs both come out four spaces a
level.  LaTeX written as `\\(..\\)` and `\\[..\\]` becomes `$..$` and a `$$..$$`
block on lines of its own.  Fenced code is copied as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .links import link_bare_urls

_BULLET = re.compile(r"^([ \t]*)([•◦▪▫●○■□‣⁃∙·*+-])[ \t]+(\S.*)$")
_ORDERED = re.compile(r"^([ \t]*)(\d{1,3}[.)])[ \t]+(\S.*)$")
_FENCE = re.compile(r"^([ \t]*)(```|~~~)")
_RULE = re.compile(r"^\s*+([*_-])(\s*\1){2,}\s*$")
_DISPLAY = re.compile(r"(?<!\\)\\\[(.{1,5000}?)(?<!\\)\\\]", re.DOTALL)  # bounded: an unclosed one
_INLINE = re.compile(r"(?<!\\)\\\((.{1,2000}?)(?<!\\)\\\)", re.DOTALL)  # must not scan the whole file
_TOKEN = re.compile("\ue000(\\d+)\ue001")
INDENT = "    "


def width(whitespace: str) -> int:
    """Columns of leading whitespace, a tab counting as four."""
    return len(whitespace.expandtabs(4))


@dataclass
class _Outline:
    """The open list levels while lines are converted: original indent of each."""

    stack: list[int] = field(default_factory=list)
    out: list[str] = field(default_factory=list)
    top_kind: str = "-"

    def item(self, indent: int, marker: str, text: str) -> None:
        while self.stack and indent < self.stack[-1]:
            self.stack.pop()
        kind = "-" if marker == "-" else "1."
        starts = not self.stack or (len(self.stack) == 1 and kind != self.top_kind)
        if starts and self.out and self.out[-1].strip():
            self.out.append("")  # a list needs a blank line after a paragraph or a list of the other kind
        if not self.stack:
            self.top_kind = kind
        if not self.stack or indent > self.stack[-1]:
            self.stack.append(indent)
        if len(self.stack) == 1:
            self.top_kind = kind
        self.out.append(INDENT * (len(self.stack) - 1) + marker + " " + link_bare_urls(text))

    def prose(self, indent: int, text: str) -> None:
        """A line that is not an item: inside the deepest item it is indented under."""
        depth = sum(1 for level in self.stack if level < indent)
        if depth == 0 and self.stack:
            self.stack.clear()
            if self.out and self.out[-1].strip():
                self.out.append("")  # a paragraph after a list, not a lazy continuation of it
        del self.stack[depth:]
        self.out.append(INDENT * depth + link_bare_urls(text))

    def depth_for(self, indent: int) -> int:
        return sum(1 for level in self.stack if level < indent)


def outline_to_markdown(lines: list[str]) -> list[str]:
    """Convert one block of outline lines (no math tokens expanded) to Markdown lines."""
    state = _Outline()
    fence: tuple[str, int, int] | None = None  # marker, original indent, new depth
    for line in lines:
        if fence is not None:
            marker, indent, depth = fence
            state.out.append(INDENT * depth + _cut(line, indent))
            if line.strip().startswith(marker):
                fence = None
            continue
        opener = _FENCE.match(line)
        if opener:
            indent = width(opener.group(1))
            depth = state.depth_for(indent)
            del state.stack[depth:]
            fence = (opener.group(2), indent, depth)
            state.out.append(INDENT * depth + line.strip())
            continue
        if not line.strip():
            state.out.append("")
            continue
        bullet = None if _RULE.match(line) else _BULLET.match(line)
        if bullet:
            state.item(width(bullet.group(1)), "-", bullet.group(3).rstrip())
            continue
        ordered = _ORDERED.match(line)
        if ordered:
            number = ordered.group(2)[:-1] + "."  # Python-Markdown knows `1.`, not `1)`
            state.item(width(ordered.group(1)), number, ordered.group(3).rstrip())
            continue
        indent = width(line[: len(line) - len(line.lstrip())])
        state.prose(indent, line.strip())
    return state.out


def _cut(line: str, indent: int) -> str:
    """Remove up to `indent` columns of leading whitespace (code keeps its own)."""
    index = 0
    while index < len(line) and line[index] in " \t" and width(line[: index + 1]) <= indent:
        index += 1
    return line[index:]


def latex_to_dollars(lines: list[str]) -> tuple[list[str], list[str]]:
    """`\\(x\\)` → `$x$` in place; each `\\[x\\]` → a token, its `$$x$$` kept aside.

    Tokens keep display formulas on one line while lists are rebuilt (a formula
    line that starts with `-` or `+` must not become a bullet); `expand_display`
    puts them back on lines of their own.  Fenced code is left alone.
    """
    displays: list[str] = []
    whole = "\n".join(lines)
    if not any(mark in whole for mark in ("\\(", "\\[", "\ue000", "\ue001")):
        return list(lines), displays  # no formula to convert, no token mark to drop
    out: list[str] = []
    prose: list[str] = []

    def convert() -> None:
        if not prose:
            return
        text = "\n".join(prose)

        def display(match: re.Match[str]) -> str:
            displays.append(match.group(1).strip())
            return f"\ue000{len(displays) - 1}\ue001"

        text = _DISPLAY.sub(display, text)
        text = _INLINE.sub(lambda m: "$" + " ".join(m.group(1).split("\n")).strip() + "$", text)
        out.extend(text.split("\n"))
        prose.clear()

    # The token marks are private-use characters; any in the text itself, fenced code
    # included, would be taken for one when the formulas are put back.
    fence: str | None = None
    for line in (line.replace("\ue000", "").replace("\ue001", "") for line in lines):
        opener = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if opener and line.strip().startswith(fence):
                fence = None
        elif opener:
            convert()
            fence = opener.group(2)
            out.append(line)
        else:
            prose.append(line)
    convert()
    return out, displays


def expand_display(lines: list[str], displays: list[str]) -> list[str]:
    """Put each display formula on lines of its own, inside the list item it was in."""
    out: list[str] = []
    for line in lines:
        if "\ue000" not in line:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        inner = indent + INDENT if line.lstrip().startswith(("- ",)) or _ORDERED.match(line) else indent
        parts = _TOKEN.split(line.strip())
        for position, part in enumerate(parts):
            if position % 2 == 0:
                if part.strip():
                    if position:
                        _blank(out)
                    out.append((indent if position == 0 else inner) + part.strip())
                continue
            formula = displays[int(part)] if int(part) < len(displays) else ""
            body = [row.strip() for row in formula.split("\n")]
            block = ["$$" + "\n".join(body) + "$$"] if len(body) == 1 else ["$$", *body, "$$"]
            target = indent if position == 1 and not parts[0].strip() else inner
            _blank(out)
            out.extend(target + row if row else "" for row in "\n".join(block).split("\n"))
            out.append("")
    return _tidy(out)


def _blank(out: list[str]) -> None:
    if out and out[-1].strip():
        out.append("")


def _tidy(lines: list[str]) -> list[str]:
    """No runs of blank lines outside code, none at either end."""
    out: list[str] = []
    # The token marks are private-use characters; any in the text itself, fenced code
    # included, would be taken for one when the formulas are put back.
    fence: str | None = None
    for line in (line.replace("\ue000", "").replace("\ue001", "") for line in lines):
        opener = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if opener and line.strip().startswith(fence):
                fence = None
            continue
        if opener:
            fence = opener.group(2)
        if not line.strip() and (not out or not out[-1].strip()):
            continue
        out.append(line.rstrip())
    while out and not out[-1].strip():
        out.pop()
    return out
