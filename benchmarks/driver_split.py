"""`commentscope analyze` in this process: the driver's CPU apart from its workers', step by step.

Usage (this script's options first, then the CLI's own arguments):
  python benchmarks/driver_split.py [--prof=FILE] [--dump=FILE] analyze DIR --out OUT -q --jobs 2
  python benchmarks/driver_split.py --finish=FILE      # time QuestionsReducer.finish on a dump

Prints on stderr each driver step's wall and CPU seconds and the driver's resident memory after
it and at its highest during it (sampled every 20 ms): the map step as the driver sees it (`run`:
unpickling chunk results, appending the workers' CSV text, merging reducers), question grouping
and FAQ gaps, the other reducers' `finish`, the corpus tables, charts and report; then the
driver's and the workers' CPU (RUSAGE_SELF and RUSAGE_CHILDREN). --prof=FILE writes a cProfile of
the driver; --dump=FILE pickles the merged reducers after the map step, which --finish=FILE
reads to time the questions' grouping and FAQ gaps again without mapping.
"""

from __future__ import annotations

import cProfile
import importlib
import pickle
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

_peak = [0]
Step = tuple[str, float, float, int, int]


def _rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
    return 0


def _sample() -> None:
    while True:
        _peak[0] = max(_peak[0], _rss())
        time.sleep(0.02)


def _wrap(module: str, name: str, steps: list[Step], dump: str | None) -> Callable[..., Any]:
    owner: Any = importlib.import_module(module)
    *path, last = name.split(".")
    for part in path:
        owner = getattr(owner, part)
    function = getattr(owner, last)

    def timed(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        _peak[0] = _rss()
        result = function(*args, **kwargs)
        steps.append((name, time.perf_counter() - wall, time.process_time() - cpu, _rss(), _peak[0]))
        if name == "run" and dump:
            Path(dump).write_bytes(pickle.dumps(result, protocol=5))
        return result

    setattr(owner, last, timed)
    return timed


def _finish(dump: str) -> None:
    reducers = pickle.loads(Path(dump).read_bytes())
    questions = reducers.questions
    del reducers
    _peak[0] = before = _rss()
    cpu = time.process_time()
    table, gaps = questions.finish()
    print(f"{len(table)} questions, {table['group_id'].nunique()} groups, {len(gaps)} gaps: "
          f"{time.process_time() - cpu:.2f} s CPU, {before} MiB before, peak {_peak[0]} MiB", file=sys.stderr)


def main(argv: list[str]) -> int:
    options = {}
    while argv and argv[0].startswith("--") and "=" in argv[0]:
        key, value = argv.pop(0)[2:].split("=", 1)
        options[key] = value
    threading.Thread(target=_sample, daemon=True).start()
    if "finish" in options:
        _finish(options["finish"])
        return 0
    from commentscope.cli import main as cli

    steps: list[Step] = []
    pipeline, reducers = importlib.import_module("commentscope.pipeline"), importlib.import_module(
        "commentscope.engine.reducers")
    pipeline.run = _wrap("commentscope.pipeline", "run", steps, options.get("dump"))
    reducers.group_in_order = _wrap("commentscope.engine.reducers", "group_in_order", steps, None)
    reducers.faq_gaps = _wrap("commentscope.engine.reducers", "faq_gaps", steps, None)
    for name in ("QuestionsReducer.finish", "CommentersReducer.finish", "ThemesReducer.finish"):
        _wrap("commentscope.engine.reducers", name, steps, None)
    pipeline.finish = _wrap("commentscope.pipeline", "finish", steps, None)
    _wrap("commentscope.engine.sinks", "FolderSink.finish", steps, None)
    _wrap("commentscope.writers", "write_charts_and_report", steps, None)
    profile = cProfile.Profile() if "prof" in options else None
    wall = time.perf_counter()
    if profile:
        profile.enable()
    code = cli(argv)
    if profile:
        profile.disable()
        profile.dump_stats(options["prof"])
    wall = time.perf_counter() - wall
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    for name, step_wall, cpu, after, peak in steps:
        print(f"  {name:26s} wall {step_wall:7.2f} s  CPU {cpu:7.2f} s  RSS after {after:5d} MiB  "
              f"peak during {peak:5d} MiB", file=sys.stderr)
    print(f"wall {wall:.1f} s; CPU: driver {me.ru_utime + me.ru_stime:.1f} s, workers "
          f"{workers.ru_utime + workers.ru_stime:.1f} s; driver peak RSS {me.ru_maxrss // 1024} MiB", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
