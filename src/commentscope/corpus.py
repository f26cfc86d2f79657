"""Parse many pages, one at a time and independently, keeping failures beside successes.

Every input gets its own `doc_id`, stable from run to run: the path relative to the argument it
was found under, without the file's suffixes (`a/page.txt` -> `a/page`; a file argument -> its
stem). Inputs that would share one get a short hash of their path (`page~1a2b3c`), so two inputs
are never merged.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from commentscope.errors import UnreadableInputError
from commentscope.model import Document
from commentscope.readers import READERS, DocumentReader, InputFile, ReadOptions, input_files, make_readers, reader_for
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


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def plan_inputs(
    paths: Iterable[str | Path], exclude: Sequence[str] = ()
) -> list[tuple[InputFile, str] | UnreadableInputError]:
    """Every input file with its doc_id (errors in place); a file named twice is read once."""
    kept: list[InputFile | UnreadableInputError] = []
    seen: set[Path] = set()
    for item in input_files((Path(p) for p in paths), exclude):
        if isinstance(item, InputFile):
            key = item.path.resolve()
            if key in seen:
                log.warning("%s: given more than once; read once", item.path)
                continue
            seen.add(key)
        kept.append(item)
    bases = {f.path: base_doc_id(f) for f in kept if isinstance(f, InputFile)}
    counts: dict[str, int] = {}
    for base in bases.values():
        counts[base] = counts.get(base, 0) + 1
    return [(item, _unique(item.path, bases[item.path], counts)) if isinstance(item, InputFile) else item
            for item in kept]


def _unique(path: Path, base: str, counts: dict[str, int]) -> str:
    return base if counts[base] == 1 else f"{base}~{short_hash(path.as_posix())}"


def base_doc_id(item: InputFile) -> str:
    """The relative path without the file's suffixes of kind (`a/page.html.gz` -> `a/page`)."""
    folders = item.relative.parent.parts
    return "/".join((*folders, page_stem(Path(item.relative.name))))


def parse_pages(
    paths: Iterable[str | Path], exclude: Sequence[str] = (), options: ReadOptions | None = None
) -> Iterator[PageResult]:
    """Read every document under `paths` (files or folders); unreadable inputs yield an error result.

    One file may hold many documents (an export); when it fails part way, the documents read so
    far are kept and the failure follows them. `options` (table columns, articles, what exports
    keep) go to every reader.
    """
    readers = make_readers(options) if options else READERS
    emitted: set[str] = set()
    for planned in plan_inputs(paths, exclude):
        if isinstance(planned, UnreadableInputError):
            yield PageResult(planned.source, page_stem(Path(planned.source)), error=planned.problem)
            continue
        for n, result in enumerate(read_input(*planned, readers)):
            if result.document is not None and result.doc_id in emitted:  # a reader named two alike
                unique = f"{result.doc_id}~{short_hash(f'{result.source}#{n}')}"
                result = PageResult(result.source, unique, rebase_doc_id(result.document, result.doc_id, unique))
            emitted.add(result.doc_id)
            yield result


def read_input(
    item: InputFile, doc_id: str, readers: tuple[DocumentReader, ...] = READERS
) -> Iterator[PageResult]:
    """The documents of one planned input (see `plan_inputs`), ids rebased onto `doc_id`; a
    failure ends the file's results. The map step of a parallel run calls this per input."""
    try:
        for document in reader_for(item.path, readers).read(item.path):
            document = rebase_doc_id(document, page_stem(item.path), doc_id)
            yield PageResult(document.source, document.doc_id, document=document)
    except UnreadableInputError as exc:
        yield PageResult(exc.source, doc_id, error=exc.problem)


def rebase_doc_id(document: Document, old: str, new: str) -> Document:
    """The document with the `old` prefix of its doc_id (and of its comment ids) replaced by `new`."""
    if old == new or not document.doc_id.startswith(old):
        return document
    doc_id = new + document.doc_id[len(old):]
    prefix = document.doc_id

    def moved(comment_id: str | None) -> str | None:
        return doc_id + comment_id[len(prefix):] if comment_id and comment_id.startswith(prefix) else comment_id

    comments = tuple(replace(c, comment_id=moved(c.comment_id) or c.comment_id, parent_id=moved(c.parent_id))
                     for c in document.comments)
    lines = tuple(line if line.comment_id is None else replace(line, comment_id=moved(line.comment_id))
                  for line in document.lines)
    return replace(document, doc_id=doc_id, comments=comments, lines=lines)


def iter_documents(
    paths: Iterable[str | Path], exclude: Sequence[str] = (), options: ReadOptions | None = None
) -> Iterator[Document]:
    """Parsed documents only; pages that cannot be read are logged and skipped."""
    for result in parse_pages(paths, exclude, options):
        if result.document is None:
            log.warning("%s: %s", result.source, result.error)
        else:
            yield result.document
