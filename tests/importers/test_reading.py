"""Reading files: every encoding students' tools write, and clear refusals."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from studynotes.importers import collect_files, import_file, registry, sniff
from studynotes.importers.parts.reading import MAX_FILE_BYTES, decode_bytes
from studynotes.model import ImportFailure

TEXT = "# 3주차 회의록\n\n## 손실함수를 왜 쓰나요?\n\n오차를 재기 위해서입니다.\n"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp949"), "cp949"),
        (TEXT.encode("euc-kr"), "cp949"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp949", "euc-kr"],
)
def test_every_encoding_decodes_to_the_same_text(encoded: bytes, encoding: str) -> None:
    decoded = decode_bytes(encoded, "notes.md")
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert decoded.warnings == []


def test_newlines_and_decomposed_hangul_are_normalised() -> None:
    raw = unicodedata.normalize("NFD", TEXT).replace("\n", "\r\n").encode("utf-8")
    raw = raw.replace(b"\r\n", b"\r", 1)  # one old Mac line ending too
    assert decode_bytes(raw, "mac.md").text == TEXT


def test_invalid_bytes_become_replacement_characters_with_a_warning_naming_the_line() -> None:
    raw = "첫 줄\n둘째 줄\n".encode() + b"\xff\xfe\xfa broken \x80\n" + "넷째".encode()
    decoded = decode_bytes(raw, "broken.txt")
    assert "첫 줄" in decoded.text and "\ufffd" in decoded.text
    assert [str(w) for w in decoded.warnings] == [
        "line 3: some bytes are not valid UTF-8 or CP949; they are shown as \ufffd"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n\t", "the file is empty"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            "this is a binary file, not text (an image, PDF or archive?)",
        ),
        (
            b"%PDF-1.7\n" + bytes(range(0, 32)) * 40,
            "this is a binary file, not text (an image, PDF or archive?)",
        ),
    ],
    ids=["empty", "blank", "png", "pdf"],
)
def test_files_that_are_not_notes_are_refused_by_name(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "thing.md"
    path.write_bytes(data)
    with pytest.raises(ImportFailure) as failure:
        import_file(path)
    assert failure.value.reason == message
    assert str(failure.value) == f"{path}: {message}"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ImportFailure, match="files over 50 MB are not imported"):
        import_file(path)


def test_folders_are_searched_recursively_and_empty_ones_reported(tmp_path: Path) -> None:
    (tmp_path / "week1" / "img").mkdir(parents=True)
    (tmp_path / "week1" / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "week1" / "img" / "pic.png").write_bytes(b"\x89PNG")
    (tmp_path / "week1" / ".hidden.md").write_text("# secret\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    files, errors = collect_files([tmp_path, tmp_path / "empty"])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in files) == ["b.txt", "week1/a.md"]
    assert [e.reason for e in errors] == ["the folder holds no Markdown or text files"]


def test_links_outside_the_imported_folder_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG secret")
    folder = tmp_path / "export"
    folder.mkdir()
    note = folder / "note.md"
    note.write_text("# Note\n\n![x](../secret.png)\n\n![y](img/missing.png)\n", encoding="utf-8")
    imported = import_file(note)
    attachments = imported.document.notes[0].attachments
    assert [(a.name, a.data) for a in attachments] == [("../secret.png", None), ("img/missing.png", None)]
    assert [str(w) for w in imported.warnings] == [
        "image '../secret.png' points outside the imported folder; not read",
        "image 'img/missing.png' is missing; a placeholder is shown",
    ]


def test_every_importer_is_registered_and_plain_text_falls_back_to_markdown() -> None:
    package = Path(__file__).resolve().parents[2] / "src" / "studynotes" / "importers"
    modules = {p.stem for p in package.glob("*.py")} - {"__init__", "base", "reading"}
    formats = {importer.name for importer in registry().values()}
    helper_modules = {m for m in modules if m not in formats}
    for module in helper_modules:  # helper modules hold no IMPORTER by design
        assert "IMPORTER" not in (package / f"{module}.py").read_text(encoding="utf-8")
    assert "markdown" in formats and "studynotes_export" in formats
    assert sniff("just a line of text\n").name == "markdown"
