"""Whether this Linux computer has the system libraries Qt's X11 window needs.

Qt's xcb platform plugin links a score of small X libraries that minimal
installs (WSL, server images, "minimal" desktops) leave out.  Without them
Qt aborts with its own message about a "platform plugin", which says nothing
of what to install; this names the missing packages instead, before Qt starts.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

# The shared libraries Qt's xcb plugin links, and the Debian/Ubuntu package of each.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def missing_window_libraries() -> list[str]:
    """The libraries of XCB_LIBRARIES that cannot be loaded, when Qt is about to use X11."""
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform not in ("", "xcb") or (not platform and os.environ.get("WAYLAND_DISPLAY")):
        return []  # offscreen, Wayland or another plugin: none of these is needed
    import ctypes  # only where the window will use X11

    bundled = _qt_library_folder()
    missing = []
    for soname in XCB_LIBRARIES:
        if bundled is not None and (bundled / soname).exists():
            continue  # a Qt build that carries its own copy
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(soname)
    return missing


def _qt_library_folder() -> Path | None:
    """PySide6's own lib folder, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "Qt" / "lib"


def missing_libraries_message(missing: list[str]) -> str:
    packages = " ".join(XCB_LIBRARIES[name] for name in missing)
    return (
        f"the window needs system libraries this computer lacks ({', '.join(missing)});"
        f" on Debian or Ubuntu: sudo apt install {packages}."
        " The command line works without them (studynotes --help)"
    )
