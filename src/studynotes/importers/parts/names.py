"""Titles from file names, as Notion and other exporters name their files."""

from __future__ import annotations

import re

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
