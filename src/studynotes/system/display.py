"""Whether there is a display to open the window on."""

from __future__ import annotations

import os
import sys


def has_display() -> bool:
    """Qt aborts the process without a display; the caller says so in one line instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
