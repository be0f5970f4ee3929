"""The window in Korean: Qt's translator loaded from the committed `.qm`, dates and counts in Korean
form, the preview's words and the Markdown export too; and an export in Korean imports again."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

from studynotes import wording
from studynotes.cli import main
from studynotes.export import gather_week, week_to_markdown, write_export
from studynotes.library import Library, QuestionFilter
from studynotes.model import Question
from studynotes.render.cards import question_card
from studynotes.ui import language
from studynotes.ui.count_words import words


@pytest.fixture
def korean(qapp: object, settings: QSettings) -> Iterator[QSettings]:
    settings.setValue(language.SETTING, "ko")
    assert language.install_translators(settings) == "ko"
    yield settings
    language.remove_translators()


@pytest.fixture
def english(qapp: object, settings: QSettings) -> Iterator[QSettings]:
    settings.setValue(language.SETTING, "en")
    assert language.install_translators(settings) == "en"
    yield settings
    language.remove_translators()


def test_the_language_follows_the_system_unless_one_is_chosen(settings: QSettings) -> None:
    assert language.effective(settings, QLocale("ko_KR")) == "ko"
    assert language.effective(settings, QLocale("de_DE")) == "en"  # no German translation: English
    settings.setValue(language.SETTING, "en")
    assert language.effective(settings, QLocale("ko_KR")) == "en"
    settings.setValue(language.SETTING, "klingon")  # a value from elsewhere is ignored
    assert language.effective(settings, QLocale("ko_KR")) == "ko"


def test_the_translation_is_found_where_the_app_is_installed() -> None:
    assert (language.translations_dir() / "studynotes_ko.qm").is_file()


@pytest.mark.usefixtures("korean")
def test_dates_and_week_labels_read_the_korean_way() -> None:
    assert wording.week_title(2, dt.date(2027, 1, 10)) == "2주차 (1월 10일–16일)"
    assert wording.week_title(5, dt.date(2021, 8, 30)) == "5주차 (8월 30일–9월 5일)"
    assert wording.day_title(dt.date(2021, 8, 5)) == "8월 5일 (목)"
    assert wording.lecture_label(3, "역전파") == "3강: 역전파"
    assert wording.lecture_label(3, "Lecture 3") == "3강"
    assert words().questions(3) == "질문 3개"
    assert words().open_of(1, 4) == "질문 4개 중 미해결 1개"


@pytest.mark.usefixtures("english")
def test_english_counts_have_their_singular_and_plural() -> None:
    assert words().questions(1) == "1 question"
    assert words().questions(3) == "3 questions"
    assert words().open_of(0, 1) == "0 open of 1 question"
    assert wording.week_title(2, dt.date(2027, 1, 10)) == "Week 2 (Jan 10–16)"
    assert wording.day_title(dt.date(2021, 8, 5)) == "Thu, Aug 5"


def test_a_week_label_someone_gave_stays_as_written(korean: QSettings) -> None:
    assert wording.week_label(2, dt.date(2027, 1, 10), "Week 2 (Jan 10–16)") == "2주차 (1월 10일–16일)"
    assert wording.week_label(2, None, "중간고사 주간") == "중간고사 주간"


@pytest.mark.usefixtures("korean")
def test_the_window_menus_tree_and_question_list_are_in_korean(
    qtbot: object, demo_library: Library, settings: QSettings
) -> None:
    from studynotes.ui.main_window import MainWindow

    window = MainWindow(demo_library, settings)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:4] == ["파일(&F)", "편집(&E)", "노트북(&N)", "보기(&V)"]
    header = window.questions.model.headerData
    from PySide6.QtCore import Qt

    assert [header(c, Qt.Orientation.Horizontal) for c in range(1, 5)] == [
        "질문",
        "질문자",
        "강",
        "쪽 / 시간",
    ]
    assert window.questions.status_filter.itemText(0) == "전체"
    notebook = window.tree_model.index(0, 0)
    window.tree_model.fetchMore(notebook)
    weeks = [
        window.tree_model.index(r, 0, notebook).data() for r in range(window.tree_model.rowCount(notebook))
    ]
    assert any(re.match(r"\d+주차", str(w)) for w in weeks), weeks
    assert not any(str(w).startswith("Week ") for w in weeks)
    window.close()


@pytest.mark.usefixtures("korean")
def test_the_preview_cards_speak_korean() -> None:
    card = question_card(Question(text="손실함수가 뭔가요?", id=7, slide_page=12), 0, lambda text: text)
    assert "○ 미해결" in card and "아직 답변이 없습니다." in card and "12쪽" in card
    answered = question_card(Question(text="q", id=8, status="answered", answered_by="instructor"), 0, str)
    assert "✓ 강사 답변 완료" in answered and "적어 둔 답변이 없습니다." in answered


def _questions(library: Library, notebook: str) -> list[tuple[object, ...]]:
    return sorted(
        (q.text, q.status, q.answer, q.asker, q.page, q.media_time, q.answered_by, q.lecture_ref)
        for q in library.questions(QuestionFilter(notebook=notebook))
    )


def test_a_week_exported_in_korean_imports_again_unchanged(
    korean: QSettings, demo_library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notebook, week = next(
        (notebook, week)
        for notebook in demo_library.notebooks()
        for week in demo_library.weeks(notebook.id)
        if week.counts.questions and week.first_day is not None
    )
    markdown, files = week_to_markdown(gather_week(demo_library, notebook.title, week.number))
    assert "주차" in markdown.splitlines()[1]  # the heading in Korean, the markers untouched
    assert "<!-- studynotes:export" in markdown and "Week " not in markdown.splitlines()[1]
    target = tmp_path / "export" / "week.md"
    write_export(markdown, files, target)
    original = [q for q in _questions(demo_library, notebook.title)]
    week_questions = sorted(
        (q.text, q.status, q.answer, q.asker, q.page, q.media_time, q.answered_by, q.lecture_ref)
        for q in demo_library.questions(QuestionFilter(week_id=week.id))
    )
    assert week_questions and set(week_questions) <= set(original)
    path = demo_library.path
    assert main(["--library", str(path), "import", str(target), "--notebook", "다시 가져옴"]) == 0
    capsys.readouterr()
    with Library.open(path) as again:
        assert _questions(again, "다시 가져옴") == week_questions


def test_choosing_a_language_keeps_it_for_the_next_start(window: object, settings: QSettings) -> None:
    from studynotes.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    language.choose(window, settings, "ko")
    assert settings.value(language.SETTING) == "ko"
    assert "next time" in window.statusBar().currentMessage()
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    sub = next(a.menu() for a in view.actions() if a.text() == "&Language")
    assert [a.text() for a in sub.actions()] == ["Follow the &system", "English", "한국어"]


@pytest.mark.usefixtures("korean")
def test_the_import_dialogs_tree_preview_speaks_korean(demo_library: Library) -> None:
    from studynotes.import_preview import tree_rows

    weeks = [child for notebook in tree_rows(demo_library) for child in notebook.children]
    assert any(re.match(r"\d+주차", row.label) for row in weeks)
    assert any("미해결" in row.text() for row in weeks)
    assert not any(row.label.startswith("Week ") for row in weeks)
