"""The rows that hold review schedules: one card per question, one line per rating.

Pure SQL inside the caller's transaction; the scheduling itself is the `fsrs`
package's (see `reviewing.py`).  Times are UTC text of one fixed width, so the
`due` index orders them as time orders them.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass

RATINGS = {"again": 1, "hard": 2, "good": 3, "easy": 4}
RATING_NAMES = {number: name for name, number in RATINGS.items()}
STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}
_STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


def stamp(moment: dt.datetime) -> str:
    """A moment as sortable UTC text (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime(_STAMP)


def parse_stamp(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, _STAMP).replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class CardState:
    """A question's schedule: the fields of an `fsrs.Card`, by value."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: dt.datetime
    last_review: dt.datetime | None

    def as_json(self) -> str:
        return json.dumps(
            {
                "state": self.state,
                "step": self.step,
                "stability": self.stability,
                "difficulty": self.difficulty,
                "due": stamp(self.due),
                "last_review": stamp(self.last_review) if self.last_review else None,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> CardState:
        data = json.loads(text)
        return cls(
            state=int(data["state"]),
            step=data["step"],
            stability=data["stability"],
            difficulty=data["difficulty"],
            due=parse_stamp(data["due"]),
            last_review=parse_stamp(data["last_review"]) if data["last_review"] else None,
        )


def load_card(conn: sqlite3.Connection, question_id: int) -> CardState | None:
    row = conn.execute(
        "SELECT state, step, stability, difficulty, due, last_review FROM review_cards WHERE question_id = ?",
        (question_id,),
    ).fetchone()
    if row is None:
        return None
    return CardState(
        row[0], row[1], row[2], row[3], parse_stamp(row[4]), parse_stamp(row[5]) if row[5] else None
    )


def store_card(conn: sqlite3.Connection, question_id: int, card: CardState | None) -> None:
    """Write a question's schedule; None removes it (the question is new again)."""
    if card is None:
        conn.execute("DELETE FROM review_cards WHERE question_id = ?", (question_id,))
        return
    conn.execute(
        """INSERT INTO review_cards (question_id, state, step, stability, difficulty, due, last_review)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (question_id) DO UPDATE SET state = excluded.state, step = excluded.step,
             stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
             last_review = excluded.last_review""",
        (
            question_id,
            card.state,
            card.step,
            card.stability,
            card.difficulty,
            stamp(card.due),
            stamp(card.last_review) if card.last_review else None,
        ),
    )


def log_review(
    conn: sqlite3.Connection,
    question_id: int,
    rated_at: dt.datetime,
    rating: int,
    before: CardState | None,
    after: CardState,
) -> int:
    interval = (after.due - rated_at).total_seconds() / 86400
    cursor = conn.execute(
        """INSERT INTO reviews (question_id, rated_at, rating, state_before, interval_days, card_before)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (
            question_id,
            stamp(rated_at),
            rating,
            before.state if before else None,
            interval,
            before.as_json() if before else None,
        ),
    )
    return int(cursor.lastrowid or 0)


def schedules_of_source(conn: sqlite3.Connection, source_id: int) -> dict[str, int]:
    """Question id by stable key, for the source's questions that have a schedule or reviews."""
    rows = conn.execute(
        """SELECT q.stable_key, q.id FROM questions q JOIN notes n ON n.id = q.note_id
           WHERE n.source_id = ? AND q.stable_key != ''
             AND (EXISTS (SELECT 1 FROM review_cards c WHERE c.question_id = q.id)
                  OR EXISTS (SELECT 1 FROM reviews r WHERE r.question_id = q.id))""",
        (source_id,),
    ).fetchall()
    return {str(key): int(question_id) for key, question_id in rows}


def carry_schedules(conn: sqlite3.Connection, note_ids: list[int], saved: dict[str, int]) -> int:
    """After a re-import, give each schedule to the question with the same stable key.

    A question whose key is gone loses its schedule, so its old id (which a new
    question may now hold) starts afresh.  Returns how many schedules were kept.
    """
    if not saved:
        return 0
    marks = ",".join("?" * len(note_ids))
    now_by_key = (
        {
            str(key): int(question_id)
            for key, question_id in conn.execute(
                f"SELECT stable_key, id FROM questions WHERE note_id IN ({marks})", note_ids
            )
        }
        if note_ids
        else {}
    )
    moves = {old: now_by_key.get(key) for key, old in saved.items()}
    old_ids = list(moves)
    old_marks = ",".join("?" * len(old_ids))
    cards = conn.execute(
        f"SELECT question_id, state, step, stability, difficulty, due, last_review FROM review_cards"
        f" WHERE question_id IN ({old_marks})",
        old_ids,
    ).fetchall()
    reviews = conn.execute(
        f"SELECT id, question_id FROM reviews WHERE question_id IN ({old_marks})", old_ids
    ).fetchall()
    conn.execute(f"DELETE FROM review_cards WHERE question_id IN ({old_marks})", old_ids)
    for row in cards:
        target = moves[row[0]]
        if target is not None:
            conn.execute(
                "INSERT OR REPLACE INTO review_cards VALUES (?, ?, ?, ?, ?, ?, ?)", (target, *row[1:])
            )
    for review_id, old in reviews:
        target = moves[old]
        if target is None:
            conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        else:
            conn.execute("UPDATE reviews SET question_id = ? WHERE id = ?", (target, review_id))
    return sum(1 for target in moves.values() if target is not None)
