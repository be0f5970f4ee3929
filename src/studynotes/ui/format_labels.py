"""Formats by the names a user knows ("Zoom chat"), not the importers' internal ones (`chat_log`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def _labels() -> dict[str, str]:
    return {
        "chat_log": translate("Formats", "Zoom chat"),
        "question_board": translate("Formats", "Notion question board"),
        "minutes": translate("Formats", "Meeting minutes"),
        "programme": translate("Formats", "Programme page (schedule)"),
        "daily_log": translate("Formats", "Day N study log"),
        "markdown": translate("Formats", "Markdown or text"),
        "studynotes_export": translate("Formats", "Week exported from studynotes"),
        "kakaotalk": translate("Formats", "KakaoTalk chat"),
        "discord": translate("Formats", "Discord chat"),
        "slack": translate("Formats", "Slack chat"),
        "notion": translate("Formats", "Notion page"),
        "notion_export": translate("Formats", "Notion export"),
        "repository": translate("Formats", "study repository"),
    }


def format_label(name: str) -> str:
    """The user's word for a format; a format added later reads as its name in words."""
    return _labels().get(name) or name.replace("_", " ").capitalize()


def bundle_label(kind: str) -> str:
    """A folder or archive read as a whole: a Notion export, a study repository."""
    return _labels().get("notion_export" if kind == "notion" else kind) or kind
