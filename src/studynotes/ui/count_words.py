"""Count phrases in the window's language: `1 question`, `3 questions`, `질문 3개`.

Qt picks the plural form from the number; `pyside6-lupdate` marks a phrase as one with
plural forms only inside `self.tr(text, "", n)`, so the phrases live on this object.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class CountWords(QObject):
    def questions(self, n: int) -> str:
        return _plain(self.tr("%n question(s)", "", n), n)

    def open_of(self, open_count: int, total: int) -> str:
        return _plain(self.tr("{open} open of %n question(s)", "", total), total).format(open=open_count)

    def study_days(self, n: int) -> str:
        return _plain(self.tr("%n study day(s) a week", "", n), n)

    def notes(self, n: int) -> str:
        return _plain(self.tr("%n note(s)", "", n), n)

    def files(self, n: int) -> str:
        return _plain(self.tr("%n file(s)", "", n), n)

    def warnings(self, n: int) -> str:
        return _plain(self.tr("%n warning(s)", "", n), n)

    def errors(self, n: int) -> str:
        return _plain(self.tr("%n error(s)", "", n), n)

    def pages(self, n: int) -> str:
        return _plain(self.tr("%n page(s)", "", n), n)

    def results(self, n: int) -> str:
        return _plain(self.tr("%n result(s)", "", n), n)

    def conflicts(self, n: int) -> str:
        return _plain(self.tr("%n conflict(s)", "", n), n)

    def due(self, n: int) -> str:
        return _plain(self.tr("%n due for review", "", n), n)


def _plain(text: str, n: int) -> str:
    """Without a translation loaded (tests, a missing file) the English source still reads right."""
    return text.replace("(s)", "" if n == 1 else "s")


_words: CountWords | None = None


def words() -> CountWords:
    global _words
    if _words is None:
        _words = CountWords()
    return _words
