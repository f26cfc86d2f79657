"""The streaming engine: a map step per page, mergeable reducers per corpus table, and runners
(one process, a local process pool, a Dask cluster) that all give the same output."""

from commentscope.engine.page import PageOutput, Settings, map_page
from commentscope.engine.run import Progress, Reducers, run
from commentscope.engine.runners import DaskRunner, PoolRunner, SerialRunner, default_jobs, runner_for
from commentscope.engine.sinks import FolderSink, FrameSink, finish

__all__ = [
    "DaskRunner", "FolderSink", "FrameSink", "PageOutput", "PoolRunner", "Progress", "Reducers",
    "SerialRunner", "Settings", "default_jobs", "finish", "map_page", "run", "runner_for",
]
