"""Where a question was asked: its asker, lecture, slide page and video time, corrected by hand.

A question added under "7강" keeps that lecture only if someone can say so; this is that place.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from ..library import QuestionRow


def _number_box(value: int | None, none_text: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 9999)
    box.setSpecialValueText(none_text)  # 0 shows as "none": no lecture, no page
    box.setValue(value or 0)
    return box


class QuestionDetailsDialog(QDialog):
    def __init__(self, row: QuestionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Question details"))
        self.asker = QLineEdit(row.asker)
        self.lecture = _number_box(
            row.lecture_ref if row.lecture_ref is not None else row.lecture, self.tr("none")
        )
        self.page = _number_box(row.page, self.tr("none"))
        self.time = QLineEdit(row.media_time or "")
        self.time.setPlaceholderText(self.tr("e.g. 35:50 or 1:02:03"))
        form = QFormLayout(self)
        form.addRow(self.tr("Asked by"), self.asker)
        form.addRow(self.tr("Lecture"), self.lecture)
        form.addRow(self.tr("Slide page"), self.page)
        form.addRow(self.tr("Video time"), self.time)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, object]:
        """The fields as `edit_question` takes them (None clears a number or a time)."""
        return {
            "asker": self.asker.text(),
            "lecture": self.lecture.value() or None,
            "page": self.page.value() or None,
            "time": self.time.text().strip() or None,
        }
