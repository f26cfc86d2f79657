"""Runners: who maps the chunks. One process, a local process pool, or a Dask cluster.

Each yields the chunk results in task order and keeps at most a few tasks in flight per worker,
so that neither the submitted tasks nor the finished results pile up in memory.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from commentscope.engine.run import ChunkResult, Task
from commentscope.errors import CommentscopeError

IN_FLIGHT_PER_WORKER = 3


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class SerialRunner:
    """Maps every chunk in this process."""

    def map(self, fn: Callable[[Task], ChunkResult], tasks: Iterable[Task]) -> Iterator[ChunkResult]:
        return map(fn, tasks)


def _ordered(submit: Callable[[Task], Any], tasks: Iterable[Task], window: int) -> Iterator[Any]:
    """Submit tasks keeping `window` in flight; yield each future in task order."""
    pending: deque[Any] = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= window:
            yield pending.popleft()
    yield from pending


@dataclass
class PoolRunner:
    """Maps chunks in `jobs` worker processes on this machine."""

    jobs: int

    def map(self, fn: Callable[[Task], ChunkResult], tasks: Iterable[Task]) -> Iterator[ChunkResult]:
        with ProcessPoolExecutor(max_workers=self.jobs) as pool:
            futures: Iterator[Future[ChunkResult]] = _ordered(
                lambda task: pool.submit(fn, task), tasks, self.jobs * IN_FLIGHT_PER_WORKER)
            for future in futures:
                yield future.result()


@dataclass
class DaskRunner:
    """Maps chunks on a `dask.distributed` cluster: the scheduler at `address`, or a LocalCluster
    of `jobs` single-threaded workers. Every worker must see the input paths."""

    address: str | None = None
    jobs: int | None = None

    def map(self, fn: Callable[[Task], ChunkResult], tasks: Iterable[Task]) -> Iterator[ChunkResult]:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise CommentscopeError(
                "--engine dask needs dask.distributed; install it with "
                "`pip install 'commentscope[dask]'`"
            ) from exc
        if self.address:
            with Client(self.address) as client:  # type: ignore[no-untyped-call]
                yield from self._run(client, fn, tasks)
            return
        workers = self.jobs or default_jobs()
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,  # type: ignore[no-untyped-call]
                               dashboard_address=None, silence_logs=logging.ERROR)
        with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
            yield from self._run(client, fn, tasks)

    @staticmethod
    def _run(client: Any, fn: Callable[[Task], ChunkResult], tasks: Iterable[Task]) -> Iterator[ChunkResult]:
        window = max(1, len(client.scheduler_info()["workers"])) * IN_FLIGHT_PER_WORKER
        for future in _ordered(lambda task: client.submit(fn, task, pure=False), tasks, window):
            yield future.result()
            future.release()


def runner_for(engine: str = "local", jobs: int | None = None, scheduler: str | None = None) -> Any:
    """The runner for `--engine` and `--jobs` (None: all cores)."""
    if engine == "dask":
        return DaskRunner(scheduler, jobs)
    if engine != "local":
        raise CommentscopeError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    jobs = jobs or default_jobs()
    return SerialRunner() if jobs == 1 else PoolRunner(jobs)
