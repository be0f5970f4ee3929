"""The charts on a notebook's front page, from the library's counts and reviews."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..render.charts import WeekBar, review_days, reviews_chart, weeks_chart
from ..wording import translate, week_label

if TYPE_CHECKING:
    from ..library import Library, NoteInfo, WeekInfo

DAYS = 30


def study_charts(
    library: Library,
    notebook_id: int,
    theme: str,
    now: dt.datetime | None = None,
    *,
    weeks: list[WeekInfo] | None = None,
    fronts: list[NoteInfo] | None = None,
) -> str:
    """Per week answered vs open; once there are reviews, reviews per day and retention.
    `weeks` and `fronts`: the notebook's, when the page above has read them already."""
    from .tree_model import front_pages, unsorted_beyond, unsorted_counts

    now = now or dt.datetime.now(dt.UTC)
    # As the tree and the table above: a programme page first, by its title, not under Unsorted.
    fronts = front_pages(library, notebook_id) if fronts is None else fronts
    bars = [WeekBar(page.title, page.counts.answered, page.counts.open) for page in fronts]
    bars += [
        WeekBar(
            week_label(w.number, w.first_day, w.label),
            w.counts.answered,
            w.counts.open,
            translate("Dates", "W{number}", "a week under its bar in a chart").format(number=w.number),
        )
        for w in (library.weeks(notebook_id) if weeks is None else weeks)
    ]
    if library.has_unsorted(notebook_id) and unsorted_beyond(library, notebook_id, len(fronts)):
        unsorted = unsorted_counts(library, notebook_id)
        bars.append(WeekBar(translate("Tree", "Unsorted"), unsorted.answered, unsorted.open))
    if not any(b.answered or b.open for b in bars):
        bars = []
    since = now - dt.timedelta(days=DAYS)
    days = review_days(library.reviews_since(notebook_id, since), now.astimezone().date(), DAYS)
    return weeks_chart(bars, theme) + reviews_chart(days, theme)
