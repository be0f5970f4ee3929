"""Whole Notion exports and study repositories import into the tree a user would draw."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from bundle_golden import CASES, GOLDENS, imported_tree, zip_folder
from studynotes.importing import Cancelled, import_paths
from studynotes.library import Library
from studynotes.render import render_markdown

NOTION = CASES["notion-cs231n-study"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_fixture_imports_into_its_golden_tree(name: str, tmp_path: Path) -> None:
    expected = (GOLDENS / f"{name}.tree.txt").read_text(encoding="utf-8")
    assert imported_tree(CASES[name], tmp_path / "library.sqlite3") == expected


def test_the_zip_notion_writes_imports_as_its_folder_does(tmp_path: Path) -> None:
    archive = zip_folder(NOTION, tmp_path / "Export-6b1f3c1e-0d2a-4a8e-9c1b-2f4d5e6a7b8c.zip")
    expected = (GOLDENS / "notion-cs231n-study.tree.txt").read_text(encoding="utf-8")
    assert imported_tree(archive, tmp_path / "library.sqlite3") == expected


def test_cp949_names_nested_zips_and_parts_give_the_same_tree(tmp_path: Path) -> None:
    expected = (GOLDENS / "notion-cs231n-study.tree.txt").read_text(encoding="utf-8")
    legacy = zip_folder(NOTION, tmp_path / "legacy.zip", name_encoding="cp949")
    with zipfile.ZipFile(legacy) as archive:  # the names really are CP949 bytes, unflagged
        assert all(not info.flag_bits & 0x800 for info in archive.infolist())
    assert imported_tree(legacy, tmp_path / "a.sqlite3") == expected

    inner = zip_folder(NOTION, tmp_path / "Export-1-Part-1.zip")
    outer = tmp_path / "Export-1.zip"
    with zipfile.ZipFile(outer, "w") as archive:
        archive.write(inner, "Export-1-Part-1.zip")
    assert imported_tree(outer, tmp_path / "b.sqlite3") == expected

    parts = tmp_path / "parts"
    home = next(p for p in NOTION.iterdir() if p.is_dir())
    first, second = parts / "one", parts / "two"
    shutil.copytree(NOTION, first, ignore=lambda folder, names: [n for n in names if Path(folder) == home])
    shutil.copytree(home, second / home.name)
    part1 = zip_folder(first, tmp_path / "Export-9-Part-1.zip")
    part2 = zip_folder(second, tmp_path / "Export-9-Part-2.zip")
    with Library.open(tmp_path / "c.sqlite3") as library:
        report = import_paths(library, [part1, part2])
        assert len(report.files) == 1 and not report.errors
        from bundle_golden import tree_text

        assert tree_text(library) == expected


def test_question_rows_carry_status_asker_page_time_and_the_row_page_as_answer(library: Library) -> None:
    import_paths(library, [NOTION])
    rows = {q.text: q for q in library.questions() if q.note.startswith("질문")}
    l1 = rows["L1은 희소행렬을 만드는 이유?"]
    assert (l1.status, l1.asker, l1.page, l1.media_time) == ("answered", "재용", 34, "31:47")
    assert "가중치 요소들의 절대값의 합" in l1.answer
    assert rows["자코비언 행렬은 대각행렬이 된다는 게 무슨 말?"].status == "open"  # 미해결
    # The full `_all.csv` is read, not the filtered view that hides answered Lecture 4 rows.
    assert len(rows) == 8


def test_a_properties_block_becomes_note_properties_and_dates_the_row(library: Library) -> None:
    import_paths(library, [NOTION])
    minutes = next(n for n in library.notes() if n.title == "8/5(목) 회의록")
    note = library.note(minutes.id)
    assert note is not None and note.date is not None and note.date.isoformat() == "2021-08-05"
    assert note.properties["회의 유형"] == "일일 회의"
    text = "\n".join(c.markdown for c in note.cells)
    assert "작성자: 이하람" not in text  # the block left the body


def test_links_between_pages_become_note_links(library: Library) -> None:
    import_paths(library, [NOTION])
    home = next(n for n in library.notes() if n.title == "CS231n 스터디")
    text = "\n".join(c.markdown for c in library.note(home.id).cells)  # type: ignore[union-attr]
    assert "studynotes://note/notion%2F437237b78bd8031e466c887e04acdaad" in text  # the 2주차 page
    assert "studynotes://note/notion%2F2a64e144f837ed48684227142baa5dd3" in text  # the question database
    minutes = next(n for n in library.notes() if n.title == "8/5(목) 회의록")
    body = "\n".join(c.markdown for c in library.note(minutes.id).cells)  # type: ignore[union-attr]
    assert "notion.so" not in body  # the notion.so address of a page in the export became a note link
    target = library.note_for_link("notion/437237b78bd8031e466c887e04acdaad", home.notebook_id)
    assert target is not None and library.note(target).title == "2주차 · Lecture 3"  # type: ignore[union-attr]


def test_images_travel_with_their_page(library: Library) -> None:
    import_paths(library, [NOTION])
    board = next(n for n in library.notes() if n.title == "2주차 · Lecture 3")
    note = library.note(board.id)
    assert note is not None
    assert [a.name for a in note.attachments if a.data] == [
        "CS231n%20%EC%8A%A4%ED%84%B0%EB%94%94%20402aec7a1ee503c961378196ef0587e7/"
        "2%EC%A3%BC%EC%B0%A8%20437237b78bd8031e466c887e04acdaad/3.png"
    ]


def test_a_newer_export_updates_in_place_and_keeps_user_decisions(library: Library, tmp_path: Path) -> None:
    export = tmp_path / "export"
    shutil.copytree(NOTION, export)
    import_paths(library, [export])
    question = next(
        q
        for q in library.questions()
        if q.text == "L1은 희소행렬을 만드는 이유?" and q.note.startswith("질문")
    )
    library.set_status(question.id, "open")
    library.edit_question(question.id, answer="내가 고친 답")
    # In Notion the question's title was edited and a new page added.
    row = next(export.rglob("L1은 희소행렬을 만드는 이유 *.md"))
    row.write_text(
        row.read_text(encoding="utf-8").replace("# L1은 희소행렬을", "# L1 규제는 희소행렬을"), "utf-8"
    )
    csvs = list(export.rglob("질문 게시판 *_all.csv"))
    csvs[0].write_text(
        csvs[0].read_text(encoding="utf-8-sig").replace("L1은 희소행렬을", "L1 규제는 희소행렬을"), "utf-8"
    )
    home = next(export.glob("*.md"))
    (home.parent / home.stem / "3주차 0123456789abcdef0123456789abcdef.md").write_text(
        "# 3주차\n\n- 왜 ReLU?\n", "utf-8"
    )
    before = len(library.notes())
    report = import_paths(library, [export])
    assert report.files[0].updated and report.files[0].kept_user_changes >= 1
    renamed = next(q for q in library.questions() if q.text.startswith("L1 규제는 희소행렬을"))
    assert (renamed.status, renamed.answer) == ("open", "내가 고친 답")
    assert len(library.notes()) == before + 1
    again = import_paths(library, [export])
    assert again.files[0].unchanged


def test_cancelling_a_bundle_import_saves_nothing(library: Library) -> None:
    calls = 0

    def cancel_midway() -> bool:
        nonlocal calls
        calls += 1
        return calls > 5

    with pytest.raises(Cancelled):
        import_paths(library, [NOTION], cancelled=cancel_midway)
    assert library.notebooks() == []


def test_column_mapping_from_the_command_line_overrides_recognition(library: Library) -> None:
    from studynotes.importers.notion_columns import parse_overrides

    import_paths(library, [NOTION], columns=parse_overrides(["질문 게시판/작성자=property", "페이지=ignore"]))
    rows = [q for q in library.questions() if q.note.startswith("질문")]
    assert rows and all(q.asker == "" and q.page is None for q in rows)
    board = library.note(next(n.id for n in library.notes() if n.title == "질문 게시판 · Lecture 3"))
    assert board is not None and board.properties["작성자"] == "혜지, 소현, 세연, 재용"  # kept, as a property


def test_a_repository_places_week_folders_and_links_its_files(library: Library, tmp_path: Path) -> None:
    repo = tmp_path / "study"
    (repo / "week1" / "img").mkdir(parents=True)
    (repo / "2주차").mkdir()
    (repo / ".git").mkdir()
    (repo / "README.md").write_text("# ML 스터디\n\n[1주차](week1/notes.md)\n", "utf-8")
    (repo / "week1" / "notes.md").write_text(
        "# Loss\n\n![plot](img/loss.png)\n\n- 왜 log를 쓰나요?\n\n[다음](../2주차/2주차_회의록.md)\n", "utf-8"
    )
    (repo / "week1" / "img" / "loss.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (repo / "2주차" / "2주차_회의록.md").write_text("# 회의\n\n내용\n", "utf-8")
    (repo / "lec03.md").write_text("# Lecture three\n\ntext\n", "utf-8")
    (tmp_path / "outside.png").write_bytes(b"secret")
    (repo / "week1" / "leak.md").write_text("# Leak\n\n![x](../../outside.png)\n", "utf-8")
    report = import_paths(library, [repo])
    assert not report.errors and report.files[0].format == "repository"
    by_title = {n.title: n for n in library.notes()}
    assert (
        by_title["Loss"].week == 1 and by_title["회의"].week == 2 and by_title["Lecture three"].lecture == 3
    )
    loss = library.note(by_title["Loss"].id)
    assert loss is not None and [a.data for a in loss.attachments] == [b"\x89PNG\r\n\x1a\n"]
    assert (
        "studynotes://note/2%EC%A3%BC%EC%B0%A8%2F2%EC%A3%BC%EC%B0%A8_%ED%9A%8C%EC%9D%98%EB%A1%9D.md"
        in "".join(c.markdown for c in loss.cells)
    )
    leak = library.note(by_title["Leak"].id)
    assert leak is not None and all(a.data is None for a in leak.attachments)


def test_the_command_line_takes_map_and_names_a_wrong_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from studynotes.cli import main

    library = str(tmp_path / "cli.sqlite3")
    assert main(["--library", library, "import", str(NOTION), "--map", "작성자=property"]) == 0
    assert "imported as notion into 'CS231n 스터디'" in capsys.readouterr().out
    assert main(["--library", library, "import", str(NOTION), "--map", "작성자=writer"]) != 0
    error = capsys.readouterr().err.strip()
    assert error.startswith("studynotes: --map '작성자=writer': the field must be one of question, title")
    assert "\n" not in error


def test_files_a_page_links_to_are_kept_with_its_note(library: Library, tmp_path: Path) -> None:
    export = tmp_path / "export"
    page = "Week 1 0123456789abcdef0123456789abcdef"
    (export / page).mkdir(parents=True)
    (export / f"{page}.md").write_text(
        f"# Week 1\n\n[강의 슬라이드.pdf]({page.replace(' ', '%20')}/%EA%B0%95%EC%9D%98%20%EC%8A%AC%EB%9D%BC%EC%9D%B4%EB%93%9C.pdf)\n",
        "utf-8",
    )
    (export / page / "강의 슬라이드.pdf").write_bytes(b"%PDF-1.4 slides")
    import_paths(library, [export])
    note = library.note(library.notes()[0].id)
    assert note is not None
    assert [(a.name, a.mime_type, a.data) for a in note.attachments] == [
        (
            "Week%201%200123456789abcdef0123456789abcdef/%EA%B0%95%EC%9D%98%20%EC%8A%AC%EB%9D%BC%EC%9D%B4%EB%93%9C.pdf",
            "application/pdf",
            b"%PDF-1.4 slides",
        )
    ]
    # In the preview the link names the stored file, which the window opens; a relative path means nothing there.
    text = "\n\n".join(c.markdown for c in note.cells)
    page_html = render_markdown(text, note.attachments)
    assert f'href="studynotes://attachment/{note.attachments[0].id}"' in page_html
    assert "%EA%B0%95" not in page_html
    assert library.attachment_file(note.attachments[0].id or 0) == (
        note.attachments[0].name,
        b"%PDF-1.4 slides",
    )
