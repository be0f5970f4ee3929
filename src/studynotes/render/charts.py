"""Small SVG charts for a notebook's front page: weeks answered vs open, reviews and retention.

Inline SVG built from numbers (no script, no font or image to fetch), in the
colours of the page's theme, each with a title and text that says what it shows
for screen readers.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from ..wording import translate

WIDTH = 640
HEIGHT = 180
LEFT, RIGHT, TOP, BOTTOM = 36, 34, 12, 34
REVIEW_STATE = 2  # fsrs.State.Review


@dataclass(frozen=True)
class Palette:
    text: str
    grid: str
    answered: str
    open: str
    reviews: str
    retention: str


PALETTES = {
    "light": Palette("#333", "#ddd", "#2e7d32", "#e0a800", "#1565c0", "#6a1b9a"),
    "dark": Palette("#ccc", "#444", "#81c784", "#f0c14b", "#64b5f6", "#ce93d8"),
}


@dataclass(frozen=True)
class WeekBar:
    label: str
    answered: int
    open: int
    short: str = ""  # under the bar (`W12`, `12주`); else taken from the label


@dataclass(frozen=True)
class ReviewDay:
    day: dt.date
    reviews: int
    recalled: int  # of the reviews of questions already learned, how many were not "Again"
    learned: int  # reviews of questions already learned (the ones retention is measured on)

    @property
    def retention(self) -> float | None:
        return self.recalled / self.learned if self.learned else None


def _frame(
    title: str, description: str, inner: str, palette: Palette, legend: str = "", note: str = ""
) -> str:
    hint = f'<br><small style="opacity:.75">{html.escape(note)}</small>' if note else ""
    return (
        f'<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' width="100%" style="max-width:{WIDTH}px" role="img" aria-label="{html.escape(title)}">'
        f"<title>{html.escape(title)}</title><desc>{html.escape(description)}</desc>"
        f'<g font-size="11" fill="{palette.text}">{inner}</g></svg>'
        f'<figcaption style="color:{palette.text}">{html.escape(title)}{legend}{hint}</figcaption></figure>'
    )


def _legend(items: list[tuple[str, str]]) -> str:
    return "".join(
        f' <span style="display:inline-block;width:.8em;height:.8em;background:{colour};margin:0 .2em 0 .8em"></span>'
        f"{html.escape(label)}"
        for label, colour in items
    )


def _axis(top_value: int, palette: Palette) -> str:
    """Horizontal grid lines at 0, half and the top value."""
    plot = HEIGHT - TOP - BOTTOM
    lines = []
    for fraction in (0.0, 0.5, 1.0):
        y = TOP + plot * (1 - fraction)
        value = top_value * fraction
        label = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
        lines.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{palette.grid}"/>'
            f'<text x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end">{label}</text>'
        )
    return "".join(lines)


def weeks_chart(weeks: list[WeekBar], theme: str) -> str:
    """Per week, answered (below) and open (on top) questions as stacked bars."""
    palette = PALETTES.get(theme, PALETTES["light"])
    if not weeks:
        return ""
    top = max(1, max(w.answered + w.open for w in weeks))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(weeks)
    bar = max(2.0, min(36.0, slot * 0.7))
    parts = [_axis(top, palette)]
    for index, week in enumerate(weeks):
        x = LEFT + slot * index + (slot - bar) / 2
        answered_h = plot_h * week.answered / top
        open_h = plot_h * week.open / top
        base = TOP + plot_h
        tip = translate("Chart", "{week}: {answered} answered, {open} open").format(
            week=week.label, answered=week.answered, open=week.open
        )
        parts.append(
            f"<g><title>{html.escape(tip)}</title>"
            f'<rect class="answered" x="{x:.1f}" y="{base - answered_h:.1f}" width="{bar:.1f}" height="{answered_h:.1f}" fill="{palette.answered}"/>'
            f'<rect class="open" x="{x:.1f}" y="{base - answered_h - open_h:.1f}" width="{bar:.1f}" height="{open_h:.1f}" fill="{palette.open}"/></g>'
        )
        if len(weeks) <= 16 or index % max(1, len(weeks) // 16) == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle">{html.escape(week.short or _short(week.label))}</text>'
            )
    still_open = [w.label for w in weeks if w.open]
    description = (
        translate("Chart", "Weeks with open questions: {weeks}").format(weeks=", ".join(still_open))
        if still_open
        else translate("Chart", "Every question is answered.")
    )
    legend = _legend(
        [(translate("Chart", "answered"), palette.answered), (translate("Chart", "open"), palette.open)]
    )
    return _frame(translate("Chart", "Questions per week"), description, "".join(parts), palette, legend)


def _short(label: str) -> str:
    """`Week 12 (Aug 2–8)` → `W12`, so many weeks fit under their bars."""
    week = re.match(r"Week (\d+)", label)
    return f"W{week.group(1)}" if week else label[:8]


def reviews_chart(days: list[ReviewDay], theme: str) -> str:
    """Reviews per day (bars) and the share recalled (a line, 0–100 %), over the days given."""
    palette = PALETTES.get(theme, PALETTES["light"])
    if not any(d.reviews for d in days):
        return ""
    top = max(d.reviews for d in days)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(days)
    parts = [_axis(top, palette)]
    points = []
    for index, day in enumerate(days):
        x = LEFT + slot * index
        height = plot_h * day.reviews / top
        parts.append(
            f'<rect class="reviews" x="{x + slot * 0.15:.1f}" y="{TOP + plot_h - height:.1f}" width="{slot * 0.7:.1f}"'
            f' height="{height:.1f}" fill="{palette.reviews}"><title>{_reviews_tip(day)}</title></rect>'
        )
        if day.retention is not None:
            points.append((x + slot / 2, TOP + plot_h * (1 - day.retention), day))
        if (len(days) - 1 - index) % 7 == 0:  # today, and a week back from it each time
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle">{day.day.strftime("%m-%d")}</text>'
            )
    if points:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        parts.append(
            f'<polyline class="retention" points="{path}" fill="none" stroke="{palette.retention}" stroke-width="2"/>'
        )
        parts.extend(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{palette.retention}"><title>'
            + translate("Chart", "{day}: {share} recalled").format(
                day=d.day.isoformat(), share=f"{d.retention:.0%}"
            )
            + "</title></circle>"
            for x, y, d in points
        )
        parts.append(
            f'<text x="{WIDTH - RIGHT + 2}" y="{TOP + 4}" fill="{palette.retention}">100%</text>'
            f'<text x="{WIDTH - RIGHT + 2}" y="{TOP + plot_h + 4}" fill="{palette.retention}">0%</text>'
        )
    total = sum(d.reviews for d in days)
    learned = sum(d.learned for d in days)
    recalled = sum(d.recalled for d in days)
    description = translate("Chart", "{reviews} reviews in {days} days").format(reviews=total, days=len(days))
    if learned:
        description += translate("Chart", "; {share} of learned questions recalled").format(
            share=f"{recalled / learned:.0%}"
        )
    legend = _legend(
        [
            (translate("Chart", "reviews"), palette.reviews),
            (translate("Chart", "retention"), palette.retention),
        ]
    )
    title = translate("Chart", "Reviews, last {days} days").format(days=len(days))
    return _frame(title, description, "".join(parts), palette, legend, note=description)


def _reviews_tip(day: ReviewDay) -> str:
    return translate("Chart", "{day}: {reviews} reviews").format(day=day.day.isoformat(), reviews=day.reviews)


def review_days(
    reviews: list[tuple[dt.datetime, int, int | None]], today: dt.date, days: int = 30
) -> list[ReviewDay]:
    """Reviews counted per local day over the last `days` days (today last).

    Retention is measured as Anki's "true retention": among reviews of questions
    already learned (in the review state), the share not rated Again.
    """
    first = today - dt.timedelta(days=days - 1)
    counts = {first + dt.timedelta(days=i): [0, 0, 0] for i in range(days)}
    for moment, rating, state_before in reviews:
        bucket = counts.get(moment.astimezone().date())
        if bucket is None:
            continue
        bucket[0] += 1
        if state_before == REVIEW_STATE:
            bucket[2] += 1
            bucket[1] += rating > 1
    return [ReviewDay(day, total, recalled, learned) for day, (total, recalled, learned) in counts.items()]
