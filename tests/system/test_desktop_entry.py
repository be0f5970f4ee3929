"""The launcher entry: valid, pointing at a command that exists, and removable."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from studynotes.cli import main
from studynotes.system import desktop_entry


def exec_words(entry: str) -> list[str]:
    line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    return shlex.split(line.removeprefix("Exec="))


def test_install_writes_a_valid_entry_and_icon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    done = desktop_entry.install_linux()
    entry = tmp_path / "share/applications/studynotes.desktop"
    icon = tmp_path / "share/icons/hicolor/scalable/apps/studynotes.svg"
    assert set(done.written) == {entry, icon}
    assert icon.read_bytes().startswith(b"<svg")
    validator = shutil.which("desktop-file-validate")
    assert validator, "desktop-file-validate (Debian's desktop-file-utils) checks the entry"
    result = subprocess.run([validator, str(entry)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    words = exec_words(entry.read_text(encoding="utf-8"))
    assert words[-2:] == ["gui", "%F"]
    assert Path(words[0]).is_file(), words  # the launcher runs a program that is there
    assert "text/markdown;" in entry.read_text(encoding="utf-8")


def test_a_path_with_spaces_is_quoted_as_the_specification_asks(tmp_path: Path) -> None:
    entry = desktop_entry.desktop_entry(["/opt/my apps/python3", "-m", "studynotes"])
    assert exec_words(entry) == ["/opt/my apps/python3", "-m", "studynotes", "gui", "%F"]
    target = tmp_path / "studynotes.desktop"
    target.write_text(entry, encoding="utf-8")
    validator = shutil.which("desktop-file-validate")
    assert validator
    assert subprocess.run([validator, str(target)], capture_output=True, check=False).returncode == 0


def test_the_command_installs_and_uninstalls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["install-desktop"]) == 0
    assert "studynotes.desktop" in capsys.readouterr().out
    assert (tmp_path / "share/applications/studynotes.desktop").exists()
    assert main(["install-desktop", "--uninstall"]) == 0
    assert "removed" in capsys.readouterr().out
    assert not (tmp_path / "share/applications/studynotes.desktop").exists()
    assert not (tmp_path / "share/icons/hicolor/scalable/apps/studynotes.svg").exists()


def test_the_windows_shortcut_script_quotes_what_it_is_given() -> None:
    script = desktop_entry.windows_shortcut_script(
        Path("C:/Users/O'Neil/Start Menu/studynotes.lnk"),
        ["C:/Python/pythonw.exe", "-m", "studynotes"],
        Path("C:/icons/studynotes.ico"),
    )
    assert "'C:/Users/O''Neil/Start Menu/studynotes.lnk'" in script
    assert "$s.Arguments = '-m studynotes gui'" in script
    assert script.endswith("$s.Save()")


def test_the_windows_icon_is_an_icon_file() -> None:
    from studynotes.paths import resources_dir

    data = (resources_dir() / "studynotes.ico").read_bytes()
    assert data[:4] == b"\x00\x00\x01\x00" and data[22:26] == b"\x89PNG"
