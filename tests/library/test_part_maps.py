"""The maps of common parts find what a scan finds, and stay equal to the parts index through every write.

Every part is mapped here (the thresholds set to 0), or only some (so that a term mixes mapped
parts with a few rows read from the parts index), on the random libraries of
test_word_search.py; and the stored maps and counts are compared with the parts index itself
after imports, edits, deletes, a freed id taken again, and an upgrade.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_word_search import NOTE, _expected, _queries, _write

from old_schema import opened_at_schema
from studynotes.importers import import_file
from studynotes.library import Library, part_maps
from studynotes.library.schema import MIGRATIONS


@pytest.fixture
def every_part_mapped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(part_maps, "COMMON_ROWS", 0)
    monkeypatch.setattr(part_maps, "SPREAD", 1 << 40)


def _stored(library: Library) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], set[int]]]:
    """(rows per part, rows per mapped part) as the maps hold them."""
    counts: dict[tuple[str, str], int] = {}
    rows: dict[tuple[str, str], set[int]] = {}
    for part_id, kind, part, held, mapped in library.conn.execute(
        "SELECT id, kind, part, rows, mapped FROM search_parts"
    ):
        if held:
            counts[(kind, part)] = held
        if mapped:
            found: set[int] = set()
            key = part_id << 24
            for block_key, bits in library.conn.execute(
                "SELECT id, bits FROM search_part_bits WHERE id BETWEEN ? AND ?", (key, key | (1 << 24) - 1)
            ):
                assert any(bits), "an empty block is not kept"
                value = int.from_bytes(bits, "little")
                base = (block_key & ((1 << 24) - 1)) << part_maps.SHIFT
                found |= {base + bit for bit in range(value.bit_length()) if value >> bit & 1}
            rows[(kind, part)] = found
    return counts, rows


def _indexed(library: Library) -> dict[tuple[str, str], set[int]]:
    """The rows holding each part, from the parts index."""
    held: dict[tuple[str, str], set[int]] = {}
    for kind, _table, index in part_maps.TABLES:
        library.conn.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{index} USING fts5vocab(main, {index}, row)"
        )
        for (part,) in library.conn.execute(f"SELECT term FROM temp.v_{index}").fetchall():
            held[(kind, part)] = {
                r[0]
                for r in library.conn.execute(
                    f"SELECT rowid FROM {index} WHERE {index} MATCH ?", ('"' + part.replace('"', '""') + '"',)
                )
            }
    return held


def _agree(library: Library, *, all_mapped: bool = True) -> None:
    counts, mapped = _stored(library)
    indexed = _indexed(library)
    assert counts == {key: len(rows) for key, rows in indexed.items() if rows}
    for key, rows in mapped.items():
        assert rows == indexed.get(key, set()), key
    if all_mapped:
        assert set(mapped) >= {key for key, rows in indexed.items() if rows}


def _searched(library: Library, query: str, limit: int = 100_000) -> list[tuple[str, int]]:
    return [(h.kind, h.id) for h in library.search(query, limit=limit)]


@pytest.fixture
def maps_used(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The queries the maps answered."""
    used: list[str] = []
    newest_rows = part_maps.newest_rows

    def counted(conn, kind, index, terms):  # type: ignore[no-untyped-def]
        found = newest_rows(conn, kind, index, terms)
        if found is not None:
            used.append(" ".join("|".join(parts) for parts in terms))
        return found

    monkeypatch.setattr(part_maps, "newest_rows", counted)
    yield used


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=st.lists(NOTE, min_size=1, max_size=4), data=st.data(), common=st.sampled_from([0, 2, 4]))
def test_search_through_the_maps_finds_what_a_scan_finds(
    notes: list[list[tuple[str, str]]], data: st.DataObject, common: int
) -> None:
    with (
        pytest.MonkeyPatch.context() as patch,
        tempfile.TemporaryDirectory() as folder,
        Library.open(Path(folder) / "library.sqlite3") as library,
    ):
        patch.setattr(part_maps, "COMMON_ROWS", common)  # 0: every part mapped; else some not
        patch.setattr(part_maps, "SPREAD", 1 << 40)
        patch.setattr(part_maps, "LEFTOVER", common)
        for path in _write(notes, Path(folder)):
            library.save_import(import_file(path), notebook="R")
        _agree(library, all_mapped=common == 0)
        for query in [
            *_queries(library, data),
            "beam gan",
            "gan lstm 손실",
            "모델 층 attention",
            "ab 손실을",
        ]:
            expected = _expected(library, query)
            assert _searched(library, query) == expected, query
            assert _searched(library, query, limit=3) == expected[:3], query


def test_the_maps_answer_several_common_words(
    library: Library, tmp_path: Path, every_part_mapped: None, maps_used: list[str]
) -> None:
    rows = [(f"GAN은 {i} beam{'' if i % 3 else ' lstm'}", f"답 {i % 5} 생성모델(gan)를") for i in range(200)]
    rows += [("비공개 beam gan lstm", "")]
    (path,) = _write([rows], tmp_path)
    library.save_import(import_file(path), notebook="R")
    library.conn.execute("UPDATE questions SET private = 1 WHERE text LIKE '비공개%'")
    for query in ("beam gan lstm", "gan 답", "lstm 생성모델", "beam 4"):
        expected = _expected(library, query)
        assert expected, query
        assert _searched(library, query) == expected, query
        assert _searched(library, query, limit=5) == expected[:5], query
    assert len(maps_used) == 8


