"""Plain paragraphs straight to HTML, without the Markdown pipeline.

A day of a busy chat is thousands of short messages (`**09:01:00 Jisoo**: 넵`)
that use no Markdown beyond a bold name and an occasional `<https://…>` link;
running each through Python-Markdown took seconds for one day.  Text in that
narrow shape is written out directly, as the pipeline and the sanitiser would
leave it (so it needs no cleaning: nothing in it is markup but ours); anything
else (a list, a heading, emphasis, code, a formula, an escape, HTML) returns
None and goes the usual way.  `tests/render/test_plain_paragraphs.py` checks
that both ways agree on the seeds, the real documents and generated chats.
"""

from __future__ import annotations

import html
import re

# What a paragraph line may hold: letters and digits of any script, spaces, and punctuation
# that means nothing to Markdown in mid-line (no `*_`[]<>&\\$~|{}`, which open markup).
_SAFE_PUNCTUATION = frozenset(".,?!'\"()%/;:@#+-=…·—–‘’“”")
_PLAIN = re.compile(r"[\w .,?!'\"()%/;:@#+=…·—–‘’“”-]*")  # the common case of the same, at once
_BOLD_NAME = re.compile(r"\*\*([^*\s](?:[^*]*[^*\s])?)\*\*")  # `**09:01:00 Jisoo**` opening a line
_LINK = re.compile(r"<(https?://[A-Za-z0-9/._:-]+)>")  # `<https://github.com/x/y/pull/3>`
_FIRST = re.compile(r"[^\W\d_]")  # a line starts with a letter: never a list, heading or quote


def plain_paragraphs(text: str) -> str | None:
    """HTML for text in the plain shape (paragraphs of plain lines), or None for anything else."""
    if not text or text != text.strip() or "\n\n\n" in text:
        return None
    blocks = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        out = []
        for index, line in enumerate(lines):
            last = index == len(lines) - 1
            hard_break = not last and line.endswith("  ") and not line.endswith("   ")
            if hard_break:
                line = line[:-2]
            html_line = _line(line)
            if html_line is None:
                return None
            out.append(html_line + ("<br>" if hard_break else ""))
        blocks.append("<p>" + "\n".join(out) + "</p>")
    return "\n".join(blocks)


def _line(line: str) -> str | None:
    """One line's HTML, or None when it holds anything but plain words, a bold name and links."""
    if not line or line != line.strip():
        return None
    prefix = ""
    bold = _BOLD_NAME.match(line)
    if bold is not None:
        if not _plain(bold.group(1)):
            return None
        prefix = f"<strong>{html.escape(bold.group(1), quote=False)}</strong>"
        line = line[bold.end() :]
        if line and line[0] != ":" and not line[0].isspace():
            return None  # `**a**b` is emphasis inside a word; left to the pipeline
    elif not _FIRST.match(line):
        return None
    parts = _LINK.split(line)
    out = [prefix]
    for position, part in enumerate(parts):
        if position % 2:
            out.append(f'<a href="{part}" rel="noopener noreferrer">{part}</a>')
        elif not _plain(part):
            return None
        else:
            out.append(html.escape(part, quote=False))
    return "".join(out)


def _plain(text: str) -> bool:
    if _PLAIN.fullmatch(text) and "_" not in text:
        return True
    return all(
        char == " "
        or char.isalnum()
        or char in _SAFE_PUNCTUATION
        or (ord(char) >= 0x2E80 and char.isprintable() and not char.isspace())
        for char in text
    )
