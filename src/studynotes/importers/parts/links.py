"""Links in imported text: addresses typed as plain text, and the local images a note shows.

Chats, blog copies and outlines are plain text: a student pastes
`https://…` and expects a link.  The preview follows CommonMark, which links
only `<https://…>`, so the importers that turn plain text into Markdown
bracket bare addresses on the way in.
"""

from __future__ import annotations

import re

_BARE_URL = re.compile(r"(?<![<\[\w\"'=/])(?<!\]\()(?:https?|ftp)://[^\s<>]+")
_URL_TAIL = ".,;:!?'\""
_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")


def link_bare_urls(line: str) -> str:
    """A pasted `https://…` becomes the autolink `<https://…>`: chat is plain text, and
    CommonMark (which the preview follows) links only bracketed addresses.  Sentence
    punctuation after the address and an unmatched `)` stay outside the link."""

    def autolink(match: re.Match[str]) -> str:
        url = match.group(0)
        tail = ""
        while url and (url[-1] in _URL_TAIL or (url[-1] == ")" and url.count("(") < url.count(")"))):
            url, tail = url[:-1], url[-1] + tail
        return f"<{url}>{tail}" if "://" in url and not url.endswith("://") else match.group(0)

    if "://" not in line:
        return line
    pieces, last = [], 0
    for span in _CODE_SPAN.finditer(line):  # code spans show their text as typed
        pieces += [_BARE_URL.sub(autolink, line[last : span.start()]), span.group(0)]
        last = span.end()
    return "".join([*pieces, _BARE_URL.sub(autolink, line[last:])])


_IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REMOTE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def local_image_links(markdown: str) -> list[str]:
    """Targets of `![alt](path)` that name a local file (not http:, data:, …)."""
    seen: dict[str, None] = {}
    for match in _IMAGE_LINK.finditer(markdown):
        target = match.group(1)
        if not _REMOTE.match(target) and not target.startswith("#"):
            seen.setdefault(target, None)
    return list(seen)


_ANGLE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<([^>\n]+)>\s*\)")


def image_links(markdown: str) -> list[str]:
    """Local image targets, including Notion's `![](<Page Name uuid/image.png>)` with spaces."""
    found = dict.fromkeys(local_image_links(markdown))
    for match in _ANGLE_IMAGE.finditer(markdown):
        target = match.group(1).strip()
        if target and not _REMOTE.match(target) and not target.startswith("#"):
            found.setdefault(target, None)
    return list(found)
