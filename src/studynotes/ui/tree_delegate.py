"""Tree rows that keep their counts: a long title is elided, "3 open / 16" stays at the right (shortened
to "3/16" in a narrow tree, where the title would otherwise vanish)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

COUNTS_ROLE = Qt.ItemDataRole.UserRole + 20  # "3 open / 16", or None for a node with no questions
TITLE_ROLE = Qt.ItemDataRole.UserRole + 21  # the title alone
GAP = 8


class CountsDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        whole = index.data(COUNTS_ROLE)
        if not whole:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        metrics = opt.fontMetrics
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        title = str(index.data(TITLE_ROLE))
        counts, title_room = fit_counts(metrics, title, str(whole), text_rect.width())
        opt.text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, title_room)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(opt.font)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), counts)
        painter.restore()


def fit_counts(metrics: QFontMetrics, title: str, whole: str, width: int) -> tuple[str, int]:
    """The counts to paint and the room left for the title: the title keeps some room too, so in a
    narrow tree the counts shorten (the row's tooltip has them whole)."""
    wanted = min(metrics.horizontalAdvance(title), max(width * 2 // 5, 6 * metrics.averageCharWidth()))
    counts, room = whole, 0
    for counts in shorter_counts(whole):
        room = max(0, width - metrics.horizontalAdvance(counts) - GAP)
        if room >= wanted:
            break
    return counts, room


def shorter_counts(counts: str) -> list[str]:
    """ "3 open / 16 · 2 due", then "3 open / 16", then "3/16": the longest that leaves the title room."""
    first = counts.split(" · ")[0]
    return list(dict.fromkeys([counts, first, first.replace(" open / ", "/")]))
