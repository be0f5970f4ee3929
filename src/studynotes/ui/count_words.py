"""Count phrases in the window's language: `1 question`, `3 questions`, `질문 3개`.

Qt picks the plural form from the number; `pyside6-lupdate` marks a phrase as one with
plural forms only inside `self.tr(text, "", n)`, so the phrases live on this object.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class CountWords(QObject):
    def questions(self, n: int) -> str:
        return self.tr("%n question(s)", "", n)

    def open_of(self, open_count: int, total: int) -> str:
        return self.tr("{open} open of %n question(s)", "", total).format(open=open_count)

    def study_days(self, n: int) -> str:
        return self.tr("%n study day(s) a week", "", n)

    def notes(self, n: int) -> str:
        return self.tr("%n note(s)", "", n)

    def files(self, n: int) -> str:
        return self.tr("%n file(s)", "", n)

    def due(self, n: int) -> str:
        return self.tr("%n due for review", "", n)


_words: CountWords | None = None


def words() -> CountWords:
    global _words
    if _words is None:
        _words = CountWords()
    return _words
