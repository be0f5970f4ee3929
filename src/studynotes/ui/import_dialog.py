"""The import dialog: see each file's format, choose where it goes, import with progress.

Each file is read once, by detection (in a worker thread when there are many files, so a big
folder never freezes the window); the dialog shows and edits the plan, and the import uses the
text detection read.  The import itself runs in a worker
thread that opens its own connection to the library; the save is one
transaction, so Cancel leaves nothing half imported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent, QColor, QDragEnterEvent, QDropEvent
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

from ..importers import collect_files, format_names
from ..importers.bundles import open_bundle, split_paths
from ..importing import ImportPlan, ImportReport, PlannedFile, detect_file
from ..model import ImportContext, ImportFailure
from .bundle_panel import BundlePanel
from .count_words import words
from .format_labels import bundle_label, format_label
from .import_summary import ERROR_COLOR, WARNING_COLOR, file_outcome, summary_html
from .workers import DetectWorker, ImportWorker, crash_message, start_in_thread

translate = QCoreApplication.translate


def from_document() -> str:
    """The notebook choice that takes each document's own notebook."""
    return translate("ImportDialog", "(from the document)")


def as_detected() -> str:
    """The format choice that keeps what was recognised per file."""
    return translate("ImportDialog", "As detected, per file")


DETECT_IN_THREAD_OVER = 12  # files; fewer (and small ones) are recognised at once, before the dialog shows
DETECT_IN_THREAD_BYTES = 4 * 2**20


