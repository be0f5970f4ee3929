"""Keys, rows and parts of words worked out where a file was parsed save exactly what saving works out.

A new file saved as parsed takes its rows from the hints; otherwise the hints are a memo by the
values each was made from.  A row changed after it was saved, an asker renamed by the notebook's
people, a file saved again with other words than its hints were made from: all end as they end
without hints, row for row (the full-text indexes' own tables included).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from library_rows import file_rows
from studynotes.importers import ImportedFile, import_file
from studynotes.library import ChatPeople, Library
from studynotes.library.save_hints import hints_for
from studynotes.model import Cell

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
CHAT = DATA / "kakaotalk" / "pc-cp949-2017.txt"  # `gildong` is one of the people merged below


def _parsed(path: Path, hinted: bool, change: bool = False) -> ImportedFile:
    imported = import_file(path)
    if hinted:
        imported.hints = hints_for(imported)
    if change:  # the document differs from what its hints were made from (saved again: changed bytes)
        imported.sha256 = "0" * 64
        note = imported.document.notes[0]
        note.cells[0].markdown += "\n\nKingfisher 물총새를 보았다"
        question = next(c.question for c in note.cells if c.question is not None)
        question.text += " (Narwhal 일각고래)"
    return imported


def _import_and_change(path: Path, seeds: Path, hinted: bool) -> int:
    """Imports and edits in one transaction; returns how many rows' parts the hints gave."""
    with Library.open(path) as library:
        notebook_id = library.ensure_notebook("알고리즘")
        library.set_chat_people(notebook_id, ChatPeople((), (("gildong", "홍길동"),)))
        with library.batch():
            library.save_import(_parsed(seeds / "meeting-minutes-0805.md", hinted), notebook="R")
            questions = library.questions()
            library.edit_question(questions[0].id, answer="Wombat 웜뱃")
            cells = library.conn.execute(
                "SELECT id FROM cells WHERE kind = 'markdown' ORDER BY id"
            ).fetchall()
            library.edit_cell(cells[0][0], "Platypus 오리너구리를 보았다")
            library.delete_cell(cells[1][0])
            library.add_cell(library.notes()[0].id, Cell.text("Zebrafish 얼룩말"))
            library.save_import(_parsed(CHAT, hinted), notebook="알고리즘")  # askers renamed on saving
            board = seeds / "question-board-week2.md"
            library.save_import(_parsed(board, hinted), notebook="R")  # a new file, as parsed
            library.save_import(_parsed(board, hinted, change=True), notebook="R")  # again, changed
            given = sum(
                library.conn.execute(f"SELECT count(*) FROM temp.search_parts_ready_{kind}").fetchone()[0]
                for kind in ("cell", "question")
                if hinted
            )
        left = library.conn.execute(
            "SELECT name FROM sqlite_temp_master WHERE name LIKE 'search_parts_ready%'"
        )
        assert left.fetchall() == []  # forgotten once the rows are indexed
        assert library.search("platypus") and library.search("narwhal") and library.search("wombat")
        assert "gildong" not in {q.asker for q in library.questions()}  # renamed: not the asker hinted
    return int(given)


def test_hints_save_exactly_what_saving_works_out(tmp_path: Path, seeds: Path) -> None:
    assert _import_and_change(tmp_path / "plain.sqlite3", seeds, hinted=False) == 0
    assert _import_and_change(tmp_path / "hinted.sqlite3", seeds, hinted=True) > 20
    assert file_rows(tmp_path / "hinted.sqlite3") == file_rows(tmp_path / "plain.sqlite3")


def test_hints_are_found_by_what_the_rows_hold(seeds: Path) -> None:
    imported = import_file(seeds / "question-board-week2.md")
    hints = hints_for(imported)
    from studynotes.library.saving import cell_key, stable_key
    from studynotes.library.word_parts import parts_of

    source = imported.path.name
    for note in imported.document.notes:
        for cell in note.cells:
            assert cell_key(cell, source, hints) == cell_key(cell, source)
            if cell.question is not None:
                assert stable_key(cell.question, source, hints) == stable_key(cell.question, source)
    assert hints.parts and all(value == " ".join(parts_of(text)) for text, value in hints.parts.items())
    assert hints.question_parts and all(
        value == " ".join(parts_of(" ".join(columns))) for columns, value in hints.question_parts.items()
    )


def test_a_worker_sends_hints_only_while_no_file_waits_for_it(seeds: Path) -> None:
    """Taking work over from the saving process pays only while the worker would otherwise wait."""
    import multiprocessing
    import signal
    import threading

    from studynotes import parse_ahead
    from studynotes.model import ImportContext

    files = [
        parse_ahead.read_raw(seeds / name, "") for name in ("question-board-week2.md", "lecture-chat-log.txt")
    ]
    task_reader, task_writer = multiprocessing.Pipe(duplex=False)
    result_reader, result_writer = multiprocessing.Pipe(duplex=False)
    results: list[Any] = []

    def saving_process() -> None:
        task_writer.send(files[0])
        results.append(result_reader.recv())  # the worker had nothing else to do: hints
        task_writer.send(files[0])
        task_writer.send(files[1])
        results.append(result_reader.recv())  # another file waited: none
        results.append(result_reader.recv())  # nothing waited after it: hints
        task_writer.send(None)

    sender = threading.Thread(target=saving_process)
    sender.start()
    previous = signal.getsignal(signal.SIGINT)
    try:
        parse_ahead._serve(task_reader, result_writer, ImportContext(), None)
    finally:
        signal.signal(signal.SIGINT, previous)
        sender.join()
    assert [isinstance(r, ImportedFile) for r in results] == [True, True, True]
    assert [r.hints is not None for r in results] == [True, False, True]
    assert results[0].hints == hints_for(import_file(seeds / "question-board-week2.md"))
