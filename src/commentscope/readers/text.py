"""Plain-text dumps of saved pages (`.txt`, `.md`): one file, one page, parsed by the text grammar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from commentscope.model import Document
from commentscope.parse import parse_page
from commentscope.sources import read_page


class TextReader:
    """The fallback reader: anything not sniffed as markup or a table is read as a text dump."""

    name = "text"
    suffixes = frozenset({".txt", ".text", ".md"})

    def sniff(self, path: Path, head: bytes) -> bool:
        return True

    def read(self, path: Path) -> Iterator[Document]:
        yield parse_page(read_page(path))
