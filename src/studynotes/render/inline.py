"""Links, images and autolinks resolved the CommonMark way inside Python-Markdown's inline pass.

Brackets pair as in CommonMark: the innermost link wins and a link never
contains another; code spans, autolinks and raw HTML bind tighter than
brackets; reference links need a definition; URLs are percent-encoded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

from markdown.inlinepatterns import HtmlInlineProcessor, InlineProcessor
from markdown.util import ETX, STX, AtomicString

from .block_syntax import CLOSE_TAG, OPEN_TAG
from .references import (
    normalize_label,
    normalize_uri,
    parse_destination,
    parse_title,
    skip_space,
)

_URI = r"[A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\x00-\x20]*"
_EMAIL = (
    r"[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*"
)
AUTOLINK = re.compile(rf"<(?:(?P<uri>{_URI})|(?P<email>{_EMAIL}))>")
RAW_HTML = (
    rf"{OPEN_TAG}|{CLOSE_TAG}|<!-->|<!--->|<!--[\s\S]*?-->|<[?][\s\S]*?[?]>|<![A-Za-z][^>]*>"
    r"|<!\[CDATA\[[\s\S]*?\]\]>"
)
_OPAQUE = re.compile(rf"<(?:{_URI}|{_EMAIL})>|{RAW_HTML}")
_ESCAPED = re.compile(STX + r"(\d+)" + ETX)
_PLACEHOLDER = re.compile(STX + r"klzzwxh:(\d+)" + ETX)
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1", re.DOTALL)


@dataclass
class Span:
    image: bool
    text_start: int
    text_end: int
    end: int
    url: str
    title: str | None


def _escaped_at(data: str, index: int) -> bool:
    """Is the character at `index` escaped (an odd run of backslashes before it)?  Counted back
    from it: slicing the text before it, at every `<`, was quadratic."""
    start = index
    while start > 0 and data[start - 1] == "\\":
        start -= 1
    return (index - start) % 2 == 1


def _stash(md: Any) -> dict[str, Any]:
    try:
        return md.treeprocessors["inline"].stashed_nodes  # type: ignore[no-any-return]
    except KeyError:  # pragma: no cover
        return {}


def _escaped_char(match: re.Match[str], stash: dict[str, Any]) -> str | None:
    """The character a placeholder stands for when it is a backslash escape, else None."""
    value = stash.get(match.group(1))
    if isinstance(value, str) and (escaped := _ESCAPED.fullmatch(value)):
        return chr(int(escaped.group(1)))
    return None


def _label_source(text: str, md: Any) -> str:
    """A label as written, escapes included, for matching reference definitions."""
    stash = _stash(md)

    def source(match: re.Match[str]) -> str:
        char = _escaped_char(match, stash)
        return match.group(0) if char is None else "\\" + char

    return _PLACEHOLDER.sub(source, text)


@dataclass
class _Opener:
    position: int
    image: bool
    seq: int  # how many brackets opened before it: later ones have a higher number


@dataclass
class _Scan:
    """One pass over a text: the spans found, and every bracket it opened (see `span_at`)."""

    data: str
    stash: dict[str, Any]
    start: int
    spans: dict[int, Span]
    opened: set[int]


def span_at(data: str, position: int, md: Any) -> Span | None:
    """The link or image whose bracket is at `position`, if it forms one.

    Python-Markdown asks at every `[` of a text in turn.  A bracket's pairing
    depends only on what follows it, so one pass from the first bracket answers
    for every bracket it opened: linear in the text, where a pass per bracket
    was cubic on thousands of unclosed `[`.
    """
    stash = _stash(md)
    scan: _Scan | None = getattr(md, "_studynotes_link_scan", None)
    if (
        scan is None
        or scan.stash is not stash
        or scan.start > position
        or position not in scan.opened
        or scan.data != data
    ):
        spans, opened = find_spans(data, position, md)
        scan = _Scan(data, stash, position, spans, opened)
        md._studynotes_link_scan = scan
    return scan.spans.get(position)


def find_spans(data: str, start: int, md: Any) -> tuple[dict[int, Span], set[int]]:
    """Every link and image from `start` on, keyed by where its `[` or `![` is; and every bracket opened."""
    openers: list[_Opener] = []
    opened: set[int] = set()
    spans: dict[int, Span] = {}
    stash = _stash(md)
    brackets = 0
    links_end_below = -1  # a link was found: text openers numbered below this one cannot be links
    i = start
    while i < len(data):
        char = data[i]
        if char == STX:
            end = data.find(ETX, i)
            placeholder = _PLACEHOLDER.match(data, i)
            if placeholder and getattr(stash.get(placeholder.group(1)), "tag", "") == "a":
                links_end_below = brackets  # text already holding a link is no link itself
            i = end + 1 if end > 0 else i + 1
            continue
        if char == "<" and (opaque := _OPAQUE.match(data, i)):
            i = opaque.end()
            continue
        image = char == "!" and data.startswith("[", i + 1)
        if image or char == "[":
            openers.append(_Opener(i, image, brackets))
            opened.add(i)
            brackets += 1
            i += 2 if image else 1
            continue
        if char == "]" and openers:
            opener = openers.pop()
            if not opener.image and opener.seq < links_end_below:
                i += 1
                continue
            text_start = opener.position + (2 if opener.image else 1)
            bracket_after = brackets > opener.seq + 1
            found = _after_bracket(data, i + 1, data[text_start:i], bracket_after, md)
            if found is None:
                i += 1
                continue
            url, title, end = found
            spans[opener.position] = Span(opener.image, text_start, i, end, url, title)
            if not opener.image:
                links_end_below = brackets
            i = end
            continue
        i += 1
    return spans, opened


def _after_bracket(
    data: str, pos: int, text: str, bracket_after: bool, md: Any
) -> tuple[str, str | None, int] | None:
    if pos < len(data) and data[pos] == "(":
        inline = _inline_destination(data, pos + 1, md)
        if inline is not None:
            return inline
    label_end = _label_end_in(data, pos) if data.startswith("[", pos) else None
    if label_end is not None and label_end - pos > 2:
        label = data[pos + 1 : label_end - 1]
        end = label_end
    elif not bracket_after:
        label = text
        end = label_end if label_end is not None else pos
    else:
        return None
    source = _label_source(label, md)
    found = md.references.get(normalize_label(source))
    if found is None or len(source) > 999:
        return None
    return found[0], found[1], end


def _label_end_in(data: str, pos: int) -> int | None:
    """The `]` that closes a label at `pos` in the stashed text (escapes are already placeholders)."""
    i = pos + 1
    while i < len(data):
        if data[i] == STX:
            i = data.find(ETX, i) + 1 or len(data)
            continue
        if data[i] == "[":
            return None
        if data[i] == "]":
            return i + 1
        i += 1
    return None


def _inline_destination(data: str, pos: int, md: Any) -> tuple[str, str | None, int] | None:
    """`(dest "title")` after the `(` at pos-1: url, title and the index in `data` past `)`."""
    source, where = _unstashed(data, pos, 4096, _stash(md))
    at, _ = skip_space(source, 0)
    if at < len(source) and source[at] == ")":
        return "", None, where[at + 1]
    destination = parse_destination(source, at)
    if destination is None:
        return None
    url, after = destination
    title = None
    title_start, _ = skip_space(source, after)
    if title_start != after:
        parsed = parse_title(source, title_start)
        if parsed is not None:
            title, after = parsed
    after, _ = skip_space(source, after)
    if after < len(source) and source[after] == ")":
        return url, title, where[after + 1]
    return None


def _unstashed(data: str, pos: int, limit: int, stash: dict[str, Any]) -> tuple[str, Sequence[int]]:
    """The text from `pos` with escape placeholders back as `\\c`, and where each character was."""
    end = min(len(data), pos + limit)
    if data.find(STX, pos, end) < 0:  # nothing stashed: the text as it is
        return data[pos:end], range(pos, end + 1)
    chars: list[str] = []
    where: list[int] = []
    i = pos
    while i < end:
        placeholder = _PLACEHOLDER.match(data, i) if data[i] == STX else None
        char = _escaped_char(placeholder, stash) if placeholder else None
        if placeholder and char is not None:
            chars += ["\\", char]
            where += [i, i]
            i = placeholder.end()
            continue
        chars.append(data[i])
        where.append(i)
        i += 1
    where.append(i)
    return "".join(chars), where


class LinkProcessor(InlineProcessor):  # type: ignore[misc]
    """`[text](url "title")`, `[text][label]` and `[label]`; with `image`, the same for `![images]`."""

    def __init__(self, md: Any, image: bool = False) -> None:
        super().__init__(r"!\[" if image else r"(?<!!)\[", md)
        self.image = image

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[Any, Any, Any]:  # noqa: N802
        span = span_at(data, m.start(), self.md)
        if span is None or span.image != self.image:
            return None, None, None
        url = normalize_uri(span.url)
        text = data[span.text_start : span.text_end]
        if span.image:
            element = ElementTree.Element("img", {"src": url, "alt": self._plain(text)})
        else:
            element = ElementTree.Element("a", {"href": url})
            element.text = text
        if span.title is not None:
            element.set("title", span.title)
        return element, m.start(), span.end

    def _plain(self, text: str) -> str:
        """An image's description as plain text: emphasis and inner links reduced to their words."""
        text = _EMPHASIS.sub(r"\2", text)
        stash = _stash(self.md)

        def plain(match: re.Match[str]) -> str:
            char = _escaped_char(match, stash)
            if char is not None:
                return char
            value = stash.get(match.group(1))
            if isinstance(value, str):
                return value
            return "".join(value.itertext()) if value is not None else ""

        return _PLACEHOLDER.sub(plain, text)


