"""Readers: find page files and turn their bytes into text, refusing what is not a page.

Every reader yields `Page` objects; the parser never opens files. New formats (saved HTML,
WordPress WXR, Disqus XML) plug in as another `PageReader` in `READERS`; one file may hold
many pages (an export), so `read` yields.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

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
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInputError(source, f"cannot read: {exc.strerror or exc}") from exc
    text, encoding = decode(data, source)
    warnings = []
    if encoding != "utf-8":
        warnings.append(f"{source}: not UTF-8, decoded as {encoding}")
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > LONG_LINE_CHARS:
        warnings.append(f"{source}: has a line of {longest:,} characters (is it really a page?)")
    return Page(path.stem, source, text, encoding, tuple(warnings))


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


class PageReader(Protocol):
    """Reads one input file into the pages it holds."""

    @property
    def suffixes(self) -> frozenset[str]: ...

    def read(self, path: Path) -> Iterator[Page]: ...


class TextReader:
    """Plain-text dumps of saved pages: one file, one page."""

    suffixes = frozenset({".txt", ".text", ".md"})

    def read(self, path: Path) -> Iterator[Page]:
        yield read_page(path)


READERS: tuple[PageReader, ...] = (TextReader(),)
PAGE_SUFFIXES = frozenset().union(*(reader.suffixes for reader in READERS))


def reader_for(path: Path) -> PageReader:
    """The reader for a file's suffix; plain text for anything else named explicitly."""
    return next((r for r in READERS if path.suffix.lower() in r.suffixes), READERS[0])


def page_paths(paths: Iterable[Path]) -> Iterator[Path | UnreadableInputError]:
    """Expand files and folders into page files, sorted; problems come back as errors, in place."""
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
            if not found:
                suffixes = ", ".join(sorted(PAGE_SUFFIXES))
                yield UnreadableInputError(str(path), f"folder has no pages ({suffixes})")
            yield from found
        elif path.exists():
            yield path
        else:
            yield UnreadableInputError(str(path), "no such file or folder")
