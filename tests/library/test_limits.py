"""Large inputs import in bounded time and memory (timings live in bench/; here: they finish)."""

from __future__ import annotations

from pathlib import Path

from studynotes.importing import import_paths
from studynotes.library import Library, QuestionFilter


def test_a_200_000_line_chat_log_imports_whole(library: Library, tmp_path: Path) -> None:
    lines = []
    for i in range(100_000):
        lines.append(
            f"{(i // 3600) % 24:02}:{(i // 60) % 60:02}:{i % 60:02} From Student {i % 50} : 질문 {i} 인가요?"
        )
        lines.append(f"> answer {i}")
    chat = tmp_path / "long-chat.txt"
    chat.write_text("\n".join(lines), encoding="utf-8")
    report = import_paths(library, [chat], notebook="Long")
    assert report.errors == [] and report.files[0].format == "chat_log"
    assert report.questions == 100_000
    assert len(library.questions(QuestionFilter(status="answered"))) == 100_000
    assert library.search("질문 99999")[0].snippet.startswith("질문 99999")


def test_a_one_megabyte_line_and_ten_thousand_files(library: Library, tmp_path: Path) -> None:
    (tmp_path / "long-line.md").write_text(
        "# Long\n\n" + "가나다 " * 250_000 + "\n\n## Why?\n", encoding="utf-8"
    )
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05}.md").write_text(
            f"# Note {i}\n\n## Question {i}?\n\nAnswer {i}.\n", encoding="utf-8"
        )
    report = import_paths(library, [tmp_path / "long-line.md", folder], notebook="Big")
    assert report.errors == [] and len(report.files) == 10_001
    assert report.questions == 10_001
    assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