class RawHtmlProcessor(HtmlInlineProcessor):  # type: ignore[misc]
    """Inline HTML exactly as CommonMark recognises it (the sanitiser decides what stays)."""

    def __init__(self, md: Any) -> None:
        super().__init__(rf"({RAW_HTML})", md)

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[Any, Any, Any]:  # noqa: N802
        if _escaped_at(data, m.start()):
            return None, None, None
        result: tuple[Any, Any, Any] = super().handleMatch(m, data)
        return result


class AutolinkProcessor(InlineProcessor):  # type: ignore[misc]
    """`<https://…>`, `<scheme:…>` and `<name@host>`: links exactly as written."""

    def __init__(self, md: Any) -> None:
        super().__init__(AUTOLINK.pattern, md)

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[Any, Any, Any]:  # noqa: N802
        if _escaped_at(data, m.start()):
            return None, None, None
        target = m.group("uri") or m.group("email")
        href = normalize_uri(target) if m.group("uri") else "mailto:" + normalize_uri(target)
        element = ElementTree.Element("a", {"href": href})
        element.text = AtomicString(target)
        return element, m.start(), m.end()


def register(md: Any) -> None:
    """Replace Python-Markdown's link, image, reference and autolink patterns with these."""
    for name in (
        "reference",
        "link",
        "image_link",
        "image_reference",
        "short_reference",
        "short_image_ref",
        "autolink",
        "automail",
        "html",
    ):
        if name in md.inlinePatterns:
            md.inlinePatterns.deregister(name)
    md.inlinePatterns.register(AutolinkProcessor(md), "cm_autolink", 185)
    md.inlinePatterns.register(LinkProcessor(md), "cm_link", 160)
    md.inlinePatterns.register(LinkProcessor(md, image=True), "cm_image", 150)
    md.inlinePatterns.register(RawHtmlProcessor(md), "cm_html", 90)
    md.ESCAPED_CHARS = list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
