"""A realistic benchmark corpus, the same on every machine for a given size and seed.

    .venv/bin/python bench/corpus.py OUT_DIR [--notes 1500] [--questions 15000] [--seed 7]

Writes one folder per study group (each becomes a notebook) holding, per
study week, the files such a group produces, shaped like the seeds:

- two Zoom chat logs (`- YYYY-MM-DD HH:MM:SS From Name : …` with `> ` answers),
- one Notion question board (`# 스터디 N주차`, `## Lecture N`, ✅ headings with backticked fields),
- two daily meeting minutes (회의록 with Notion properties, `Q1.` … `답변)`),
- one study blog's daily log (`Day N` and nested `•` bullets).

Every week yields 11 notes.  Boards, minutes and logs get a realistic share of
the questions; the chat logs take the rest, so the whole corpus lands on the
asked number of questions.  Formulas, code blocks and tables are spread through.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import corpus_text as tx

GENERATOR_VERSION = 1
NOTES_PER_WEEK = 11
WEEKS_PER_NOTEBOOK = 20
WEEKDAYS = "월화수목금토일"


@dataclass
class CorpusInfo:
    """What was written; the benchmark compares it with what the import reports."""

    folder: Path
    files: int = 0
    bytes: int = 0
    notes: int = 0
    questions: int = 0
    notebooks: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "version": GENERATOR_VERSION,
            "files": self.files,
            "bytes": self.bytes,
            "notes": self.notes,
            "questions": self.questions,
            "notebooks": self.notebooks,
        }


@dataclass
class _Week:
    notebook: int
    number: int  # 1-based within the notebook
    start: dt.date
    notes: int  # up to NOTES_PER_WEEK; the last week of a corpus may be cut short
    board_questions: tuple[int, int] = (0, 0)
    minutes_questions: tuple[int, int] = (0, 0)
    log_questions: tuple[int, ...] = ()
    chat_questions: tuple[int, int] = (0, 0)


def generate(folder: Path, notes: int, questions: int, seed: int = 7) -> CorpusInfo:
    """Write the corpus into `folder` (created; must be empty or absent)."""
    rng = random.Random(seed)
    weeks = _plan(notes, questions, rng)
    info = CorpusInfo(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for week in weeks:
        group = _group_name(week.notebook, seed)
        if group not in info.notebooks:
            info.notebooks.append(group)
        for name, text, note_count, question_count in _week_files(week, rng):
            path = folder / group / name
            path.parent.mkdir(exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            info.files += 1
            info.bytes += len(data)
            info.notes += note_count
            info.questions += question_count
    (folder.parent / f"{folder.name}.json").write_text(
        json.dumps(info.as_json(), ensure_ascii=False, indent=1)
    )
    return info


def _plan(notes: int, questions: int, rng: random.Random) -> list[_Week]:
    weeks: list[_Week] = []
    left = notes
    index = 0
    while left > 0:
        notebook, number = divmod(index, WEEKS_PER_NOTEBOOK)
        start = dt.date(2019, 3, 4) + dt.timedelta(weeks=26 * notebook + number)
        weeks.append(_Week(notebook, number + 1, start, min(NOTES_PER_WEEK, left)))
        left -= NOTES_PER_WEEK
        index += 1
    # The quieter formats first, then the chat logs share what is left.
    given = 0
    for week in weeks:
        week.board_questions = (rng.randint(4, 12), rng.randint(3, 10))
        week.minutes_questions = (rng.randint(3, 8), rng.randint(3, 8))
        week.log_questions = tuple(rng.choice((0, 1, 1, 2, 3)) for _ in range(5))
        given += sum(_kept(week, "board")) + sum(_kept(week, "minutes")) + sum(_kept(week, "log"))
    chats = [(week, i) for week in weeks for i in range(2) if _has(week, "chat", i)]
    rest = max(questions - given, len(chats))
    shares = [rest // len(chats) + (1 if k < rest % len(chats) else 0) for k in range(len(chats))]
    rng.shuffle(shares)
    per_week: dict[int, list[int]] = {}
    for (week, _i), share in zip(chats, shares, strict=True):
        per_week.setdefault(id(week), []).append(share)
    for week in weeks:
        got = [*per_week.get(id(week), []), 0, 0]
        week.chat_questions = (got[0], got[1])
    return weeks


# Notes of a week in the order the files are cut when a corpus ends mid-week.
_ORDER = ("chat", "chat", "board", "board", "minutes", "minutes", "log", "log", "log", "log", "log")


def _has(week: _Week, kind: str, index: int) -> bool:
    """Whether the `index`-th note of this kind fits in the week's note count."""
    slots = [i for i, k in enumerate(_ORDER) if k == kind]
    return index < len(slots) and slots[index] < week.notes


