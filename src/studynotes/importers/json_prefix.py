"""The messages a cut-off JSON export still holds: every whole item before the break.

A download that stopped half-way, or a file truncated by a full disk, ends in
the middle of a message.  `json.loads` refuses the whole file; these helpers
read the array item by item and keep what is whole, with the line where the
damage starts for the warning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import ParsedDocument

_DECODER = json.JSONDecoder()


@dataclass
class Salvaged:
    items: list[Any]
    broken_line: int  # where the first unreadable item starts


def array_items(text: str, start: int) -> Salvaged:
    """The whole items of the JSON array whose `[` is at `start` (or after it), up to the first broken one."""
    items: list[Any] = []
    at = text.find("[", start)
    if at < 0:
        return Salvaged(items, text.count("\n", 0, start) + 1)
    at += 1
    while True:
        at = _skip(text, at)
        if at >= len(text) or text[at] == "]":
            return Salvaged(items, 0)
        try:
            item, end = _DECODER.raw_decode(text, at)
        except json.JSONDecodeError:
            return Salvaged(items, text.count("\n", 0, at) + 1)
        items.append(item)
        at = _skip(text, end)
        if at < len(text) and text[at] == ",":
            at += 1


def messages_array(text: str) -> Salvaged:
    """A truncated export: a top-level array (a Slack day) or the `"messages"` array of an object."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        return array_items(text, 0)
    key = text.find('"messages"')
    if key < 0:
        return Salvaged([], 1)
    return array_items(text, key)


def load_export(text: str, document: ParsedDocument) -> tuple[Any, bool]:
    """The parsed export and False; for a cut-off one, the whole messages before the break (a
    list) and True, with a warning naming the line where it breaks."""
    try:
        return json.loads(text), False
    except json.JSONDecodeError as error:
        salvaged = messages_array(text)
        document.warn(
            f"the JSON breaks off here ({error.msg}); the {len(salvaged.items)} whole messages before it are imported",
            salvaged.broken_line or error.lineno,
        )
        return salvaged.items, True


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at
