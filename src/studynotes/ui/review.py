"""Review mode: the due questions of a selection one at a time, rated Again / Hard / Good / Easy.

Space shows the answer, 1–4 rate it, Ctrl+Z takes the last rating back, Esc
leaves; the session ends with a summary.  Every rating is one Library
operation (`rate`, undone by `undo_rating`), so the window, the command line
and the schedule agree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..library import STATE_NAMES, Change, DueCard, Library, QuestionFilter, card_after, review_of, schedule
from ..model import StudyNotesError
from ..render import Theme
from .count_words import words
from .review_page import interval_text, question_page, rating_labels, summary_page
from .review_view import PageView

translate = QCoreApplication.translate

AGAIN_SOON = dt.timedelta(hours=1)  # a card due again within this comes back in the same session


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class _Step:
    """One rating given in this session, so Ctrl+Z can take it back."""

    position: int
    rating: int
    review_id: int
    requeued: bool


class ReviewDialog(QDialog):
    """One question at a time; `rated` hands on each rating's (or undo's) Change."""

    rated = Signal(object)

    def __init__(
        self,
        library: Library,
        scope: QuestionFilter,
        title: str,
        *,
        theme: Theme,
        font_size: int,
        parent: QWidget | None = None,
        web_view: bool = True,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Review", "Review — {title}").format(title=title))
        self.resize(820, 640)
        self._library, self._scope, self._title = library, scope, title
        self._theme, self._font_size, self._clock = theme, font_size, clock
        self.queue: list[DueCard] = library.due_cards(scope, clock())
        self.position = 0
        self.revealed = False
        self.ratings: Counter[int] = Counter()
        self._steps: list[_Step] = []

        self.progress = QLabel()
        self.view = PageView(web_view, self)
        self.reveal_button = QPushButton(translate("Review", "Show answer (Space)"))
        self.reveal_button.clicked.connect(self.reveal)
        self.rating_buttons: dict[int, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.addWidget(self.reveal_button)
        for number, label in rating_labels().items():
            button = QPushButton(label)
            button.setToolTip(f"{label} ({number})")
            button.clicked.connect(lambda _checked=False, n=number: self.rate(n))
            self.rating_buttons[number] = button
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        # The keys go to the dialog: no button takes focus, so Space never presses one.
        for button in (self.reveal_button, *self.rating_buttons.values()):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocus()
        self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space reveals, 1–4 rate, Ctrl+Z undoes the last rating; Esc leaves (as any dialog)."""
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif event.key() == Qt.Key.Key_Space:
            self.reveal()
        elif (
            Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_4
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.rate(event.key() - Qt.Key.Key_1 + 1)
        else:
            super().keyPressEvent(event)

    # -- state ---------------------------------------------------------------------
    @property
    def current(self) -> DueCard | None:
        return self.queue[self.position] if self.position < len(self.queue) else None

    @property
    def is_over(self) -> bool:
        return self.current is None

    def reveal(self) -> None:
        if self.current is not None and not self.revealed:
            self.revealed = True
            self._show()

    def rate(self, rating: int) -> None:
        card = self.current
        if card is None or not self.revealed:
            return
        now = self._clock()
        try:
            change = self._library.rate(card.question_id, rating, now)
        except StudyNotesError as error:
            self.progress.setText(str(error))
            return
        after = card_after(change, card.question_id)
        requeued = after is not None and after.due - now <= AGAIN_SOON
        if requeued:
            self.queue.append(
                DueCard(
                    card.question_id, card.note_id, card.notebook, card.week, card.text, card.answer, after
                )
            )
        self._steps.append(_Step(self.position, rating, review_of(change), requeued))
        self.ratings[rating] += 1
        self.position += 1
        self.revealed = False
        self.rated.emit(change)
        self._show()

    def undo(self) -> None:
        """Take the last rating of this session back and show that question again, answered."""
        if not self._steps:
            return
        step = self._steps.pop()
        change: Change = self._library.undo_rating(step.review_id)
        if step.requeued:
            self.queue.pop()
        self.ratings[step.rating] -= 1
        self.position = step.position
        self.revealed = True
        self.rated.emit(change)
        self._show()

    # -- showing -------------------------------------------------------------------
    def _show(self) -> None:
        card = self.current
        self.reveal_button.setVisible(card is not None and not self.revealed)
        for button in self.rating_buttons.values():
            button.setVisible(card is not None and self.revealed)
        if card is None:
            done = sum(self.ratings.values())
            self.progress.setText(
                translate("Review", "{title}: {count} reviewed · Esc closes").format(
                    title=self._title, count=done
                )
            )
            left = self._library.due_count(self._scope, self._clock())
            self.view.show_page(
                summary_page(
                    self._title,
                    translate("Review", "{questions} reviewed.").format(questions=words().questions(done))
                    if done
                    else translate("Review", "Nothing was due in {title}.").format(title=self._title),
                    [(label, self.ratings[number]) for number, label in rating_labels().items()],
                    translate("Review", "{count} still due here.").format(count=left)
                    if left
                    else translate("Review", "Nothing else is due here now."),
                    theme=self._theme,
                )
            )
            return
        self.progress.setText(
            translate("Review", "{title}: {position} of {total}").format(
                title=self._title, position=self.position + 1, total=len(self.queue)
            )
            + (f" · {_state_name(card.card.state)}" if card.card is not None and card.card.state != 2 else "")
            + (translate("Review", " · new") if card.card is None else "")
            + ("" if self.revealed else translate("Review", " · Space shows the answer"))
        )
        if self.revealed:
            self._label_intervals(card)
        self.view.show_page(
            question_page(
                self._library,
                card.question_id,
                card.note_id,
                revealed=self.revealed,
                theme=self._theme,
                font_size=self._font_size,
            )
        )

    def _label_intervals(self, card: DueCard) -> None:
        """Each button says when the question comes back with that rating, as Anki's do."""
        now = self._clock()
        notebook_id = self._library.notebook_id(card.notebook)
        retention = self._library.desired_retention(notebook_id) if notebook_id is not None else 0.9
        stored = self._library.card(card.question_id)
        for number, button in self.rating_buttons.items():
            after = schedule(stored, number, now, retention)
            button.setText(f"{rating_labels()[number]} · {interval_text(after.due, now)}  ({number})")


def _state_name(state: int) -> str:
    """FSRS's card states as Anki names them (Review, state 2, goes unsaid)."""
    names = {
        1: translate("Review", "learning"),
        3: translate("Review", "relearning"),
    }
    return names.get(state, STATE_NAMES.get(state, ""))
