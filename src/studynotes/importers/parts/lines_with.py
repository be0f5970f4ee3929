"""The lines of a text that hold a mark, found without splitting and testing every line.

Recognising a format reads the whole file with a few regular expressions per line; on a
50 MB note that was a fifth of parsing it.  Every such test needs some mark on the line
(`Day`, a backtick, `답변`), so the text is searched for the mark (one scan in C) and only
the lines holding one are tested: the same lines pass as when every line was tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


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
