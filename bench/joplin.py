"""The peer: Joplin's command-line client importing the same Markdown corpus.

Installed with `npm install joplin@3.5.1` into bench/out/joplin (building it
needs Debian's libsecret-1-dev).  Each run gets a fresh HOME, so Joplin starts
from an empty profile exactly as studynotes starts from an empty library.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

VERSION = "3.5.1"


def binary(out: Path) -> Path:
    return out / "joplin" / "node_modules" / ".bin" / "joplin"


def ensure_installed(out: Path) -> tuple[Path | None, str]:
    """The joplin command, installing it on first use; (None, why) when it cannot be had."""
    command = binary(out)
    if command.exists():
        return command, ""
    npm = shutil.which("npm")
    if npm is None:
        return None, "npm is not installed"
    folder = out / "joplin"
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [npm, "install", "--prefix", str(folder), f"joplin@{VERSION}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=1200,
    )
    if done.returncode != 0 or not command.exists():
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        return None, f"npm install joplin@{VERSION} failed ({tail[0]}); it needs libsecret-1-dev to build"
    return command, ""


def import_runs(command: Path, corpus: Path, runs: int) -> tuple[list[float], int]:
    """Seconds for `joplin import DIR bench --format md` (whole process), and the notes it made."""
    times, notes = [], 0
    for _ in range(runs):
        home = Path(tempfile.mkdtemp(prefix="joplin-bench-home-"))
        env = {**os.environ, "HOME": str(home)}
        try:
            subprocess.run(
                [str(command), "mkbook", "bench"], env=env, capture_output=True, check=True, timeout=300
            )
            started = time.monotonic()
            subprocess.run(
                [str(command), "import", str(corpus), "bench", "--format", "md"],
                env=env,
                capture_output=True,
                check=True,
                timeout=1800,
            )
            times.append(time.monotonic() - started)
            database = home / ".config" / "joplin" / "database.sqlite"
            conn = sqlite3.connect(database)
            notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
            conn.close()
        finally:
            shutil.rmtree(home, ignore_errors=True)
    return times, notes
