"""A 2,000-page Notion workspace export, generated, then imported: time, and what cancel leaves.

    .venv/bin/python bench/notion.py [--pages 2000] [--runs 3]

The export is laid out as Notion writes it (pages `Title <id>.md` with subpage
folders, week pages, a question database with a row page per question, images,
links between pages), zipped, and imported with `studynotes import` in a fresh
process each run (the whole cost a user waits for).  Then the same import is
cancelled at half its progress in-process, and the library is checked to hold
nothing.  Prints figures; never fails on timing.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
BUDGET_SECONDS = 20.0
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201e2f0d9f90000000049454e44ae426082"
)
WORDS = [
    "손실함수",
    "gradient",
    "역전파",
    "행렬",
    "softmax",
    "정규화",
    "convolution",
    "학습률",
    "배치",
    "layer",
    "가중치",
    "모델",
]


def ident(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def sentence(rng: random.Random, words: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def generate(target: Path, pages: int, seed: int = 15) -> tuple[int, int]:
    """Write the export zip; returns (pages, questions) it holds."""
    rng = random.Random(seed)
    home = f"Study Home {ident('home')}"
    weeks = 12
    rows = pages // 4
    notes_per_week = (pages - rows - weeks - 1) // weeks
    questions = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        week_links = []
        for week in range(1, weeks + 1):
            week_page = f"{week}주차 {ident(f'week{week}')}"
            week_links.append(f"- [{week}주차]({quote(home)}/{quote(week_page)}.md)")
            children = []
            for index in range(notes_per_week):
                title = f"{week}주차 강의 노트 {index + 1}"
                page = f"{title} {ident(title)}"
                children.append(f"- [{title}]({quote(week_page)}/{quote(page)}.md)")
                body = [f"# {title}", ""]
                for part in range(6):
                    body += [f"## {part + 1}. {sentence(rng, 3)}", "", sentence(rng, 40), ""]
                    if part % 2 == 0:
                        body += [f"- {sentence(rng, 8)}?", f"    - {sentence(rng, 15)}", ""]
                        questions += 1
                body += [
                    f"![plot]({quote(page)}/plot.png)",
                    "",
                    f"[{week}주차]({quote('../' + week_page)}.md)",
                    "",
                ]
                archive.writestr(f"{home}/{week_page}/{page}.md", "\n".join(body))
                archive.writestr(f"{home}/{week_page}/{page}/plot.png", PIXEL)
            archive.writestr(f"{home}/{week_page}.md", f"# {week}주차\n\n" + "\n".join(children) + "\n")
        database = f"질문 게시판 {ident('questions')}"
        header = "질문,상태,작성자,주차,강,페이지,시간\n"
        lines = []
        for row in range(rows):
            title = f"질문 {row + 1}: {sentence(rng, 6)}"
            status = rng.choice(["✅", "미해결"])
            asker = rng.choice(["혜지", "소현", "세연", "재용"])
            week, lecture, page = rng.randint(1, weeks), rng.randint(1, 24), rng.randint(1, 80)
            time_text = f"{rng.randint(0, 59)}:{rng.randint(0, 59):02d}"
            lines.append(f'"{title}",{status},{asker},{week},{lecture},{page},{time_text}')
            body = (
                f"# {title}\n\n상태: {status}\n작성자: {asker}\n주차: {week}\n강: {lecture}\n"
                f"페이지: {page}\n시간: {time_text}\n\n{sentence(rng, 30)}\n"
            )
            archive.writestr(f"{home}/{database}/{title.replace(':', '')} {ident(title)}.md", body)
            questions += 1
        csv_text = "\ufeff" + header + "\n".join(lines) + "\n"
        archive.writestr(f"{home}/{database}_all.csv", csv_text)
        archive.writestr(f"{home}/{database}.csv", csv_text)
        archive.writestr(f"{home}.md", "# Study Home\n\n" + "\n".join(week_links) + "\n")
    total = 1 + weeks + weeks * notes_per_week + rows
    return total, questions


def import_once(archive: Path, library: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of `studynotes import` in a process of its own.

    CPU time is printed beside wall time because a shared machine stretches the
    wall clock by however many other processes want the cores."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "studynotes", "--library", str(library), "import", str(archive)],
        check=True,
        capture_output=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cancelled_import(archive: Path, library_path: Path) -> tuple[float, int, int]:
    """Cancel when half the pages are read; (seconds until it stopped, notebooks, notes) left."""
    sys.path.insert(0, str(ROOT / "src"))
    from studynotes.importing import Cancelled, import_paths
    from studynotes.library import Library

    progress: list[int] = []
    started = time.perf_counter()
    with Library.open(library_path) as library, contextlib.suppress(Cancelled):
        import_paths(
            library,
            [archive],
            progress=lambda done, total, _name: progress.append(done * 2 >= total),
            cancelled=lambda: bool(progress and progress[-1]),
        )
    seconds = time.perf_counter() - started
    conn = sqlite3.connect(library_path)
    notebooks = conn.execute("SELECT count(*) FROM notebooks").fetchone()[0]
    notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
    conn.close()
    return seconds, notebooks, notes


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        archive = folder / "Export-2000-pages.zip"
        pages, questions = generate(archive, args.pages)
        size = archive.stat().st_size
        print(f"export: {pages:,} pages, {questions:,} questions, {size / 2**20:.1f} MB zip")
        runs = [import_once(archive, folder / f"run{run}.sqlite3") for run in range(args.runs)]
        times = [wall for wall, _cpu in runs]
        cpu = statistics.median(cpu for _wall, cpu in runs)
        conn = sqlite3.connect(folder / "run0.sqlite3")
        notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
        stored = conn.execute("SELECT count(*) FROM questions").fetchone()[0]
        conn.close()
        median = statistics.median(times)
        verdict = "within" if median < BUDGET_SECONDS else "OVER"
        print(f"import, whole process: median {median:.1f} s of {args.runs} runs "
              f"(min {min(times):.1f}, max {max(times):.1f}); budget < {BUDGET_SECONDS:.0f} s: {verdict}")  # fmt: skip
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(
            f"  CPU time of the import process: median {cpu:.1f} s (load average {load:.1f} on {os.cpu_count()} cores)"
        )
        print(f"library after import: {notes:,} notes, {stored:,} questions")
        seconds, notebooks, left = cancelled_import(archive, folder / "cancelled.sqlite3")
        print(
            f"cancel at half the pages: stopped after {seconds:.1f} s; left {notebooks} notebooks, {left} notes"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
