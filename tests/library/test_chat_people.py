"""A notebook's chat people: instructors and merged names, through the Library and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studynotes.cli import main
from studynotes.importing import import_paths
from studynotes.library import ChatPeople, Library

KAKAO = Path(__file__).resolve().parents[1] / "data" / "importers" / "kakaotalk"
CHAT = KAKAO / "pc-cp949-2017.txt"  # 홍길동 also writes as `길동 (20학번)` and `gildong`; 멘토 김철수 answers


def _askers(library: Library) -> list[tuple[str, str | None]]:
    return [(q.asker, q.answered_by) for q in library.questions()]


def test_setting_people_renames_askers_and_counts_the_mentors_answers(library: Library) -> None:
    import_paths(library, [CHAT], notebook="알고리즘")
    assert _askers(library) == [("홍길동", "peer"), ("gildong", "peer")]
    notebook_id = library.notebook_id("알고리즘")
    assert notebook_id is not None
    chosen = ChatPeople(("멘토 김철수",), (("길동 (20학번)", "홍길동"), ("gildong", "홍길동")))
    change = library.set_chat_people(notebook_id, chosen)
    assert len(change.ids("question")) == 2 and len(change.notes) == 1
    assert change.after[("question", max(change.ids("question")))] == {
        "asker": "홍길동",
        "answered_by": "instructor",
    }
    assert _askers(library) == [("홍길동", "instructor"), ("홍길동", "instructor")]
    assert library.askers(notebook_id) == ["홍길동"]
    assert library.chat_people(notebook_id) == chosen
    # undo puts back the setting and every asker as it was
    assert change.inverse is not None
    library.apply(change.inverse)
    assert _askers(library) == [("홍길동", "peer"), ("gildong", "peer")]
    assert library.chat_people(notebook_id) == ChatPeople()


def test_a_reimport_after_merging_names_keeps_what_the_user_changed(library: Library, tmp_path: Path) -> None:
    import_paths(library, [CHAT], notebook="알고리즘")
    notebook_id = library.notebook_id("알고리즘")
    assert notebook_id is not None
    library.set_chat_people(notebook_id, ChatPeople((), (("gildong", "홍길동"),)))
    bellman = next(q for q in library.questions() if q.text.startswith("벨만"))
    library.edit_question(bellman.id, answer="음수 사이클이 없으면 됩니다 (정리함)")
    changed = tmp_path / CHAT.name
    changed.write_bytes(CHAT.read_bytes() + "[홍길동] [오후 9:00] 내일 봬요\r\n".encode("cp949"))
    import_paths(library, [changed], notebook="알고리즘")
    again = next(q for q in library.questions() if q.text.startswith("벨만"))
    assert (again.asker, again.answer) == ("홍길동", "음수 사이클이 없으면 됩니다 (정리함)")


def test_new_imports_use_the_notebook_setting_while_reading(library: Library) -> None:
    notebook_id = library.ensure_notebook("알고리즘")
    library.set_chat_people(notebook_id, ChatPeople(("멘토 김철수",), (("길동 (20학번)", "홍길동"),)))
    import_paths(library, [CHAT], notebook="알고리즘")
    dijkstra = next(q for q in library.questions() if q.text.startswith("다익스트라"))
    # the asker's own words under another name are no answer: only the mentor's is
    assert dijkstra.answer == "**멘토 김철수**: 이미 확정된 거리가 나중에 더 줄어들 수 있어서 그래요"
    assert dijkstra.answered_by == "instructor"


def test_people_command_and_import_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = str(tmp_path / "lib.sqlite3")
    code = main(
        [
            "--library",
            lib,
            "import",
            str(CHAT),
            "--notebook",
            "알고리즘",
            "--instructor",
            "멘토 김철수",
            "--same-person",
            "gildong=홍길동",
        ]
    )
    assert code == 0
    capsys.readouterr()
    assert main(["--library", lib, "people", "--notebook", "알고리즘", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["instructors"] == ["멘토 김철수"] and shown["aliases"] == {"gildong": "홍길동"}
    assert main(["--library", lib, "questions", "--asker", "홍길동", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_people_usage_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = str(tmp_path / "lib.sqlite3")
    assert main(["--library", lib, "import", str(CHAT), "--instructor", "x"]) == 1
    assert "--notebook" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["--library", lib, "people", "--notebook", "x", "--same-person", "no-equals-sign"])
    assert usage.value.code == 2
    assert main(["--library", lib, "people", "--notebook", "nowhere"]) == 1
    assert "nowhere" in capsys.readouterr().err
