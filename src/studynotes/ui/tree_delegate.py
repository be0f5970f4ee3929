"""Tree rows that keep their counts: a long title is elided, "3 open / 16" stays whole at the right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

COUNTS_ROLE = Qt.ItemDataRole.UserRole + 20  # "3 open / 16", or None for a node with no questions
TITLE_ROLE = Qt.ItemDataRole.UserRole + 21  # the title alone
GAP = 8


class CountsDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        counts = index.data(COUNTS_ROLE)
        if not counts:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        metrics = opt.fontMetrics
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        counts_width = metrics.horizontalAdvance(counts)
        title_room = max(0, text_rect.width() - counts_width - GAP)
        opt.text = metrics.elidedText(str(index.data(TITLE_ROLE)), Qt.TextElideMode.ElideRight, title_room)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(opt.font)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), counts)
        painter.restore()
