"""People…: a notebook's instructors and the display names that are one person, set from the window.

The same setting as `studynotes people`: the dialog lists everyone who asked or
answered in the notebook's chats (with how often), the user ticks the
instructors or mentors and says which names are the same person; OK applies it
through the Library's `set_chat_people` as one undo step, to the questions
already there and to every later import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..library import ChatPeople, PersonCount
from ..model import StudyNotesError

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow

NAME, ASKED, ANSWERED, INSTRUCTOR, SAME_AS = range(5)


class PeopleDialog(QDialog):
    """One row a name: its counts, whether it is an instructor, and whose other name it is."""

    def __init__(
        self, title: str, counts: list[PersonCount], people: ChatPeople, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("people-dialog")
        self.setWindowTitle(self.tr("People of {notebook}").format(notebook=title))
        self.resize(640, 480)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Asked"),
                self.tr("Answered"),
                self.tr("Instructor"),
                self.tr("Same person as"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(SAME_AS, QHeaderView.ResizeMode.Stretch)
        self._instructors = {name.casefold() for name in people.instructors}
        self._aliases = {written.casefold(): person for written, person in people.aliases}
        named = {count.name.casefold() for count in counts}
        # Names merged away or named before they spoke still show, so they can be changed back.
        extra = [
            n for n in [*people.instructors, *(w for w, _p in people.aliases)] if n.casefold() not in named
        ]
        for count in [*counts, *(PersonCount(name) for name in dict.fromkeys(extra))]:
            self._add_row(count)
        self._refresh_choices()
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(
            self.tr("A name not listed (an instructor who has not answered yet)")
        )
        add = QPushButton(self.tr("Add"), self)
        add.clicked.connect(self._add_typed)
        self.new_name.returnPressed.connect(self._add_typed)
        adding = QHBoxLayout()
        adding.addWidget(self.new_name)
        adding.addWidget(add)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Tick the instructors or mentors: their answers count as the instructor's. "
                "Choose another name under “Same person as” to merge a name into it."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(adding)
        layout.addWidget(buttons)

    def names(self) -> list[str]:
        return [self._item(row, NAME).text() for row in range(self.table.rowCount())]

    def row_of(self, name: str) -> int:
        return self.names().index(name)

    def set_instructor(self, name: str, instructor: bool) -> None:
        state = Qt.CheckState.Checked if instructor else Qt.CheckState.Unchecked
        self._item(self.row_of(name), INSTRUCTOR).setCheckState(state)

    def same_person_box(self, name: str) -> QComboBox:
        box = self.table.cellWidget(self.row_of(name), SAME_AS)
        assert isinstance(box, QComboBox)
        return box

    def people(self) -> ChatPeople:
        """The setting as the dialog shows it."""
        instructors, aliases = [], []
        for row, name in enumerate(self.names()):
            if self._item(row, INSTRUCTOR).checkState() == Qt.CheckState.Checked:
                instructors.append(name)
            box = self.table.cellWidget(row, SAME_AS)
            person = box.currentText().strip() if isinstance(box, QComboBox) else ""
            if person and person != name:
                aliases.append((name, person))
        return ChatPeople(tuple(instructors), tuple(aliases))

    def _add_typed(self) -> None:
        name = self.new_name.text().strip()
        if name and name not in self.names():
            self._add_row(PersonCount(name))
            self._refresh_choices()
        self.new_name.clear()

    def _add_row(self, count: PersonCount) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for column, text in ((NAME, count.name), (ASKED, str(count.asked)), (ANSWERED, str(count.answered))):
            item = QTableWidgetItem(text)
            item.setFlags(fixed)
            if column != NAME:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        check = QTableWidgetItem()
        check.setFlags(fixed | Qt.ItemFlag.ItemIsUserCheckable)
        instructor = count.name.casefold() in self._instructors
        check.setCheckState(Qt.CheckState.Checked if instructor else Qt.CheckState.Unchecked)
        self.table.setItem(row, INSTRUCTOR, check)
        box = QComboBox(self.table)
        box.setEditable(True)  # a person's name need not be one of the names written
        self.table.setCellWidget(row, SAME_AS, box)
        box.setCurrentText(self._aliases.get(count.name.casefold(), ""))

    def _refresh_choices(self) -> None:
        names = self.names()
        for row, name in enumerate(names):
            box = self.table.cellWidget(row, SAME_AS)
            if not isinstance(box, QComboBox):
                continue
            current = box.currentText()
            box.blockSignals(True)
            box.clear()
            box.addItems(["", *(other for other in names if other != name)])
            box.setCurrentText(current)
            box.blockSignals(False)

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None
        return item


def edit_people(window: MainWindow) -> None:
    """People… for the notebook selected in the tree (or the notebook of the selected note)."""
    node = window.current_node()
    if node is None or node.notebook_id is None:
        raise StudyNotesError(translate("PeopleDialog", "Select a notebook first"))
    notebook = window.library.notebook(node.notebook_id)
    if notebook is None:
        return
    current = window.library.chat_people(notebook.id)
    dialog = PeopleDialog(notebook.title, window.library.chat_person_counts(notebook.id), current, window)
    if dialog.exec():
        chosen = dialog.people()
        if chosen != current:
            window.commands.set_chat_people(notebook.id, chosen)
