"""How well questions and schedules are found in real study-group documents.

The documents in tests/data/real were written by study groups for themselves (peer-session
minutes, Q&A records, study logs, lecture chats); labels.json says, for each, the questions a
careful reader finds, whether the document answers them, and who asked.  Each labelled
fragment must appear in one extracted question (one to one); an extracted question that
matches no label is a false find.  Status accuracy counts the matched questions whose
status (open/answered) agrees with the label.

The schedules (READMEs and pages with a schedule table) are scored by session: each labelled
session, in order, must be found with its topic; then its week and date must be the labelled ones.

    python bench/extraction.py            # the table
    python bench/extraction.py --misses   # and, per document, what was missed or found wrongly
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REAL = Path(__file__).resolve().parents[1] / "tests" / "data" / "real"
_MARKS = re.compile(r"[*_`\\]+")


@dataclass
class Score:
    """Counts for one format (or all): found, missed, false finds, statuses right."""

    labelled: int = 0
    found: int = 0
    false_finds: int = 0
    status_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        extracted = self.found + self.false_finds
        return self.found / extracted if extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.found if self.found else 1.0

    def add(self, other: Score) -> None:
        self.labelled += other.labelled
        self.found += other.found
        self.false_finds += other.false_finds
        self.status_right += other.status_right
        self.misses += other.misses


def normalise(text: str) -> str:
    """Compare words, not Markdown: NFC, case-folded, no emphasis or code marks, one space."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(_MARKS.sub("", text).split())


def extracted_questions(path: Path) -> list[tuple[str, str, str]]:
    """(text, status, asker) of every question the importer finds in one file."""
    from studynotes.importers import import_file

    imported = import_file(path)
    return [
        (question.text, question.status, question.asker)
        for note in imported.document.notes
        for question in note.questions
        if not question.private
    ]


def score_document(
    name: str, labels: list[dict[str, str | None]], found: list[tuple[str, str, str]]
) -> Score:
    """Match each label to the first unmatched extracted question that contains its fragment."""
    score = Score(labelled=len(labels))
    unmatched = list(found)
    for label in labels:
        fragment = normalise(str(label["text"]))
        match = next((q for q in unmatched if fragment in normalise(q[0])), None)
        if match is None:
            score.misses.append(f"{name}: missed   [{label['status']}] {label['text']}")
            continue
        unmatched.remove(match)
        score.found += 1
        if match[1] == label["status"]:
            score.status_right += 1
        else:
            score.misses.append(f"{name}: status   {match[1]} (not {label['status']}) {label['text']}")
    score.false_finds = len(unmatched)
    score.misses += [f"{name}: not one  [{q[1]}] {q[0][:90]!r}" for q in unmatched]
    return score


def measure(root: Path = REAL) -> dict[str, Score]:
    """Scores per format, and `all`, over the labelled documents under `root`."""
    labels = json.loads((root / "labels.json").read_text(encoding="utf-8"))["documents"]
    scores: dict[str, Score] = {}
    for name, entry in labels.items():
        document = score_document(name, entry["questions"], extracted_questions(root / name))
        scores.setdefault(entry["format"], Score()).add(document)
    total = Score()
    for score in scores.values():
        total.add(score)
    return {**dict(sorted(scores.items())), "all": total}


@dataclass
class Sessions:
    """Counts for the sessions of one schedule (or all): found, extra, weeks and dates right."""

    labelled: int = 0
    found: int = 0
    extra: int = 0
    week_right: int = 0
    date_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Sessions) -> None:
        self.labelled += other.labelled
        self.found += other.found
        self.extra += other.extra
        self.week_right += other.week_right
        self.date_right += other.date_right
        self.misses += other.misses


def extracted_sessions(path: Path) -> list[tuple[str, int | None, str | None]]:
    """(title, week, ISO date) of every session the importer finds in one file, in order."""
    from studynotes.importers import import_file

    lectures = import_file(path).document.lectures
    return [(lec.title, lec.week, lec.date.isoformat() if lec.date else None) for lec in lectures]


def score_schedule(
    name: str, labels: list[dict[str, object]], found: list[tuple[str, int | None, str | None]]
) -> Sessions:
    """Match labelled sessions in order, each to the next extracted one holding its topic."""
    score = Sessions(labelled=len(labels))
    position = 0
    for label in labels:
        fragment = normalise(str(label["title"]))
        index = next((i for i in range(position, len(found)) if fragment in normalise(found[i][0])), None)
        if index is None:
            score.misses.append(f"{name}: missed   {label}")
            continue
        score.extra += index - position
        position = index + 1
        title, week, date = found[index]
        score.found += 1
        score.week_right += week == label["week"]
        score.date_right += date == label["date"]
        if (week, date) != (label["week"], label["date"]):
            score.misses.append(
                f"{name}: placed   week {week}, {date} (not {label['week']}, {label['date']}) {title}"
            )
    score.extra += len(found) - position
    return score


def measure_schedules(root: Path = REAL) -> dict[str, Sessions]:
    """Sessions per schedule document, and `all`."""
    labels = json.loads((root / "labels.json").read_text(encoding="utf-8")).get("schedules", {})
    scores = {
        name: score_schedule(name, sessions, extracted_sessions(root / name))
        for name, sessions in labels.items()
    }
    total = Sessions()
    for score in scores.values():
        total.add(score)
    return {**scores, "all": total}


def schedule_table(scores: dict[str, Sessions]) -> Iterable[str]:
    yield f"{'schedule':<42}{'sessions':>9}{'found':>7}{'extra':>7}{'week':>7}{'date':>7}"
    for name, score in scores.items():
        short = name.removeprefix("schedules/")
        yield (
            f"{short:<42}{score.labelled:>9}{score.found:>7}{score.extra:>7}"
            f"{score.week_right:>7}{score.date_right:>7}"
        )


def table(scores: dict[str, Score]) -> Iterable[str]:
    yield f"{'format':<10}{'labelled':>9}{'found':>7}{'false':>7}{'precision':>11}{'recall':>8}{'F1':>7}{'status':>8}"
    for name, score in scores.items():
        yield (
            f"{name:<10}{score.labelled:>9}{score.found:>7}{score.false_finds:>7}"
            f"{score.precision:>11.2f}{score.recall:>8.2f}{score.f1:>7.2f}{score.status_accuracy:>8.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list what was missed or found wrongly")
    args = parser.parse_args(argv)
    scores = measure()
    schedules = measure_schedules()
    if args.misses:
        for line in scores["all"].misses + schedules["all"].misses:
            print(line)
        print()
    for line in table(scores):
        print(line)
    print()
    for line in schedule_table(schedules):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