def _kept(week: _Week, kind: str) -> list[int]:
    counts = {"board": week.board_questions, "minutes": week.minutes_questions, "log": week.log_questions}[
        kind
    ]
    return [c for i, c in enumerate(counts) if _has(week, kind, i)]


def _group_name(notebook: int, seed: int) -> str:
    tracks = ("딥러닝 기초", "ML Math", "추천 시스템", "NLP 스터디", "CV 논문 읽기", "부스트캠프")
    year = 2019 + notebook // 2
    return f"{tracks[(notebook + seed) % len(tracks)]} {year}-{notebook % 2 + 1} #{notebook + 1}"


def _week_files(week: _Week, rng: random.Random) -> list[tuple[str, str, int, int]]:
    """(file name, text, notes, questions) for every file of one week."""
    files: list[tuple[str, str, int, int]] = []
    lecture = 2 * week.number - 1
    for i in range(2):
        if _has(week, "chat", i):
            day = week.start + dt.timedelta(days=2 * i)
            count = week.chat_questions[i]
            files.append((f"lecture-{lecture + i:02d}-chat.txt", chat_log(rng, day, count), 1, count))
    boards = [c for i, c in enumerate(week.board_questions) if _has(week, "board", i)]
    if boards:
        text = question_board(rng, week.number, lecture, boards)
        files.append((f"question-board-week{week.number:02d}.md", text, len(boards), sum(boards)))
    for i in range(2):
        if _has(week, "minutes", i):
            day = week.start + dt.timedelta(days=1 + 2 * i)
            count = week.minutes_questions[i]
            text = minutes(rng, day, lecture + i, count)
            files.append((f"minutes-{day.isoformat()}.md", text, 1, count))
    logs = _kept(week, "log")
    if logs:
        first = 5 * (week.number - 1) + 1
        text = daily_log(rng, first, logs)
        name = f"daily-log-day{first}-{first + len(logs) - 1}.txt"
        files.append((name, text, len(logs), sum(logs)))
    return files


def chat_log(rng: random.Random, day: dt.date, questions: int) -> str:
    """A Zoom saved chat: each question answered by the instructor on `> ` lines, chatter between."""
    lines: list[str] = []
    clock = dt.datetime.combine(day, dt.time(10, 30)) + dt.timedelta(seconds=rng.randint(0, 600))
    for _ in range(questions):
        clock += dt.timedelta(seconds=rng.randint(40, 400))
        sender = _sender(rng)
        lines.append(f"- {clock:%Y-%m-%d %H:%M:%S} From {sender} : {tx.question(rng)}")
        lines.append(f"- > {tx.answer(rng, rng.randint(1, 3))}")
        if rng.random() < 0.35:
            clock += dt.timedelta(seconds=rng.randint(400, 900))
            lines.append(f"- {clock:%Y-%m-%d %H:%M:%S} From {_sender(rng)} : {rng.choice(tx.CHATTER)}")
    return "\n".join(lines) + "\n"


def _sender(rng: random.Random) -> str:
    name = rng.choice(tx.NAMES)
    return f"{rng.randint(2017, 2021)}{rng.randint(1000, 9999)} {name}" if rng.random() < 0.5 else name


