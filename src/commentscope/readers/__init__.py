"""Readers: find input files, tell their format from their content, and turn each into Documents.

Every reader yields `Document`s with their thread already built: the text reader through the
text grammar, structured sources (HTML, exports, tables) through `Thread.from_records`. The
registry is ordered most specific first; the text reader is the fallback.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from commentscope.errors import UnreadableInputError
from commentscope.readers.base import DocumentReader
from commentscope.readers.html import HtmlReader
from commentscope.readers.text import TextReader
from commentscope.sources import read_head

__all__ = ["READERS", "SUFFIXES", "DocumentReader", "input_paths", "reader_for"]

READERS: tuple[DocumentReader, ...] = (HtmlReader(), TextReader())
SUFFIXES = frozenset().union(*(reader.suffixes for reader in READERS))


def kind_suffix(path: Path) -> str:
    """The suffix that says what a file is, looking through `.gz` (`page.html.gz` -> `.html`)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def reader_for(path: Path) -> DocumentReader:
    """The first reader that recognises the file's content (the text reader when none does)."""
    head = read_head(path)
    return next((r for r in READERS if r.sniff(path, head)), READERS[-1])


def input_paths(paths: Iterable[Path]) -> Iterator[Path | UnreadableInputError]:
    """Expand files and folders into input files, sorted; problems come back as errors, in place."""
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and kind_suffix(p) in SUFFIXES)
            if not found:
                suffixes = ", ".join(sorted(SUFFIXES))
                yield UnreadableInputError(str(path), f"folder has no pages ({suffixes})")
            yield from found
        elif path.exists():
            yield path
        else:
            yield UnreadableInputError(str(path), "no such file or folder")
