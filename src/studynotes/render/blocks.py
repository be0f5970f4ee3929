"""CommonMark block structure: what students paste from GitHub and Notion nests the way they saw it.

Python-Markdown's own block parser ends list items, lazy lines and fences
differently from CommonMark (two-space nesting, fences without blank lines,
fences inside block quotes).  This parser follows the CommonMark algorithm
(open containers matched line by line, then new block starts, then lazy
paragraph continuation) and adds display-math blocks; inline parsing stays
with Python-Markdown.
"""

from __future__ import annotations

import re

from .block_syntax import (
    ATX,
    BULLET,
    CLOSING_FENCE,
    CODE_INDENT,
    FENCE,
    FOOTNOTE,
    HTML_CLOSE,
    HTML_OPEN,
    MATH_OPEN,
    MAX_DEPTH,
    MAYBE_SPECIAL,
    ORDERED,
    SETEXT,
    THEMATIC,
    Block,
    accepts_lines,
    can_contain,
    is_tight,
    unescape,
)
from .references import normalize_label, parse_reference


class BlockParser:
    """Lines in, a tree of `Block`s out; link reference definitions collected in `references`."""

    def __init__(self) -> None:
        self.references: dict[str, tuple[str, str | None]] = {}
        self.footnotes: dict[str, str] = {}
        self.document = self.tip = self.old_tip = self.last_matched = Block("document", 1)
        self.line = ""
        self.line_number = self.offset = self.column = self.indent = 0
        self.next_nonspace = self.next_nonspace_column = 0
        self.blank = self.indented = self.partial_tab = False
        self.all_closed = True

    # -- line state -------------------------------------------------------------------------
    def _find_next_nonspace(self) -> None:
        line, i, cols = self.line, self.offset, self.column
        while i < len(line) and line[i] in " \t":
            cols += 4 - cols % 4 if line[i] == "\t" else 1
            i += 1
        self.blank = i >= len(line)
        self.next_nonspace, self.next_nonspace_column = i, cols
        self.indent = cols - self.column
        self.indented = self.indent >= CODE_INDENT

    def _advance_next_nonspace(self) -> None:
        self.offset, self.column = self.next_nonspace, self.next_nonspace_column
        self.partial_tab = False

    def _advance(self, count: int, columns: bool) -> None:
        line = self.line
        while count > 0 and self.offset < len(line):
            if line[self.offset] == "\t":
                to_tab = 4 - self.column % 4
                if columns:
                    self.partial_tab = to_tab > count
                    step = min(to_tab, count)
                    self.column += step
                    self.offset += 0 if self.partial_tab else 1
                    count -= step
                else:
                    self.partial_tab = False
                    self.column += to_tab
                    self.offset += 1
                    count -= 1
            else:
                self.partial_tab = False
                self.offset += 1
                self.column += 1
                count -= 1

    def _peek(self, offset: int) -> str:
        return self.line[offset] if offset < len(self.line) else ""

    def _add_line(self) -> None:
        if self.partial_tab:
            self.offset += 1
            self.tip.content += " " * (4 - self.column % 4)
        self.tip.content += self.line[self.offset :] + "\n"

    # -- tree -------------------------------------------------------------------------------
    def _add_child(self, kind: str, offset: int) -> Block:
        while not can_contain(self.tip.kind, kind):
            self._finalize(self.tip, self.line_number - 1)
        block = self.tip.add(Block(kind, self.line_number))
        self.tip = block
        return block

    def _close_unmatched(self) -> None:
        if not self.all_closed:
            while self.old_tip is not self.last_matched:
                parent = self.old_tip.parent
                self._finalize(self.old_tip, self.line_number - 1)
                assert parent is not None
                self.old_tip = parent
            self.all_closed = True

    def _finalize(self, block: Block, line_number: int) -> None:
        block.open = False
        if block.kind == "paragraph":
            self._finalize_paragraph(block)
        elif block.kind == "code_block":
            if block.fence:
                first, _, rest = block.content.partition("\n")
                block.info, block.content = unescape(first.strip()), rest
            else:
                block.content = re.sub(r"(\n *)+$", "\n", block.content)
        elif block.kind == "list":
            block.tight = is_tight(block)
        if block.parent is not None:
            self.tip = block.parent

    def _finalize_paragraph(self, block: Block) -> None:
        footnote = FOOTNOTE.match(block.content)
        if footnote:
            self.footnotes.setdefault(footnote.group(1), footnote.group(2).strip())
            block.content = ""
        self._finalize_paragraph_references(block)
        if not block.content.strip() and block.parent is not None:
            block.parent.children.remove(block)

    # -- the algorithm --------------------------------------------------------------------------
    def parse(self, text: str) -> Block:
        self.document = self.tip = Block("document", 1)
        self.line_number = 0
        lines = text.replace("\0", "\ufffd").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for line in lines:
            self._incorporate(line)
        while self.tip is not self.document:
            self._finalize(self.tip, self.line_number)
        self._finalize(self.document, self.line_number)
        return self.document

    def _incorporate(self, line: str) -> None:
        self.line, self.offset, self.column = line, 0, 0
        self.blank = self.partial_tab = False
        self.line_number += 1
        self.old_tip = self.tip
        container = self.document
        depth = 0
        while container.children and container.children[-1].open:
            container = container.children[-1]
            depth += 1
            self._find_next_nonspace()
            result = self._continue(container)
            if result == 2:
                return
            if result == 1:
                assert container.parent is not None
                container = container.parent
                break
        self.all_closed = container is self.old_tip
        self.last_matched = container
        matched_leaf = container.kind not in ("paragraph",) and accepts_lines(container.kind)
        while not matched_leaf:
            self._find_next_nonspace()
            if depth > MAX_DEPTH or (
                not self.indented and not MAYBE_SPECIAL.match(line[self.next_nonspace :])
            ):
                self._advance_next_nonspace()
                break
            result = self._start(container)
            if result == 0:
                self._advance_next_nonspace()
                break
            container = self.tip
            depth += 1
            matched_leaf = result == 2
        if not self.all_closed and not self.blank and self.tip.kind == "paragraph":
            self._add_line()
            return
        self._close_unmatched()
        if self.blank and container.children:
            container.children[-1].last_line_blank = True
        kind = container.kind
        last_blank = self.blank and not (
            kind == "block_quote"
            or (kind == "code_block" and bool(container.fence))
            or kind == "math_block"
            or (kind == "item" and not container.children and container.start == self.line_number)
        )
        walk: Block | None = container
        while walk is not None:
            walk.last_line_blank = last_blank
            walk = walk.parent
        if accepts_lines(kind):
            self._add_line()
            closes = kind == "html_block" and 1 <= container.html_type <= 5
            if closes and HTML_CLOSE[container.html_type - 1].search(line[self.offset :]):
                self._finalize(container, self.line_number)
        elif self.offset < len(line) and not self.blank:
            self._add_child("paragraph", self.offset)
            self._advance_next_nonspace()
            self._add_line()

    def _continue(self, block: Block) -> int:
        """0: the line continues the block; 1: it does not; 2: the line closed it (a fence)."""
        kind = block.kind
        if kind == "block_quote":
            if not self.indented and self._peek(self.next_nonspace) == ">":
                self._advance_next_nonspace()
                self._advance(1, False)
                if self._peek(self.offset) in (" ", "\t"):
                    self._advance(1, True)
                return 0
            return 1
        if kind == "item":
            if self.blank:
                if not block.children:
                    return 1
                self._advance_next_nonspace()
            elif self.indent >= block.marker_offset + block.padding:
                self._advance(block.marker_offset + block.padding, True)
            else:
                return 1
            return 0
        if kind == "code_block":
            return self._continue_code(block)
        if kind == "math_block":
            if block.math_close and block.math_close in self.line[self.offset :]:
                self._advance_next_nonspace()
                self._add_line()
                self._finalize(block, self.line_number)
                return 2
            return 0
        if kind == "html_block":
            return 1 if self.blank and block.html_type in (6, 7) else 0
        if kind == "paragraph":
            return 1 if self.blank else 0
        if kind in ("heading", "thematic_break"):
            return 1
        return 0  # document, list

    def _continue_code(self, block: Block) -> int:
        if block.fence:
            rest = self.line[self.next_nonspace :]
            closing = CLOSING_FENCE.match(rest) if self.indent <= 3 else None
            if closing and rest[0] == block.fence[0] and len(closing.group(0)) >= len(block.fence):
                self._finalize(block, self.line_number)
                return 2
            skip = block.fence_offset
            while skip > 0 and self._peek(self.offset) in (" ", "\t") and self._peek(self.offset):
                self._advance(1, True)
                skip -= 1
            return 0
        if self.indent >= CODE_INDENT:
            self._advance(CODE_INDENT, True)
            return 0
        if self.blank:
            self._advance_next_nonspace()
            return 0
        return 1

    def _start(self, container: Block) -> int:
        """Try each block start at the current position; 1: a container opened, 2: a leaf."""
        rest = self.line[self.next_nonspace :]
        first = rest[:1]
        if not self.indented:
            if first == ">":
                self._advance_next_nonspace()
                self._advance(1, False)
                if self._peek(self.offset) in (" ", "\t") and self._peek(self.offset):
                    self._advance(1, True)
                self._close_unmatched()
                self._add_child("block_quote", self.next_nonspace)
                return 1
            if first == "#" and (match := ATX.match(rest)):
                self._advance_next_nonspace()
                self._advance(len(match.group(0)), False)
                self._close_unmatched()
                heading = self._add_child("heading", self.next_nonspace)
                heading.level = len(match.group(0).strip())
                text = self.line[self.offset :]
                text = re.sub(r"^[ \t]*#+[ \t]*$", "", text)
                heading.content = re.sub(r"[ \t]+#+[ \t]*$", "", text)
                self._advance(len(self.line) - self.offset, False)
                return 2
            if first in "`~" and (match := FENCE.match(rest)):
                self._close_unmatched()
                block = self._add_child("code_block", self.next_nonspace)
                block.fence = match.group(0)
                block.fence_offset = self.indent
                self._advance_next_nonspace()
                self._advance(len(match.group(0)), False)
                return 2
            if first in "$\\" and (started := self._start_math(container, rest)):
                return started
            if first == "<":
                for number, pattern in enumerate(HTML_OPEN, start=1):
                    lazy = not self.all_closed and not self.blank and self.tip.kind == "paragraph"
                    if pattern.match(rest) and (number < 7 or (container.kind != "paragraph" and not lazy)):
                        self._close_unmatched()
                        block = self._add_child("html_block", self.offset)
                        block.html_type = number
                        return 2
            if container.kind == "paragraph" and SETEXT.match(rest) and self._start_setext(container):
                return 2
            if THEMATIC.match(rest):
                self._close_unmatched()
                self._add_child("thematic_break", self.next_nonspace)
                self._advance(len(self.line) - self.offset, False)
                return 2
        if (not self.indented or container.kind == "list") and self._start_item(container):
            return 1
        if self.indented and self.tip.kind != "paragraph" and not self.blank:
            self._advance(CODE_INDENT, True)
            self._close_unmatched()
            self._add_child("code_block", self.offset)
            return 2
        return 0

    def _start_setext(self, container: Block) -> int:
        self._close_unmatched()
        self._finalize_paragraph_references(container)
        if not container.content:
            return 0
        assert container.parent is not None
        heading = Block("heading", container.start, parent=container.parent)
        heading.level = 1 if self.line[self.next_nonspace] == "=" else 2
        heading.content = container.content
        siblings = container.parent.children
        siblings[siblings.index(container)] = heading
        self.tip = heading
        self._advance(len(self.line) - self.offset, False)
        return 2

    def _finalize_paragraph_references(self, paragraph: Block) -> None:
        content = paragraph.content
        while content.startswith("[") and (parsed := parse_reference(content)) is not None:
            label, destination, title, consumed = parsed
            self.references.setdefault(normalize_label(label), (destination, title))
            content = content[consumed:]
        paragraph.content = content

    def _start_math(self, container: Block, rest: str) -> int:
        """`$$ … $$`, `\\[ … \\]` and `\\begin{env} … \\end{env}` on lines of their own: display math."""
        match = MATH_OPEN.match(rest)
        if match is None:
            return 0
        opener = match.group(1)
        closer = "$$" if opener == "$$" else "\\]" if opener == "\\[" else f"\\end{{{match.group(2)}}}"
        stripped = rest.rstrip()
        one_line = len(stripped) > len(opener) and stripped.endswith(closer)
        if opener == "$$":
            dollars = stripped.count("$$")
            one_line = one_line and dollars == 2
            if not one_line and dollars != 1:
                return 0  # `$$a$$ and $$b$$` is text with inline formulas
        elif opener == "\\[" and not one_line and stripped != opener:
            return 0  # `\[not a link](/foo)` is text, not an unclosed formula
        self._close_unmatched()
        block = self._add_child("math_block", self.next_nonspace)
        block.info = opener
        block.math_close = closer
        if one_line:
            block.content = stripped + "\n"
            block.open = False
            self.tip = block.parent or self.document
        else:
            self._advance_next_nonspace()
            block.content = self.line[self.offset :] + "\n"
        self._advance(len(self.line) - self.offset, False)
        return 2

    def _start_item(self, container: Block) -> bool:
        if self.indent >= 4 and container.kind != "list":
            return False
        if self.indent >= 4:
            return False
        rest = self.line[self.next_nonspace :]
        ordered = None
        bullet = BULLET.match(rest)
        if bullet is None:
            ordered = ORDERED.match(rest)
            if ordered is None or (container.kind == "paragraph" and ordered.group(1) != "1"):
                return False
        marker = bullet or ordered
        assert marker is not None
        after = self._peek(self.next_nonspace + len(marker.group(0)))
        if after not in ("", " ", "\t"):
            return False
        if container.kind == "paragraph" and not rest[len(marker.group(0)) :].strip():
            return False
        item = Block("item", self.line_number, marker_offset=self.indent)
        if bullet:
            item.list_type, item.bullet = "bullet", marker.group(0)
        else:
            assert ordered is not None
            item.list_type, item.list_start, item.delimiter = (
                "ordered",
                int(ordered.group(1)),
                ordered.group(2),
            )
        self._advance_next_nonspace()
        self._advance(len(marker.group(0)), True)
        spaces_col, spaces_offset = self.column, self.offset
        while True:
            self._advance(1, True)
            if not (
                self.column - spaces_col < 5
                and self._peek(self.offset) in (" ", "\t")
                and self._peek(self.offset)
            ):
                break
        blank_item = self._peek(self.offset) == ""
        spaces = self.column - spaces_col
        if spaces >= 5 or spaces < 1 or blank_item:
            item.padding = len(marker.group(0)) + 1
            self.column, self.offset = spaces_col, spaces_offset
            if self._peek(self.offset) in (" ", "\t") and self._peek(self.offset):
                self._advance(1, True)
        else:
            item.padding = len(marker.group(0)) + spaces
        self._close_unmatched()
        tip = self.tip
        if tip.kind != "list" or (tip.list_type, tip.bullet, tip.delimiter) != (
            item.list_type,
            item.bullet,
            item.delimiter,
        ):
            lst = self._add_child("list", self.next_nonspace)
            lst.list_type, lst.bullet, lst.delimiter, lst.list_start = (
                item.list_type,
                item.bullet,
                item.delimiter,
                item.list_start,
            )
        new = self._add_child("item", self.next_nonspace)
        new.marker_offset, new.padding = item.marker_offset, item.padding
        new.list_type, new.bullet, new.delimiter = item.list_type, item.bullet, item.delimiter
        return True
