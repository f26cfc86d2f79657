"""analyze(): parse pages and run the analyzers page by page on the engine; tables in memory or
streamed to a folder."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

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
from commentscope.engine.run import _matcher
from commentscope.results import Analysis


@dataclass(frozen=True)
class RunOptions:
    """How to run: taxonomy and staff (what to compute), and where (`engine`, `jobs`, `scheduler`)."""

    topics: Path | None = None
    replace_topics: bool = False
    staff: tuple[str, ...] = ()
    jobs: int | None = 1  # None: all cores
    engine: str = "local"  # "local" or "dask"
    scheduler: str | None = None  # a dask.distributed scheduler address (None: a LocalCluster)

    @property
    def settings(self) -> Settings:
        return Settings(self.topics, self.replace_topics, self.staff)


def analyze(
    paths: Iterable[str | Path],
    *,
    topics: Path | None = None,
    replace_topics: bool = False,
    staff: Sequence[str] = (),
    jobs: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Analysis:
    """Parse and analyse every page under `paths`; every table as a pandas DataFrame.

    For corpora too big for memory, `analyze_to_folder` streams the tables to files instead.
    """
    options = RunOptions(topics, replace_topics, tuple(staff), jobs, engine, scheduler)
    sink = FrameSink()
    reducers = run(paths, options.settings, runner_for(engine, jobs, scheduler), sink)
    return sink.analysis(finish(reducers, _matcher(topics, replace_topics)))


def analyze_results(
    results: Iterable[PageResult],
    *,
    topics: Path | None = None,
    replace_topics: bool = False,
    staff: Sequence[str] = (),
) -> Analysis:
    """Analyse already-parsed pages in this process (failed pages stay in the documents table)."""
    settings = Settings(topics, replace_topics, tuple(staff))
    matcher = _matcher(topics, replace_topics)
    reducers, sink = Reducers(), FrameSink()
    for result in results:
        page = map_page(result, matcher, settings)
        reducers.add(page)
        sink.page(page)
    return sink.analysis(finish(reducers, matcher))


@dataclass(frozen=True)
class FolderRun:
    """What `analyze_to_folder` did: the files it wrote and the pages and comments it read."""

    written: list[Path]
    pages: int
    failed: int
    comments: int


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

    Memory stays flat in the number of pages beyond the corpus tables' own state.
    """
    progress = progress or Progress()
    out_dir.mkdir(parents=True, exist_ok=True)
    sink = FolderSink(out_dir) if tables else _NoTables()
    runner = runner_for(options.engine, options.jobs, options.scheduler)
    reducers = run(paths, options.settings, runner, sink, progress)
    done = finish(reducers, _matcher(options.topics, options.replace_topics))
    written = sink.finish(done)
    if charts:
        from commentscope.writers import write_charts_and_report

        written += write_charts_and_report(done.digest, out_dir)
    return FolderRun(written, progress.pages, progress.failed, progress.comments)


class _NoTables:
    """A sink that writes no table (the `report` command)."""

    def page(self, page: object) -> None:
        pass

    def finish(self, done: object) -> list[Path]:
        return []
