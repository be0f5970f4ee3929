"""Reviewing answered questions with spaced repetition, scheduled by the `fsrs` package.

Every answered question is a card.  A rating runs the package's scheduler on the
stored card and saves the new card and a review line in one transaction; undo
puts the card back as the review line remembers it.  Fuzzing is off so a rating
gives the same schedule from the window, the command line and a test.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from ..model import StudyNotesError
from .changes import Change, Operation
from .filter_sql import filter_clauses
from .review_rows import (
    RATING_NAMES,
    RATINGS,
    CardState,
    load_card,
    log_review,
    parse_stamp,
    stamp,
    store_card,
)
from .views import QuestionFilter
from .writing import LibraryWriter

if TYPE_CHECKING:
    import fsrs

    from .answers import DueCard

DEFAULT_RETENTION = 0.9


def rating_number(rating: str | int) -> int:
    if isinstance(rating, int) and rating in RATINGS.values():
        return rating
    number = RATINGS.get(str(rating).strip().lower())
    if number is None:
        raise StudyNotesError(f"a rating is again, hard, good or easy, not {rating!r}")
    return number


@cache
def _scheduler(retention: float) -> fsrs.Scheduler:
    import fsrs

    return fsrs.Scheduler(desired_retention=retention, enable_fuzzing=False)


def schedule(card: CardState | None, rating: int, now: dt.datetime, retention: float) -> CardState:
    """The card after a rating, as the `fsrs` scheduler computes it."""
    import fsrs

    current = (
        fsrs.Card(card_id=1, due=now)
        if card is None
        else fsrs.Card(
            card_id=1,
            state=fsrs.State(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
        )
    )
    after, _log = _scheduler(retention).review_card(current, fsrs.Rating(rating), now.astimezone(dt.UTC))
    return CardState(
        int(after.state), after.step, after.stability, after.difficulty, after.due, after.last_review
    )


def _utc(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.UTC)
    return now.replace(tzinfo=dt.UTC) if now.tzinfo is None else now.astimezone(dt.UTC)


# What a question's scope (`filter_clauses`) refers to: its note, notebook, week and lecture.
_NOTE_JOINS = """JOIN notebooks b ON b.id = n.notebook_id
    LEFT JOIN weeks w ON w.id = n.week_id LEFT JOIN lectures l ON l.id = n.lecture_id"""
_SCOPE_JOINS = f"JOIN notes n ON n.id = q.note_id {_NOTE_JOINS}"
_DUE_COLUMNS = """q.id, q.note_id, b.title, w.number, q.text, q.answer,
    c.state, c.step, c.stability, c.difficulty, c.due, c.last_review"""


def _scope(where: QuestionFilter) -> tuple[list[str], list[Any]]:
    """The filter's conditions, for answered questions only (the ones that are cards)."""
    return filter_clauses(replace(where, status="answered"))


