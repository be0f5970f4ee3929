"""Markdown cut into the blocks study notes are made of: headings, list items, paragraphs.

Notes nest items by whatever indentation their writer used and let an answer wrap
onto unindented lines; a blank line ends an item, and a paragraph indented under
an item belongs to it.  Code, tables, quotes and HTML are opaque: nothing in them asks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# An ATX heading's text, without its closing `#`s: runs of spaces and of `#` are taken whole,
# as `(.*?)\s*#*\s*$` tried every split of a long run (quadratic in a line's length).
_TEXT_PARTS = r"(?:[^\s#]++|[^\S\n]++(?!#*+[^\S\n]*+$)|#++(?![^\S\n]*+$))"
HEADING_TEXT = rf"({_TEXT_PARTS}*+)[^\S\n]*+#*+[^\S\n]*+$"
HEADING_TEXT_REQUIRED = rf"({_TEXT_PARTS}++)[^\S\n]*+#*+[^\S\n]*+$"
HEADING = re.compile(rf"^(#{{1,6}})\s+{HEADING_TEXT}")
ITEM = re.compile(r"^([ \t]*)([-*+•]|\d{1,3}[.)])[ \t]+(.*)$")
FENCE = re.compile(r"^\s*(```|~~~)")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
CHECKBOX = re.compile(r"^\[([ xX✓])\]\s+")
RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
NOT_PROSE_LINE = re.compile(r"^\s*(?:<|>|!\[)")
# The first character a heading, item, fence or rule can start with (after spaces): a line
# without one is none of them, found with one test instead of four.  Which one it is says which
# patterns can match at all (only a `#` starts a heading, a backtick or `~` a fence, ...).
_MARKED = re.compile(r"\s*[#\-*+•_`~\d]")
_FENCE_MARKS = frozenset("`~")
_BULLETS = frozenset("-*+•")
_RULE_MARKS = frozenset("-*_")


def _mark(line: str) -> str:
    """The first character after the line's spaces when it may start one of those blocks, else ''."""
    marked = _MARKED.match(line)
    return line[marked.end() - 1] if marked is not None else ""


def _may_start_item(mark: str) -> bool:
    """A bullet, or a digit as `\\d` takes it (any decimal digit, as `str.isdecimal` says)."""
    return mark in _BULLETS or mark.isdecimal()


def _starts_block(line: str, mark: str) -> bool:
    """A heading, fence, rule or item starts on this line (`mark` is `_mark(line)`)."""
    if mark == "#":
        return HEADING.match(line) is not None
    if mark in _FENCE_MARKS:
        return FENCE.match(line) is not None
    return (_may_start_item(mark) and ITEM.match(line) is not None) or (
        mark in _RULE_MARKS and RULE.match(line) is not None
    )


@dataclass(slots=True)  # a big note makes one per line: slots make them quicker to build and read
class Block:
    """A heading, a list item with its wrapped lines, a paragraph, or an opaque block."""

    kind: str  # heading, item, paragraph, opaque, blank
    start: int
    end: int  # one past the last line
    lines: list[str]
    level: int = 0  # heading level, or an item's indent
    ordered: int | None = None  # an ordered item's number
    children: list[Block] = field(default_factory=list)
    parent: Block | None = None


def blocks(lines: list[str]) -> list[Block]:
    """Cut lines into blocks; items keep the lines that wrap or continue them."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        mark = _mark(line)
        if mark in _FENCE_MARKS and FENCE.match(line):
            end = index + 1
            while end < len(lines) and not FENCE.match(lines[end]):
                end += 1
            end = min(end + 1, len(lines))
            blocks.append(Block("opaque", index, end, lines[index:end]))
            index = end
            continue
        if not line.strip():
            blocks.append(Block("blank", index, index + 1, [line]))
            index += 1
            continue
        heading = HEADING.match(line) if mark == "#" else None
        if heading:
            blocks.append(Block("heading", index, index + 1, [heading.group(2)], level=len(heading.group(1))))
            index += 1
            continue
        item = ITEM.match(line) if _may_start_item(mark) else None
        if item and not (mark in _RULE_MARKS and RULE.match(line)):
            indent = len(item.group(1).expandtabs(4))
            end = index + 1
            while end < len(lines) and _continues_item(lines, end, indent):
                end += 1
            marker = item.group(2)
            number = int(marker[:-1]) if marker[:-1].isdigit() else None
            first = item.group(3)
            if end == index + 1:  # most items are one line
                kept = [first]
            else:
                kept = [t for t in (first, *(raw.strip() for raw in lines[index + 1 : end])) if t] or [""]
            blocks.append(Block("item", index, end, kept, level=indent, ordered=number))
            index = end
            continue
        end = index + 1
        while end < len(lines) and _continues_paragraph(lines[end]):
            end += 1
        body = lines[index:end]
        table = line.lstrip().startswith("|") and any(TABLE_RULE.match(row) for row in body[1:2])
        kind = "opaque" if NOT_PROSE_LINE.match(line) or table else "paragraph"
        indent = len(line[: len(line) - len(line.lstrip())].expandtabs(4))
        blocks.append(Block(kind, index, end, [b.strip() for b in body], level=indent))
        index = end
    return blocks


def _continues_item(lines: list[str], index: int, indent: int) -> bool:
    line = lines[index]
    if not line.strip():
        return False
    mark = _mark(line)
    if mark and _starts_block(line, mark):
        return False
    width = len(line[: len(line) - len(line.lstrip())].expandtabs(4))
    return width > indent or not NOT_PROSE_LINE.match(line)


def _continues_paragraph(line: str) -> bool:
    if not line.strip():
        return False
    mark = _mark(line)
    return not (mark and _starts_block(line, mark))


def nest(blocks: list[Block]) -> None:
    """Items nest under the nearest item above them with a smaller indent; a bullet right
    under a numbered item at the same indent belongs to it, as people write `1. topic` /
    `- detail`."""
    stack: list[Block] = []
    for block in blocks:
        if block.kind in ("paragraph", "opaque") and block.level > 0:
            owners = [item for item in stack if item.level < block.level]
            if owners:  # a paragraph indented under an item belongs to it
                block.parent = owners[-1]
                owners[-1].children.append(block)
                continue
        if block.kind in ("heading", "paragraph", "opaque"):
            stack = []
            continue
        if block.kind != "item":
            continue
        while stack and (
            block.level < stack[-1].level
            or (block.level == stack[-1].level and not (stack[-1].ordered and block.ordered is None))
        ):
            stack.pop()
        if stack:
            block.parent = stack[-1]
            stack[-1].children.append(block)
        stack.append(block)


def descendants(block: Block) -> list[Block]:
    found: list[Block] = []
    for child in block.children:
        found += [child, *descendants(child)]
    return found
