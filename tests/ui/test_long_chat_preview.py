"""A busy chat day in the preview: its first screen comes first, then the whole note."""

from __future__ import annotations

from typing import Any

from studynotes.model import Cell, Note
from studynotes.ui.preview_host import PreviewHost, render_job


def _day(messages: int) -> Note:
    cells = [Cell.text(f"**10:00:00 김민수**: 메시지 {index} 입니다") for index in range(messages)]
    return Note(title="스터디방 · 2021-08-05", kind="chat", cells=cells)


def test_a_long_chat_day_is_shown_first_screen_then_whole(qtbot: Any) -> None:
    host = PreviewHost()
    qtbot.addWidget(host)
    shown: list[tuple[str, bool]] = []
    host._signals.done.connect(lambda _generation, page, whole: shown.append((page, whole)))
    host.render(render_job([_day(3_000)], "스터디방", "light", 15))
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=60_000)
    (first, first_whole), (whole, whole_whole) = shown
    assert (first_whole, whole_whole) == (False, True)
    assert "메시지 0 입니다" in first and "메시지 2999 입니다" not in first and "more parts" in first
    assert "메시지 2999 입니다" in whole and "more parts" not in whole
    assert host.last_html == whole


def test_a_short_note_is_rendered_once(qtbot: Any) -> None:
    host = PreviewHost()
    qtbot.addWidget(host)
    shown: list[bool] = []
    host._signals.done.connect(lambda _generation, _page, whole: shown.append(whole))
    host.render(render_job([_day(10)], "스터디방", "light", 15))
    qtbot.waitUntil(lambda: shown == [True], timeout=30_000)
    host.wait_for_render()
    assert shown == [True]
