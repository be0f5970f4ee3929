"""The pinned PySide6 survives many calls that return nothing.

PySide6 6.12.0 on Python 3.11 drops a reference to None on each such call and
aborts after a few thousand; pyproject.toml pins around it.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QPoint, QSize
point, size = QPoint(), QSize()
for i in range(100_000):
    point.setX(i)
    size.setWidth(i)
print(point.x() + size.width())
"""


def test_two_hundred_thousand_void_qt_calls_do_not_crash() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str(2 * 99_999)
