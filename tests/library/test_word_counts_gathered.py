"""The vocabulary of a big write: words are counted a few thousand rows at a time, yet every
word's row counts and newest row are those of the rows themselves."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from studynotes.library import word_index
from studynotes.library.saving import _columns


def test_a_write_past_one_gathering_counts_every_row(
    tmp_path: Path, library_with: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Gatherings of 500 words: 300 sections (a cell each) of some 50 words make thirty of them.
    monkeypatch.setattr(word_index, "_GATHER", 500)
    words = ["손실함수를", "gradient", "Attention", "학습률", "ReLU", "배치", "x²", "왜"]
    paragraphs = [
        " ".join(f"{words[(n * 7 + k) % len(words)]}{k % 13}" for k in range(50)) for n in range(300)
    ]
    note = tmp_path / "long.md"
    note.write_text(
        "".join(f"## Part {n}\n\n{text}\n\n" for n, text in enumerate(paragraphs)), encoding="utf-8"
    )
    library = library_with(note)
    rows = library.conn.execute("SELECT id, markdown FROM cells ORDER BY id").fetchall()
    assert sum(len(word_index.words_of(text)) for _id, text in rows) > 20 * word_index._GATHER
    expected: Counter[str] = Counter()
    newest: dict[str, int] = {}
    for row_id, text in rows:
        for word in word_index.words_of(text):
            expected[word.decode()] += 1
            newest[word.decode()] = row_id
    stored = dict(library.conn.execute("SELECT word, cell_rows FROM search_words"))
    assert stored == dict(expected)
    for piece in ("손실", "gr", "x²"[0]):
        [(cell_newest,)] = library.conn.execute(
            "SELECT cell_newest FROM search_pieces WHERE piece = ?", (piece,)
        ).fetchall()
        assert cell_newest == max(row for word, row in newest.items() if piece in word.lower())


def test_rows_with_the_same_keys_give_the_first_rows_columns() -> None:
    rows = [{"id": 1, "text": "a", "answer": ""}, {"id": 2, "text": "b", "answer": "c"}]
    assert _columns(rows) == ["id", "text", "answer"]


def test_rows_with_other_keys_give_every_column_in_the_order_first_seen() -> None:
    rows = [{"id": 1, "text": "a"}, {"id": 2, "answer": "c", "text": "b"}]
    assert _columns(rows) == ["id", "text", "answer"]
