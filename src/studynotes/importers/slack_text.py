"""Slack's message markup → Markdown: `<@U123>`, `<url|label>`, `*bold*`, `&lt;`.

Slack writes its own "mrkdwn": user and channel references in angle brackets,
single-star bold, underscore italics, single-tilde strike, and HTML-escaped
`& < >`.  Code spans and blocks are left exactly as written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

_REFERENCE = re.compile(r"<([^<>\n]+)>")
_CODE = re.compile(r"(```.*?```|`[^`\n]+`)", re.DOTALL)
# A Korean particle may follow the closing mark (`*정규화*는`); a Latin letter or digit may not (`snake_case_name`).
_BOLD = re.compile(r"(?<![A-Za-z0-9*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![A-Za-z0-9*])")
_ITALIC = re.compile(r"(?<![A-Za-z0-9_])_(?=\S)([^_\n]+?)(?<=\S)_(?![A-Za-z0-9_])")
_STRIKE = re.compile(r"(?<![A-Za-z0-9~])~(?=\S)([^~\n]+?)(?<=\S)~(?![A-Za-z0-9~])")


def slack_markdown(text: str, user_name: Callable[[str], str]) -> str:
    """The message as Markdown, people named (`<@U123>` → `@Kim`), links kept as links."""
    parts = _CODE.split(text) if "`" in text else [text]
    out: list[str] = []
    for index, part in enumerate(parts):
        if index % 2:  # code: only the HTML escapes are undone
            out.append(html.unescape(part))
            continue
        # Each mark is looked for only where its character is: most messages have none.
        if "<" in part:
            part = _REFERENCE.sub(lambda m: _reference(m.group(1), user_name), part)
        if "*" in part:
            part = _BOLD.sub(r"**\1**", part)
        if "_" in part:
            part = _ITALIC.sub(r"*\1*", part)
        if "~" in part:
            part = _STRIKE.sub(r"~~\1~~", part)
        out.append(html.unescape(part))
    return "".join(out)


def _reference(inner: str, user_name: Callable[[str], str]) -> str:
    target, _, label = inner.partition("|")
    if target.startswith("@"):
        return f"@{label or user_name(target[1:])}"
    if target.startswith("#"):
        return f"#{label or target[1:]}"
    if target.startswith("!"):
        word = target[1:].split("^", 1)[0]
        return f"@{label or word}"
    if re.match(r"^(?:https?|mailto|ftp):", target):
        label = html.unescape(label).replace("[", "(").replace("]", ")")
        return f"[{label}]({target})" if label and label != target else f"<{target}>"
    return f"<{inner}>"
