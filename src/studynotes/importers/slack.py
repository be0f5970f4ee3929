"""Slack exports (a workspace, one channel, or one day's file): a note per channel and day.

A thread (`thread_ts`) is a question with its replies, even when a reply sits in
the next day's file; people are named from `users.json`, or from the profile each
message carries (old exports have neither: the user id is shown).  Joins, topic
changes and other notices are not messages.  Times are shown in the workspace's
own time zone (the one most of its members have), UTC when the export does not say.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from ..model import ImportContext, ParsedDocument
from .base import Importer
from .chat_days import ChatMessage, chat_document
from .json_prefix import load_export
from .parts.names import title_from_file_name
from .slack_bundle import DAY_FILE
from .slack_text import slack_markdown

FORMAT = "slack"
_KEPT_SUBTYPES = frozenset(
    {"", "thread_broadcast", "file_share", "me_message", "bot_message", "reply_broadcast"}
)


def score(text: str) -> float:
    head = text[:3000].lstrip("\ufeff \n")
    if head.startswith("{") and '"slack_export"' in head[:40]:
        return 0.99
    if (
        head.startswith("[")
        and '"ts"' in head
        and ('"type": "message"' in head or '"type":"message"' in head)
    ):
        return 0.95
    return 0.0


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format=FORMAT)
    data, _cut_off = load_export(text, document)
    if isinstance(data, list):  # one day's file: `channel/2021-08-05.json` is named by its folder
        stem = title_from_file_name(context.file_name or "slack")
        channel = (
            context.folder_name if DAY_FILE.match(context.file_name or "") and context.folder_name else stem
        )
        data = {
            "users": [],
            "channels": [],
            "days": [{"channel": channel, "file": context.file_name, "messages": data}],
        }
    if not isinstance(data, dict):
        document.warn("not a Slack export (no messages)")
        return document
    for problem in data.get("unreadable") or []:
        document.warn(f"{problem}; that file is skipped")
    people = _People(data.get("users") or [])
    offset = people.offset()
    by_channel: dict[str, list[ChatMessage]] = {}
    for day in data.get("days") or []:
        if not isinstance(day, dict):
            continue
        channel = str(day.get("channel") or "slack")
        for raw in day.get("messages") or []:
            people.learn(raw)
        for index, raw in enumerate(day.get("messages") or []):
            message = _message(raw, people, offset)
            if message is not None:
                message.line = index + 1
                by_channel.setdefault(channel, []).append(message)
    if not by_channel:
        document.warn("no Slack messages found")
    for channel, messages in sorted(by_channel.items()):
        chat_document(FORMAT, f"#{channel}", messages, context, document)
    return document


class _People:
    """User ids → names: users.json first, then the profiles messages carry."""

    def __init__(self, users: list[Any]) -> None:
        self.names: dict[str, str] = {}
        self.offsets: Counter[int] = Counter()
        for user in users:
            if not isinstance(user, dict) or not user.get("id"):
                continue
            profile = _object(user.get("profile"))
            name = (
                profile.get("display_name")
                or profile.get("real_name")
                or user.get("real_name")
                or user.get("name")
            )
            if name:
                self.names[str(user["id"])] = str(name)
            if isinstance(user.get("tz_offset"), int) and not user.get("is_bot") and not user.get("deleted"):
                self.offsets[user["tz_offset"]] += 1

    def learn(self, raw: Any) -> None:
        if not isinstance(raw, dict) or not raw.get("user") or raw["user"] in self.names:
            return
        profile = _object(raw.get("user_profile"))
        name = profile.get("display_name") or profile.get("real_name") or profile.get("name")
        if name:
            self.names[str(raw["user"])] = str(name)

    def name(self, user_id: str) -> str:
        return self.names.get(user_id, user_id)

    def offset(self) -> dt.timezone:
        if not self.offsets:
            return dt.UTC
        seconds = self.offsets.most_common(1)[0][0]
        return dt.timezone(dt.timedelta(seconds=seconds))


def _message(raw: Any, people: _People, zone: dt.timezone) -> ChatMessage | None:
    if not isinstance(raw, dict) or raw.get("type", "message") != "message":
        return None
    if str(raw.get("subtype") or "") not in _KEPT_SUBTYPES or raw.get("hidden"):
        return None
    try:
        stamp = float(str(raw.get("ts")))
        when = dt.datetime.fromtimestamp(stamp, zone).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    user = str(raw.get("user") or "")
    sender = people.name(user) if user else str(raw.get("username") or raw.get("bot_id") or "?")
    text = slack_markdown(str(raw.get("text") or ""), people.name).strip()
    if not text:
        text = "\n".join(
            slack_markdown(str(a.get("fallback") or a.get("text") or ""), people.name)
            for a in raw.get("attachments") or []
            if isinstance(a, dict)
        ).strip()
    ts, thread = str(raw.get("ts")), str(raw.get("thread_ts") or "")
    return ChatMessage(
        sender=sender,
        text=text,
        when=when,
        id=ts,
        reply_to=thread if thread and thread != ts else "",
        attachments=[_file_link(f) for f in raw.get("files") or [] if isinstance(f, dict)],
        edited=bool(raw.get("edited")),
    )


def _object(value: object) -> dict[str, Any]:
    """A JSON object, or an empty one when the export has something else there."""
    return value if isinstance(value, dict) else {}


def _file_link(file: dict[str, Any]) -> str:
    name = str(file.get("name") or file.get("title") or "file").replace("[", "(").replace("]", ")")
    url = str(file.get("permalink") or file.get("url_private") or "")
    return f"📎 [{name}]({url})" if url.startswith("https://") else f"📎 {name}"


IMPORTER = Importer(
    name=FORMAT,
    description="a Slack export (workspace folder or zip, a channel's folder, or one day's file)",
    kind="chat",
    score=score,
    parse=parse,
    ceiling=0.99,
)
