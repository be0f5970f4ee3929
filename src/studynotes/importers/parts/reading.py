"""Turning a file's bytes into clean text: encodings, newlines, NFC, and refusals.

Study material arrives from Windows tools (CP949), Notion on macOS (decomposed
Hangul), Zoom (UTF-8, sometimes with a BOM) and copy-paste (CRLF, NBSP).
Everything after this module sees one form: NFC text with `\\n` newlines.
"""

from __future__ import annotations

import codecs
import hashlib
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ...model import ImportFailure, ImportWarning, nfc
from .binary_lines import CONTROL_BYTES, has_binary, text_lines

MAX_FILE_BYTES = 50 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy Korean first: CP949 is a superset of EUC-KR and what Windows saves.
_LEGACY_ENCODINGS = ("cp949",)


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[ImportWarning] = field(default_factory=list)


@dataclass
class ReadFile:
    """A file's text as every later step sees it, read once (the import dialog keeps it for the import)."""

    path: Path
    sha256: str
    decoded: DecodedText
    format_hint: str | None = None  # a bundle (a Slack export) says what it is; a file is recognised


def read_file(path: Path) -> ReadFile:
    """Read and decode a file, or raise ImportFailure naming it: the one place for the size limit
    and read errors, for the command line, the import dialog and every importer."""
    data, digest = read_bytes(path)
    return ReadFile(path, digest, decode_bytes(data, str(path)))


def read_bytes(path: Path) -> tuple[bytes, str]:
    """A file's bytes and their SHA-256, or ImportFailure naming it; decoded apart (`decode_bytes`),
    so that an import can skip a file by its hash before decoding it, or decode it elsewhere."""
    display = str(path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # reading a pipe or device would wait forever
            raise ImportFailure(display, "is not a regular file (a pipe, socket or device); not read")
        _refuse_oversized(status.st_size, display)  # before reading a gigabyte into memory
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailure(display, f"cannot be read ({error.strerror or error})") from None
    return data, hashlib.sha256(data).hexdigest()


def _refuse_oversized(size: int, path: str) -> None:
    if size > MAX_FILE_BYTES:
        raise ImportFailure(
            path,
            f"the file is {size / 2**20:.0f} MB; files over {MAX_FILE_BYTES // 2**20} MB are not imported",
        )


def decode_bytes(data: bytes, path: str) -> DecodedText:
    """Decode, normalise newlines and NFC; refuse what is not text."""
    if not data.strip():
        raise ImportFailure(path, "the file is empty")
    _refuse_oversized(len(data), path)
    decoded = _decode(data, path)
    decoded.text = normalise_text(decoded.text)
    if not decoded.text.strip():
        raise ImportFailure(path, "the file holds no text")
    return decoded


def normalise_text(text: str) -> str:
    """CRLF and lone CR to LF, NFC, and no stray BOM or NUL characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "").replace("\x00", "")
    return nfc(text)


def _decode(data: bytes, path: str) -> DecodedText:
    utf8_bom = data.startswith(codecs.BOM_UTF8)
    if not utf8_bom:
        decoded = _decode_bom(data) or _utf16_without_bom(data)
        if decoded is not None:
            return decoded
    salvaged: list[ImportWarning] = []
    if has_binary(data):  # a mostly-text file keeps its text; the binary lines are named
        kept = text_lines(data[len(codecs.BOM_UTF8) :] if utf8_bom else data)
        if kept is None:
            raise ImportFailure(path, "this is a binary file, not text (an image, PDF or archive?)")
        data, salvaged = (codecs.BOM_UTF8 + kept[0] if utf8_bom else kept[0]), kept[1]
    decoded = _decode_bom(data) if utf8_bom else _decode_text(data)
    assert decoded is not None  # a UTF-8 BOM always decodes (with replacements if need be)
    decoded.warnings[:0] = salvaged
    return decoded


def _decode_bom(data: bytes) -> DecodedText | None:
    """A file that starts with a byte order mark, in the encoding it names."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError as error:
                # Zoom writes a BOM; one damaged byte must not lose the whole chat log.
                line = data.count(b"\n", 0, error.start) + 1
                warning = ImportWarning(
                    f"some bytes are not valid {encoding}; they are shown as \ufffd", line
                )
                return DecodedText(data.decode(encoding, errors="replace"), encoding, [warning])
    return None


def _decode_text(data: bytes) -> DecodedText:
    """UTF-8, else CP949, else UTF-8 with replacement characters (or a guessed encoding)."""
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    for encoding in _LEGACY_ENCODINGS:
        try:
            return DecodedText(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    text = data.decode("utf-8", errors="replace")
    # A UTF-8 file with some damaged bytes stays UTF-8 (its intact multibyte
    # characters outnumber the damage): guessing another encoding for it would
    # turn every Hangul syllable into mojibake.
    damaged = text.count("\ufffd")
    intact = sum(1 for char in text if ord(char) > 127) - damaged
    if intact < damaged:
        guessed = _guess_encoding(data)
        if guessed is not None:
            return guessed
    line = data.count(b"\n", 0, first_bad) + 1
    warning = ImportWarning("some bytes are not valid UTF-8 or CP949; they are shown as \ufffd", line)
    return DecodedText(text, "utf-8 (with replacements)", [warning])


def _utf16_without_bom(data: bytes) -> DecodedText | None:
    """UTF-16 with no BOM: its ASCII characters put a NUL in every other byte, all on one side."""
    head = data[:8192]
    head = head[: len(head) - len(head) % 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if even + odd < len(head) // 8 or min(even, odd) > (even + odd) // 20:
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if len(text) - len(text.translate(dict.fromkeys(CONTROL_BYTES))) > len(text) // 20:
        return None
    return DecodedText(text, encoding)


def _guess_encoding(data: bytes) -> DecodedText | None:
    """Ask charset-normalizer for the rarer encodings (Shift-JIS, Latin-1, …)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None or best.encoding in ("utf_8", "cp949", "euc_kr"):
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    warning = ImportWarning(f"the file is not UTF-8; read it as {best.encoding}")
    return DecodedText(text, best.encoding, [warning])
