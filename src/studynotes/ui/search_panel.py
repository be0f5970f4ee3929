"""Search as you type: a field, a short debounce, and a list of hits with the match marked."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..library import Library
from ..render.plain_text import plain_question
from .count_words import words
from .keys import native

if TYPE_CHECKING:
    from ..library import SearchHit, SearchTerms

translate = QCoreApplication.translate

DEBOUNCE_MS = 150
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2  # where the hit is: its note, question or text
BODY_ROLE = Qt.ItemDataRole.UserRole + 3  # the snippet with the match marked
SHOWN_HITS = 50  # a list the eye can scan; a longer one means the query should be narrower


def _parse_query(query: str) -> SearchTerms:
    """The query's terms; the search's modules load with the first search, not with the window."""
    from ..library import parse_query

    return parse_query(query)


def highlighted(snippet: str, terms: tuple[str, ...]) -> str:
    """The snippet as rich text with every term in bold on a highlight."""
    lowered = snippet.casefold()
    marks = [False] * len(snippet)
    for term in terms:
        needle = term.casefold()
        start = lowered.find(needle)
        while needle and start >= 0:
            for i in range(start, min(start + len(needle), len(snippet))):
                marks[i] = True
            start = lowered.find(needle, start + len(needle))
    out, inside = [], False
    for char, marked in zip(snippet, marks, strict=True):
        if marked != inside:
            out.append("<b style='background:#fff3b0;color:#222'>" if marked else "</b>")
            inside = marked
        out.append(html.escape(char))
    if inside:
        out.append("</b>")
    return "".join(out)


def _result_html(item: QListWidgetItem, *, selected: bool) -> str:
    """A result as rich text; its header dims on the list's background, not on the selection's."""
    palette = QGuiApplication.palette()
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
    colour = palette.color(role).name()
    return f"<span style='color:{colour}'>{item.data(HEADER_ROLE)}</span><br>{item.data(BODY_ROLE)}"


def result_count(shown: int, *, more: bool, about: int | None = None) -> str:
    if not shown:
        return translate("Search", "Nothing found")
    if more and about is not None and about > shown:
        return translate(
            "Search", "The first {count} of about {about} results · add a word to narrow"
        ).format(count=shown, about=f"{about:,}")
    if more:
        return translate("Search", "The first {count} results · add a word to narrow").format(count=shown)
    return words().results(shown)


def term_to_find(snippet: str, terms: tuple[str, ...]) -> str:
    """The search term the hit contains, as the note's text has it: `손실함수를` finds `손실함수로`
    by its stem, and of several words the one this hit matched."""
    lowered = snippet.casefold()
    return next((term for term in terms if term.casefold() in lowered), terms[0] if terms else "")


class SearchPanel(QWidget):
    """Emits `hitChosen(hit, term)` when the user opens a result: the term to mark in its note.

    `resultsShown(bool)` says when the result list appears or goes, so the window can make room.
    """

    hitChosen = Signal(object, str)
    resultsShown = Signal(bool)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            translate("Search", "Search notes and questions ({shortcut})").format(shortcut=native("Ctrl+F"))
        )
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(translate("Search", "Search"))
        # A visible edge in either theme (the dark palette's own frame is nearly its background).
        self.field.setStyleSheet(
            "QLineEdit { border: 1px solid palette(mid); border-radius: 4px; padding: 3px 6px; }"
            "QLineEdit:focus { border-color: palette(highlight); }"
        )
        self.results = QListWidget()
        self.results.setVisible(False)
        self.results.setAccessibleName(translate("Search", "Search results"))
        # Results wrap to the column's width (a narrow window scrolled them sideways, cut mid-word).
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.viewport().installEventFilter(self)
        self.status = QLabel()
        self.status.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._open_first)
        self.results.itemActivated.connect(self._open)
        self.results.itemClicked.connect(self._open)
        self.results.currentItemChanged.connect(self._restyle)
        self.field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape in the field clears the search; Down moves into the results; the results'
        rows take the height their wrapped text needs at the list's width."""
        if watched is self.results.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_rows()
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                self._timer.stop()
                self.run_search()
                return True
            if event.key() == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                self.results.setCurrentRow(0)
                return True
        return super().eventFilter(watched, event)

    def set_library(self, library: Library) -> None:
        self._library = library
        self.run_search()

    def stop(self) -> None:
        """No search may run after the window (and its library) closes."""
        self._timer.stop()

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def run_search(self) -> None:
        query = self.field.text().strip()
        self.results.clear()
        if not query:
            self._set_results_visible(False)
            self.status.setVisible(False)
            return
        hits = self._library.search(query, limit=SHOWN_HITS + 1)
        more = len(hits) > SHOWN_HITS
        hits = hits[:SHOWN_HITS]
        terms = _parse_query(query).all
        for hit in hits:
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            shown = plain_question(hit.snippet)  # formulas as Unicode, as in the question list
            kind = self.tr("question") if hit.kind == "question" else self.tr("text")
            item.setData(HEADER_ROLE, f"{html.escape(hit.note)} · {kind}")
            item.setData(BODY_ROLE, highlighted(shown, terms))
            label = QLabel(_result_html(item, selected=False))
            label.setWordWrap(True)
            label.setContentsMargins(4, 2, 4, 2)
            item.setSizeHint(label.sizeHint())
            item.setToolTip(shown)
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        self._fit_rows()
        about = self._library.search_estimate(query) if more else None
        self.status.setText(result_count(len(hits), more=more, about=about))
        self.status.setVisible(True)
        self._set_results_visible(bool(hits))

    def _fit_rows(self) -> None:
        width = self.results.viewport().width()
        if width < 80:  # not laid out yet: the next resize fits them
            return
        for row in range(self.results.count()):
            item = self.results.item(row)
            label = self.results.itemWidget(item)
            if isinstance(label, QLabel):
                item.setSizeHint(QSize(width, label.heightForWidth(width)))

    def _set_results_visible(self, visible: bool) -> None:
        if visible != self.results.isVisibleTo(self):
            self.results.setVisible(visible)
            self.resultsShown.emit(visible)

    def _restyle(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        for item, selected in ((previous, False), (current, True)):
            label = self.results.itemWidget(item) if item is not None else None
            if isinstance(label, QLabel) and item is not None:
                label.setText(_result_html(item, selected=selected))

    def hits(self) -> list[SearchHit]:
        return [self.results.item(i).data(HIT_ROLE) for i in range(self.results.count())]

    def _open_first(self) -> None:
        self._timer.stop()
        self.run_search()
        if self.results.count():
            self._open(self.results.item(0))

    def _open(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        self.hitChosen.emit(hit, self.term_for(hit))

    def term_for(self, hit: SearchHit) -> str:
        """The word to mark in the hit's note."""
        return term_to_find(hit.snippet, _parse_query(self.field.text()).all)
