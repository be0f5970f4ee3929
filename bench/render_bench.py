"""How long rendering takes: a typical 5 KB note warm and cold, and the whole of seed 002 cold.

    .venv/bin/python bench/render_bench.py

Targets (printed, never asserted): a 5 KB note with a few formulas under 50 ms once its
formulas are cached; every note of seed 002 (`seeds/meeting-minutes-0805.md`) under 500 ms
with an empty formula cache.  "First call" also pays MathJax's one-time start-up.  The last
rows start a new process per run, as a restarted app does, with the formula cache on disk
empty (cold) or holding the note's formulas (warm), and give its resident memory after the render.
The formula cache used is a temporary folder, never the user's.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from studynotes.importers import import_file
from studynotes.model import Cell, Note, Question
from studynotes.render import formula_cache, render_note, render_notes
from studynotes.render.math import formula_svg

ROOT = Path(__file__).resolve().parent.parent
SEED_002 = ROOT / "seeds" / "meeting-minutes-0805.md"

PARAGRAPH = (
    "## 3주차 정리: 확률과 정보이론\n\n"
    "오늘은 **KL divergence**와 *cross entropy*의 관계를 정리했다. "
    "자세한 유도는 [강의 노트](https://example.com/lecture-3)와 [Lecture 3](#lecture-3)을 참고.\n\n"
    "- 베이즈 정리: $P(A|B) = \\frac{P(B|A)P(A)}{P(B)}$\n"
    "  - 사전확률과 사후확률\n"
    "  - 우도 $\\mathcal{L}(\\theta)$\n"
    "- 기댓값 $\\mathbb{E}_{x \\sim p}[f(x)]$\n\n"
    "$$\\text{KL}(P\\|Q) = \\underbrace{-\\mathbb{E}_{x \\sim P}[\\log Q(x)]}_{\\text{크로스 엔트로피}}"
    " + \\mathbb{E}_{x \\sim P}[\\log P(x)]$$\n\n"
    "```python\nimport torch\nloss = torch.nn.functional.cross_entropy(logits, target)\nprint(loss.item())\n```\n\n"
    "| 항목 | 값 |\n|---|---|\n| lr | 0.001 |\n| batch | 64 |\n\n"
)


def typical_note() -> Note:
    """About 5 KB of Markdown with the same few formulas repeated, like a real weekly note."""
    text = ""
    while len(text.encode("utf-8")) < 5_000:
        text += PARAGRAPH
    cells = [
        Cell.text(text),
        Cell.asking(Question("왜 $\\log$를 쓰나요?", "곱을 합으로 바꾸려고.", "answered", id=1)),
    ]
    return Note(title="3주차", id=1, cells=cells)


# A restarted app: render the typical note once, and report time, MathJax and memory.
FRESH = """
import json, resource, sys, time
started = time.perf_counter()
from studynotes.model import Cell, Note, Question
from studynotes.render import render_note
text, question = json.loads(sys.argv[1])
cells = [Cell.text(text), Cell.asking(Question(question, "", "answered", id=1))]
render_note(Note(title="3주차", id=1, cells=cells))
ms = (time.perf_counter() - started) * 1000
try:  # the resident memory the process keeps after the render
    rss = int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024
except OSError:  # not Linux: the peak (which on Linux would include the parent's, from before exec)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 if sys.platform != "darwin" else 1024**2)
print(json.dumps({"ms": ms, "mathjax": "quickjax" in sys.modules, "rss": rss}))
"""


def fresh_process(note: Note, runs: int, warm: bool) -> tuple[float, float, bool]:
    """Median ms (imports included) and RSS in MB after a new process's first render; was MathJax started?"""
    question = note.cells[1].question
    assert question is not None
    argument = json.dumps([note.cells[0].markdown, question.text])
    results = []
    for _ in range(runs):
        if not warm:
            forget_formulas()
        formula_cache.close_shared()  # the file as another process finds it
        done = subprocess.run(
            [sys.executable, "-c", FRESH, argument], capture_output=True, text=True, check=True
        )
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    ms = statistics.median(r["ms"] for r in results)
    rss = statistics.median(r["rss"] for r in results)
    return ms, rss, any(r["mathjax"] for r in results)


def forget_formulas() -> None:
    """Empty both formula caches, in memory and on disk."""
    formula_svg.cache_clear()
    cache = formula_cache.shared()
    if cache is not None:
        cache.clear()


def timed(action: Callable[[], object], repeat: int = 1) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    cache = tempfile.mkdtemp(prefix="studynotes-bench-cache-")
    os.environ["STUDYNOTES_CACHE_DIR"] = cache  # never the user's formula cache
    try:
        return report(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    finally:
        formula_cache.close_shared()
        shutil.rmtree(cache, ignore_errors=True)


def report(runs: int) -> int:
    note = typical_note()
    size = len(note.cells[0].markdown.encode("utf-8"))
    seed_notes = import_file(SEED_002).document.notes

    first = timed(lambda: render_note(note))[0]
    forget_formulas()
    cold = timed(lambda: render_note(note))[0]
    warm = timed(lambda: render_note(note), repeat=20)
    formula_svg.cache_clear()
    disk = timed(lambda: render_note(note))[0]
    forget_formulas()
    seed_cold = timed(lambda: [render_note(n) for n in seed_notes])[0]
    seed_warm = timed(lambda: [render_note(n) for n in seed_notes], repeat=5)
    forget_formulas()
    week_cold = timed(lambda: render_notes(seed_notes, title="seed 002"))[0]
    fresh_cold = fresh_process(note, runs, warm=False)
    fresh_warm = fresh_process(note, runs, warm=True)

    print(f"{'case':<52} {'ms':>8}  target")
    print(f"{f'typical note ({size:,} bytes), first call in process':<52} {first:>8.1f}")
    print(f"{'typical note, formulas not cached (cold)':<52} {cold:>8.1f}")
    print(f"{'typical note, formulas cached (warm, median of 20)':<52} {statistics.median(warm):>8.1f}  < 50")
    print(f"{f'seed 002, all {len(seed_notes)} notes, cold':<52} {seed_cold:>8.1f}  < 500")
    print(f"{'seed 002, all notes, warm (median of 5)':<52} {statistics.median(seed_warm):>8.1f}")
    print(f"{'seed 002 as one page (render_notes), cold':<52} {week_cold:>8.1f}")
    print(f"{'typical note, formulas from the disk cache only':<52} {disk:>8.1f}")
    for name, (ms, rss, mathjax) in (("cold", fresh_cold), ("warm", fresh_warm)):
        label = f"new process, first render, disk cache {name}"
        started = "MathJax started" if mathjax else "MathJax not imported"
        print(f"{label:<52} {ms:>8.1f}  RSS {rss:.0f} MB, {started} (median of {runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
