"""A notebook's front page says what the tree says; an empty week or session says what it is."""

from __future__ import annotations

import html
import re

from studynotes.library import Library, WeekInfo
from studynotes.ui.content import notebook_overview
from studynotes.ui.empty_page import empty_page
from studynotes.ui.tree_model import LibraryTreeModel, Node


def test_the_overview_counts_weeks_as_the_tree_does(demo_library: Library) -> None:
    notebook_id = demo_library.notebook_id("AIFFEL DeepML Flipped School")
    assert notebook_id is not None
    page = notebook_overview(demo_library, notebook_id, "light")
    rows = dict(re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td></tr>", page))
    assert rows["AIFFEL DeepML Flipped School"] == "29 open / 29"  # the programme page, at the top
    assert "Unsorted" not in rows  # nothing else is without a week
    week_rows = [text for label, text in rows.items() if label.startswith("Week")]
    assert week_rows and all(text == "no questions" for text in week_rows)
    assert "0 open / 0" not in page
    # the chart below says the same: the programme page's bar by its title, no Unsorted bar
    assert "AIFFEL DeepML Flipped School: 0 answered, 29 open" in html.unescape(page)
    assert "Unsorted:" not in html.unescape(page)


def _programme_week(library: Library, number: int) -> WeekInfo:
    notebook_id = library.notebook_id("AIFFEL DeepML Flipped School")
    assert notebook_id is not None
    return next(w for w in library.weeks(notebook_id) if w.number == number)


def test_a_scheduled_session_without_notes_shows_its_date_and_topic(demo_library: Library) -> None:
    week = _programme_week(demo_library, 2)
    lectures = demo_library.lectures(week.notebook_id, week.id)
    assert lectures and all(lec.notes == 0 for lec in lectures)
    lecture = lectures[0]
    node = Node("lecture", lecture.id, week.notebook_id, lecture.label)
    page = empty_page(demo_library, node, "light")
    assert html.escape(lecture.label) in page and "No notes yet" in page
    assert lecture.date is not None and lecture.date.isoformat() in page
    for value in lecture.properties.values():
        assert html.escape(value) in page
    assert "Starts" not in page  # not the notebook's overview


def test_an_empty_week_lists_its_sessions_in_order(demo_library: Library) -> None:
    week = _programme_week(demo_library, 3)
    node = Node("week", week.id, week.notebook_id, week.label)
    page = empty_page(demo_library, node, "light")
    labels = [html.unescape(m) for m in re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td></tr>", page)]
    assert labels == [lec.label for lec in demo_library.lectures(week.notebook_id, week.id)]
    assert len(labels) >= 2


def test_a_session_without_notes_has_no_arrow_in_the_tree(demo_library: Library) -> None:
    model = LibraryTreeModel(demo_library)
    week = model.find(("week", _programme_week(demo_library, 2).id))
    model.fetchMore(week)
    sessions = [model.index(row, 0, week) for row in range(model.rowCount(week))]
    assert sessions and all(model.node(i).kind == "lecture" for i in sessions)
    assert not any(model.hasChildren(i) for i in sessions)
