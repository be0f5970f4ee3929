"""The CommonMark block tree as Python-Markdown's element tree, ready for its inline pass.

Code blocks are highlighted here (Pygments for a known language, a plain block
otherwise) and stashed as HTML, like raw HTML blocks; display formulas become
the `arithmatex` elements the typesetter looks for; GFM tables are recognised
inside paragraphs.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any
from xml.etree import ElementTree

from markdown.util import AtomicString

from .block_syntax import Block

_DELIMITER_CELL = re.compile(r"^\s*:?-+:?\s*$")


def build(md: Any, document: Block) -> ElementTree.ElementTree:
    """The element tree of a parsed document; leaves' text is left for the inline processors."""
    root = ElementTree.Element(md.doc_tag)
    for child in document.children:
        _append(md, root, child, tight=False)
    return ElementTree.ElementTree(root)


def _append(md: Any, parent: ElementTree.Element, block: Block, tight: bool) -> None:
    kind = block.kind
    if kind == "paragraph":
        _paragraph(parent, block.content.strip(), tight)
    elif kind == "heading":
        ElementTree.SubElement(parent, f"h{block.level}").text = block.content.strip()
    elif kind == "thematic_break":
        ElementTree.SubElement(parent, "hr")
    elif kind == "block_quote":
        quote = ElementTree.SubElement(parent, "blockquote")
        for child in block.children:
            _append(md, quote, child, tight=False)
    elif kind == "list":
        _list(md, parent, block)
    elif kind == "code_block":
        _raw(parent, md.htmlStash.store(code_html(block.content, block.info)))
    elif kind == "html_block":
        _raw(parent, md.htmlStash.store(block.content.rstrip("\n")))
    elif kind == "math_block":
        _math(parent, block)


def _list(md: Any, parent: ElementTree.Element, block: Block) -> None:
    element = ElementTree.SubElement(parent, "ol" if block.list_type == "ordered" else "ul")
    if block.list_type == "ordered" and block.list_start != 1:
        element.set("start", str(block.list_start))
    for item in block.children:
        li = ElementTree.SubElement(element, "li")
        for child in item.children:
            _append(md, li, child, tight=block.tight)


def _paragraph(parent: ElementTree.Element, text: str, tight: bool) -> None:
    lines = text.split("\n")
    table_at = _table_start(lines)
    if table_at is not None:
        if table_at > 0:
            _paragraph(parent, "\n".join(lines[:table_at]), tight)
        _table(parent, lines[table_at:])
        return
    if not tight:
        ElementTree.SubElement(parent, "p").text = text
    elif len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + "\n" + text
    else:
        parent.text = (parent.text or "") + text


def _raw(parent: ElementTree.Element, placeholder: str) -> None:
    ElementTree.SubElement(parent, "p").text = placeholder


def _math(parent: ElementTree.Element, block: Block) -> None:
    latex = block.content.strip()
    if block.info == "$$" and latex.startswith("$$"):
        latex = latex[2:]
        latex = latex[:-2] if latex.endswith("$$") else latex
    elif block.info == "\\[" and latex.startswith("\\["):
        latex = latex[2:]
        latex = latex[:-2] if latex.endswith("\\]") else latex
    div = ElementTree.SubElement(parent, "div", {"class": "arithmatex"})
    div.text = AtomicString(f"\\[{latex.strip()}\\]")


def code_html(code: str, info: str) -> str:
    """A code block: highlighted when its language is known, plain otherwise."""
    language = info.split()[0] if info.split() else ""
    lexer = _lexer(language) if language else None
    if lexer is None:
        return f"<pre><code>{html.escape(code, quote=False)}</code></pre>"
    from pygments import highlight
    from pygments.formatters import HtmlFormatter

    formatter = HtmlFormatter(cssclass="highlight", wrapcode=True)
    return str(highlight(code, lexer, formatter)).rstrip("\n")


@lru_cache(maxsize=128)
def _lexer(language: str) -> Any:
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=True)
    except ClassNotFound:
        return None


# -- GFM tables ----------------------------------------------------------------------------------
def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells, current, i = [], "", 0
    while i < len(line):
        if line[i] == "\\" and line[i + 1 : i + 2] == "|":
            current += "|"
            i += 2
            continue
        if line[i] == "|":
            cells.append(current.strip())
            current = ""
        else:
            current += line[i]
        i += 1
    cells.append(current.strip())
    return cells


def _table_start(lines: list[str]) -> int | None:
    for index in range(1, len(lines)):
        delimiter = lines[index]
        if "-" not in delimiter or not set(delimiter.strip()) <= set("|:- \t"):
            continue
        if "|" not in delimiter and "|" not in lines[index - 1]:
            continue
        cells = _cells(delimiter)
        if all(_DELIMITER_CELL.match(c) for c in cells) and len(_cells(lines[index - 1])) == len(cells):
            return index - 1
    return None


def _table(parent: ElementTree.Element, lines: list[str]) -> None:
    header, delimiter, rows = _cells(lines[0]), _cells(lines[1]), lines[2:]
    aligns = []
    for cell in delimiter:
        cell = cell.strip()
        left, right = cell.startswith(":"), cell.endswith(":")
        aligns.append("center" if left and right else "right" if right else "left" if left else "")
    table = ElementTree.SubElement(parent, "table")
    head_row = ElementTree.SubElement(ElementTree.SubElement(table, "thead"), "tr")
    for text, align in zip(header, aligns, strict=False):
        _cell(head_row, "th", text, align)
    if rows:
        body = ElementTree.SubElement(table, "tbody")
        for row in rows:
            tr = ElementTree.SubElement(body, "tr")
            cells = _cells(row)
            for index, align in enumerate(aligns):
                _cell(tr, "td", cells[index] if index < len(cells) else "", align)


def _cell(row: ElementTree.Element, tag: str, text: str, align: str) -> None:
    cell = ElementTree.SubElement(row, tag)
    if align:
        cell.set("style", f"text-align: {align};")
    cell.text = text
