"""Rebuild the two Notion export fixtures under tests/data/bundles/notion/ from the seed pages.

    python tools/make_notion_fixtures.py

The seeds are real pages a study group kept in Notion (see seeds/README.md).
This script lays them out exactly as Notion's "Markdown & CSV" export does:
`Title <32-hex id>.md`, a folder of the same name for subpages and images,
databases as `Name <id>.csv` plus `Name <id>_all.csv` and a folder of row pages
whose first lines are the row's properties, links between pages as relative,
URL-quoted paths or notion.so addresses.  The ids are fixed, so the files are
the same on every run; read `git diff tests/data/bundles` after running it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from studynotes.importers import import_file  # noqa: E402

SEEDS = ROOT / "seeds"
OUT = ROOT / "tests" / "data" / "bundles" / "notion"
# A 1x1 PNG stands in for the screenshot the question board shows (the seed keeps no image bytes).
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201e2f0d9f90000000049454e44ae426082"
)


def notion_id(name: str) -> str:
    return hashlib.md5(name.encode("utf-8")).hexdigest()


def link(path: str) -> str:
    return quote(path)


def write(path: Path, text: str, *, bom: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\ufeff" if bom else "").encode("utf-8") + text.encode("utf-8"))


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def cs231n() -> None:
    """A study group's workspace: a home page, the week-2 board page, a question database
    (rows with answers in their page bodies) and a minutes database dated by meeting."""
    base = OUT / "cs231n-study"
    home_title = "CS231n 스터디"
    home_id = notion_id(home_title)
    home = f"{home_title} {home_id}"
    week_title = "2주차"
    week = f"{week_title} {notion_id(week_title)}"
    questions_title = "질문 게시판"
    questions = f"{questions_title} {notion_id(questions_title)}"
    minutes_title = "회의록"
    minutes = f"{minutes_title} {notion_id(minutes_title)}"

    board = (SEEDS / "question-board-week2.md").read_text(encoding="utf-8")
    board = board.replace("](img/3.png)", f"]({link(week)}/3.png)").replace("[img/3.png]", "[3.png]")
    board = board.replace("# 스터디 2주차", f"# {week_title}", 1)
    write(base / home / f"{week}.md", board)
    (base / home / week).mkdir(parents=True, exist_ok=True)
    (base / home / week / "3.png").write_bytes(PIXEL)

    parsed = import_file(SEEDS / "question-board-week2.md").document
    header = ["질문", "상태", "작성자", "강", "페이지", "시간", "Tags"]
    rows: list[list[str]] = []
    for note in parsed.notes:
        for question in note.questions[:4]:
            text = re.sub(r"\s+", " ", question.text).strip()
            title = text if len(text) <= 60 else text[:57].rstrip() + "…"
            row_id = notion_id(title)
            status = "✅" if question.answer else "미해결"
            lecture = f"Lecture {note.lecture}"
            page = str(question.slide_page or "")
            time = question.media_time or ""
            rows.append([title, status, question.asker, lecture, page, time, "CS231n"])
            body = "\n".join(
                [
                    f"# {title}",
                    "",
                    f"상태: {status}",
                    f"작성자: {question.asker}",
                    f"강: {lecture}",
                    f"페이지: {page}",
                    *([f"시간: {time}"] if time else []),
                    "Tags: CS231n",
                    "",
                    *([text, ""] if text != title else []),
                    question.answer,
                    "",
                ]
            )
            safe = title.replace("/", " ").replace("?", "").replace(":", "")
            write(base / home / questions / f"{safe} {row_id}.md", body)
    write(base / home / f"{questions}_all.csv", csv_text(header, rows), bom=True)
    # The plain CSV is the database's current view: this one hides answered rows of Lecture 4.
    view = [r for r in rows if not (r[3] == "Lecture 4" and r[1] == "✅")]
    write(base / home / f"{questions}.csv", csv_text(header, view), bom=True)

    minutes_text = (SEEDS / "meeting-minutes-0805.md").read_text(encoding="utf-8")
    meeting_title = "8/5(목) 회의록"
    meeting_id = notion_id(meeting_title)
    meeting_page = "\n".join(
        [
            f"# {meeting_title}",
            "",
            "날짜: 2021년 8월 5일",
            "작성자: 이하람",
            "회의 유형: 일일 회의",
            "",
            minutes_text.strip().split("\n", 1)[1] if minutes_text.strip().startswith("##") else minutes_text,
            "",
            f"이번 주 질문은 [질문 게시판]({link(home)}/{link(questions)}.csv)에, "
            f"강의 정리는 [2주차](https://www.notion.so/{notion_id(week_title)})에 있다.",
            "",
        ]
    )
    write(base / home / minutes / f"{meeting_title.replace('/', ' ')} {meeting_id}.md", meeting_page)
    write(
        base / home / f"{minutes}.csv",
        csv_text(
            ["이름", "날짜", "작성자", "회의 유형"],
            [[meeting_title, "2021년 8월 5일", "이하람", "일일 회의"]],
        ),
        bom=True,
    )

    home_page = "\n".join(
        [
            f"# {home_title}",
            "",
            "CS231n 강의를 함께 듣고 매주 질문을 모으는 스터디.",
            "",
            f"[2주차]({link(home)}/{link(week)}.md)",
            "",
            f"[질문 게시판]({link(home)}/{link(questions)}.csv)",
            "",
            f"[회의록]({link(home)}/{link(minutes)}.csv)",
            "",
        ]
    )
    write(base / f"{home}.md", home_page)


def flipped_school() -> None:
    """A programme page with its schedule, and a study-log database of one page per day."""
    base = OUT / "deepml-flipped-school"
    title = "AIFFEL DeepML Flipped School"
    page_id = notion_id(title)
    home = f"{title} {page_id}"
    log_title = "Study log"
    log = f"{log_title} {notion_id(log_title)}"
    programme = (SEEDS / "programme-deepml-flipped-school.txt").read_text(encoding="utf-8")
    programme = programme.replace("AIFFEL DeepML Flipped School", f"# {title}", 1)
    programme += f"\n\nDaily notes: [{log_title}]({link(home)}/{link(log)}.csv)\n"
    write(base / f"{home}.md", programme)

    text = (SEEDS / "daily-log-day15-19.txt").read_text(encoding="utf-8")
    days = re.split(r"^(Day \d+)\s*$", text, flags=re.MULTILINE)
    rows: list[list[str]] = []
    dates = {"Day 15": "January 30, 2022", "Day 16": "January 31, 2022", "Day 17": "February 1, 2022",
             "Day 18": "February 2, 2022", "Day 19": "February 3, 2022"}  # fmt: skip
    for name, body in zip(days[1::2], days[2::2], strict=True):
        row_id = notion_id(name)
        rows.append([name, dates[name], "Deep Learning"])
        page = f"# {name}\n\nDate: {dates[name]}\nTags: Deep Learning\n\n{body.strip()}\n"
        write(base / home / log / f"{name} {row_id}.md", page)
    write(base / home / f"{log}.csv", csv_text(["Name", "Date", "Tags"], rows), bom=True)


def main() -> int:
    if OUT.exists():
        shutil.rmtree(OUT)
    cs231n()
    flipped_school()
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
