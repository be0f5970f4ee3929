"""Links between the files of one import become links between notes; images become attachments.

A page of a Notion export or a repository links to its neighbours by relative
path (`Week%202%20<id>.md`, `../week2/README.md`) or, in Notion, by a
`notion.so` address carrying the page's id.  Once imported those paths mean
nothing, so each such link is rewritten to `studynotes://note/<key>`, where
the key names the target's source in the library; the window opens that note
when the link is clicked.  Local images are rewritten to their path inside the
import (no `..`), which is the name their attachment is stored under.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import quote, unquote, urlsplit

NOTE_LINK_PREFIX = "studynotes://note/"
_HEX_ID = re.compile(r"([0-9a-f]{32})(?![0-9a-f])", re.IGNORECASE)
_UUID = re.compile(r"([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})", re.IGNORECASE)
# `[text](dest "title")` and `![alt](dest)`; a destination may hold one level of parentheses.
_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*"
    r"(?P<dest><[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))+)"
    r"(?P<title>\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")

LinkTarget = Callable[[str], str | None]  # a path inside the import → the key of its note


def note_link(key: str) -> str:
    return NOTE_LINK_PREFIX + quote(key, safe="")


def key_of_note_link(url: str) -> str | None:
    """The key a `studynotes://note/…` link names (what the preview hands the window)."""
    if not url.startswith(NOTE_LINK_PREFIX):
        return None
    return unquote(url[len(NOTE_LINK_PREFIX) :].split("#", 1)[0]) or None


def notion_id(text: str) -> str | None:
    """The 32-hex page id in a file name or a notion.so address (dashed UUIDs too), lower case."""
    dashed = _UUID.search(text)
    if dashed:
        return "".join(dashed.groups()).lower()
    found = _HEX_ID.findall(text)
    return found[-1].lower() if found else None


def resolve_relative(base_file: str, dest: str) -> str | None:
    """`dest` (URL-quoted, relative to `base_file`) as a path inside the import; None if outside."""
    path = unquote(dest.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base_file), path))
    if joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None
    return joined


def rewrite_links(
    markdown: str,
    base_file: str,
    note_for_path: LinkTarget,
    note_for_id: Callable[[str], str | None],
    image_exists: Callable[[str], bool],
    file_exists: Callable[[str], bool] | None = None,
) -> tuple[str, list[str]]:
    """Rewrite links and images of one file; returns the text and the files it uses (paths):
    its images, and the other files it links to when `file_exists` says they are in the import."""
    images: list[str] = []

    def replace(match: re.Match[str]) -> str:
        dest = match.group("dest")
        bare = dest[1:-1] if dest.startswith("<") else dest
        if match.group("bang"):
            if _SCHEME.match(bare) or bare.startswith("#"):
                return match.group(0)
            path = resolve_relative(base_file, bare)
            if path is None or not image_exists(path):
                return match.group(0)
            images.append(path)
            return f"![{match.group('text')}]({quote(path)}{match.group('title') or ''})"
        key = _link_key(bare, base_file, note_for_path, note_for_id)
        if key is None:
            path = resolve_relative(base_file, bare) if file_exists and not _SCHEME.match(bare) else None
            if path is None or file_exists is None or not file_exists(path):
                return match.group(0)
            images.append(path)  # a PDF or slides beside the page: kept with its note
            return f"[{match.group('text')}]({quote(path)}{match.group('title') or ''})"
        return f"[{match.group('text')}]({note_link(key)}{match.group('title') or ''})"

    out: list[str] = []
    in_fence = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        out.append(line if in_fence or "](" not in line else _LINK.sub(replace, line))
    return "\n".join(out), list(dict.fromkeys(images))


def _link_key(
    dest: str, base_file: str, note_for_path: LinkTarget, note_for_id: Callable[[str], str | None]
) -> str | None:
    if _SCHEME.match(dest):
        host = urlsplit(dest).hostname or ""
        if host == "notion.so" or host.endswith((".notion.so", ".notion.site")):
            found = notion_id(urlsplit(dest).path) or notion_id(dest)
            return note_for_id(found) if found else None
        return None
    if dest.startswith("#"):
        return None
    path = resolve_relative(base_file, dest)
    if path is None:
        return None
    return note_for_path(path)
