"""A leading `---` block of `key: value` lines, as static-site and Obsidian notes start."""

from __future__ import annotations

import re

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