class ImportDialog(QDialog):
    """Lists the files with their formats, takes the user's choices, imports in a thread."""

    imported = Signal(object)  # ImportReport, after a successful save

    def __init__(
        self,
        library_path: Path,
        paths: list[Path],
        notebooks: list[str],
        parent: QWidget | None = None,
        default_notebook: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ImportDialog", "Import"))
        self.setAcceptDrops(True)
        self.resize(780, 580)
        self._library_path = library_path
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self._detect_thread: QThread | None = None
        self._detector: DetectWorker | None = None
        self._queued: list[Path] = []  # dropped while a detection runs
        self._planned: dict[str, PlannedFile] = {}  # by path, as detection found each file
        self._start_when_detected = False
        self.report: ImportReport | None = None
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(translate("ImportDialog", "Files to import"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("ImportDialog", "File"),
                translate("ImportDialog", "Format"),
                translate("ImportDialog", "Note"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.format_for_all = QComboBox()
        self.format_for_all.addItem(as_detected(), as_detected())
        for name in format_names():
            self.format_for_all.addItem(format_label(name), name)
        self.format_for_all.setToolTip(
            translate("ImportDialog", "Read every file as this format instead of the one recognised")
        )
        self.format_for_all.currentIndexChanged.connect(
            lambda _i: self._apply_format_for_all(str(self.format_for_all.currentData()))
        )
        self.notebook = QComboBox()
        self.notebook.setEditable(True)
        self.notebook.addItems([from_document(), *notebooks])
        self.notebook.setToolTip(
            translate("ImportDialog", "An existing notebook, a new name, or the one each document suggests")
        )
        if default_notebook:
            self.notebook.setCurrentText(default_notebook)
        self.week = _optional_number(translate("ImportDialog", "from the document"))
        self.lecture = _optional_number(translate("ImportDialog", "from the document"))
        self.use_date = QCheckBox(translate("ImportDialog", "Set the date"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setAccessibleName(translate("ImportDialog", "Date of the notes"))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setEnabled(False)
        self.use_date.toggled.connect(self.date.setEnabled)
        date_row = QHBoxLayout()
        date_row.addWidget(self.use_date)
        date_row.addWidget(self.date, 1)
        form = QFormLayout()
        form.addRow(translate("ImportDialog", "Read all as"), self.format_for_all)
        form.addRow(translate("ImportDialog", "Notebook"), self.notebook)
        form.addRow(translate("ImportDialog", "Week"), self.week)
        form.addRow(translate("ImportDialog", "Lecture"), self.lecture)
        form.addRow(translate("ImportDialog", "Date"), date_row)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.summary = QTextBrowser()
        self.summary.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            translate("ImportDialog", "Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.bundle_panel = BundlePanel()  # Notion exports and repositories: columns and the tree to come
        self.notebook.currentTextChanged.connect(self._sync_bundle_panel)
        self.week.valueChanged.connect(self._sync_bundle_panel)
        self.lecture.valueChanged.connect(self._sync_bundle_panel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.bundle_panel, 3)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.buttons)
        self.add_paths(paths)

    # -- the file list ----------------------------------------------------------------
    def add_paths(self, paths: list[Path]) -> None:
        """List the files (folders expanded); recognise formats, in a thread when there are many."""
        if self.importing():
            return
        if self.detecting():
            self._queued += paths
            return
        bundles, paths = split_paths(paths)
        for parts in bundles:
            self._add_bundle(parts)
        skipped: list[ImportFailure] = []
        files, errors = collect_files(paths, skipped)
        known = {self._path_at(r) for r in range(self.table.rowCount())}
        new = [path for path in dict.fromkeys(files) if str(path) not in known]
        for error in errors:
            self._add_row(PlannedFile(Path(error.path), problem=error.reason))
        for skip in skipped:  # what a folder held besides notes, and why it stays out
            if skip.path not in known:
                self._add_row(PlannedFile(Path(skip.path), problem=skip.reason))
        if len(new) <= DETECT_IN_THREAD_OVER and _total_size(new) <= DETECT_IN_THREAD_BYTES:
            self._add_rows([detect_file(path) for path in new])
            self._update_counts()
            return
        self._detector = DetectWorker(new)
        self._detector.detected.connect(self._add_rows)
        self._detector.finished.connect(self._detection_done)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, len(new))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(
            translate("ImportDialog", "Recognising the formats of {files}…").format(
                files=words().files(len(new))
            )
        )
        self._detect_thread = start_in_thread(self._detector, self, self._detector.finished)

    def detecting(self) -> bool:
        return self._detect_thread is not None and self._detect_thread.isRunning()

    def importing(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def _add_rows(self, rows: list[PlannedFile]) -> None:
        for planned in rows:
            self._add_row(planned)
        if self.detecting():
            self.progress.setValue(self.progress.value() + len(rows))

    def _detection_done(self) -> None:
        if self._detect_thread is not None:
            self._detect_thread.wait()
        cancelled = self._detector is not None and self._detector.cancelled
        self._detect_thread, self._detector = None, None
        self.progress.setVisible(False)
        queued, self._queued = self._queued, []
        if cancelled:
            return
        self._update_counts()
        if queued:
            self.add_paths(queued)
        elif self._start_when_detected:
            self._start_when_detected = False
            self.start()

    def _add_row(self, planned: PlannedFile) -> None:
        path, format_name, error = planned.path, planned.detected, planned.problem
        self._planned[str(path)] = planned
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(path.name)
        name.setData(Qt.ItemDataRole.UserRole, str(path))
        name.setToolTip(str(path))
        self.table.setItem(row, 0, name)
        if format_name is not None:
            chooser = QComboBox()
            for known in format_names():
                chooser.addItem(format_label(known), known)
            chooser.setProperty("detected", format_name)
            chosen = str(self.format_for_all.currentData())
            _choose_format(chooser, format_name if chosen == as_detected() else chosen)
            self.table.setCellWidget(row, 1, chooser)
            self.table.setItem(row, 2, QTableWidgetItem(""))
        else:
            message = QTableWidgetItem(error or translate("ImportDialog", "cannot be read"))
            message.setForeground(QColor(ERROR_COLOR))
            message.setToolTip(translate("ImportDialog", "This file is skipped"))
            self.table.setItem(row, 1, QTableWidgetItem("—"))
            self.table.setItem(row, 2, message)

    def _add_bundle(self, parts: list[Path]) -> None:
        """A Notion export or a repository: one row, its columns and its tree in the panel below."""
        if any(str(parts[0]) == self._path_at(r) for r in range(self.table.rowCount())):
            return
        try:
            bundle = open_bundle(parts, {}, self.notebook_title())
        except ImportFailure as failure:
            self._add_row(PlannedFile(parts[0], problem=failure.reason))
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(parts[0].name if len(parts) == 1 else f"{parts[0].name} (+{len(parts) - 1})")
        name.setData(Qt.ItemDataRole.UserRole, str(parts[0]))
        name.setToolTip("\n".join(str(p) for p in parts))
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, QTableWidgetItem(bundle_label(bundle.kind)))
        note = translate("ImportDialog", "{pages} into “{notebook}”").format(
            pages=words().pages(bundle.plan.total), notebook=bundle.plan.notebook
        )
        if bundle.warnings:
            note += translate("ImportDialog", "; {count} skipped").format(count=len(bundle.warnings))
        item = QTableWidgetItem(note)
        item.setToolTip("\n".join(str(w) for w in bundle.warnings) or note)
        self.table.setItem(row, 2, item)
        self._sync_bundle_panel()
        self.bundle_panel.add(bundle)

    def _sync_bundle_panel(self, *_changed: object) -> None:
        """The preview builds the tree with the notebook, week and lecture chosen here."""
        self.bundle_panel.context = self.context()
        self.bundle_panel.notebook = self.notebook_title()

    def _apply_format_for_all(self, choice: str) -> None:
        for chooser in self._choosers():
            _choose_format(chooser, str(chooser.property("detected")) if choice == as_detected() else choice)

    def _choosers(self) -> list[QComboBox]:
        found = []
        for row in range(self.table.rowCount()):
            chooser = self.table.cellWidget(row, 1)
            if isinstance(chooser, QComboBox):
                found.append(chooser)
        return found

    def _update_counts(self) -> None:
        readable = len(self._choosers()) + len(self.bundle_panel.bundles)
        unreadable = self.table.rowCount() - readable
        text = translate("ImportDialog", "{files} to import").format(files=words().files(readable))
        if unreadable:
            text += translate("ImportDialog", "; {count} skipped (each row says why)").format(
                count=unreadable
            )
        self.status.setText(text)
        self.import_button.setEnabled(readable > 0)

    def _path_at(self, row: int) -> str:
        item = self.table.item(row, 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def jobs(self) -> list[tuple[Path, str]]:
        """The readable files and the format each will be read as."""
        return [(f.path, f.format or "") for f in self.plan().readable]

    def plan(self) -> ImportPlan:
        """The files as listed, each with the format chosen on its row (unreadable ones keep their reason)."""
        files = []
        for row in range(self.table.rowCount()):
            planned = self._planned.get(self._path_at(row))
            if planned is None:
                continue
            chooser = self.table.cellWidget(row, 1)
            if isinstance(chooser, QComboBox):
                planned = dataclasses.replace(planned, format=str(chooser.currentData()))
            files.append(planned)
        return ImportPlan(files)

    def context(self) -> ImportContext:
        date = self.date.date().toPython() if self.use_date.isChecked() else None
        return ImportContext(
            date=date if isinstance(date, dt.date) else None,
            week=self.week.value() or None,
            lecture=self.lecture.value() or None,
        )

    def notebook_title(self) -> str | None:
        text = self.notebook.currentText().strip()
        return None if not text or text == from_document() else text

    # -- importing --------------------------------------------------------------------
    def start(self) -> None:
        """Import the listed files; while formats are still being recognised, right after."""
        if self.importing():
            return
        if self.detecting():
            self._start_when_detected = True
            self.import_button.setEnabled(False)
            self.status.setText(translate("ImportDialog", "Importing as soon as every format is recognised…"))
            return
        plan = self.plan()
        bundles = [bundle.paths for bundle in self.bundle_panel.bundles]
        if not plan.readable and not bundles:
            return
        self.report = None
        self.summary.setVisible(False)
        self.import_button.setEnabled(False)
        self.cancel_button.setText(translate("ImportDialog", "Cancel"))
        self.progress.setVisible(True)
        self.progress.setRange(0, len(plan.readable) * 2)
        self.progress.setValue(0)
        self.bundle_panel.stop()
        try:
            # Unreadable files stay on their rows with the reason; the import takes the others.
            ready = ImportPlan(plan.readable, bundles=bundles, columns=self.bundle_panel.overrides())
            worker = ImportWorker(self._library_path, ready, self.notebook_title(), self.context())
        except Exception as error:  # noqa: BLE001 (shown in the dialog)
            self._failed(crash_message(translate("ImportDialog", "The import could not start"), error))
            return
        self._worker = worker
        worker.progress.connect(self._progress)
        worker.finished.connect(self._finished)
        worker.failed.connect(self._failed)
        self._thread = start_in_thread(worker, self, worker.finished, worker.failed)

    def cancel(self) -> None:
        """Stop the import (nothing is saved) or, when nothing runs, close the dialog."""
        if self.importing() and self._worker is not None:
            self._worker.cancelled = True
            self.status.setText(translate("ImportDialog", "Cancelling…"))
        elif self.detecting() and self._start_when_detected:
            self._stop_detection()
            self._start_when_detected = False
            self._failed(translate("ImportDialog", "Import cancelled: nothing was saved."))
        else:
            self.reject()

    def _stop_detection(self) -> None:
        if self._detector is not None:
            self._detector.cancelled = True
        self.wait()

    def wait(self) -> None:
        """Block until the workers are done, then deliver their last signals (tests, closing)."""
        while True:
            running = [t for t in (self._detect_thread, self._thread) if t is not None and t.isRunning()]
            for thread in running:
                thread.wait()
            QCoreApplication.processEvents()  # a finished detection may start the import
            if not running and not self.detecting() and not self.importing():
                return

    def reject(self) -> None:
        if self._worker is not None and self.importing():
            self._worker.cancelled = True
        if self._detector is not None:
            self._detector.cancelled = True
        self._start_when_detected = False
        self.bundle_panel.stop()
        self.wait()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        event.accept()

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.status.setText(text)

    def _finished(self, report: ImportReport) -> None:
        self.report = report
        self._show_results(report)
        self.cancel_button.setText(translate("ImportDialog", "Close"))
        self.imported.emit(report)

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        self.progress.setVisible(False)
        self.import_button.setEnabled(bool(self.jobs() or self.bundle_panel.bundles))
        self.cancel_button.setText(translate("ImportDialog", "Close"))

    def _show_results(self, report: ImportReport) -> None:
        """The summary below, and each file's outcome on its row."""
        rows = {self._path_at(r): r for r in range(self.table.rowCount())}
        for result in report.files:
            self._set_note(
                rows.get(str(result.path)), file_outcome(result), WARNING_COLOR if result.warnings else None
            )
        for error in report.errors:
            self._set_note(rows.get(str(error.path)), error.reason, ERROR_COLOR)
        self.summary.setHtml(summary_html(report))
        self.summary.setVisible(True)
        self.status.setText(translate("ImportDialog", "Import finished"))

    def _set_note(self, row: int | None, text: str, color: str | None) -> None:
        if row is None:
            return
        item = QTableWidgetItem(text)
        if color:
            item.setForeground(QColor(color))
        self.table.setItem(row, 2, item)

    # -- dropping more files -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.importing():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.report = None
            self.add_paths(paths)


def _choose_format(chooser: QComboBox, name: str) -> None:
    index = chooser.findData(name)
    if index >= 0:
        chooser.setCurrentIndex(index)


def _total_size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue  # detection reports it on the file's row
    return total


def _optional_number(special: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 999)
    box.setSpecialValueText(special)
    return box
