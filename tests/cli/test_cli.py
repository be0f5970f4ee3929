"""The command line contract: commands, JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from golden import SEED_FORMATS
from studynotes.cli import main

SEED_NAMES = list(SEED_FORMATS)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def lib(library_path: Path) -> str:
    return str(library_path)


def test_import_json_names_every_file_and_its_format(
    capsys: pytest.CaptureFixture[str], lib: str, seeds: Path
) -> None:
    code, out, err = run(capsys, "--library", lib, "import", *(str(seeds / n) for n in SEED_NAMES), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["errors"] == []
    assert [Path(f["path"]).name for f in report["files"]] == SEED_NAMES
    for entry in report["files"]:
        assert set(entry) >= {"path", "format", "notes", "questions", "warnings"}
        assert entry["notes"] >= 1 and isinstance(entry["warnings"], list)


def test_questions_notes_and_search_json_shapes(
    capsys: pytest.CaptureFixture[str], lib: str, tmp_path: Path
) -> None:
    board = tmp_path / "board.md"
    board.write_text(
        "# Week 1\n\n## 손실함수를 왜 쓰나요?\n\n오차를 재려고.\n\n## Open one?\n", encoding="utf-8"
    )
    assert run(capsys, "--library", lib, "import", str(board), "--notebook", "ML", "--week", "1")[0] == 0

    code, out, _ = run(capsys, "--library", lib, "questions", "--json")
    questions = json.loads(out)
    assert code == 0 and len(questions) == 2
    required = {
        "id",
        "notebook",
        "week",
        "lecture",
        "note",
        "asker",
        "text",
        "answer",
        "status",
        "page",
        "media_time",
        "asked_at",
    }
    assert all(required <= set(q) for q in questions)
    assert [(q["text"], q["status"], q["week"], q["notebook"]) for q in questions] == [
        ("손실함수를 왜 쓰나요?", "answered", 1, "ML"),
        ("Open one?", "open", 1, "ML"),
    ]

    code, out, _ = run(capsys, "--library", lib, "notes", "--json")
    notes = json.loads(out)
    assert [{k: n[k] for k in ("notebook", "week", "title", "kind", "questions", "open")} for n in notes] == [
        {"notebook": "ML", "week": 1, "title": "Week 1", "kind": "markdown", "questions": 2, "open": 1}
    ]
    assert {"id", "lecture", "date"} <= set(notes[0])

    code, out, _ = run(capsys, "--library", lib, "search", "손실함수", "--json")
    hits = json.loads(out)
    assert [(h["kind"], h["note"]) for h in hits] == [("question", "Week 1")]
    assert set(hits[0]) >= {"kind", "id", "note", "snippet"}

    open_id = questions[1]["id"]
    assert run(capsys, "--library", lib, "resolve", str(open_id))[0] == 0
    code, out, _ = run(capsys, "--library", lib, "questions", "--status", "open", "--json")
    assert json.loads(out) == []
    assert run(capsys, "--library", lib, "reopen", str(open_id))[0] == 0
    code, out, _ = run(capsys, "--library", lib, "questions", "--status", "open", "--json")
    assert [q["id"] for q in json.loads(out)] == [open_id]


def test_tree_shows_counts(capsys: pytest.CaptureFixture[str], lib: str, seeds: Path) -> None:
    run(capsys, "--library", lib, "import", str(seeds / "question-board-week2.md"), "--notebook", "CS231n")
    code, out, _ = run(capsys, "--library", lib, "tree")
    assert code == 0
    assert out.splitlines()[0].startswith("CS231n  (")
    code, out, _ = run(capsys, "--library", lib, "tree", "--json")
    tree = json.loads(out)
    assert tree[0]["title"] == "CS231n"
    total = sum(w["questions"] for w in tree[0]["weeks"]) + tree[0]["unsorted"]["questions"]
    assert total == tree[0]["questions"] > 0


def test_a_missing_file_exits_1_with_one_line_and_others_still_import(
    capsys: pytest.CaptureFixture[str], lib: str, seeds: Path, tmp_path: Path
) -> None:
    code, out, err = run(
        capsys,
        "--library",
        lib,
        "import",
        str(tmp_path / "nope.md"),
        str(seeds / "question-board-week2.md"),
        "--json",
    )
    assert code == 1
    assert err.strip().splitlines() == [f"studynotes: {tmp_path / 'nope.md'}: no such file or folder"]
    assert len(json.loads(out)["files"]) == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], lib: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--library", lib, "questions", "--status", "maybe"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_unknown_ids_and_bad_libraries_give_one_readable_line(
    capsys: pytest.CaptureFixture[str], lib: str, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--library", lib, "resolve", "999")
    assert code == 1 and err.strip() == "studynotes: no question 999"
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("not a database", encoding="utf-8")
    code, _, err = run(capsys, "--library", str(bogus), "tree")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "bogus.sqlite3" in err
    code, _, err = run(capsys, "--library", lib, "export", "--notebook", "None such", "--week", "1")
    assert code == 1 and err.strip() == "studynotes: no notebook called 'None such'"


def test_the_installed_command_runs_without_a_traceback(tmp_path: Path, seeds: Path) -> None:
    env = dict(os.environ, STUDYNOTES_LIBRARY=str(tmp_path / "lib.sqlite3"))
    done = subprocess.run(
        [sys.executable, "-m", "studynotes", "import", str(seeds / "lecture-chat-log.txt"), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == f"studynotes: {tmp_path}: the folder holds no Markdown or text files"


def test_the_window_without_a_display_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], lib: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code, _, err = run(capsys, "--library", lib)
    assert code == 1
    assert err.strip().startswith("studynotes: no display to open the window on")


def test_an_older_library_is_upgraded_with_a_line_on_stderr(
    capsys: pytest.CaptureFixture[str], library_path: Path
) -> None:
    from old_schema import opened_at_schema

    with opened_at_schema(library_path):
        pass
    code, out, err = run(capsys, "--library", str(library_path), "tree", "--json")
    assert code == 0 and json.loads(out) == []
    assert err.count("\n") == 1 and "updating the library" in err and str(library_path) in err
    code, out, err = run(capsys, "--library", str(library_path), "tree", "--json")
    assert (code, err) == (0, "")


def test_a_linux_desktop_without_qts_x11_libraries_is_told_what_to_install(
    capsys: pytest.CaptureFixture[str], lib: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ctypes

    from studynotes.system import x11_libraries as window_libraries

    def cdll(name: str, *args: object, **kwargs: object) -> object:
        """A computer with every X11 library but these two."""
        if name in ("libxcb-cursor.so.0", "libxcb-icccm.so.4"):
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    monkeypatch.setattr(window_libraries.sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", cdll)  # loaded by the check itself, where X11 is used
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    code, out, err = run(capsys, "--library", lib, "gui")
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert "(libxcb-cursor.so.0, libxcb-icccm.so.4)" in err
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4." in err

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # no X11 window: nothing of it is needed
    assert window_libraries.missing_window_libraries() == []
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert window_libraries.missing_window_libraries() == []
