"""Rows of the benchmark table: a figure, its budget, its floor, and how they compare."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile: with 20 samples, the second largest."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


@dataclass
class Row:
    """One figure.  `value` and `floor` are in `unit`; `budget` None means reported only."""

    figure: str
    value: float
    unit: str
    budget: float | None = None
    floor: float | None = None
    floor_name: str = ""
    note: str = ""
    higher_is_better: bool = False

    @property
    def ratio(self) -> float | None:
        if self.floor is None or not self.floor or math.isnan(self.value):
            return None
        return self.floor / self.value if self.higher_is_better else self.value / self.floor

    @property
    def verdict(self) -> str:
        if self.budget is None or math.isnan(self.value):
            return "reported"
        ok = self.value >= self.budget if self.higher_is_better else self.value <= self.budget
        return "ok" if ok else "MISSES"


def fmt(value: float | None, unit: str) -> str:
    if value is None or math.isnan(value):
        return "—"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        if value < 1:
            return f"{value:.2f} ms" if value >= 0.1 else f"{value:.3f} ms"
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    if value < 10:
        return f"{value:.1f} {unit}"  # 1.4 MB/s, not 1 MB/s
    return f"{value:,.0f} {unit}"


def table(rows: Sequence[Row]) -> str:
    """A Markdown table, readable in a terminal and pasteable into docs/performance.md."""
    head = ["figure", "measured", "budget", "floor", "× floor", "verdict"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        budget = (
            "—"
            if row.budget is None
            else ("≥ " if row.higher_is_better else "< ") + fmt(row.budget, row.unit)
        )
        floor = "—" if row.floor is None else f"{fmt(row.floor, row.unit)} ({row.floor_name})"
        ratio = "—" if row.ratio is None else f"{row.ratio:.2f}×" if row.ratio < 0.1 else f"{row.ratio:.1f}×"
        figure = row.figure + (f" — {row.note}" if row.note else "")
        lines.append(
            f"| {figure} | {fmt(row.value, row.unit)} | {budget} | {floor} | {ratio} | {row.verdict} |"
        )
    return "\n".join(lines)
