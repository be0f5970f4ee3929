"""Text with binary stretches in it: the text kept, each stretch named by its lines.

A chat export copied off a failing disk, or cut short by a crashed sync, can
hold a run of NUL bytes or a chunk of something else in the middle.  Refusing
the whole file for that loses months of chat over a few damaged kilobytes.  A
file that is mostly text keeps its text: each line holding binary data is
emptied (so the line numbers of later warnings stay true) and a warning names
the lines.  A file that is binary throughout (an image, a PDF, an archive) is
still refused whole.
"""

from __future__ import annotations

from ...model import ImportWarning

# Control characters that no text file holds (tab, newlines, form feed and escape are text).
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# Files that start like these are documents of their own, never damaged text.
_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",
    b"SQLite format 3\x00",
    b"\x1f\x8b",
    b"7z\xbc\xaf",
    b"Rar!",
)


def has_binary(data: bytes) -> bool:
    """Any NUL or control byte at all: only then are the lines looked at one by one."""
    return b"\x00" in data or len(data.translate(None, CONTROL_BYTES)) < len(data)


def text_lines(data: bytes) -> tuple[bytes, list[ImportWarning]] | None:
    """The file with its binary lines emptied and a warning for each run of them;
    None when the file is not text (binary throughout, or a known binary format)."""
    if data.startswith(_MAGIC):
        return None
    lines = data.split(b"\n")
    binary = [_binary_line(line) for line in lines]
    _spread_into_garbled_neighbours(lines, binary)
    # A run of NULs is a hole (a disk block never written), not content: only the rest counts.
    binary_bytes = sum(len(line) - line.count(0) for line, bad in zip(lines, binary, strict=True) if bad)
    if binary_bytes * 2 > len(data) - data.count(0):
        return None
    kept = [b"" if bad else line for line, bad in zip(lines, binary, strict=True)]
    if not any(line.strip() for line in kept):
        return None
    return b"\n".join(kept), _warnings(binary)


def _binary_line(line: bytes) -> bool:
    """Mostly damage: a quarter of its bytes NUL, control bytes or neither UTF-8 nor CP949.

    A few flipped bytes in a line of text are not that: the line stays, its bad bytes shown as
    replacement characters."""
    damage = _damage(line)
    return damage >= 2 and damage * 4 > len(line)


def _damage(line: bytes) -> int:
    controls = len(line) - len(line.translate(None, CONTROL_BYTES))
    if controls == len(line):
        return controls
    invalid = min(line.decode(encoding, errors="replace").count("\ufffd") for encoding in ("utf-8", "cp949"))
    return controls + invalid


def _spread_into_garbled_neighbours(lines: list[bytes], binary: list[bool]) -> None:
    """A short stretch of a binary chunk may be little damage by itself; next to binary lines,
    any damage at all says it belongs to the chunk."""
    for order in (range(1, len(lines)), range(len(lines) - 2, -1, -1)):
        step = 1 if order.step > 0 else -1
        for index in order:
            if not binary[index] and binary[index - step] and _damage(lines[index]):
                binary[index] = True


def _warnings(binary: list[bool]) -> list[ImportWarning]:
    warnings: list[ImportWarning] = []
    start: int | None = None
    for index, bad in enumerate([*binary, False]):
        if bad and start is None:
            start = index
        elif not bad and start is not None:
            first, last = start + 1, index
            through = f", through line {last}" if last > first else ""
            warnings.append(ImportWarning(f"binary data, not text{through}; left out", first))
            start = None
    return warnings
