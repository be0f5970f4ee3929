"""The preview pane offscreen: formulas in the DOM, scrolling to a card, nothing fetched."""

from __future__ import annotations

from typing import Any

import pytest

from studynotes.model import Cell, Note, Question
from studynotes.render import render_note


def _evaluate(qtbot: Any, pane: Any, script: str) -> Any:
    result: list[Any] = []
    pane.run_script(script, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=10_000)
    return result[0]


@pytest.fixture
def pane(qtbot: Any) -> Any:
    from studynotes.ui.preview import PreviewPane

    view = PreviewPane()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    return view


def _load(qtbot: Any, pane: Any, page: str) -> None:
    with qtbot.waitSignal(pane.loadFinished, timeout=20_000):
        pane.set_html(page)


def test_a_note_with_formulas_and_cards_loads_into_the_dom(qtbot: Any, pane: Any) -> None:
    cells = [Cell.text("Intro with $x^2$ and a [link](#question-40).")]
    cells += [
        Cell.asking(Question(f"Question {n}?", "Answer with $$\\frac{a}{b}$$", "answered", id=n))
        for n in range(1, 41)
    ]
    _load(qtbot, pane, render_note(Note(title="Week", id=1, cells=cells)))
    assert _evaluate(qtbot, pane, "document.querySelectorAll('.math svg').length") == 41
    assert _evaluate(qtbot, pane, "document.querySelectorAll('section.question').length") == 40
    assert _evaluate(qtbot, pane, "window.scrollY") == 0
    pane.scroll_to("question-40")
    qtbot.waitUntil(lambda: _evaluate(qtbot, pane, "window.scrollY") > 1000, timeout=5_000)


def test_the_page_runs_no_script_of_its_own(qtbot: Any, pane: Any) -> None:
    page = render_note(Note(title="t", cells=[Cell.text("hello")])).replace(
        "</body>", "<script>document.title='ran'</script></body>"
    )
    _load(qtbot, pane, page)
    assert _evaluate(qtbot, pane, "document.title") == "t"


def test_remote_loads_never_leave_the_machine(qtbot: Any, pane: Any) -> None:
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
        "<img src='http://127.0.0.1:9/pixel.png'><link rel='stylesheet' href='https://example.com/x.css'>"
        "<iframe src='https://example.com/'></iframe></body></html>"
    )
    _load(qtbot, pane, page)  # no CSP here: the interceptor alone must refuse them
    qtbot.waitUntil(lambda: len(pane.interceptor.blocked) >= 2, timeout=10_000)
    assert all(
        url.startswith(("http://127.0.0.1:9", "https://example.com")) for url in pane.interceptor.blocked
    )


def test_clicking_a_status_asks_to_toggle_that_question(qtbot: Any, pane: Any) -> None:
    with qtbot.waitSignal(pane.toggleRequested, timeout=5_000) as toggled:
        pane.page().acceptNavigationRequest(
            "studynotes://toggle/17", pane.page().NavigationType.NavigationTypeLinkClicked, True
        )
    assert toggled.args == [17]


def _page(title: str, text: str, theme: str = "light") -> str:
    return render_note(Note(title=title, cells=[Cell.text(text)]), theme=theme)  # type: ignore[arg-type]


def test_the_next_note_replaces_the_body_in_place_without_a_page_load(qtbot: Any, pane: Any) -> None:
    long_text = "\n\n".join(f"Paragraph {n}" for n in range(300))
    _load(qtbot, pane, _page("First", long_text))
    pane.run_script("window.scrollTo(0, 2000)")
    qtbot.waitUntil(lambda: _evaluate(qtbot, pane, "window.scrollY") > 0, timeout=5_000)
    loads: list[bool] = []
    pane.loadFinished.connect(loads.append)
    with qtbot.waitSignal(pane.shown, timeout=10_000) as shown:
        pane.set_html(_page("Second", "Only $y^2$ here"))
    assert shown.args == [True]
    assert _evaluate(qtbot, pane, "document.title") == "Second"
    assert _evaluate(qtbot, pane, "document.querySelector('article h1').textContent") == "Second"
    assert _evaluate(qtbot, pane, "document.querySelectorAll('.math svg use').length") > 0
    assert _evaluate(qtbot, pane, "window.scrollY") == 0
    assert loads == []


def test_a_swapped_in_body_runs_none_of_its_script(qtbot: Any, pane: Any) -> None:
    _load(qtbot, pane, _page("First", "hello"))
    hostile = _page("Second", "world").replace(
        "</body>", "<script>document.title='ran'</script><img src=x onerror=\"document.title='ran'\"></body>"
    )
    with qtbot.waitSignal(pane.shown, timeout=10_000):
        pane.set_html(hostile)
    qtbot.wait(300)
    assert _evaluate(qtbot, pane, "document.title") == "Second"
    assert _evaluate(qtbot, pane, "document.querySelectorAll('script').length") == 1  # inert


def test_another_theme_loads_a_whole_page(qtbot: Any, pane: Any) -> None:
    _load(qtbot, pane, _page("Light", "hello"))
    with qtbot.waitSignal(pane.loadFinished, timeout=20_000):
        pane.set_html(_page("Dark", "hello", theme="dark"))
    assert _evaluate(qtbot, pane, "document.body.className") == "theme-dark"


def test_schedule_cells_wrap_only_at_spaces_even_in_a_narrow_pane(qtbot: Any, pane: Any) -> None:
    pane.resize(420, 600)
    rows = "\n".join(
        f"| {n:02d} | 2022-01-{n + 7:02d} | Introduction to Machine Learning | Lecture notes chapter {n}-1 |"
        for n in range(6)
    )
    table = "| No. | Date | Topic | Material |\n|---|---|---|---|\n" + rows
    _load(qtbot, pane, render_note(Note(title="Programme", cells=[Cell.text(table)])))
    script = (
        "(function(){var out=[];document.querySelectorAll('td .nowrap').forEach(function(s){"
        "out.push(s.getClientRects().length);});return JSON.stringify(out);})()"
    )
    lines_per_hyphenated = _evaluate(qtbot, pane, script)
    assert lines_per_hyphenated.count("1") == 12 and "2" not in lines_per_hyphenated
    widest_word = _evaluate(
        qtbot,
        pane,
        "(function(){var w=0;document.querySelectorAll('td').forEach(function(td){"
        "var r=document.createRange();r.selectNodeContents(td);"
        "if(r.getClientRects().length && td.textContent.indexOf('Introduction')>=0){"
        "var t=document.createTreeWalker(td,NodeFilter.SHOW_TEXT).nextNode();var i=t.data.indexOf('Introduction');"
        "var q=document.createRange();q.setStart(t,i);q.setEnd(t,i+12);w=Math.max(w,q.getClientRects().length);}});return w;})()",
    )
    assert widest_word == 1  # "Introduction" is never cut into two lines


def test_clicking_a_link_between_imported_pages_asks_for_that_note(qtbot: Any, pane: Any) -> None:
    with qtbot.waitSignal(pane.noteLinkRequested, timeout=5_000) as asked:
        pane.page().acceptNavigationRequest(
            "studynotes://note/notion%2F437237b78bd8031e466c887e04acdaad",
            pane.page().NavigationType.NavigationTypeLinkClicked,
            True,
        )
    assert asked.args == ["notion/437237b78bd8031e466c887e04acdaad"]
