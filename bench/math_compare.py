"""Formula engines side by side on every formula in the seeds: fidelity and speed.

    .venv/bin/python bench/math_compare.py

quickjax (MathJax 4 → SVG in-process, what the preview uses), latex2mathml
(→ MathML, drawn by the browser engine) and ziamath (→ SVG in pure Python).
Prints, per engine, how many formulas it typeset without an error and the
median and worst time per formula.  Needs `pip install latex2mathml ziamath`
for the comparison rows; a missing engine is reported and skipped.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMULA = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$|\\\[(.+?)\\\]|\\\((.+?)\\\)", re.DOTALL)


def seed_formulas() -> list[tuple[str, bool]]:
    found = []
    for name in ("meeting-minutes-0805.md", "daily-log-day15-19.txt"):
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        for match in FORMULA.finditer(text):
            display = match.group(1) is not None or match.group(3) is not None
            latex = next(g for g in match.groups() if g is not None).strip()
            found.append((latex, display))
    return found


def quickjax_engine() -> Callable[[str, bool], str]:
    from quickjax import render

    def run(latex: str, display: bool) -> str:
        svg = str(render(latex, display=display))
        if "data-mjx-error" in svg:
            raise ValueError(re.search(r'data-mjx-error="([^"]*)"', svg).group(1))  # type: ignore[union-attr]
        return svg

    return run


def latex2mathml_engine() -> Callable[[str, bool], str]:
    from latex2mathml.converter import convert

    return lambda latex, display: str(convert(latex, display="block" if display else "inline"))


def ziamath_engine() -> Callable[[str, bool], str]:
    import ziamath

    return lambda latex, display: str(ziamath.Latex(latex).svg())


def main() -> int:
    formulas = seed_formulas()
    print(f"{len(formulas)} formulas from seeds/meeting-minutes-0805.md and seeds/daily-log-day15-19.txt\n")
    print(f"{'engine':<14} {'typeset':>9} {'median ms':>10} {'worst ms':>9}  failures")
    for name, factory in (
        ("quickjax", quickjax_engine),
        ("latex2mathml", latex2mathml_engine),
        ("ziamath", ziamath_engine),
    ):
        try:
            engine = factory()
        except ImportError:
            print(f"{name:<14} not installed; skipped")
            continue
        engine("x", False)  # load the engine once; the first-ever call is start-up, not per formula
        times, failures = [], []
        for latex, display in formulas:
            start = time.perf_counter()
            try:
                engine(latex, display)
            except Exception as error:  # noqa: BLE001 (a failure is a result here)
                failures.append(f"{latex[:40]!r}: {str(error)[:60]}")
            times.append((time.perf_counter() - start) * 1000)
        ok = len(formulas) - len(failures)
        print(
            f"{name:<14} {ok:>4}/{len(formulas):<4} {statistics.median(times):>10.1f} {max(times):>9.1f}  "
            + ("; ".join(failures[:3]) if failures else "none")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
