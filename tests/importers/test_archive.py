"""Hostile and broken archives are refused or skipped by name, and nothing outside is touched."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from studynotes.importers.archive import read_folder, read_zips, safe_relative
from studynotes.importing import import_paths
from studynotes.library import Library
from studynotes.model import ImportFailure

PAGE = "# Week 1 0123456789abcdef0123456789abcdef\n\n- 왜 ReLU를 쓰나요?\n"


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path


def _files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


def test_paths_that_leave_the_archive_are_skipped_by_name(tmp_path: Path, library: Library) -> None:
    archive = _zip(
        tmp_path / "export.zip",
        {
            "Week 1 0123456789abcdef0123456789abcdef.md": PAGE.encode(),
            "../escape 0123456789abcdef0123456789abcdee.md": b"# evil\n",
            "/etc/passwd 0123456789abcdef0123456789abcded.md": b"# evil\n",
            "C:\\Windows\\evil 0123456789abcdef0123456789abcdec.md": b"# evil\n",
        },
    )
    before = _files_under(tmp_path)
    report = import_paths(library, [archive])
    assert not report.errors
    warnings = report.files[0].warnings
    assert sum("leads outside the archive" in w for w in warnings) == 3
    assert [n.title for n in library.notes()] == ["Week 1"]
    assert _files_under(tmp_path) - before <= {
        tmp_path / "library.sqlite3-wal",
        tmp_path / "library.sqlite3-shm",
    }


def test_safe_relative_keeps_only_paths_inside() -> None:
    assert safe_relative("a/./b/c.md") == "a/b/c.md"
    assert safe_relative("a/../../b.md") is None
    assert safe_relative("/abs.md") is None
    assert safe_relative("D:/x.md") is None


def test_a_damaged_zip_is_refused_with_its_name(tmp_path: Path, library: Library) -> None:
    archive = _zip(tmp_path / "export.zip", {"Week 1 0123456789abcdef0123456789abcdef.md": PAGE.encode()})
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    report = import_paths(library, [archive])
    assert [str(e) for e in report.errors] == [
        f"{archive}: not a readable zip (File is not a zip file); it may be damaged"
    ]
    assert library.notebooks() == []


def test_a_damaged_entry_is_reported_and_the_other_pages_import(tmp_path: Path, library: Library) -> None:
    good = "Week 1 0123456789abcdef0123456789abcdef.md"
    bad = "Week 2 0123456789abcdef0123456789abcdee.md"
    archive = _zip(
        tmp_path / "export.zip", {good: PAGE.encode(), bad: ("# Week 2\n\n" + "가나다 " * 400).encode()}
    )
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as reader:
        info = reader.getinfo(bad)
    start = info.header_offset + 30 + len(info.orig_filename.encode()) + 10
    data[start : start + 20] = bytes(20)  # the compressed bytes no longer match the CRC
    archive.write_bytes(bytes(data))
    report = import_paths(library, [archive])
    assert [n.title for n in library.notes()] == ["Week 1"]
    assert len(report.errors) == 1 and "Week 2 0123456789abcdef0123456789abcdee.md" in str(report.errors[0])
    assert "the zip may be damaged" in str(report.errors[0])


def test_an_encrypted_zip_is_refused(tmp_path: Path, library: Library) -> None:
    name = "Week 1 0123456789abcdef0123456789abcdef.md"
    archive = _zip(tmp_path / "export.zip", {name: PAGE.encode()})
    data = bytearray(archive.read_bytes())
    data[6] |= 0x1  # the local header's "encrypted" flag
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x1  # and the central directory's
    archive.write_bytes(bytes(data))
    report = import_paths(library, [archive])
    assert [e.reason for e in report.errors] == [
        "the zip is encrypted (password-protected); export it again without a password"
    ]


def test_a_zip_bomb_entry_is_skipped_without_expanding_it(tmp_path: Path, library: Library) -> None:
    archive = _zip(
        tmp_path / "export.zip",
        {
            "Week 1 0123456789abcdef0123456789abcdef.md": PAGE.encode(),
            "bomb 0123456789abcdef0123456789abcdee.md": b"\0" * (40 * 2**20),
        },
    )
    assert archive.stat().st_size < 200_000
    report = import_paths(library, [archive])
    assert [n.title for n in library.notes()] == ["Week 1"]
    assert any("a zip bomb?" in w and "bomb 0123" in w for w in report.files[0].warnings)


def test_an_archive_claiming_terabytes_is_refused(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "export.zip", {"a.md": b"# a\n", "b.md": b"# b\n"})
    data = bytearray(archive.read_bytes())
    central = data.find(b"PK\x01\x02")
    while central != -1:
        data[central + 24 : central + 28] = (2**32 - 1).to_bytes(4, "little")  # the claimed size
        central = data.find(b"PK\x01\x02", central + 4)
    archive.write_bytes(bytes(data))
    with pytest.raises(ImportFailure, match="archives over 4 GB are not read"):
        read_zips([archive], "export.zip")


def test_a_spanned_part_is_refused_with_how_to_join_it(tmp_path: Path) -> None:
    part = tmp_path / "export.z01"
    part.write_bytes(b"PK\x07\x08")
    with pytest.raises(ImportFailure, match="zip -s 0"):
        read_zips([part], "export")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this system")
def test_a_link_out_of_an_imported_folder_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("# secret\n", encoding="utf-8")
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "page 0123456789abcdef0123456789abcdef.md").write_text(PAGE, encoding="utf-8")
    (folder / "leak.md").symlink_to(secret)
    files = read_folder(folder)
    assert sorted(files.entries) == ["page 0123456789abcdef0123456789abcdef.md"]
    assert files.skipped == ["leak.md: a link out of the folder; not read"]
