"""The pieces of CommonMark's block syntax: start and end patterns, the block node, list tightness."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

MAX_DEPTH = 24  # containers nested deeper than this continue as text of the deepest one
CODE_INDENT = 4
_TAGNAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = r"(?:\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\s*=\s*(?:[^\"'=<>`\x00-\x20]+|'[^']*'|\"[^\"]*\"))?)"
OPEN_TAG = rf"<{_TAGNAME}{_ATTRIBUTE}*\s*/?>"
CLOSE_TAG = rf"</{_TAGNAME}\s*>"
_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|"
    "dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[123456]|head|header|hr|html|"
    "iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|"
    "summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
HTML_OPEN = [
    re.compile(r"^<(?:script|pre|textarea|style)(?:\s|>|$)", re.IGNORECASE),
    re.compile(r"^<!--"),
    re.compile(r"^<[?]"),
    re.compile(r"^<![A-Za-z]"),
    re.compile(r"^<!\[CDATA\["),
    re.compile(rf"^</?(?:{_BLOCK_TAGS})(?:\s|/?>|$)", re.IGNORECASE),
    re.compile(rf"^(?:{OPEN_TAG}|{CLOSE_TAG})\s*$", re.IGNORECASE),
]
HTML_CLOSE = [
    re.compile(r"</(?:script|pre|textarea|style)>", re.IGNORECASE),
    re.compile(r"-->"),
    re.compile(r"\?>"),
    re.compile(r">"),
    re.compile(r"\]\]>"),
]
ATX = re.compile(r"^#{1,6}(?:[ \t]+|$)")
FENCE = re.compile(r"^`{3,}(?!.*`)|^~{3,}")
CLOSING_FENCE = re.compile(r"^(?:`{3,}|~{3,})(?=[ \t]*$)")
SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$")
THEMATIC = re.compile(r"^(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$")
BULLET = re.compile(r"^[*+-]")
ORDERED = re.compile(r"^(\d{1,9})([.)])")
MAYBE_SPECIAL = re.compile(r"^[#`~*+_=<>0-9$\\|-]")
MATH_OPEN = re.compile(r"^(\$\$|\\\[|\\begin\{([a-zA-Z*]+)\})")
FOOTNOTE = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*(.*)", re.DOTALL)
CONTAINERS = {"document", "block_quote", "item"}


@dataclass(eq=False)
class Block:
    """One block of the document tree; leaves keep their raw text in `content`."""

    kind: str
    start: int
    parent: Block | None = None
    children: list[Block] = field(default_factory=list)
    open: bool = True
    content: str = ""
    last_line_blank: bool = False
    # kind-specific
    level: int = 0
    info: str = ""
    fence: str = ""
    fence_offset: int = 0
    html_type: int = 0
    list_type: str = ""
    bullet: str = ""
    delimiter: str = ""
    list_start: int = 1
    marker_offset: int = 0
    padding: int = 0
    tight: bool = True
    math_close: str = ""

    def add(self, child: Block) -> Block:
        child.parent = self
        self.children.append(child)
        return child


def can_contain(parent: str, child: str) -> bool:
    if parent == "list":
        return child == "item"
    return parent in CONTAINERS and child != "item"


def accepts_lines(kind: str) -> bool:
    return kind in ("paragraph", "code_block", "html_block", "math_block")


def _ends_with_blank_line(block: Block) -> bool:
    while True:
        if block.last_line_blank:
            return True
        if block.kind in ("list", "item") and block.children:
            block = block.children[-1]
        else:
            return False


def is_tight(block: Block) -> bool:
    items = block.children
    for index, item in enumerate(items):
        last_item = index == len(items) - 1
        if not last_item and _ends_with_blank_line(item):
            return False
        for sub_index, sub in enumerate(item.children):
            last_sub = sub_index == len(item.children) - 1
            if (not last_item or not last_sub) and _ends_with_blank_line(sub):
                return False
    return True


_ESCAPABLE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def unescape(text: str) -> str:
    return html.unescape(_ESCAPABLE.sub(r"\1", text))
