"""An installed wheel carries the resources and seeds the app looks for."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_holds_resources_seeds_and_every_module(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    wheel = next(tmp_path.glob("studynotes-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for seed in (ROOT / "seeds").iterdir():
        assert f"studynotes/seeds/{seed.name}" in names
    for resource in (ROOT / "resources").rglob("*"):
        if resource.is_file():
            assert f"studynotes/resources/{resource.relative_to(ROOT / 'resources').as_posix()}" in names
    for module in (ROOT / "src" / "studynotes").rglob("*.py"):
        assert module.relative_to(ROOT / "src").as_posix() in names
    assert "studynotes/py.typed" in names
    assert {
        "studynotes/resources/translations/studynotes_ko.qm",
        "studynotes/resources/translations/studynotes_en.qm",
    } <= names


def test_resources_are_found_from_an_unpacked_wheel_layout(tmp_path: Path) -> None:
    package = tmp_path / "studynotes"
    (package / "resources").mkdir(parents=True)
    (package / "seeds").mkdir()
    source = (ROOT / "src" / "studynotes" / "paths.py").read_text(encoding="utf-8")
    (package / "paths.py").write_text(source, encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    script = "import studynotes.paths as p; print(p.resources_dir()); print(p.seeds_dir())"
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path)},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(package / "resources"), str(package / "seeds")]
