"""The window's own Back and Forward: the tree selections the user made, in order.

The preview keeps no history (it is not a browser); moving back goes through the
window's selection, so the tree, the question list and the preview always agree.
Alt+Left/Right (the platform's Back/Forward keys) and the mouse's side buttons both walk it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent

LIMIT = 200  # far more than anyone walks back through


class SelectionHistory:
    """Back and forward stacks of node keys; a new visit drops what was ahead."""

    def __init__(self) -> None:
        self._back: list[Hashable] = []
        self._forward: list[Hashable] = []
        self._current: Hashable | None = None

    def visit(self, key: Hashable) -> None:
        if key == self._current:
            return
        if self._current is not None:
            self._back.append(self._current)
            del self._back[:-LIMIT]
        self._current = key
        self._forward.clear()

    def back(self) -> Hashable | None:
        """The key to show going back (it becomes current), or None at the start."""
        return self._step(self._back, self._forward)

    def forward(self) -> Hashable | None:
        return self._step(self._forward, self._back)

    def _step(self, source: list[Hashable], other: list[Hashable]) -> Hashable | None:
        if not source:
            return None
        if self._current is not None:
            other.append(self._current)
        self._current = source.pop()
        return self._current

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def forget(self, keys: set[Hashable]) -> None:
        """Keys of deleted nodes: going back skips them."""
        self._back = [k for k in self._back if k not in keys]
        self._forward = [k for k in self._forward if k not in keys]


class BackForwardButtons(QObject):
    """The mouse's back and forward buttons over the watched widgets (and, for a web view,
    the child widgets it makes to draw the page) go back and forward in the selection."""

    def __init__(self, back: Callable[[], None], forward: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._back, self._forward = back, forward
        self._trees: list[QObject] = []

    def watch(self, widget: QObject) -> None:
        widget.installEventFilter(self)

    def watch_tree(self, widget: QObject) -> None:
        """The widget and every child it has or gets (a web view draws in a child of its own)."""
        self._trees.append(widget)
        widget.installEventFilter(self)
        for child in widget.findChildren(QObject):
            child.installEventFilter(self)

    def handle(self, event: QMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.BackButton:
            self._back()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self._forward()
        else:
            return False
        event.accept()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildAdded and watched in self._trees:
            child = event.child()  # type: ignore[attr-defined]
            if child is not None:
                self.watch_tree(child)
        elif event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            return self.handle(event)
        return False
