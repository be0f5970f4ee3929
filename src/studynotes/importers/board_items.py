"""Board questions that are not headings: checklist items, marked bullets, toggles, `Q.`/`A.` pairs.

Notion boards are not always written as `#### ✅` headings.  A question may
be a checklist item (`- [x] \\`혜지\\` \\`p12\\` 왜 …?` with the answer nested
under it), a marked bullet (`- ❓ …`), a toggle (`<details><summary>…`), or a
`**Q.**` paragraph followed by an `**A.**` one.  This module finds such a block
and where it ends; the board turns it into a question like any heading.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .parts.outline import width
from .parts.questions import looks_like_question

_CHECK_ITEM = re.compile(r"^([ \t]*)[-*+][ \t]+\[([ xX])\][ \t]+(\S.*)$")
_BULLET_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+(\S.*)$")
_DETAILS_OPEN = re.compile(r"^\s*<details\b[^>]*>", re.IGNORECASE)
_DETAILS_ANY = re.compile(r"<details\b", re.IGNORECASE)
_DETAILS_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.IGNORECASE | re.DOTALL)
_CODE_TAG = re.compile(r"<code\b[^>]*>(.*?)</code\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = r"(?:\*\*|__)?"
QUESTION_LABEL = re.compile(
    rf"^\s*{_EMPHASIS}(?:Q\s*\d{{0,3}}|질문\s*\d{{0,3}})\s*{_EMPHASIS}\s*[.:：)]\s*{_EMPHASIS}\s*(?=\S)",
    re.IGNORECASE,
)
ANSWER_LABEL = re.compile(
    rf"^\s*{_EMPHASIS}(?:A\s*\d{{0,3}}|답변?\s*\d{{0,3}})\s*{_EMPHASIS}\s*[.:：)]\s*{_EMPHASIS}\s*",
    re.IGNORECASE,
)


@dataclass
class Block:
    """A question written as a block: its title line, its body, and the line after it."""

    title: str
    body: list[str]
    end: int
    checked: bool | None = None  # a checklist item's box; None when there is none
    toggle: bool = False


def summary_text(summary: str) -> str:
    """`<code>소현</code> <b>p8</b> 왜…` → `` `소현` p8 왜…``: the fields a heading would carry."""
    text = _CODE_TAG.sub(lambda m: f"`{html.unescape(_TAG.sub('', m.group(1))).strip()}`", summary)
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def read_toggle(lines: list[str], index: int) -> Block | None:
    """`<details><summary>…</summary> … </details>` starting at `index` (nested toggles stay inside)."""
    if not _DETAILS_OPEN.match(lines[index]):
        return None
    depth = 0
    collected: list[str] = []
    for position in range(index, min(len(lines), index + 2000)):
        line = lines[position]
        depth += len(_DETAILS_ANY.findall(line)) - len(_DETAILS_CLOSE.findall(line))
        collected.append(line)
        if depth <= 0:
            break
    else:
        return None  # never closed: left as the text it is
    joined = "\n".join(collected)
    summary = _SUMMARY.search(joined)
    if summary is None:
        return None
    inner = joined[summary.end() : _last_close(joined)]
    body = inner.split("\n")
    return Block(summary_text(summary.group(1)), body, index + len(collected), toggle=True)


def _last_close(text: str) -> int:
    closes = list(_DETAILS_CLOSE.finditer(text))
    return closes[-1].start() if closes else len(text)


def read_item(lines: list[str], index: int) -> Block | None:
    """A list item and the lines nested under it (blank lines inside are kept)."""
    line = lines[index]
    checked: bool | None = None
    match = _CHECK_ITEM.match(line)
    if match is not None:
        checked = match.group(2) != " "
    else:
        match = _BULLET_ITEM.match(line)
        if match is None:
            return None
    indent = width(match.group(1))
    title = match.group(3) if checked is not None else match.group(2)
    end = index + 1
    last = end
    while end < len(lines):
        current = lines[end]
        if current.strip():
            if width(current[: len(current) - len(current.lstrip())]) <= indent:
                break
            last = end + 1
        end += 1
    body = _dedent(lines[index + 1 : last])
    return Block(title.strip(), body, last, checked=checked)


def _dedent(lines: list[str]) -> list[str]:
    widths = [width(line[: len(line) - len(line.lstrip())]) for line in lines if line.strip()]
    cut = min(widths, default=0)
    out = []
    for line in lines:
        expanded = line.expandtabs(4)
        out.append(expanded[cut:] if expanded[:cut].strip() == "" else expanded.lstrip())
    return out


def item_asks(title: str) -> bool:
    """An unmarked item or toggle that is a question all the same."""
    return looks_like_question(title)


def split_labelled_answer(lines: list[str]) -> tuple[list[str], list[str] | None]:
    """Lines after a `Q.` paragraph: (more of the question, the answer after `A.`), or no answer."""
    for position, line in enumerate(lines):
        label = ANSWER_LABEL.match(line)
        if label is not None:
            return lines[:position], [line[label.end() :], *lines[position + 1 :]]
    return lines, None
