"""Where review and preparation show their page: the preview's own offline web view.

`web_view=False` keeps the page as text only (tests of the flow, which need no
web engine); `html` always holds what was last shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget


class PageView(QWidget):
    toggleRequested = Signal(int)  # a card's status link was clicked

    def __init__(self, web_view: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.html = ""
        self._pending_scroll: str | None = None
        layout = QStackedLayout(self)
        self.pane = None
        if web_view:
            from .preview import PreviewPane

            self.pane = PreviewPane(self)
            # Keys belong to the dialog (Space reveals, 1–4 rate), not to the page's scrolling.
            self.pane.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.pane.shown.connect(self._scroll_when_shown)
            self.pane.toggleRequested.connect(self.toggleRequested)
            layout.addWidget(self.pane)
        else:
            layout.addWidget(QLabel("(page)"))

    def show_page(self, page: str, *, scroll_to: str | None = None) -> None:
        self.html = page
        self._pending_scroll = scroll_to
        if self.pane is not None:
            self.pane.set_html(page)

    def _scroll_when_shown(self, ok: bool) -> None:
        if ok:
            self._scroll()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A page loaded before the dialog was shown is scrolled again once it has its size."""
        super().resizeEvent(event)
        self._scroll()

    def _scroll(self) -> None:
        if self._pending_scroll and self.pane is not None:
            self.pane.scroll_to(self._pending_scroll)
