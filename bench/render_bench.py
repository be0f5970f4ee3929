"""How long rendering takes: a typical 5 KB note warm and cold, and the whole of seed 002 cold.

    .venv/bin/python bench/render_bench.py

Targets (printed, never asserted): a 5 KB note with a few formulas under 50 ms once its
formulas are cached; every note of seed 002 (`seeds/meeting-minutes-0805.md`) under 500 ms
with an empty formula cache.  "First call" also pays MathJax's one-time start-up.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from studynotes.importers import import_file
from studynotes.model import Cell, Note, Question
from studynotes.render import render_note, render_notes
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


def timed(action: Callable[[], object], repeat: int = 1) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    note = typical_note()
    size = len(note.cells[0].markdown.encode("utf-8"))
    seed_notes = import_file(SEED_002).document.notes

    first = timed(lambda: render_note(note))[0]
    formula_svg.cache_clear()
    cold = timed(lambda: render_note(note))[0]
    warm = timed(lambda: render_note(note), repeat=20)
    formula_svg.cache_clear()
    seed_cold = timed(lambda: [render_note(n) for n in seed_notes])[0]
    seed_warm = timed(lambda: [render_note(n) for n in seed_notes], repeat=5)
    formula_svg.cache_clear()
    week_cold = timed(lambda: render_notes(seed_notes, title="seed 002"))[0]

    print(f"{'case':<52} {'ms':>8}  target")
    print(f"{f'typical note ({size:,} bytes), first call in process':<52} {first:>8.1f}")
    print(f"{'typical note, formulas not cached (cold)':<52} {cold:>8.1f}")
    print(f"{'typical note, formulas cached (warm, median of 20)':<52} {statistics.median(warm):>8.1f}  < 50")
    print(f"{f'seed 002, all {len(seed_notes)} notes, cold':<52} {seed_cold:>8.1f}  < 500")
    print(f"{'seed 002, all notes, warm (median of 5)':<52} {statistics.median(seed_warm):>8.1f}")
    print(f"{'seed 002 as one page (render_notes), cold':<52} {week_cold:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
