"""The Python-Markdown configuration: what notes students paste is CommonMark/GFM-ish."""

from __future__ import annotations

import re
import unicodedata
from functools import partial
from typing import Any
from xml.etree import ElementTree

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import ETX, STX

from .blocks import BlockParser
from .inline import register as register_inline
from .inline_pass import LinearInlineProcessor
from .tree import build

_FENCE = re.compile(r"^\s*(```|~~~)")
_NOTION_ESCAPE = re.compile(r"(?<=[^\s\\])\\\\([_*])")  # `KL\\_div`, `Gibbs'\\_inequality`


def github_slug(value: str, separator: str = "-") -> str:
    """Heading ids as GitHub and Notion write anchors: `Lecture 3` → `lecture-3`, Hangul kept."""
    value = unicodedata.normalize("NFC", value).strip().lower()
    value = re.sub(r"[^\w\- ]", "", value)
    return value.replace(" ", separator)


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


class Newlines(Preprocessor):
    """Line ends normalised and Python-Markdown's private markers removed; tabs stay (CommonMark counts them)."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines).replace(STX, "").replace(ETX, "").replace("\r\n", "\n").replace("\r", "\n")
        return text.split("\n")


def _parse_document(md: Any, lines: list[str]) -> ElementTree.ElementTree:
    """CommonMark's block structure in place of Python-Markdown's own block parser."""
    parser = BlockParser()
    document = parser.parse("\n".join(lines))
    md.references.update(parser.references)
    if "footnote" in md.inlinePatterns:  # Python-Markdown's registry has no get()
        footnote_refs = md.inlinePatterns["footnote"]
        for label, text in parser.footnotes.items():
            footnote_refs.footnotes.setFootnote(label, text)
    return build(md, document)


class StudyNotesExtension(Extension):
    """The CommonMark block parser, CommonMark links and autolinks, Notion's escapes."""

    def extendMarkdown(self, md: Any) -> None:  # noqa: N802 (Python-Markdown's name)
        for name in ("normalize_whitespace", "html_block", "fenced_code_block"):
            if name in md.preprocessors:
                md.preprocessors.deregister(name)
        md.preprocessors.register(Newlines(md), "newlines", 40)
        md.preprocessors.register(NotionEscapes(md), "notion_escapes", 31)
        md.parser.parseDocument = partial(_parse_document, md)
        register_inline(md)
        md.treeprocessors.register(LinearInlineProcessor(md), "inline", 20)


def make_markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            "attr_list",
            "footnotes",
            "toc",
            "pymdownx.arithmatex",
            "pymdownx.tasklist",
            "pymdownx.tilde",
            StudyNotesExtension(),
        ],
        extension_configs={
            "toc": {"slugify": github_slug, "permalink": False},
            "pymdownx.arithmatex": {"generic": True, "smart_dollar": True},
            "pymdownx.tasklist": {"custom_checkbox": False},
        },
        output_format="html",
    )
