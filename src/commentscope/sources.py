"""Bytes to text for page files: size limits, gzip, encodings, and refusing what is not text.

The readers in `commentscope.readers` call this; the text parser never opens files.
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from pathlib import Path

from commentscope.errors import UnreadableInputError

MAX_FILE_BYTES = 50 * 1024 * 1024
LONG_LINE_CHARS = 100_000
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


@dataclass(frozen=True)
class Page:
    """The text of one input page and how it was read."""

    doc_id: str
    source: str
    text: str
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()


def read_page(path: Path) -> Page:
    """Read one page file; raise UnreadableInputError with a one-line reason when it is not one."""
    source = str(path)
    if not path.is_file():
        raise UnreadableInputError(source, "not a file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UnreadableInputError(
            source, f"file is {size / 1024 / 1024:.1f} MB, over the {MAX_FILE_BYTES // 1024 // 1024} MB limit"
        )
    data = read_bytes(path)
    text, encoding = decode(data, source)
    warnings = []
    if encoding != "utf-8":
        warnings.append(f"{source}: not UTF-8, decoded as {encoding}")
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > LONG_LINE_CHARS:
        warnings.append(f"{source}: has a line of {longest:,} characters (is it really a page?)")
    return Page(page_stem(path), source, text, encoding, tuple(warnings))


GZIP_MAGIC = b"\x1f\x8b"


def page_stem(path: Path) -> str:
    """The file name without its suffixes of kind (`page.html.gz` -> `page`)."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return Path(name).stem


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes, gunzipped when gzipped; more than `limit` bytes (after gunzip) is refused."""
    source = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableInputError(source, f"cannot read: {exc.strerror or exc}") from exc
    if data.startswith(GZIP_MAGIC):
        try:
            with gzip.open(path, "rb") as handle:
                data = handle.read(limit + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise UnreadableInputError(source, f"broken gzip file: {exc}") from exc
    if len(data) > limit:
        raise UnreadableInputError(source, f"file is over the {limit // 1024 // 1024} MB limit")
    return data


def read_head(path: Path, size: int = 8192) -> bytes:
    """The first `size` bytes of a file, gunzipped when gzipped (for sniffing its format)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(size)
        if head.startswith(GZIP_MAGIC):
            with gzip.open(path, "rb") as handle:
                head = handle.read(size)
    except (OSError, EOFError, zlib.error):
        return b""  # the reader chosen will report the problem when it reads the file
    return head


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Bytes to text: UTF-8 (with or without BOM), else cp1252, else latin-1; binary is refused."""
    if not data.strip():
        raise UnreadableInputError(source, "empty file")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableInputError(source, "binary file (NUL bytes), not a text page")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise UnreadableInputError(source, "binary file (control characters), not a text page")
        return text, encoding
    raise UnreadableInputError(source, "cannot decode as UTF-8, cp1252 or latin-1")  # pragma: no cover


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > len(sample) * 0.05
