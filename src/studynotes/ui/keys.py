"""Shortcuts written as the user's platform writes them.

Qt binds "Ctrl" to the Command key on macOS, so a shortcut named "Ctrl+F"
is ⌘F there; text that names a shortcut must say so too.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def native(keys: str) -> str:
    """`Ctrl+F` here, `⌘F` on macOS."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
