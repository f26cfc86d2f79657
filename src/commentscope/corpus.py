"""Parse many pages, one at a time and independently, keeping failures beside successes."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from commentscope.errors import UnreadableInputError
from commentscope.model import Document
from commentscope.parse import parse_page
from commentscope.sources import page_paths, reader_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageResult:
    """The outcome for one input: a parsed document, or the reason it could not be read."""

    source: str
    doc_id: str
    document: Document | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.document is not None


def parse_pages(paths: Iterable[str | Path]) -> Iterator[PageResult]:
    """Parse every page under `paths` (files or folders); unreadable inputs yield an error result."""
    for item in page_paths(Path(p) for p in paths):
        if isinstance(item, UnreadableInputError):
            yield PageResult(item.source, Path(item.source).stem, error=item.problem)
            continue
        try:
            for page in reader_for(item).read(item):
                yield PageResult(page.source, page.doc_id, document=parse_page(page))
        except UnreadableInputError as exc:
            yield PageResult(exc.source, item.stem, error=exc.problem)


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Parsed documents only; pages that cannot be read are logged and skipped."""
    for result in parse_pages(paths):
        if result.document is None:
            log.warning("%s: %s", result.source, result.error)
        else:
            yield result.document
