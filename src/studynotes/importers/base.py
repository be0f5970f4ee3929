"""The shape every importer has, and small helpers they share."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import ImportContext, NoteKind, ParsedDocument


@dataclass(frozen=True)
class Importer:
    """One file format: how well a text fits it, and how to parse it.

    `score` returns 0.0 (surely not this format) to 1.0 (surely this format);
    the registry picks the highest.  `parse` is pure: text in, data out.
    """

    name: str
    description: str
    kind: NoteKind
    score: Callable[[str], float]
    parse: Callable[[str, ImportContext], ParsedDocument]


_UUID_SUFFIX = re.compile(r"\s+[0-9a-f]{32}$", re.IGNORECASE)


def strip_notion_id(name: str) -> str:
    """`Week 2 0f3c…e1` → `Week 2`: Notion appends a 32-hex id to exported names."""
    return _UUID_SUFFIX.sub("", name).strip()


def title_from_file_name(file_name: str) -> str:
    """A readable title from a file name: no folder, no extension, no Notion id."""
    stem = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    return strip_notion_id(stem) or "Untitled"


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")


def split_front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """Read a leading `---` block of `key: value` lines; return it, the body, and
    how many lines it took (so warnings can still name the right line)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0
    fields: dict[str, str] = {}
    last_key = ""
    for line in match.group(1).splitlines():
        item = re.match(r"^\s*-\s+(.+)$", line)
        if item and last_key:  # a YAML block list under `key:`
            value = item.group(1).strip().strip("\"'")
            fields[last_key] = f"{fields[last_key]}, {value}" if fields[last_key] else value
            continue
        pair = _FRONT_MATTER_LINE.match(line.strip())
        last_key = pair.group(1).lower() if pair and not pair.group(2).strip() else ""
        if pair:
            value = pair.group(2).strip().strip("\"'")
            if value.startswith("[") and value.endswith("]"):
                value = ", ".join(v.strip().strip("\"'") for v in value[1:-1].split(",") if v.strip())
            fields[pair.group(1).lower()] = value
    return fields, text[match.end() :], match.group(0).count("\n")


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


_KOREAN_QUESTION_END = re.compile(
    r"(나요|까요|인가요|인가여|가요|을까|ㄹ까|는지|은지|인지|뭘까|뭔가요|뭐죠|죠|니까|나여|까여|습니까|는가|은가|냐|니)[.…~\s]*$"
)


def looks_like_question(text: str) -> bool:
    """Does this message or line ask something?  `?`, `Q:`, or a Korean ending."""
    stripped = text.strip()
    if not stripped:
        return False
    if "?" in stripped or "？" in stripped:
        return True
    if re.match(r"^(Q\d*\s*[:.)]|질문\s*[:)])", stripped, re.IGNORECASE):
        return True
    last_line = stripped.splitlines()[-1]
    return bool(_KOREAN_QUESTION_END.search(last_line))


QUESTION_LABEL = re.compile(r"^(?:Q\d*\s*[.:)]|질문\s*\d*\s*[.:)])\s*", re.IGNORECASE)


def without_question_label(text: str) -> str:
    """`질문: 왜…`, `Q. why…` → the question itself; the label only said it was one."""
    stripped = text.strip()
    return QUESTION_LABEL.sub("", stripped).strip() or stripped


_BULLET = re.compile(r"^(\s*)([•◦▪▫●○■□‣⁃∙·*+-])\s+(.*)$")


def indent_width(whitespace: str) -> int:
    return len(whitespace.expandtabs(4))


def bullets_to_markdown(lines: list[str]) -> list[str]:
    """`•` bullets nested by any indentation → Markdown lists, four spaces a level.

    Levels come from the order of distinct indents seen (2, 4, 6 → 0, 1, 2), so
    copy-pasted lists nest the same whatever indent their source used.  Other
    lines keep their text and take the indentation of the bullet they follow,
    which keeps them inside that list item.
    """
    out: list[str] = []
    stack: list[int] = []  # indents of the open levels
    for line in lines:
        match = _BULLET.match(line)
        if match is None or (match.group(2) in "*+-" and not match.group(3).strip()):
            if not line.strip():
                out.append("")
            elif stack and line.startswith((" ", "\t")):
                out.append("    " * len(stack) + line.strip())
            else:
                stack = []
                out.append(line)
            continue
        indent = indent_width(match.group(1))
        while stack and indent < stack[-1]:
            stack.pop()
        if not stack or indent > stack[-1]:
            stack.append(indent)
        out.append("    " * (len(stack) - 1) + "- " + match.group(3).strip())
    return out
