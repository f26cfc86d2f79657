"""The reader interface: a file in, the documents it holds out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from commentscope.model import Document


class DocumentReader(Protocol):
    """Reads one kind of input file into the documents (pages, posts, threads) it holds."""

    name: str  # what `documents.csv` calls the format: text, html, wxr, disqus, table
    suffixes: frozenset[str]  # file suffixes a folder search picks up for this reader

    def sniff(self, path: Path, head: bytes) -> bool:
        """Whether the file is of this reader's kind, judging by its first bytes (and name)."""
        ...

    def read(self, path: Path) -> Iterator[Document]:
        """The documents in the file; raise UnreadableInputError (one line) when it is not one."""
        ...
