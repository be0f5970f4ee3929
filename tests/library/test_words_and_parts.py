"""One pass over a write's rows builds the same library as the vocabulary and the parts read apart.

A transaction mixing every kind of write (imports with and without the parts worked out where
the file was parsed, rows edited, deleted, added, parts mapped and changed in their blocks) is
written twice: read in one pass (`words_and_parts`), and by the two steps each reading the rows
itself, as an upgrade still does.  Every table compares equal, row for row: the vocabulary and
its pieces, the parts index's own tables, the counts of parts and their maps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from library_rows import file_rows
from studynotes.importers import import_file
from studynotes.library import Library, part_maps, words_and_parts
from studynotes.library.save_hints import hints_for
from studynotes.model import Cell

CHAT = Path(__file__).resolve().parents[1] / "data" / "importers" / "kakaotalk" / "pc-cp949-2017.txt"


def _hinted(path: Path) -> Any:
    imported = import_file(path)
    imported.hints = hints_for(imported)
    return imported


def _write(path: Path, seeds: Path, alone: bool) -> None:
    with Library.open(path) as library:
        library.save_import(import_file(seeds / "meeting-minutes-0805.md"), notebook="R")
        library.save_import(_hinted(CHAT), notebook="알고리즘")
        with library.batch():
            questions = library.questions()
            library.edit_question(questions[0].id, text="Wombat 웜뱃은 왜 네모난 똥을 눌까?")
            library.edit_question(questions[1].id, answer="gradient 손실함수를 줄인다")
            library.edit_question(
                questions[1].id, answer="두 번 고친 답 gradient"
            )  # the first text is taken out
            cells = library.conn.execute(
                "SELECT id FROM cells WHERE kind = 'markdown' ORDER BY id"
            ).fetchall()
            library.edit_cell(cells[0][0], "Platypus 오리너구리를 보았다")
            library.delete_cell(cells[1][0])
            library.delete_cell(cells[-1][0])
            note_id = library.notes()[0].id
            library.add_cell(note_id, Cell.text("Zebrafish 얼룩말 gradient"))
            added = library.conn.execute("SELECT max(id) FROM cells").fetchone()[0]
            library.edit_cell(added, "Zebrafish 얼룩말, 고쳐 씀")  # added and changed before the flush
            library.save_import(import_file(seeds / "question-board-week2.md"), notebook="R")
            library.save_import(_hinted(seeds / "daily-log-day15-19.txt"), notebook="R")
            if alone:  # rows noted for the vocabulary and not for the parts, as an upgrade's step may
                library.conn.execute(
                    "INSERT OR IGNORE INTO search_pending (kind, row_id) SELECT 'cell', id FROM cells WHERE id % 3 = 0"
                )
        assert library.search("platypus") and library.search("wombat") and not library.search("kingfisher")


@pytest.mark.parametrize(
    ("mapped", "alone"),
    [(False, False), (True, False), (False, True)],
    ids=["no maps", "every part mapped", "rows noted for the vocabulary alone"],
)
def test_one_pass_writes_what_the_two_steps_write(
    tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch, mapped: bool, alone: bool
) -> None:
    if mapped:
        monkeypatch.setattr(part_maps, "COMMON_ROWS", 0)
        monkeypatch.setattr(part_maps, "SPREAD", 1 << 40)
    read: list[tuple[Any, ...]] = []
    one_pass = words_and_parts._changes

    def counted(rows: Any, *rest: Any) -> Any:
        return one_pass((read.append(row) or row for row in rows), *rest)

    monkeypatch.setattr(words_and_parts, "_changes", counted)
    _write(tmp_path / "one-pass.sqlite3", seeds, alone)
    # Rows inserted, changed (their old text taken out) and deleted were read in one pass.
    assert (
        len(read) > 50
        and any(row[1] and row[3] for row in read)
        and any(row[1] and not row[3] for row in read)
    )
    read.clear()
    monkeypatch.setattr(words_and_parts, "flush", words_and_parts.apart)  # each step reads its rows
    _write(tmp_path / "apart.sqlite3", seeds, alone)
    assert read == []
    one, apart = file_rows(tmp_path / "one-pass.sqlite3"), file_rows(tmp_path / "apart.sqlite3")
    assert (
        one["search_words"] and one["search_pieces"] and one["search_parts"] and one["questions_parts_data"]
    )
    assert not mapped or one["search_part_bits"]
    assert one == apart
