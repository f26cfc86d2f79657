"""Bytes to text for page files: size limits, gzip, encodings, and refusing what is not text.

The readers in `commentscope.readers` call this; the text parser never opens files.
"""

from __future__ import annotations

import gzip
import re
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
    decoded = decode_bytes(read_bytes(path), source)
    text, encoding = decoded.text, decoded.encoding
    warnings = list(decoded.warnings)
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


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding used, and what was mended on the way."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
MIN_UTF8_SHARE = 0.5  # below this share of valid UTF-8 among non-ASCII units, the file is not UTF-8
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that `surrogateescape` could not decode


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Bytes to (text, encoding) by the one decoding policy of `decode_bytes` (its warnings dropped)."""
    decoded = decode_bytes(data, source)
    return decoded.text, decoded.encoding


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Bytes to text by one policy for every reader.

    A byte-order mark decides (UTF-32, UTF-16, UTF-8); a malformed UTF-16/32 file is refused with the
    byte offset. Without a mark: UTF-8, with stray invalid bytes replaced by U+FFFD and a warning
    naming the first offset; cp1252 (else latin-1) only when most non-ASCII units are not UTF-8.
    Empty and binary files are refused.
    """
    if not data.strip():
        raise UnreadableInputError(source, "empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_marked(data, len(bom), encoding, source)
    if b"\x00" in data[:8192]:
        raise UnreadableInputError(source, "binary file (NUL bytes), not a text page")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", "surrogateescape")
    invalid = [m.start() for m in _ESCAPED.finditer(escaped)]
    valid = sum(1 for ch in escaped if ord(ch) > 127) - len(invalid)
    if valid >= MIN_UTF8_SHARE * (valid + len(invalid)):
        offset = len(escaped[: invalid[0]].encode("utf-8", "surrogateescape"))
        line = data.count(b"\n", 0, offset) + 1
        warning = (f"{source}: {len(invalid)} invalid UTF-8 byte{'s' if len(invalid) > 1 else ''} "
                   f"replaced with U+FFFD (first at byte offset {offset}, line {line})")
        return Decoded(data.decode("utf-8", "replace"), "utf-8", (warning,))
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise UnreadableInputError(source, "binary file (control characters), not a text page")
        return Decoded(text, encoding, (f"{source}: not UTF-8, decoded as {encoding}",))
    raise UnreadableInputError(source, "cannot decode as UTF-8, cp1252 or latin-1")  # pragma: no cover


def _decode_marked(data: bytes, skip: int, encoding: str, source: str) -> Decoded:
    """Text after a byte-order mark, strictly: a malformed file is one error naming the byte."""
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        name = encoding.rsplit("-", 1)[0].upper()
        raise UnreadableInputError(
            source, f"malformed {name} (byte-order mark says {encoding}): {exc.reason} at byte {skip + exc.start}"
        ) from exc
    if not text.strip():
        raise UnreadableInputError(source, "empty file")
    return Decoded(text, encoding.removesuffix("-le").removesuffix("-be"))


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > len(sample) * 0.05
