"""The engine: input files in fixed chunks, mapped by any runner, reduced in input order.

Every run splits the input files into chunks of `CHUNK_FILES` in input order, whatever the
number of workers. A worker parses a chunk's pages, maps each page to its rows and adds it to a
fresh set of reducers; the driver takes the chunk results in input order, hands the rows to a
sink (files, or DataFrames), and merges each chunk's reducers into the running ones. The
same chunks merged in the same order give the same bytes with one process, a pool, or Dask.

A sink that writes files takes the streamed tables as CSV text that the worker formatted
(`Streamed`): the driver, one process for all workers, only appends it, and no row objects
cross between processes.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Literal, Protocol

from threadpoolctl import threadpool_limits

from commentscope.analysis.topics import TopicMatcher, load_taxonomy
from commentscope.corpus import PageResult, plan_inputs, read_input, rebase_doc_id, short_hash
from commentscope.engine.csv_rows import csv_block
from commentscope.engine.digest import DigestReducer
from commentscope.engine.page import PageOutput, Settings, map_page
from commentscope.engine.reducers import (
    CommentersReducer,
    QuestionsReducer,
    ThemesReducer,
    TopicSummaryReducer,
)
from commentscope.engine.sites import SitesReducer
from commentscope.engine.trends import TrendsReducer
from commentscope.errors import UnreadableInputError
from commentscope.readers import READERS, DocumentReader, InputFile, make_readers
from commentscope.sources import page_stem

log = logging.getLogger(__name__)

CHUNK_FILES = 8  # input files per task: fixed, so that results never depend on the workers
DRIVER_GC_ALLOCATIONS = 20_000  # the collector's first threshold during a run (`_fewer_collections`)
Item = tuple[InputFile, str] | PageResult  # an input file and its doc_id, or an input known to be unreadable
# What a worker sends of the streamed tables: the pages' rows, their CSV text, or nothing
Streamed = Literal["rows", "csv", "none"]


@dataclass(frozen=True)
class Task:
    number: int
    items: tuple[Item, ...]
    settings: Settings
    streamed: Streamed = "rows"


@dataclass
class Reducers:
    """Every corpus reducer, added to and merged together."""

    topics: TopicSummaryReducer = field(default_factory=TopicSummaryReducer)
    commenters: CommentersReducer = field(default_factory=CommentersReducer)
    questions: QuestionsReducer = field(default_factory=QuestionsReducer)
    themes: ThemesReducer = field(default_factory=ThemesReducer)
    digest: DigestReducer = field(default_factory=DigestReducer)
    trends: TrendsReducer = field(default_factory=TrendsReducer)
    sites: SitesReducer = field(default_factory=SitesReducer)

    def add(self, page: PageOutput) -> None:
        for reducer in (self.topics, self.commenters, self.questions, self.themes, self.digest, self.trends,
                        self.sites):
            reducer.add(page)

    def merge(self, later: Reducers) -> None:
        self.topics.merge(later.topics)
        self.commenters.merge(later.commenters)
        self.questions.merge(later.questions)
        self.themes.merge(later.themes)
        self.digest.merge(later.digest)
        self.trends.merge(later.trends)
        self.sites.merge(later.sites)


@dataclass
class ChunkResult:
    """One chunk's pages and its reducers. With `Task.streamed` "rows" the pages keep their rows;
    otherwise only their documents row and warnings, and `csv` holds each streamed table's CSV
    text (no header) and row count, or nothing ("none")."""

    number: int
    pages: list[PageOutput]
    reducers: Reducers
    comments: int = 0
    csv: dict[str, tuple[str, int]] = field(default_factory=dict)


@cache
def _matcher(topics: Path | None, replace_topics: bool) -> TopicMatcher:
    return TopicMatcher(load_taxonomy(topics, replace=replace_topics))


def read_item(item: Item, readers: tuple[DocumentReader, ...] = READERS) -> Iterator[PageResult]:
    """The pages of one input file; an unreadable file (or the rest of it) as an error result.

    Two documents of one file that a reader named alike get apart as in `corpus.parse_pages`."""
    if isinstance(item, PageResult):
        yield item
        return
    emitted: set[str] = set()
    for n, result in enumerate(read_input(*item, readers)):
        if result.document is not None and result.doc_id in emitted:
            unique = f"{result.doc_id}~{short_hash(f'{result.source}#{n}')}"
            result = PageResult(result.source, unique, rebase_doc_id(result.document, result.doc_id, unique))
        emitted.add(result.doc_id)
        yield result


def map_chunk(task: Task) -> ChunkResult:
    """The map step over one chunk: parse, analyse and reduce its pages (runs in a worker).

    numpy's BLAS runs on one thread meanwhile: a page's matrices are small, the workers already
    use every core, and BLAS threads waiting for work burnt up to 9 times the CPU of the
    products themselves (relevance on a busy 2-core machine)."""
    settings = task.settings
    matcher = _matcher(settings.topics, settings.replace_topics)
    readers = make_readers(settings.read_options) if settings.read_options else READERS
    reducers = Reducers()
    pages = []
    with threadpool_limits(limits=1, user_api="blas"):
        for item in task.items:
            for result in read_item(item, readers):
                page = map_page(result, matcher, settings)
                reducers.add(page)
                pages.append(replace(page, themes=None, staff={}))
    if multiprocessing.parent_process() is not None:  # a worker process, not the caller's
        _freeze_loaded_objects()
    comments = sum(len(page.comments) for page in pages)
    if task.streamed == "rows":
        return ChunkResult(task.number, pages, reducers, comments)
    csv = _csv_blocks(pages) if task.streamed == "csv" else {}
    bare = [replace(page, comments=[], questions=[], mentions=[]) for page in pages]
    return ChunkResult(task.number, bare, reducers, comments, csv)


@cache
def _freeze_loaded_objects() -> None:
    """Once per worker process, after its first chunk has loaded the models and filled the
    caches: move every live object to the collector's permanent generation. Full collections then
    walk only what later chunks allocate; they had walked the models' objects each time, 11-14 %
    of the map step's CPU. Never in the caller's own process (a serial run, a notebook): frozen
    objects that later become garbage cycles would never be collected there."""
    gc.collect()
    gc.freeze()


def _csv_blocks(pages: list[PageOutput]) -> dict[str, tuple[str, int]]:
    """Each streamed table's rows of `pages` as CSV text, and their number."""
    tables: dict[str, list[object]] = {
        "documents": [page.document for page in pages],
        "comments": [row for page in pages for row in page.comments],
        "topic_mentions": [row for page in pages for row in page.mentions],
        "questions": [row for page in pages for row in page.questions],
    }
    return {name: (csv_block(rows), len(rows)) for name, rows in tables.items()}


