"""A notebook's front page says what the tree says."""

from __future__ import annotations

import re

from studynotes.library import Library
from studynotes.ui.content import notebook_overview


def test_the_overview_counts_weeks_as_the_tree_does(demo_library: Library) -> None:
    notebook_id = demo_library.notebook_id("AIFFEL DeepML Flipped School")
    assert notebook_id is not None
    page = notebook_overview(demo_library, notebook_id, "light")
    rows = dict(re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td></tr>", page))
    assert rows["Unsorted"] == "29 open / 29"
    week_rows = [text for label, text in rows.items() if label.startswith("Week")]
    assert week_rows and all(text == "no questions" for text in week_rows)
    assert "0 open / 0" not in page