def question_board(rng: random.Random, week: int, first_lecture: int, counts: list[int]) -> str:
    lectures = [first_lecture + i for i in range(len(counts))]
    out = [f"# 스터디 {week}주차", ""]
    out += [f"- [Lecture {n}](#lecture-{n})" for n in lectures]
    for number, count in zip(lectures, counts, strict=True):
        out += ["", f"## Lecture {number}", ""]
        for _ in range(count):
            fields = [f"`{rng.choice(tx.NAMES[:14])}`"]
            if rng.random() < 0.4:
                fields.append(f"`{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}`")
            fields.append(f"`p{rng.randint(2, 60)}`")
            answered = rng.random() < 0.85
            mark = "✅" if answered else "❓"
            out += [f"#### {mark} {' '.join(fields)} {tx.question(rng)}", ""]
            if answered:
                out += [tx.answer(rng, rng.randint(1, 3)), ""]
                extra = rng.random()
                if extra < 0.2:
                    out += [tx.code_block(rng), ""]
                elif extra < 0.35:
                    out += [tx.display_formula(rng), ""]
                elif extra < 0.45:
                    out += [tx.table(rng), ""]
    return "\n".join(out) + "\n"


def minutes(rng: random.Random, day: dt.date, lecture: int, questions: int) -> str:
    author = rng.choice(tx.NAMES[:14])
    edited = day + dt.timedelta(days=rng.randint(0, 4))
    out = [
        "",
        f"## {day.month}/{day.day}({WEEKDAYS[day.weekday()]}) 회의록",
        "",
        f"🕒 작성일시\t@{day.year}년 {day.month}월 {day.day}일 오전 9:{rng.randint(10, 59)}",
        f"👤 작성자\t<span>{author[-2:]}</span> {author}",
        "👥 참석자\t",
        f"🕒 최종 편집일시\t@{edited.year}년 {edited.month}월 {edited.day}일 오후 7:41",
        "📌 회의 유형\t일일 회의",
        "",
        "### 👉 학습 내용 공유",
        "",
        "#### 1. 어제 과제 코드 리뷰 🔍",
        "",
        f"- 리뷰할 과제 : Assignment{rng.randint(1, 9)}",
        "",
        "#### 배운 점",
        "",
    ]
    out += [f"{i}. {tx.statement(rng)}" for i in range(1, rng.randint(4, 9))]
    out += ["", "## 2. 강의 내용 중 질문하기 🙋", "", f"### {lecture}강 강의/퀴즈", ""]
    for q in range(1, questions + 1):
        out += [f"Q{q}. {tx.question(rng)}", "", "답변)", "", tx.answer(rng, rng.randint(1, 2)), ""]
        if rng.random() < 0.3:
            out += [tx.display_formula(rng), ""]
    out += ["## 피어세션 정리", ""]
    out += [f"- {tx.statement(rng)}" for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.3:
        out += ["", tx.table(rng)]
    if rng.random() < 0.3:
        out += ["", tx.code_block(rng)]
    return "\n".join(out) + "\n"


def daily_log(rng: random.Random, first_day: int, questions: list[int]) -> str:
    out = [f"{rng.randint(2, 6)} minute read", ""]
    for offset, count in enumerate(questions):
        out += [f"Day {first_day + offset}", ""]
        for _ in range(rng.randint(2, 4)):
            out.append(f"  • {tx.statement(rng)}")
            out += [f"    • {tx.statement(rng)}" for _ in range(rng.randint(0, 3))]
        for _ in range(count):
            out.append(f"  • {tx.question(rng)}")
            out.append(f"    • {tx.answer(rng, 1)}")
        if rng.random() < 0.5:
            out += ["", "피어세션: " + tx.statement(rng)]
        out += ["", "", ""]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--notes", type=int, default=1500)
    parser.add_argument("--questions", type=int, default=15000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    info = generate(args.out, args.notes, args.questions, args.seed)
    print(
        f"{info.files} files, {info.bytes / 1e6:.1f} MB, {info.notes} notes, "
        f"{info.questions} questions, {len(info.notebooks)} notebooks in {info.folder}"
    )


if __name__ == "__main__":
    main()
