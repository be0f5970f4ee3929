"""The import dialog: see each file's format, choose where it goes, import with progress.

Files are read in a worker thread that opens its own connection to the
library; the save is one transaction, so Cancel leaves nothing half imported.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, QThread, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..importers import collect_files, format_names, sniff
from ..importers.reading import decode_bytes
from ..importing import Cancelled, ImportReport
from ..model import ImportContext, ImportFailure, StudyNotesError

FROM_DOCUMENT = "(from the document)"


def detect(path: Path) -> str:
    """The format a file would be read as, or raise ImportFailure with the reason."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailure(str(path), f"cannot be read ({error.strerror})") from None
    return sniff(decode_bytes(data, str(path)).text).name


class ImportWorker(QObject):
    """Parses and saves in a thread of its own, with its own library connection."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(
        self, library_path: Path, jobs: list[tuple[Path, str]], notebook: str | None, context: ImportContext
    ) -> None:
        super().__init__()
        self._library_path, self._jobs, self._notebook, self._context = library_path, jobs, notebook, context
        self.cancelled = False

    def run(self) -> None:
        from ..importers import import_file
        from ..importing import save_parsed
        from ..library import Library

        try:
            report = ImportReport()
            parsed = []
            total = len(self._jobs) * 2
            for index, (path, format_name) in enumerate(self._jobs):
                if self.cancelled:
                    raise Cancelled
                self.progress.emit(index, total, f"Reading {path.name}")
                try:
                    parsed.append(import_file(path, self._context, format_name))
                except ImportFailure as failure:
                    report.errors.append(failure)
            with Library.open(self._library_path) as library:
                report.files = save_parsed(
                    library,
                    parsed,
                    self._notebook,
                    lambda done, _count, name: self.progress.emit(
                        len(self._jobs) + done, total, f"Saving {name}"
                    ),
                    lambda: self.cancelled,
                )
            self.progress.emit(total, total, "Done")
            self.finished.emit(report)
        except Cancelled:
            self.failed.emit("Import cancelled: nothing was saved.")
        except StudyNotesError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 (reported in the dialog, never as a traceback)
            from ..cli_output import log_crash

            self.failed.emit(f"The import failed: {error} (details in {log_crash(error)})")


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportReport

    def __init__(
        self,
        library_path: Path,
        paths: list[Path],
        notebooks: list[str],
        parent: QWidget | None = None,
        default_notebook: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import")
        self.setAcceptDrops(True)
        self.resize(760, 560)
        self._library_path = library_path
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self.report: ImportReport | None = None
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["File", "Format", "Note"])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.notebook = QComboBox()
        self.notebook.setEditable(True)
        self.notebook.addItems([FROM_DOCUMENT, *notebooks])
        if default_notebook:
            self.notebook.setCurrentText(default_notebook)
        self.week = _optional_number("from the document")
        self.lecture = _optional_number("from the document")
        self.use_date = QCheckBox("Set the date")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setEnabled(False)
        self.use_date.toggled.connect(self.date.setEnabled)
        date_row = QHBoxLayout()
        date_row.addWidget(self.use_date)
        date_row.addWidget(self.date, 1)
        form = QFormLayout()
        form.addRow("Notebook", self.notebook)
        form.addRow("Week", self.week)
        form.addRow("Lecture", self.lecture)
        form.addRow("Date", date_row)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.summary = QTextBrowser()
        self.summary.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.buttons)
        self.add_paths(paths)

    # -- the file list ----------------------------------------------------------------
    def add_paths(self, paths: list[Path]) -> None:
        files, errors = collect_files(paths)
        known = {self._path_at(r) for r in range(self.table.rowCount())}
        for path in files:
            if str(path) in known:
                continue
            try:
                self._add_row(path, detect(path), None)
            except ImportFailure as failure:
                self._add_row(path, None, failure.reason)
        for error in errors:
            self._add_row(Path(error.path), None, error.reason)
        readable = sum(1 for r in range(self.table.rowCount()) if self.table.cellWidget(r, 1) is not None)
        self.status.setText(
            f"{readable} file(s) to import"
            + (
                f", {self.table.rowCount() - readable} cannot be read"
                if readable < self.table.rowCount()
                else ""
            )
        )
        self.import_button.setEnabled(readable > 0)

    def _add_row(self, path: Path, format_name: str | None, error: str | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(path.name)
        name.setData(Qt.ItemDataRole.UserRole, str(path))
        name.setToolTip(str(path))
        self.table.setItem(row, 0, name)
        if format_name is not None:
            chooser = QComboBox()
            chooser.addItems(format_names())
            chooser.setCurrentText(format_name)
            self.table.setCellWidget(row, 1, chooser)
            self.table.setItem(row, 2, QTableWidgetItem(""))
        else:
            message = QTableWidgetItem(error or "cannot be read")
            message.setForeground(QColor("#cf222e"))
            self.table.setItem(row, 1, QTableWidgetItem("—"))
            self.table.setItem(row, 2, message)

    def _path_at(self, row: int) -> str:
        item = self.table.item(row, 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def jobs(self) -> list[tuple[Path, str]]:
        jobs = []
        for row in range(self.table.rowCount()):
            chooser = self.table.cellWidget(row, 1)
            if isinstance(chooser, QComboBox):
                jobs.append((Path(self._path_at(row)), chooser.currentText()))
        return jobs

    def context(self) -> ImportContext:
        date = self.date.date().toPython() if self.use_date.isChecked() else None
        return ImportContext(
            date=date if isinstance(date, dt.date) else None,
            week=self.week.value() or None,
            lecture=self.lecture.value() or None,
        )

    def notebook_title(self) -> str | None:
        text = self.notebook.currentText().strip()
        return None if not text or text == FROM_DOCUMENT else text

    # -- importing --------------------------------------------------------------------
    def start(self) -> None:
        jobs = self.jobs()
        if not jobs:
            return
        self.import_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, len(jobs) * 2)
        self._thread = QThread(self)
        self._worker = ImportWorker(self._library_path, jobs, self.notebook_title(), self.context())
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._progress)
        self._worker.finished.connect(self._finished)
        self._worker.failed.connect(self._failed)
        # Direct: the thread must stop even while the GUI thread waits for it.
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._worker.failed.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.start()

    def cancel(self) -> None:
        if self._worker is not None and self._thread is not None and self._thread.isRunning():
            self._worker.cancelled = True
            self.status.setText("Cancelling…")
        else:
            self.reject()

    def wait(self) -> None:
        """Block until the worker is done, then deliver its last signals (tests, closing)."""
        if self._thread is not None:
            self._thread.wait()
            QCoreApplication.processEvents()

    def reject(self) -> None:
        if self._thread is not None and self._thread.isRunning() and self._worker is not None:
            self._worker.cancelled = True
            self.wait()
        super().reject()

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.status.setText(text)

    def _finished(self, report: ImportReport) -> None:
        self.report = report
        self._show_summary(report)
        self.cancel_button.setText("Close")
        self.imported.emit(report)

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        self.import_button.setEnabled(True)
        self.cancel_button.setText("Close")
        self._worker = None

    def _show_summary(self, report: ImportReport) -> None:
        lines = [
            f"<p><b>{report.notes} note(s), {report.questions} question(s) from {len(report.files)} file(s)"
            f"</b>, {report.warnings} warning(s), {len(report.errors)} error(s).</p><ul>"
        ]
        for result in report.files:
            what = (
                "unchanged, nothing to do"
                if result.unchanged
                else (
                    f"{result.format}: {result.notes} note(s), {result.questions} question(s)"
                    + (
                        f", kept {result.kept_user_changes} of your changes"
                        if result.kept_user_changes
                        else ""
                    )
                )
            )
            lines.append(f"<li>{_escape(Path(result.path).name)}: {_escape(what)}")
            lines += [f"<br><span style='color:#9a6700'>⚠ {_escape(w)}</span>" for w in result.warnings]
            lines.append("</li>")
        lines += [
            f"<li style='color:#cf222e'>{_escape(Path(e.path).name)}: {_escape(e.reason)}</li>"
            for e in report.errors
        ]
        self.summary.setHtml("".join(lines) + "</ul>")
        self.summary.setVisible(True)
        self.status.setText("Import finished")

    # -- dropping more files -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_paths([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])


def _optional_number(special: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 999)
    box.setSpecialValueText(special)
    return box


def _escape(text: Any) -> str:
    import html

    return html.escape(str(text))
