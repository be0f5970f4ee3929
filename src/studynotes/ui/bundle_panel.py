"""The import dialog's view of a Notion export or a repository: its columns, and the tree to come.

Each database's columns are listed with the field they were recognised as;
the user can change any (as `--map COLUMN=FIELD` does on the command line).
The tree the import will build (notebook → weeks → lectures → notes with
question counts) is previewed in a worker thread, before anything is saved,
and again on request after a change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..import_preview import Preview, TreeRow, preview_bundle
from ..importers.bundles import Bundle
from ..importers.notion_columns import FIELDS, Field
from ..model import ImportContext, StudyNotesError
from .count_words import words
from .workers import crash_message, start_in_thread

translate = QCoreApplication.translate


class PreviewWorker(QObject):
    done = Signal(object)  # Preview
    failed = Signal(str)

    def __init__(
        self, paths: list[Path], columns: dict[str, Field], context: ImportContext, notebook: str | None
    ) -> None:
        super().__init__()
        self._paths, self._columns, self._context, self._notebook = paths, columns, context, notebook
        self.cancelled = False

    def run(self) -> None:
        from ..importing import Cancelled

        try:
            self.done.emit(
                preview_bundle(
                    self._paths,
                    columns=self._columns,
                    context=self._context,
                    notebook=self._notebook,
                    cancelled=lambda: self.cancelled,
                )
            )
        except Cancelled:
            self.failed.emit(translate("BundlePanel", "Preview stopped."))
        except StudyNotesError as error:
            self.failed.emit(translate("BundlePanel", "No preview: {error}").format(error=error))
        except Exception as error:  # noqa: BLE001 (shown in the dialog, never as a traceback)
            self.failed.emit(crash_message(translate("BundlePanel", "No preview"), error))


class BundlePanel(QWidget):
    """Column mappings and the previewed tree of the bundles listed in the import dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundles: list[Bundle] = []
        self.columns = QTreeWidget()
        self.columns.setHeaderLabels(
            [translate("BundlePanel", "Database and column"), translate("BundlePanel", "Read as")]
        )
        self.columns.setToolTip(
            translate("BundlePanel", "What each Notion database column holds; change any that was misread")
        )
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([translate("BundlePanel", "What the import will build")])
        self.preview_button = QPushButton(translate("BundlePanel", "Preview the tree"))
        self.preview_button.clicked.connect(self.preview)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._thread: QThread | None = None
        self._worker: PreviewWorker | None = None
        self.context = ImportContext()
        self.notebook: str | None = None
        panes = QHBoxLayout()
        panes.addWidget(self.columns, 1)
        panes.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(panes)
        layout.addLayout(row)
        self.setVisible(False)

    def add(self, bundle: Bundle) -> None:
        self.bundles.append(bundle)
        for mapping in bundle.mappings:
            top = QTreeWidgetItem(
                [mapping.database, translate("BundlePanel", "rows become {kind}").format(kind=mapping.kind)]
            )
            self.columns.addTopLevelItem(top)
            for column, chosen in mapping.columns.items():
                item = QTreeWidgetItem([column, ""])
                top.addChild(item)
                chooser = QComboBox()
                chooser.addItems(list(FIELDS))
                chooser.setCurrentText(chosen)
                chooser.setProperty("column", f"{mapping.database}/{column}")
                chooser.setProperty("recognised", chosen)
                self.columns.setItemWidget(item, 1, chooser)
            top.setExpanded(True)
        self.columns.setVisible(self.columns.topLevelItemCount() > 0)
        self.setVisible(True)
        self.preview()

    def overrides(self) -> dict[str, Field]:
        """The columns the user changed, as `DATABASE/COLUMN` → field."""
        chosen: dict[str, Field] = {}
        for index in range(self.columns.topLevelItemCount()):
            top = self.columns.topLevelItem(index)
            children = [top.child(i) for i in range(top.childCount())] if top is not None else []
            for child in children:
                chooser = self.columns.itemWidget(child, 1) if child is not None else None
                if isinstance(chooser, QComboBox):
                    value = chooser.currentText()
                    if value in FIELDS and value != chooser.property("recognised"):
                        chosen[str(chooser.property("column"))] = value
        return chosen

    def preview(self) -> None:
        """Parse the bundles into a scratch library in a thread; show the tree it holds."""
        if not self.bundles or self.previewing():
            return
        paths = [path for bundle in self.bundles[:1] for path in bundle.paths]
        self.tree.clear()
        self.status.setText(translate("BundlePanel", "Reading {name}…").format(name=self.bundles[0].name))
        self.preview_button.setEnabled(False)
        worker = PreviewWorker(paths, self.overrides(), self.context, self.notebook)
        worker.done.connect(self._show)
        worker.failed.connect(self._failed)
        self._worker = worker
        self._thread = start_in_thread(worker, self, worker.done, worker.failed)

    def previewing(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancelled = True
        if self._thread is not None:
            self._thread.wait()

    def _show(self, preview: Preview) -> None:
        self.tree.clear()
        for row in preview.tree:
            self.tree.addTopLevelItem(_item(row))
        self.tree.expandToDepth(1)
        errors = (
            translate("BundlePanel", ", {pages} cannot be read").format(
                pages=words().pages(len(preview.errors))
            )
            if preview.errors
            else ""
        )
        self.status.setText(
            translate("BundlePanel", "Nothing is saved yet; {warnings}{errors}.").format(
                warnings=words().warnings(preview.warnings), errors=errors
            )
        )
        self.preview_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        self.preview_button.setEnabled(True)


def _item(row: TreeRow) -> QTreeWidgetItem:
    item = QTreeWidgetItem([row.text()])
    for child in row.children:
        item.addChild(_item(child))
    return item
