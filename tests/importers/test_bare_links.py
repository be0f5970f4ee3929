"""Plain-text sources (chats, blog copies) become Markdown whose pasted addresses are links."""

from __future__ import annotations

import pytest

from studynotes.importers import daily_log
from studynotes.importers.chat_log import parse as parse_chat
from studynotes.importers.parts.links import link_bare_urls
from studynotes.model import ImportContext
from studynotes.render import render_markdown


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("see https://numpy.org/doc.", "see <https://numpy.org/doc>."),
        ("(참고: https://d2l.ai/)", "(참고: <https://d2l.ai/>)"),
        (
            "https://en.wikipedia.org/wiki/Set_(mathematics))",
            "<https://en.wikipedia.org/wiki/Set_(mathematics)>)",
        ),
        ("http://localhost:8888/tree 에서 열어요", "<http://localhost:8888/tree> 에서 열어요"),
        ("q?a=1&b=2 https://x.org/q?a=1&b=2, 그리고", "q?a=1&b=2 <https://x.org/q?a=1&b=2>, 그리고"),
    ],
)
def test_bare_addresses_become_autolinks(line: str, expected: str) -> None:
    assert link_bare_urls(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "<https://d2l.ai/>",
        "[d2l](https://d2l.ai/)",
        "[https://d2l.ai/](https://d2l.ai/)",
        "`curl https://d2l.ai/`",
        "https:// 만 쓰면",
        "no address here",
    ],
)
def test_links_already_written_and_code_stay_as_they_are(line: str) -> None:
    assert link_bare_urls(line) == line


def test_a_chat_message_with_a_pasted_address_shows_a_link() -> None:
    chat = "10:00:01 From 김철수 : 자료 여기 있어요 https://d2l.ai/chapter_optimization/\n"
    note = parse_chat(chat, ImportContext()).notes[0]
    markdown = "\n\n".join(cell.markdown for cell in note.cells)
    html = render_markdown(markdown)
    assert (
        '<a href="https://d2l.ai/chapter_optimization/" rel="noopener noreferrer">https://d2l.ai/chapter_optimization/</a>'
        in html
    )


def test_a_daily_log_with_a_pasted_address_shows_a_link() -> None:
    log = "Day 1\n\n- 참고 자료: https://cs231n.github.io/optimization-1/ 읽음\n- `pip install https://x.org/p.whl` 은 코드\n"
    note = daily_log.parse(log, ImportContext()).notes[0]
    html = render_markdown("\n\n".join(cell.markdown for cell in note.cells))
    assert '<a href="https://cs231n.github.io/optimization-1/" rel="noopener noreferrer">' in html
    assert "<code>pip install https://x.org/p.whl</code>" in html


def test_markdown_itself_follows_commonmark_and_links_only_bracketed_addresses() -> None:
    html = render_markdown("https://example.com and <https://d2l.ai/>")
    assert "<p>https://example.com and" in html
    assert '<a href="https://d2l.ai/" rel="noopener noreferrer">https://d2l.ai/</a>' in html
