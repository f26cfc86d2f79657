"""Parse many pages, one at a time and independently, keeping failures beside successes."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from commentscope.errors import UnreadableInputError
from commentscope.model import Document
from commentscope.readers import READERS, ReadOptions, input_paths, make_readers, reader_for
from commentscope.sources import page_stem

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


def parse_pages(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[PageResult]:
    """Read every document under `paths` (files or folders); unreadable inputs yield an error result.

    One file may hold many documents (an export); when it fails part way, the documents read so
    far are kept and the failure follows them. `options` (table columns, articles, what exports
    keep) go to every reader.
    """
    readers = make_readers(options) if options else READERS
    for item in input_paths(Path(p) for p in paths):
        if isinstance(item, UnreadableInputError):
            yield PageResult(item.source, page_stem(Path(item.source)), error=item.problem)
            continue
        try:
            for document in reader_for(item, readers).read(item):
                yield PageResult(document.source, document.doc_id, document=document)
        except UnreadableInputError as exc:
            yield PageResult(exc.source, page_stem(item), error=exc.problem)


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Parsed documents only; pages that cannot be read are logged and skipped."""
    for result in parse_pages(paths):
        if result.document is None:
            log.warning("%s: %s", result.source, result.error)
        else:
            yield result.document
