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
from collections.abc import Callable

from .parts.outline import width
from .parts.questions import looks_like_question

_CHECK_ITEM = re.compile(r"^([ \t]*)[-*+][ \t]+\[([ xX])\][ \t]+(\S.*)$")
_BULLET_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+(\S.*)$")
_DETAILS_OPEN = re.compile(r"^\s*+<details\b[^>]*>", re.IGNORECASE)
_DETAILS_ANY = re.compile(r"<details\b", re.IGNORECASE)
_DETAILS_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.IGNORECASE | re.DOTALL)
_CODE_TAG = re.compile(r"<code\b[^>]*>(.*?)</code\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = r"(?:\*\*|__)?"
QUESTION_LABEL = re.compile(
    rf"^\s*+{_EMPHASIS}(?:Q\s*\d{{0,3}}|질문\s*\d{{0,3}})\s*{_EMPHASIS}\s*[.:：)]\s*{_EMPHASIS}\s*(?=\S)",
    re.IGNORECASE,
)
ANSWER_LABEL = re.compile(
    rf"^\s*+{_EMPHASIS}(?:A\s*\d{{0,3}}|답변?\s*\d{{0,3}})\s*{_EMPHASIS}\s*[.:：)]\s*{_EMPHASIS}\s*",
    re.IGNORECASE,
)


class Block:
    """A question written as a block: its title line, its body, and the line after it.

    The body may be given as a function: most items turn out not to be questions,
    and reading every item's body made a deeply nested list quadratic.
    """

    def __init__(
        self,
        title: str,
        body: list[str] | Callable[[], list[str]],
        end: int,
        checked: bool | None = None,  # a checklist item's box; None when there is none
        toggle: bool = False,
    ) -> None:
        self.title = title
        self._body = body
        self.end = end
        self.checked = checked
        self.toggle = toggle

    @property
    def body(self) -> list[str]:
        if callable(self._body):
            self._body = self._body()
        return self._body


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
    title = match.group(3) if checked is not None else match.group(2)
    last = _item_ends(lines)[index]
    return Block(title.strip(), lambda: _dedent(lines[index + 1 : last]), last, checked=checked)


_ends_memo: tuple[list[str], list[int]] = ([], [])


def _item_ends(lines: list[str]) -> list[int]:
    """For each line, where the lines nested under it end, found for all lines in one pass.

    Reading each item's nested lines anew was quadratic in a deeply nested list.
    """
    memo = _ends_memo
    if memo[0] is lines and len(memo[1]) == len(lines):
        return memo[1]
    widths = [width(line[: len(line) - len(line.lstrip())]) if line.strip() else -1 for line in lines]
    previous_text = [-1] * (len(lines) + 1)  # the last non-blank line before each index
    last_seen = -1
    for position, line_width in enumerate(widths):
        previous_text[position] = last_seen
        if line_width >= 0:
            last_seen = position
    previous_text[len(lines)] = last_seen
    ends = [0] * len(lines)
    shallower: list[int] = []  # later non-blank lines, each indented less than the one above it
    for position in range(len(lines) - 1, -1, -1):
        if widths[position] < 0:
            ends[position] = position + 1
            continue
        while shallower and widths[shallower[-1]] > widths[position]:
            shallower.pop()
        stop = shallower[-1] if shallower else len(lines)
        ends[position] = max(position + 1, previous_text[stop] + 1)
        shallower.append(position)
    globals()["_ends_memo"] = (lines, ends)
    return ends


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