def tasks(paths: Iterable[str | Path], settings: Settings, exclude: Sequence[str] = (),
          streamed: Streamed = "rows") -> Iterator[Task]:
    """The input files under `paths` (see `corpus.plan_inputs`), in order, in chunks of CHUNK_FILES."""
    items = iter([
        PageResult(item.source, page_stem(Path(item.source)), error=item.problem)
        if isinstance(item, UnreadableInputError) else item
        for item in plan_inputs(paths, exclude)
    ])
    number = 0
    while chunk := tuple(islice(items, CHUNK_FILES)):
        yield Task(number, chunk, settings, streamed)
        number += 1


class Runner(Protocol):
    """Runs `map_chunk` over tasks and yields the results in task order."""

    def map(self, fn: Callable[[Task], ChunkResult], tasks: Iterable[Task]) -> Iterator[ChunkResult]: ...


class PageSink(Protocol):
    """Where the streamed rows go, chunk by chunk, in input order, in the form it names."""

    @property
    def streamed(self) -> Streamed: ...

    def chunk(self, result: ChunkResult) -> None: ...


@dataclass
class Progress:
    """Pages and comments done so far; `update` is called after each chunk."""

    pages: int = 0
    failed: int = 0
    comments: int = 0
    callback: Callable[[Progress, ChunkResult], None] | None = None

    def update(self, result: ChunkResult) -> None:
        self.pages += len(result.pages)
        self.failed += sum(page.document.page.status != "ok" for page in result.pages)
        self.comments += result.comments
        if self.callback is not None:
            self.callback(self, result)


def run(paths: Iterable[str | Path], settings: Settings, runner: Runner, sink: PageSink,
        progress: Progress | None = None, exclude: Sequence[str] = ()) -> Reducers:
    """Map every page, stream its rows to `sink`, and return the merged reducers."""
    progress = progress or Progress()
    total = Reducers()
    with _fewer_collections():
        for result in runner.map(map_chunk, tasks(paths, settings, exclude, sink.streamed)):
            sink.chunk(result)
            total.merge(result.reducers)
            progress.update(result)
    return total


@contextmanager
def _fewer_collections(allocations: int = DRIVER_GC_ALLOCATIONS) -> Iterator[None]:
    """The collector's youngest generation collected after `allocations` new objects, not 700,
    while the run lasts (the old thresholds are put back after it). Unpickling the chunk results
    allocates millions of objects that live on (the merged reducers' rows); at 700 the collector
    ran so often that its full collections, walking the growing reducers, took half of the
    driver's CPU. Garbage is still collected, a little later."""
    old = gc.get_threshold()
    if old[0] == 0:  # automatic collection is off: leave it so
        yield
        return
    gc.set_threshold(max(old[0], allocations), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
