"""The lines of a text that hold a mark, found without splitting and testing every line.

Recognising a format reads the whole file with a few regular expressions per line; on a
50 MB note that was a fifth of parsing it.  Every such test needs some mark on the line
(`Day`, a backtick, `답변`), so the text is searched for the mark (one scan in C) and only
the lines holding one are tested: the same lines pass as when every line was tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache


def lines_with(text: str, mark: re.Pattern[str]) -> Iterator[str]:
    """Each line of `text` (split at `\\n`, as `str.split("\\n")` does) that holds `mark`, in order.

    `mark` must be something every line a caller's test accepts holds, written without
    anchors, lookarounds or `\\b` (so finding it in the whole text is finding it in its line).
    A match that runs past its line's end only makes its first line a candidate; the search
    goes on from the next line, so no line is skipped or given twice."""
    position = 0
    while (found := mark.search(text, position)) is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.start())
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        position = end + 1


def first_lines(text: str, count: int) -> str:
    """The first `count` lines of `text` (`"\\n".join(text.split("\\n", count)[:count])`), found in C
    and without copying the rest: recognising a format looks at a file's opening only."""
    found = _lines(count).match(text)
    return text if found is None else text[: found.end() - 1]


@cache
def _lines(count: int) -> re.Pattern[str]:
    return re.compile(rf"(?:[^\n]*+\n){{{count}}}")


def lines_hold(text: str, mark: re.Pattern[str], count: int) -> bool:
    """Whether at least `count` lines of `text` hold `mark` (as `lines_with` finds them)."""
    if count <= 0:
        return True
    for _ in lines_with(text, mark):
        count -= 1
        if count == 0:
            return True
    return False


def filled_lines(text: str) -> int:
    """How many lines of `text` hold more than whitespace (`line.strip()`), counted in C."""
    return text.count("\n") + 1 - len(_BLANK.findall(f"\n{text}\n"))


_BLANK = re.compile(r"\n[^\S\n]*+(?=\n)")  # a blank line, with the line break before it