class ReviewOperations(LibraryWriter):
    """The Library's review operations and queries (mixed into `Library`)."""

    # The operations `apply` may run (undo and redo of a rating included).
    REVIEW_OPERATIONS = frozenset({"rate", "undo_rating", "_restore_rating", "set_desired_retention"})

    # -- writes ------------------------------------------------------------------
    def rate(self, question_id: int, rating: str | int, now: dt.datetime | None = None) -> Change:
        """Record a review of an answered question and schedule its next one.

        The Change holds the card before and after (`card`, by question) and creates
        the review (`("review", id)`); its inverse takes the rating back."""
        number = rating_number(rating)
        moment = _utc(now)
        with self._write() as conn:
            row = conn.execute(
                """SELECT q.note_id, q.status, b.desired_retention FROM questions q
                   JOIN notes n ON n.id = q.note_id JOIN notebooks b ON b.id = n.notebook_id
                   WHERE q.id = ?""",
                (question_id,),
            ).fetchone()
            if row is None:
                raise StudyNotesError(f"no question {question_id} (see `studynotes questions`)")
            if row[1] != "answered":
                raise StudyNotesError(f"question {question_id} is open: only answered questions are reviewed")
            before = load_card(conn, question_id)
            after = schedule(before, number, moment, float(row[2]))
            store_card(conn, question_id, after)
            review_id = log_review(conn, question_id, moment, number, before, after)
        return Change(
            f"Rate {RATING_NAMES[number]}",
            inverse=Operation.of("undo_rating", review_id=review_id),
            before={("question", question_id): {"card": before}},
            after={("question", question_id): {"card": after}},
            created=(("review", review_id),),
        )

    def undo_rating(self, review_id: int) -> Change:
        """Take back a question's latest review: its card is as it was before it."""
        with self._write() as conn:
            saved = self._rows("reviews", "id = ?", (review_id,))
            if not saved:
                raise StudyNotesError(f"no review {review_id}")
            review = saved[0]
            question_id = int(review["question_id"])
            latest = conn.execute(
                "SELECT max(id) FROM reviews WHERE question_id = ?", (question_id,)
            ).fetchone()[0]
            if latest != review_id:
                raise StudyNotesError(f"review {review_id} is not question {question_id}'s latest")
            after = load_card(conn, question_id)
            before = CardState.from_json(review["card_before"]) if review["card_before"] else None
            store_card(conn, question_id, before)
            conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        return Change(
            "Undo rating",
            inverse=Operation.of("_restore_rating", review=review, card=after.as_json() if after else None),
            before={("question", question_id): {"card": after}},
            after={("question", question_id): {"card": before}},
            deleted=(("review", review_id),),
        )

    def _restore_rating(self, review: dict[str, Any], card: str | None) -> Change:
        """Put back a rating taken back (redo): the same review line, the same card."""
        question_id = int(review["question_id"])
        with self._write() as conn:
            before = load_card(conn, question_id)
            after = CardState.from_json(card) if card else None
            store_card(conn, question_id, after)
            self._insert_rows("reviews", [review])
        return Change(
            f"Rate {RATING_NAMES.get(int(review['rating']), '')}".strip(),
            inverse=Operation.of("undo_rating", review_id=int(review["id"])),
            before={("question", question_id): {"card": before}},
            after={("question", question_id): {"card": after}},
            created=(("review", int(review["id"])),),
        )

    def set_desired_retention(self, notebook_id: int, retention: float) -> Change:
        """The share of answers to recall when a review falls due (0.70–0.99)."""
        if not 0.7 <= retention <= 0.99:
            raise StudyNotesError("desired retention must be between 0.70 and 0.99")
        with self._write() as conn:
            old = conn.execute(
                "SELECT desired_retention FROM notebooks WHERE id = ?", (notebook_id,)
            ).fetchone()
            if old is None:
                raise StudyNotesError(f"no notebook {notebook_id}")
            conn.execute("UPDATE notebooks SET desired_retention = ? WHERE id = ?", (retention, notebook_id))
        return Change(
            "Set desired retention",
            inverse=Operation.of("set_desired_retention", notebook_id=notebook_id, retention=float(old[0])),
            before={("notebook", notebook_id): {"desired_retention": float(old[0])}},
            after={("notebook", notebook_id): {"desired_retention": retention}},
        )

    # -- reads -------------------------------------------------------------------
    def desired_retention(self, notebook_id: int) -> float:
        row = self.conn.execute(
            "SELECT desired_retention FROM notebooks WHERE id = ?", (notebook_id,)
        ).fetchone()
        return float(row[0]) if row else DEFAULT_RETENTION

    def notebook_origin(self, title: str) -> str:
        """When the notebook was made: with a question id, an id no other library's question has."""
        row = self.conn.execute("SELECT created_at FROM notebooks WHERE title = ?", (title,)).fetchone()
        return str(row[0]) if row else ""

    def card(self, question_id: int) -> CardState | None:
        return load_card(self.conn, question_id)

    def due_cards(
        self, where: QuestionFilter | None = None, now: dt.datetime | None = None, *, limit: int | None = None
    ) -> list[DueCard]:
        """Answered questions due now: the most overdue first, then those never reviewed, oldest first.

        Two queries, each walking an index in its own order (the cards by due time, the
        questions by id), so the first page costs the same at 100 questions or 100,000."""
        clauses, params = _scope(where or QuestionFilter())
        moment = stamp(_utc(now))
        bound = -1 if limit is None else limit
        reviewed = self.conn.execute(
            f"""SELECT {_DUE_COLUMNS} FROM review_cards c JOIN questions q ON q.id = c.question_id {_SCOPE_JOINS}
                WHERE c.due <= ? AND {" AND ".join(clauses)} ORDER BY c.due LIMIT ?""",
            [moment, *params, bound],
        ).fetchall()
        if limit is not None and len(reviewed) >= limit:
            return [_due_card(row) for row in reviewed]
        fresh = self.conn.execute(
            f"""SELECT {_DUE_COLUMNS} FROM questions q {_SCOPE_JOINS} LEFT JOIN review_cards c ON c.question_id = q.id
                WHERE c.question_id IS NULL AND {" AND ".join(clauses)} ORDER BY q.id LIMIT ?""",
            [*params, -1 if limit is None else limit - len(reviewed)],
        ).fetchall()
        return [_due_card(row) for row in [*reviewed, *fresh]]

    def next_due(self, where: QuestionFilter | None = None, now: dt.datetime | None = None) -> DueCard | None:
        found = self.due_cards(where, now, limit=1)
        return found[0] if found else None

    def due_count(self, where: QuestionFilter | None = None, now: dt.datetime | None = None) -> int:
        """How many answered questions are due: the answered ones (from the notes' kept counts)
        less those whose next review is still ahead."""
        where = where or QuestionFilter()
        clauses, params = _scope(where)
        if where.asker is not None or where.lecture is not None:  # not kept on notes: count them
            row = self.conn.execute(
                f"""SELECT count(*) FROM questions q {_SCOPE_JOINS} LEFT JOIN review_cards c ON c.question_id = q.id
                    WHERE (c.due IS NULL OR c.due <= ?) AND {" AND ".join(clauses)}""",
                [stamp(_utc(now)), *params],
            ).fetchone()
            return int(row[0])
        # The same scope over notes alone (its only question clause, `q.private = 0`, takes no value).
        note_clauses, note_params = filter_clauses(replace(where, note_id=None, status=None))
        note_clauses = [c for c in note_clauses if not c.startswith("q.")]
        if where.note_id is not None:
            note_clauses.append("n.id = ?")
            note_params.append(where.note_id)
        answered = self.conn.execute(
            f"""SELECT coalesce(sum(n.questions_total - n.questions_open), 0) FROM notes n
                {_NOTE_JOINS}
                WHERE {" AND ".join(note_clauses) or "1 = 1"}""",
            note_params,
        ).fetchone()[0]
        ahead = self.conn.execute(
            f"""SELECT count(*) FROM review_cards c JOIN questions q ON q.id = c.question_id {_SCOPE_JOINS}
                WHERE c.due > ? AND {" AND ".join(clauses)}""",
            [stamp(_utc(now)), *params],
        ).fetchone()[0]
        return int(answered) - int(ahead)

    def ahead_by_notebook(self, now: dt.datetime | None = None) -> dict[int, int]:
        """Answered questions whose next review is still ahead, per notebook: a notebook's due
        count is its answered questions (the tree's kept counts) less these.  Read from the cards
        due later (CROSS JOIN keeps them the outer loop), so the cost follows the cards, not the
        library: every note of a million-question library was read for this every minute."""
        return {
            int(row[0]): int(row[1])
            for row in self.conn.execute(
                """SELECT n.notebook_id, count(*) FROM review_cards c CROSS JOIN questions q ON q.id = c.question_id
                   CROSS JOIN notes n ON n.id = q.note_id
                   WHERE c.due > ? AND q.status = 'answered' AND q.private = 0 GROUP BY n.notebook_id""",
                (stamp(_utc(now)),),
            )
        }

    def due_by_node(self, notebook_id: int, now: dt.datetime | None = None) -> dict[tuple[str, int], int]:
        """Due questions of a notebook per tree node, keyed as the tree keys them (`("week", id)`…).
        The cards due later are read from their index (CROSS JOIN), not by walking every question."""
        per_note = {
            row[0]: [row[1], row[2], int(row[3])]
            for row in self.conn.execute(
                """SELECT id, week_id, lecture_id, questions_total - questions_open FROM notes
                   WHERE notebook_id = ? AND questions_total > questions_open""",
                (notebook_id,),
            )
        }
        for note_id, ahead in self.conn.execute(
            """SELECT q.note_id, count(*) FROM review_cards c CROSS JOIN questions q ON q.id = c.question_id
               CROSS JOIN notes n ON n.id = q.note_id
               WHERE c.due > ? AND q.status = 'answered' AND q.private = 0 AND n.notebook_id = ?
               GROUP BY q.note_id""",
            (stamp(_utc(now)), notebook_id),
        ):
            if note_id in per_note:
                per_note[note_id][2] -= int(ahead)
        found: Counter[tuple[str, int]] = Counter()
        for note_id, (week_id, lecture_id, count) in per_note.items():
            if count <= 0:
                continue
            found[("note", note_id)] += count
            found[("notebook", notebook_id)] += count
            found[("week", week_id) if week_id is not None else ("unsorted", notebook_id)] += count
            if lecture_id is not None:
                found[("lecture", lecture_id)] += count
        return dict(found)

    def reviews_since(
        self, notebook_id: int, since: dt.datetime
    ) -> list[tuple[dt.datetime, int, int | None]]:
        """(when, rating, state before) of a notebook's reviews since a moment, oldest first.

        Read from the reviews of those days (CROSS JOIN keeps them the outer loop): SQLite chose
        to walk every question of the notebook instead, 17 ms at 100,000 with no review at all."""
        rows = self.conn.execute(
            """SELECT r.rated_at, r.rating, r.state_before FROM reviews r
               CROSS JOIN questions q ON q.id = r.question_id CROSS JOIN notes n ON n.id = q.note_id
               WHERE n.notebook_id = ? AND r.rated_at >= ? ORDER BY r.rated_at""",
            (notebook_id, stamp(_utc(since))),
        )
        return [(parse_stamp(row[0]), int(row[1]), row[2]) for row in rows]

    def reviews_of(self, question_id: int) -> Iterator[tuple[int, dt.datetime, int, float]]:
        """(review id, when, rating, interval in days) of a question, oldest first."""
        for row in self.conn.execute(
            "SELECT id, rated_at, rating, interval_days FROM reviews WHERE question_id = ? ORDER BY id",
            (question_id,),
        ):
            yield int(row[0]), parse_stamp(row[1]), int(row[2]), float(row[3])


def _due_card(row: tuple[Any, ...]) -> DueCard:
    from .answers import DueCard

    card = (
        None
        if row[10] is None
        else CardState(
            row[6], row[7], row[8], row[9], parse_stamp(row[10]), parse_stamp(row[11]) if row[11] else None
        )
    )
    return DueCard(row[0], row[1], row[2], row[3], row[4], row[5], card)


def review_of(change: Change) -> int:
    """The id of the review a rating's Change created (0 if it created none)."""
    return next((ident for kind, ident in change.created if kind == "review"), 0)


def card_after(change: Change, question_id: int) -> CardState | None:
    """A question's card after a rating's (or an undo's) Change."""
    card = change.after.get(("question", question_id), {}).get("card")
    return card if isinstance(card, CardState) else None
