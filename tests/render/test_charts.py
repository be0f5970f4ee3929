"""The notebook's charts: bars in proportion, the theme's colours, reviews and retention per day."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from studynotes.importers import import_file
from studynotes.library import Library
from studynotes.render.charts import PALETTES, ReviewDay, WeekBar, review_days, reviews_chart, weeks_chart
from studynotes.ui.study_charts import study_charts


def _rects(svg: str, kind: str) -> list[dict[str, str]]:
    return [
        dict(re.findall(r'(\w+)="([^"]*)"', m)) for m in re.findall(rf'<rect class="{kind}"([^>]*)>', svg)
    ]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_weeks_chart_stacks_answered_and_open_in_proportion(theme: str) -> None:
    svg = weeks_chart([WeekBar("Week 1", 6, 0), WeekBar("Week 2", 2, 4), WeekBar("Week 3", 0, 3)], theme)
    answered, still_open = _rects(svg, "answered"), _rects(svg, "open")
    assert [float(r["height"]) for r in answered] == pytest.approx([134.0, 134.0 / 3, 0.0], abs=0.05)
    assert [float(r["height"]) for r in still_open] == pytest.approx([0.0, 134.0 * 2 / 3, 67.0], abs=0.05)
    # open sits on top of answered
    assert float(still_open[1]["y"]) + float(still_open[1]["height"]) == pytest.approx(
        float(answered[1]["y"]), abs=0.1
    )
    assert {r["fill"] for r in answered} == {PALETTES[theme].answered}
    assert {r["fill"] for r in still_open} == {PALETTES[theme].open}
    assert "Weeks with open questions: Week 2, Week 3" in svg
    assert "<script" not in svg and "href" not in svg


def test_review_days_count_reviews_and_retention_by_local_day() -> None:
    today = dt.date(2026, 5, 30)
    noon = dt.datetime(2026, 5, 29, 12, 0).astimezone()  # local noon: the same local day everywhere
    reviews = [
        (noon, 3, None),  # a first review: counted, not in retention
        (noon, 1, 2),  # a learned question forgotten
        (noon, 4, 2),
        (noon, 3, 2),
        (noon - dt.timedelta(days=40), 3, 2),  # outside the window
    ]
    days = review_days(reviews, today, 30)
    assert len(days) == 30 and days[-1].day == today and days[0].day == today - dt.timedelta(days=29)
    yesterday = days[-2]
    assert (yesterday.reviews, yesterday.learned, yesterday.recalled) == (4, 3, 2)
    assert yesterday.retention == pytest.approx(2 / 3)
    assert days[-1].retention is None and sum(d.reviews for d in days) == 4


def test_reviews_chart_only_once_there_are_reviews() -> None:
    quiet = [ReviewDay(dt.date(2026, 5, i), 0, 0, 0) for i in range(1, 31)]
    assert reviews_chart(quiet, "light") == ""
    busy = [*quiet[:-2], ReviewDay(dt.date(2026, 5, 29), 8, 3, 4), ReviewDay(dt.date(2026, 5, 30), 4, 2, 2)]
    svg = reviews_chart(busy, "dark")
    bars = _rects(svg, "reviews")
    assert len(bars) == 30 and float(bars[-2]["height"]) == pytest.approx(2 * float(bars[-1]["height"]))
    assert svg.count("<circle") == 2 and "12 reviews in 30 days; 83% of learned questions recalled" in svg
    assert PALETTES["dark"].retention in svg


def test_the_overview_draws_weeks_then_reviews(library: Library, tmp_path: Path, seeds: Path) -> None:
    from studynotes.model import ImportContext

    library.save_import(import_file(seeds / "question-board-week2.md", ImportContext(week=2)), notebook="CS")
    notebook_id = library.notebook_id("CS") or 0
    now = dt.datetime.now(dt.UTC)
    page = study_charts(library, notebook_id, "light", now)
    assert "Questions per week" in page and "Reviews" not in page
    question = library.questions()[0]
    library.rate(question.id, "good", now - dt.timedelta(days=3))
    library.rate(question.id, "again", now - dt.timedelta(days=1))
    page = study_charts(library, notebook_id, "dark", now)
    assert "Reviews, last 30 days" in page and "2 reviews in 30 days" in page