def test_the_maps_follow_edits_deletes_and_a_freed_id_taken_again(
    library: Library, tmp_path: Path, every_part_mapped: None
) -> None:
    (first,) = _write([[("GAN은 생성모델(gan)를", "beam 서치"), ("LSTM의 게이트", "gan? 답")]], tmp_path)
    library.save_import(import_file(first), notebook="R")
    _agree(library)
    newest = max(q.id for q in library.questions())
    library.delete_note(library.notes()[0].id)
    _agree(library)
    (tmp_path / "second").mkdir()
    (second,) = _write(
        [[("CNN은 층을 쌓는다", "gan 아님 층"), ("풀링 beam", "서치 아님")]], tmp_path / "second"
    )
    library.save_import(import_file(second), notebook="S")
    assert newest in {q.id for q in library.questions()}, "the freed id is taken again"
    question = library.questions()[0]
    library.edit_question(question.id, text="CNN의 풀링 beam lstm")
    library.edit_question(question.id, answer="gan 게이트")
    _agree(library)
    for query in ("gan beam", "lstm gan", "풀링 beam", "게이트 gan", "cnn 층"):
        assert _searched(library, query) == _expected(library, query), query


def test_a_part_holding_a_space_that_is_not_ascii_is_counted_as_the_index_holds_it(
    library: Library, tmp_path: Path, every_part_mapped: None
) -> None:
    """The parts index splits parts at ASCII spaces only: `가\u3000나` and a lone no-break space
    are parts of their own, counted and mapped as such."""
    (first,) = _write(
        [[("가\u3000나 질문은 무엇인가요", "답\xa0 변 \u2028줄"), ("가 나 다", "\x85 \u3000")]], tmp_path
    )
    library.save_import(import_file(first), notebook="W")
    _agree(library)
    question = library.questions()[0]
    library.edit_question(question.id, answer="다른\u3000답")
    _agree(library)


def test_a_part_becomes_mapped_when_it_becomes_common(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(part_maps, "COMMON_ROWS", 30)
    monkeypatch.setattr(part_maps, "SPREAD", 1 << 40)
    for number in range(4):
        folder = tmp_path / str(number)
        folder.mkdir()
        (path,) = _write([[(f"beam gan {number} {i}", "lstm") for i in range(12)]], folder)
        library.save_import(import_file(path), notebook=f"N{number}")
        mapped = {
            part
            for (part,) in library.conn.execute(
                "SELECT part FROM search_parts WHERE kind = 'question' AND mapped = 1"
            )
        }
        assert ("beam" in mapped) == (number >= 2), number  # 12 rows a write: 36 rows at the third
        _agree(library, all_mapped=False)
    for query in ("beam gan", "gan lstm 3", "beam 2 lstm"):
        assert _searched(library, query) == _expected(library, query), query


def test_an_older_library_gets_its_maps_on_upgrade(
    library_path: Path, tmp_path: Path, every_part_mapped: None, maps_used: list[str]
) -> None:
    before = [name for name, _ in MIGRATIONS].index(part_maps.MIGRATION_NAME)
    (path,) = _write([[("GAN은 생성모델(gan)를", "beam 서치"), ("LSTM의 게이트 beam", "gan? 답")]], tmp_path)
    with opened_at_schema(library_path, before) as old:
        old.save_import(import_file(path), notebook="R")
        assert not part_maps.present(old.conn)
    with Library.open(library_path) as library:
        _agree(library)
        for query in ("gan beam", "gan 답", "lstm beam"):
            found = _searched(library, query)
            assert found and found == _expected(library, query), query
        assert maps_used


def test_parts_worked_out_where_a_file_was_parsed_keep_the_maps_exact(
    library: Library, tmp_path: Path, every_part_mapped: None
) -> None:
    from studynotes.library.save_hints import hints_for

    (path,) = _write([[("GAN은 생성모델(gan)를", "beam 서치"), ("LSTM의 게이트 beam", "gan? 답")]], tmp_path)
    imported = import_file(path)
    imported.hints = hints_for(imported)
    with library.batch():
        library.save_import(imported, notebook="R")
        library.edit_question(library.questions()[0].id, answer="lstm 게이트 없음")
    ready = library.conn.execute("SELECT count(*) FROM search_parts WHERE mapped = 1").fetchone()[0]
    assert ready > 0
    _agree(library)
    for query in ("gan beam", "lstm 게이트", "beam 서치"):
        assert _searched(library, query) == _expected(library, query), query


def test_a_page_fills_past_many_private_questions(
    library: Library, tmp_path: Path, every_part_mapped: None, maps_used: list[str]
) -> None:
    rows = [(f"beam gan lstm {i}", f"답 {i}") for i in range(90)]
    (path,) = _write([rows], tmp_path)
    library.save_import(import_file(path), notebook="R")
    newest = sorted(q.id for q in library.questions())[-45:]
    library.conn.executemany(
        "UPDATE questions SET private = 1 WHERE id = ?", [(i,) for i in newest[::2] + newest[-8:]]
    )
    for limit in (1, 5, 30, 1000):
        expected = _expected(library, "beam gan lstm")
        assert _searched(library, "beam gan lstm", limit=limit) == expected[:limit], limit
    assert len(maps_used) == 4
