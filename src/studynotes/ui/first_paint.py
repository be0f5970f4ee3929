"""Work that waits until the window has been painted once, so the user sees the window first.

A zero-timer set when the window is shown fires before its first paint: the platform's expose
event comes back a turn or two of the event loop later (offscreen and under X11 alike), so the
web view made in such a timer (0.3-0.5 s of QtWebEngine) kept the window from appearing at all.
Here the work is queued from the window's first paint event instead, and runs right after
that paint is on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that is never painted (started minimized, a platform that draws nothing hidden) still
# gets its work done after this long in the event loop.
FALLBACK_MS = 2000


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        self._fallback = QTimer(self, singleShot=True, interval=FALLBACK_MS)
        self._fallback.timeout.connect(self._run_soon)
        self._fallback.start()
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._run_soon()
        return False

    def _run_soon(self) -> None:
        self._widget.removeEventFilter(self)
        self._fallback.stop()
        then, self._then = self._then, None
        if then is not None:
            # After this paint, and the rest of the window's, reach the screen; not at all if the
            # window is gone by then.
            QTimer.singleShot(0, self._widget, then)
        self.deleteLater()


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Call `then` once `widget` has been painted for the first time."""
    _FirstPaint(widget, then)
