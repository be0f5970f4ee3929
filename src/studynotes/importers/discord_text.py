"""DiscordChatExporter's TXT: `[date] Author` then the message, with `{Attachments}` and friends.

The date is written in the exporting computer's locale: `8/5/2021 3:21 PM`,
`05-Aug-21 03:21 PM` (older versions), `05/08/2021 15:21`, `05.08.2021 15:21`,
`2021-08-05 오후 3:21`.  A 12-hour clock with slashes is the US order, month
first; a first number over 12 or a 24-hour clock is the day.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import ParsedDocument
from .chat_days import ChatMessage

TXT_HEADER = re.compile(r"^\[(?P<date>[^\]\n]{6,40})\] (?P<author>[^\n]+?)(?: \(pinned\))?\s*$")
_WHEN = re.compile(
    r"^(?P<a>\d{1,4})(?P<sep>[./-])\s*(?P<b>\d{1,2}|[A-Za-z]{3})[./-]\s*(?P<c>\d{2,4})\.?,?\s+"
    r"(?:(?P<pre>오전|오후)\s*)?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<post>[AaPp]\.?[Mm]\.?)?$"
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}
_EXPORTED = re.compile(r"^Exported [\d,.\s]+ message\(s\)$")
_SECTIONS = ("{Attachments}", "{Embed}", "{Stickers}", "{Reactions}", "{Forwarded Message}")


def parse_when(value: str) -> dt.datetime | None:
    found = _WHEN.match(value.strip())
    if found is None:
        return None
    a, b, c = found.group("a"), found.group("b"), found.group("c")
    half = (found.group("pre") or found.group("post") or "").lower().replace(".", "")
    try:
        if len(a) == 4:
            year, month, day = int(a), int(b), int(c)
        elif b.isalpha():
            year, month, day = int(c), _MONTHS.get(b.lower(), 0), int(a)
        elif found.group("sep") == "/" and half and int(a) <= 12:
            year, month, day = int(c), int(a), int(b)
        else:
            year, month, day = int(c), int(b), int(a)
        if year < 100:
            year += 2000
        hour = int(found.group("h"))
        if half in ("pm", "오후") and hour < 12:
            hour += 12
        elif half in ("am", "오전") and hour == 12:
            hour = 0
        return dt.datetime(year, month, day, hour, int(found.group("mi")), int(found.group("s") or 0))
    except ValueError:
        return None


def read_txt(text: str, document: ParsedDocument) -> tuple[list[ChatMessage], str]:
    """Messages and the `Guild / Channel` title of a TXT export."""
    from .discord import author_name

    messages: list[ChatMessage] = []
    guild = channel = ""
    section = ""
    body: list[str] = []

    def close() -> None:
        if messages:
            messages[-1].text = "\n".join(body).strip()

    for number, line in enumerate(text.split("\n"), start=1):
        header = TXT_HEADER.match(line)
        when = parse_when(header.group("date")) if header else None
        if header is not None and when is not None:
            close()
            body, section = [], ""
            messages.append(
                ChatMessage(sender=author_name(header.group("author")), text="", when=when, line=number)
            )
            continue
        if header is not None and not messages:
            document.warn(
                f"{header.group('date')!r} is not a date this reader knows; the line is skipped", number
            )
            continue
        if not messages:
            guild = line[7:].strip() if line.startswith("Guild: ") else guild
            channel = line[9:].strip() if line.startswith("Channel: ") else channel
            continue
        stripped = line.strip()
        if stripped in _SECTIONS:
            section = stripped
            continue
        if (stripped[:1] == "=" and not stripped.strip("=")) or _EXPORTED.match(stripped):
            section = "end"
            continue
        if section == "{Attachments}" and stripped:
            messages[-1].attachments.append(_attachment(stripped))
        elif section in ("", "{Forwarded Message}"):
            body.append(line)
        elif not stripped:
            section = "" if section != "end" else section
    close()
    title = " / ".join(part for part in (guild, channel) if part and part != "Direct Messages")
    if not messages:
        document.warn("no Discord messages found (lines like `[8/5/2021 3:21 PM] Name`)")
    return messages, title


def _attachment(url: str) -> str:
    name = url.rsplit("/", 1)[-1].split("?")[0] or "attachment"
    return f"📎 [{name}]({url})" if url.startswith(("http://", "https://")) else f"📎 {name}"
