"""Whether the window is dark: the colours drawn by hand (status marks, highlighting) follow it."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication


def dark_palette() -> bool:
    """True when the application's window background is dark."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return app.palette().window().color().lightness() < 128
