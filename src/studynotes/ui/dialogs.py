"""Small dialogs: a notebook's schedule, and which questions an export holds."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QSpinBox,
    QWidget,
)

translate = QCoreApplication.translate


class ScheduleDialog(QDialog):
    """Start date and study days per week; weeks are recomputed from them."""

    def __init__(
        self, title: str, start: dt.date | None, days_per_week: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Schedule of {title}").format(title=title))
        self.has_start = QCheckBox(translate("Dialogs", "The notebook starts on"))
        self.has_start.setChecked(start is not None)
        self.start = QDateEdit()
        self.start.setAccessibleName(translate("Dialogs", "Start date"))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        begin = start or dt.date.today()
        self.start.setDate(QDate(begin.year, begin.month, begin.day))
        self.start.setEnabled(start is not None)
        self.has_start.toggled.connect(self.start.setEnabled)
        self.days = QSpinBox()
        self.days.setRange(1, 7)
        self.days.setValue(days_per_week)
        self.days.setSuffix(translate("Dialogs", " study days a week"))
        form = QFormLayout(self)
        form.addRow(self.has_start, self.start)
        form.addRow(translate("Dialogs", "“Day N” notes count"), self.days)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[dt.date | None, int]:
        start = self.start.date().toPython() if self.has_start.isChecked() else None
        return (start if isinstance(start, dt.date) else None), self.days.value()


def ask_export_scope(parent: QWidget, notebook: str, week_label: str) -> bool | None:
    """True: only open questions; False: everything; None: cancelled."""
    box = QMessageBox(parent)
    box.setWindowTitle(translate("Dialogs", "Export week"))
    box.setText(
        translate("Dialogs", "Export {week} of {notebook} to Markdown").format(
            week=week_label, notebook=notebook
        )
    )
    box.setInformativeText(
        translate("Dialogs", "Everything, or only the questions still open (to take to the next meeting)?")
    )
    everything = box.addButton(translate("Dialogs", "Everything"), QMessageBox.ButtonRole.AcceptRole)
    open_only = box.addButton(translate("Dialogs", "Open questions only"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(everything)
    box.exec()
    clicked = box.clickedButton()
    if clicked is everything:
        return False
    if clicked is open_only:
        return True
    return None
