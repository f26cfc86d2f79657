"""analyze(): parse pages and run the analyzers page by page on the engine; tables in memory or
streamed to a folder."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from commentscope.analysis.answers import unmatched_staff
from commentscope.analysis.sentiment import SentimentAnalyzer
from commentscope.analysis.trends import DEFAULT_PERIOD, check_period
from commentscope.corpus import PageResult
from commentscope.engine import (
    FolderSink,
    FrameSink,
    Progress,
    Reducers,
    Settings,
    finish,
    map_page,
    run,
    runner_for,
)
from commentscope.engine.malloc import map_large_blocks
from commentscope.engine.run import Streamed, _matcher
from commentscope.readers.options import ReadOptions
from commentscope.results import Analysis


@dataclass(frozen=True)
class RunOptions:
    """How to run: what to read (`exclude`, `read_options`), what to compute (taxonomy, staff,
    `sentiment`, the trends' `period`: week, month or quarter), and where (`engine`, `jobs`,
    `scheduler`)."""

    topics: Path | None = None
    replace_topics: bool = False
    staff: tuple[str, ...] = ()
    jobs: int | None = 1  # None: all cores
    engine: str = "local"  # "local" or "dask"
    scheduler: str | None = None  # a dask.distributed scheduler address (None: a LocalCluster)
    read_options: ReadOptions | None = None
    sentiment: SentimentAnalyzer | None = None  # None: the packaged model
    exclude: tuple[str, ...] = ()  # globs of files and folders to skip
    period: str = DEFAULT_PERIOD  # trends.csv's periods: "week", "month" or "quarter"

    @property
    def settings(self) -> Settings:
        return Settings(self.topics, self.replace_topics, self.staff, self.read_options, self.sentiment)


def analyze(
    paths: Iterable[str | Path],
    *,
    topics: Path | None = None,
    replace_topics: bool = False,
    staff: Sequence[str] = (),
    jobs: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
    read_options: ReadOptions | None = None,
    sentiment: SentimentAnalyzer | None = None,
    period: str = DEFAULT_PERIOD,
) -> Analysis:
    """Parse and analyse every page under `paths`; every table as a pandas DataFrame.

    `read_options` names table columns, supplies articles for tables and says what exports keep;
    `sentiment` is any `SentimentAnalyzer` to label comments (default: the packaged model; with
    `jobs` > 1 or Dask it must be picklable); `period` ("week", "month", "quarter") groups the
    `trends` table. For corpora too big for memory, `analyze_to_folder` streams the tables to
    files instead.
    """
    check_period(period)
    options = RunOptions(topics, replace_topics, tuple(staff), jobs, engine, scheduler, read_options, sentiment)
    sink = FrameSink()
    reducers = run(paths, options.settings, runner_for(engine, jobs, scheduler), sink)
    return sink.analysis(finish(reducers, _matcher(topics, replace_topics), period))


def analyze_results(
    results: Iterable[PageResult],
    *,
    topics: Path | None = None,
    replace_topics: bool = False,
    staff: Sequence[str] = (),
    sentiment: SentimentAnalyzer | None = None,
    period: str = DEFAULT_PERIOD,
) -> Analysis:
    """Analyse already-parsed pages in this process (failed pages stay in the documents table)."""
    check_period(period)
    settings = Settings(topics, replace_topics, tuple(staff), sentiment=sentiment)
    matcher = _matcher(topics, replace_topics)
    reducers, sink = Reducers(), FrameSink()
    for result in results:
        page = map_page(result, matcher, settings)
        reducers.add(page)
        sink.page(page)
    return sink.analysis(finish(reducers, matcher, period))


@dataclass(frozen=True)
class FolderRun:
    """What `analyze_to_folder` did: the files it wrote, the pages and comments it read, and
    the names given as staff that match no commenter (a typo, most likely)."""

    written: list[Path]
    pages: int
    failed: int
    comments: int
    unmatched_staff: tuple[str, ...] = ()


def analyze_to_folder(
    paths: Iterable[str | Path],
    out_dir: Path,
    options: RunOptions = RunOptions(),
    *,
    tables: bool = True,
    charts: bool = True,
    progress: Progress | None = None,
) -> FolderRun:
    """Analyse every page under `paths`, streaming the tables to `out_dir` as CSV files (unless
    `tables` is False) and then writing the charts and report.html (unless `charts` is False).

    `out_dir` is written in place: the command line gives it an `OutputRun`'s staging folder.
    Memory stays flat in the number of pages beyond the corpus tables' own state. Before the
    corpus tables are finished, glibc's malloc is set to map blocks of 1 MiB or more on their own
    for the rest of the process (`engine.malloc.map_large_blocks`): a lower peak for some CPU.
    """
    check_period(options.period)
    progress = progress or Progress()
    out_dir.mkdir(parents=True, exist_ok=True)
    sink = FolderSink(out_dir) if tables else _NoTables()
    runner = runner_for(options.engine, options.jobs, options.scheduler)
    try:
        reducers = run(paths, options.settings, runner, sink, progress, options.exclude)
    except BaseException:
        sink.close()  # the streamed files stay behind, closed, for the caller to discard
        raise
    map_large_blocks()  # freed arrays go back to the system: the peak of question grouping (engine/malloc.py)
    done = finish(reducers, _matcher(options.topics, options.replace_topics), options.period)
    written = sink.finish(done)
    if charts:
        from commentscope.writers import write_charts_and_report

        written += write_charts_and_report(done.digest, out_dir)
    unmatched = unmatched_staff(options.staff, (row.author for row in done.commenters))
    return FolderRun(written, progress.pages, progress.failed, progress.comments, tuple(unmatched))


class _NoTables:
    """A sink that writes no table (the `report` command): the workers send no rows."""

    streamed: ClassVar[Streamed] = "none"

    def chunk(self, result: object) -> None:
        pass

    def close(self) -> None:
        pass

    def finish(self, done: object) -> list[Path]:
        return []
