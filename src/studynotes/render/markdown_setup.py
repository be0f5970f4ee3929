"""The Python-Markdown configuration: what notes students paste is CommonMark/GFM-ish."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|\d{1,9}[.)])(?P<space>[ \t]+|$)")
_FENCE = re.compile(r"^\s*(```|~~~)")
MAX_LIST_DEPTH = 12  # Python-Markdown recurses per level; far deeper lists are flattened there
_NOTION_ESCAPE = re.compile(r"\\\\([_*\[\]()#`])")


def github_slug(value: str, separator: str = "-") -> str:
    """Heading ids as GitHub and Notion write anchors: `Lecture 3` → `lecture-3`, Hangul kept."""
    value = unicodedata.normalize("NFC", value).strip().lower()
    value = re.sub(r"[^\w\- ]", "", value)
    return value.replace(" ", separator)


class NestedListIndent(Preprocessor):
    """Re-indent nested lists to four spaces a level: GitHub and Notion nest at two."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        stack: list[int] = []  # source indents of the open list levels
        in_fence = False
        fence_indent = 0
        for line in lines:
            expanded = line.expandtabs(4)
            indent = len(expanded) - len(expanded.lstrip())
            if _FENCE.match(line):
                in_fence = not in_fence
                fence_indent = indent if in_fence else fence_indent
                out.append("    " * len(stack) + expanded.lstrip() if stack else line)
                continue
            if in_fence:  # code keeps its own indentation, moved with its list item
                out.append("    " * len(stack) + expanded[min(indent, fence_indent) :] if stack else line)
                continue
            if not line.strip():
                out.append(line)
                continue
            if _LIST_ITEM.match(line):
                while stack and stack[-1] > indent:
                    stack.pop()
                if not stack or indent > stack[-1]:
                    stack.append(indent)
                level = min(len(stack) - 1, MAX_LIST_DEPTH)  # deeper levels stay at the deepest
                out.append("    " * level + expanded.lstrip())
            elif stack and indent > 0:
                out.append("    " * min(len(stack), MAX_LIST_DEPTH + 1) + expanded.lstrip())
            else:
                stack = []
                out.append(line)
        return out


class NotionEscapes(Preprocessor):
    """Notion writes `KL\\\\_divergence`; it means an escaped `_`."""

    def run(self, lines: list[str]) -> list[str]:
        in_fence = False
        out = []
        for line in lines:
            if _FENCE.match(line):
                in_fence = not in_fence
            out.append(line if in_fence else _NOTION_ESCAPE.sub(r"\\\1", line))
        return out


class StudyNotesExtension(Extension):
    def extendMarkdown(self, md: Any) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(NotionEscapes(md), "notion_escapes", 31)
        md.preprocessors.register(NestedListIndent(md), "nested_list_indent", 30)


def make_markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            "extra",
            "sane_lists",
            "toc",
            "pymdownx.superfences",
            "pymdownx.highlight",
            "pymdownx.arithmatex",
            "pymdownx.tasklist",
            "pymdownx.tilde",
            "pymdownx.magiclink",
            StudyNotesExtension(),
        ],
        extension_configs={
            "toc": {"slugify": github_slug, "permalink": False},
            "pymdownx.highlight": {"use_pygments": True, "css_class": "highlight", "guess_lang": False},
            "pymdownx.arithmatex": {"generic": True, "smart_dollar": True},
            "pymdownx.tasklist": {"custom_checkbox": False},
            "pymdownx.magiclink": {"hide_protocol": False},
        },
        output_format="html",
    )
