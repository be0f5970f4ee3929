"""Formats by the names a user knows ("Zoom chat"), not the importers' internal ones (`chat_log`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_LABELS = {
    "chat_log": "Zoom chat",
    "question_board": "Notion question board",
    "minutes": "Meeting minutes",
    "programme": "Programme page (schedule)",
    "daily_log": "Day N study log",
    "markdown": "Markdown or text",
    "studynotes_export": "Week exported from studynotes",
    "kakaotalk": "KakaoTalk chat",
    "discord": "Discord chat",
    "slack": "Slack chat",
    "notion": "Notion page",
}


def format_label(name: str) -> str:
    """The user's word for a format; a format added later reads as its name in words."""
    label = _LABELS.get(name) or name.replace("_", " ").capitalize()
    return QCoreApplication.translate("formats", label)
