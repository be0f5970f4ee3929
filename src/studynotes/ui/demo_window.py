"""The sample notebooks in a window of their own, over a temporary library.

"Open the sample notebooks" must never mix the samples into the user's library:
they get their own file, which goes away when their window closes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from ..demo import DemoLibrary
from .first_paint import after_first_paint

translate = QCoreApplication.translate


def open_demo_window(settings: QSettings) -> QMainWindow:
    """A new main window on a fresh library holding the samples; closing it removes the library."""
    from .main_window import MainWindow

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        demo = DemoLibrary()
    finally:
        QGuiApplication.restoreOverrideCursor()
    window = MainWindow(demo.library, settings, page_after_paint=True)
    window.setWindowTitle(translate("MainWindow", "studynotes — sample notebooks (a temporary library)"))
    window._on_close.append(demo.close)
    window.show()
    after_first_paint(window, lambda: window.guarded(_after_first_paint, window))
    return window


def _after_first_paint(window: object) -> None:
    from .main_window import MainWindow

    if isinstance(window, MainWindow) and window.isVisible():
        window.preview.create_web_view()
        window.show_page()
