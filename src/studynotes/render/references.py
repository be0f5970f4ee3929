"""Link syntax as CommonMark defines it: labels, destinations, titles, reference definitions, URLs.

Shared by the block parser (reference definitions) and the inline link
processor, so `[text][label]`, `[label]: <dest> "title"` and `[text](dest)`
agree on what a destination and a title are.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

ESCAPABLE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_ESCAPE = re.compile(r"\\([" + re.escape(ESCAPABLE) + r"])")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SPACE = " \t\n"
MAX_LABEL = 999


def unescape_string(text: str) -> str:
    """Backslash escapes and entities resolved, as in destinations, titles and info strings."""
    return html.unescape(_ESCAPE.sub(r"\1", text)) if ("\\" in text or "&" in text) else text


def normalize_label(label: str) -> str:
    """Labels match case-insensitively (Unicode case fold) with runs of white space as one."""
    return " ".join(label.strip().split()).casefold()


def normalize_uri(uri: str) -> str:
    """Percent-encode what a URL may not hold raw, keeping existing escapes (`%20` stays)."""
    return quote(_LONE_PERCENT.sub("%25", uri), safe=";/?:@&=+$,-_.!~*'()#%")


def parse_label(text: str, pos: int) -> int | None:
    """End (after `]`) of a link label starting at `pos` (a `[`), or None."""
    if pos >= len(text) or text[pos] != "[":
        return None
    i = pos + 1
    while i < len(text) and i - pos <= MAX_LABEL + 1:
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPABLE:
            i += 2
            continue
        if char == "[":
            return None
        if char == "]":
            return i + 1
        i += 1
    return None


def parse_destination(text: str, pos: int) -> tuple[str, int] | None:
    """A link destination at `pos`: `<…>` (no line break) or raw with balanced parentheses."""
    if pos < len(text) and text[pos] == "<":
        i = pos + 1
        while i < len(text):
            char = text[i]
            if char == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPABLE:
                i += 2
                continue
            if char in "\n<":
                return None
            if char == ">":
                return unescape_string(text[pos + 1 : i]), i + 1
            i += 1
        return None
    i, depth = pos, 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPABLE:
            i += 2
            continue
        if char == "(":
            depth += 1
            if depth > 32:
                return None
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        elif ord(char) <= 0x20 or char == "\x7f":
            break
        i += 1
    if i == pos or depth != 0:
        return None
    return unescape_string(text[pos:i]), i


def parse_title(text: str, pos: int) -> tuple[str, int] | None:
    """A title at `pos`: "…", '…' or (…), possibly over lines (not a blank one)."""
    if pos >= len(text) or text[pos] not in "\"'(":
        return None
    closer = ")" if text[pos] == "(" else text[pos]
    i = pos + 1
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPABLE:
            i += 2
            continue
        if char == closer:
            return unescape_string(text[pos + 1 : i]), i + 1
        if closer == ")" and char == "(":
            return None
        if char == "\n" and _blank_line_at(text, i):
            return None
        i += 1
    return None


def _blank_line_at(text: str, newline: int) -> bool:
    end = text.find("\n", newline + 1)
    line = text[newline + 1 : end if end >= 0 else len(text)]
    return not line.strip()


def skip_space(text: str, pos: int, newlines: int = 1) -> tuple[int, int]:
    """Past spaces and tabs and at most `newlines` line breaks; also how many breaks were crossed."""
    crossed = 0
    while pos < len(text) and text[pos] in _SPACE:
        if text[pos] == "\n":
            if crossed == newlines:
                break
            crossed += 1
        pos += 1
    return pos, crossed


def parse_reference(text: str) -> tuple[str, str, str | None, int] | None:
    """`[label]: destination "title"` at the start of a paragraph: (label, url, title, consumed)."""
    label_end = parse_label(text, 0)
    if label_end is None or label_end >= len(text) or text[label_end] != ":":
        return None
    label = text[1 : label_end - 1]
    if not label.strip():
        return None
    pos, _ = skip_space(text, label_end + 1)
    destination = parse_destination(text, pos)
    if destination is None:
        return None
    url, after_destination = destination
    title_start, _ = skip_space(text, after_destination)
    title = None
    end = after_destination
    if title_start != after_destination:
        parsed = parse_title(text, title_start)
        if parsed is not None:
            title, end = parsed
    line_end = _rest_of_line_blank(text, end)
    if line_end is None and title is not None:
        title, end = None, after_destination  # a title that does not end its line is not one
        line_end = _rest_of_line_blank(text, end)
    if line_end is None:
        return None
    return label, url, title, line_end


def _rest_of_line_blank(text: str, pos: int) -> int | None:
    """Index past the end of the line at `pos` when only spaces remain on it, else None."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if pos >= len(text):
        return pos
    if text[pos] == "\n":
        return pos + 1
    return None
