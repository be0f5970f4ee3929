"""Discord channels as DiscordChatExporter saves them (JSON, CSV, TXT): a note per day.

JSON carries the most: a reply names the message it answers (`reference`), an
edit is marked, attachments are links; a thread's own export (its channel type
says so) hangs every message on the thread's first one.  CSV and TXT have no
replies, so their answers are found as in any chat.  Joins, pins and calls are
Discord's notices, not messages.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from functools import lru_cache
from typing import Any

from ..model import ImportContext, ParsedDocument
from .base import Importer
from .chat_days import ChatMessage, chat_document
from .discord_text import TXT_HEADER, read_txt
from .json_prefix import load_export
from .parts.lines_with import first_lines
from .parts.names import title_from_file_name

FORMAT = "discord"
_CSV_HEADER = "AuthorID,Author,Date,Content,Attachments,Reactions"
_MESSAGE_KINDS = frozenset({"Default", "Reply", "ThreadStarterMessage"})
_THREAD_KINDS = frozenset({"GuildPublicThread", "GuildPrivateThread", "GuildNewsThread"})
_DISCRIMINATOR = re.compile(r"#\d{4}$")


def score(text: str) -> float:
    head = text[:4000].lstrip("\ufeff \n")
    if head.startswith("{") and '"guild"' in head and '"channel"' in head:
        return 0.97
    if head.startswith(_CSV_HEADER) or head.startswith(
        f'"{_CSV_HEADER.replace(",", chr(34) + "," + chr(34))}"'
    ):
        return 0.97
    lines = head.split("\n", 12)
    if len(lines) > 2 and set(lines[0].strip()) == {"="} and lines[1].startswith("Guild: "):
        return 0.97
    headers = sum(1 for line in text[:20000].split("\n", 300)[:300] if TXT_HEADER.match(line))
    return 0.7 if headers >= 3 else 0.0


def bound(text: str) -> float:
    """Sure only for an export's own opening; otherwise its text export, whose headers start with `[`."""
    head = text[:4000].lstrip("\ufeff \n")
    if head.startswith(("{", _CSV_HEADER, '"AuthorID"')) or "\nGuild: " in head:
        return 0.97
    lines = first_lines(text[:20000], 300)
    return 0.7 if lines.startswith("[") or "\n[" in lines else 0.0


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format=FORMAT)
    head = text.lstrip("\ufeff \n")
    if head.startswith("{"):
        messages, title = _read_json(head, document)
    elif head.startswith((_CSV_HEADER, '"AuthorID"')):
        messages, title = _read_csv(head, document), ""
    else:
        messages, title = read_txt(text, document)
    if not title:
        title = title_from_file_name(context.file_name) if context.file_name else "Discord chat"
    return chat_document(FORMAT, title, messages, context, document)


@lru_cache(maxsize=4096)  # a channel has few authors and many messages
def author_name(name: str) -> str:
    """`Alice#1234` → `Alice`: the tag tells Discord users apart, not readers."""
    return _DISCRIMINATOR.sub("", name.strip()) or name.strip()


def _read_json(text: str, document: ParsedDocument) -> tuple[list[ChatMessage], str]:
    data, cut_off = load_export(text, document)
    if cut_off:
        data = {"messages": data}
    if not isinstance(data, dict):
        document.warn("not a DiscordChatExporter export (no channel or messages)")
        return [], ""
    channel = _object(data.get("channel"))
    guild = _object(data.get("guild"))
    title = " / ".join(
        str(part)
        for part in (guild.get("name"), channel.get("category"), channel.get("name"))
        if part and part not in ("Direct Messages", "Group")
    )
    messages: list[ChatMessage] = []
    thread_root = ""
    for index, raw in enumerate(data.get("messages") or []):
        message = _json_message(raw)
        if message is None:
            if not isinstance(raw, dict) or raw.get("type") in _MESSAGE_KINDS:
                document.warn(f"message {index + 1} has no author or time; skipped")
            continue
        if channel.get("type") in _THREAD_KINDS:
            thread_root = thread_root or message.id
            if message.id != thread_root and not message.reply_to:
                message.reply_to = thread_root
        messages.append(message)
    return messages, title


def _json_message(raw: Any) -> ChatMessage | None:
    if not isinstance(raw, dict) or raw.get("type", "Default") not in _MESSAGE_KINDS:
        return None
    author = _object(raw.get("author"))
    name = author.get("nickname") or author.get("name")
    when = _instant(raw.get("timestamp"))
    if not name or when is None:
        return None
    reference = _object(raw.get("reference"))
    attachments = [
        _link(item.get("fileName") or "attachment", item.get("url") or "")
        for item in raw.get("attachments") or []
        if isinstance(item, dict)
    ]
    return ChatMessage(
        sender=author_name(str(name)),
        text=str(raw.get("content") or "").strip(),
        when=when,
        id=str(raw.get("id") or ""),
        reply_to=str(reference.get("messageId") or "") if raw.get("type") == "Reply" else "",
        attachments=attachments,
        edited=bool(raw.get("timestampEdited")),
    )


def _read_csv(text: str, document: ParsedDocument) -> list[ChatMessage]:
    rows = csv.reader(io.StringIO(text))
    next(rows, None)
    messages: list[ChatMessage] = []
    try:
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < 4:
                document.warn(f"a row with {len(row)} field(s) instead of six; skipped", rows.line_num)
                continue
            when = _instant(row[2])
            if when is None:
                document.warn(f"{row[2][:30]!r} is not a date and time; the row is skipped", rows.line_num)
                continue
            links = [u.strip() for u in (row[4] if len(row) > 4 else "").split(",") if u.strip()]
            messages.append(
                ChatMessage(
                    sender=author_name(row[1]),
                    text=row[3].strip(),
                    when=when,
                    line=rows.line_num - row[3].count("\n"),
                    attachments=[_link(u.rsplit("/", 1)[-1].split("?")[0] or "attachment", u) for u in links],
                )
            )
    except csv.Error as error:
        document.warn(f"the CSV breaks off here ({error}); the rows before it are imported", rows.line_num)
    return messages


def _instant(value: object) -> dt.datetime | None:
    """An ISO time as written (the exporter's own clock), without its offset."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def _object(value: object) -> dict[str, Any]:
    """A JSON object, or an empty one when the export has something else there."""
    return value if isinstance(value, dict) else {}


def _link(name: str, url: str) -> str:
    """An attachment as a Markdown link: images are remote and stay a link, never loaded."""
    label = name.replace("[", "(").replace("]", ")")
    return f"📎 [{label}]({url})" if url.startswith(("http://", "https://")) else f"📎 {label}"


IMPORTER = Importer(
    name=FORMAT,
    description="a Discord channel saved by DiscordChatExporter (JSON, CSV or TXT): a note per day",
    kind="chat",
    score=score,
    parse=parse,
    ceiling=0.97,
    bound=bound,
)
