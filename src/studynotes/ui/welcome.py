"""The first-run page: import your own files, or look at the samples."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    importRequested = Signal()
    samplesRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("<h1>" + self.tr("Welcome to studynotes") + "</h1>")
        text = QLabel(
            self.tr(
                "Bring in what your study group wrote: lecture chat logs, Notion question boards and "
                "minutes, programme pages, Day N study logs. Everything stays in one file on this computer."
            )
        )
        text.setWordWrap(True)
        text.setMaximumWidth(520)
        import_button = QPushButton(self.tr("&Import files…"))
        import_button.setDefault(True)
        samples_button = QPushButton(self.tr("Open the &sample notebooks"))
        import_button.clicked.connect(lambda: self.importRequested.emit())
        samples_button.clicked.connect(lambda: self.samplesRequested.emit())
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text, import_button, samples_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
