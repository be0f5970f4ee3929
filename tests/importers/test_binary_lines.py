"""A chat with a binary stretch in it imports its text, and the warning names the lines left out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from studynotes.importers import import_file
from studynotes.importing import import_paths
from studynotes.library import Library
from studynotes.model import ImportFailure

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
NUL_REGION = DATA / "kakaotalk" / "pc-nul-region.txt"
BINARY_CHUNK = DATA / "discord" / "dce-binary-chunk.txt"


def test_a_region_of_nul_bytes_is_named_and_the_chat_around_it_imports() -> None:
    assert b"\x00" * 1000 in NUL_REGION.read_bytes()
    imported = import_file(NUL_REGION)
    assert imported.format == "kakaotalk"
    assert [str(w) for w in imported.warnings] == [
        "line 8: binary data, not text, through line 9; left out",
        # a bad line after the hole keeps its true line number
        "line 12: '[준호] [오후 25:61] 시간이 잘못된 줄' has no real time; skipped",
    ]
    answers = {q.text: q.answer for q in imported.document.questions}
    assert answers == {
        "고유벡터는 왜 방향만 유지되나요?": "**준호**: 행렬을 곱해도 스칼라배만 되니까 방향은 그대로예요",
        "대칭행렬은 항상 대각화가 되나요?": "**준호**: 네 실대칭행렬은 직교대각화가 돼요",
    }


def test_a_chunk_of_random_bytes_in_the_middle_is_left_out_whole() -> None:
    imported = import_file(BINARY_CHUNK)
    assert imported.format == "discord"
    assert [str(w) for w in imported.warnings] == [
        "line 16: binary data, not text, through line 20; left out"
    ]
    text = imported.raw_text
    assert "\ufffd" not in text and all(ch in "\t\n" or ch >= " " for ch in text)
    markdown = "\n".join(c.markdown for n in imported.document.notes for c in n.cells)
    assert "makes sense, thanks" in markdown and "see you all next week" in markdown
    assert [q.text for q in imported.document.questions] == [
        "Why do we normalise the input features?",
        "What is the difference between L1 and L2 regularisation?",
        "so L1 also picks features for us?",
    ]


def test_the_damaged_chat_is_saved_whole_and_a_binary_file_not_at_all(tmp_path: Path) -> None:
    shutil.copy(NUL_REGION, tmp_path / "KakaoTalk_선형대수.txt")
    picture = tmp_path / "KakaoTalk_20200508.txt"  # a photo saved under an export's name
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    with Library.open(tmp_path / "library.sqlite3") as library:
        report = import_paths(library, [tmp_path / "KakaoTalk_선형대수.txt", picture], notebook="선형대수")
        assert [str(e) for e in report.errors] == [
            f"{picture}: this is a binary file, not text (an image, PDF or archive?)"
        ]
        assert report.notes == 1 and report.questions == 2 and report.warnings == 2
        assert [n.title for n in library.notes()] == ["선형대수 스터디 · 2020-05-08"]


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 40,  # binary throughout
        b"PK\x03\x04" + b"[a] [9:00] hello\n" * 50,  # an archive, whatever it holds
        b"\x00" * 5000,  # nothing but a hole
    ],
    ids=["binary-throughout", "zip", "only-nul"],
)
def test_what_is_binary_throughout_is_still_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(data)
    with pytest.raises(ImportFailure) as failure:
        import_file(path)
    assert failure.value.reason == "this is a binary file, not text (an image, PDF or archive?)"
