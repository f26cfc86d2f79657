"""Where the map step's CPU goes, without a profiler's overhead: each stage's inclusive CPU time.

Usage: python benchmarks/bench_map_stages.py DIR [--worker-gc]   (a folder of pages, e.g. make_corpus.py's)

--worker-gc: after the warm-up chunk, `gc.collect(); gc.freeze()` as the engine's worker processes
do (`engine.run._freeze_loaded_objects`): full collections then walk only what later pages
allocate, and one collection more or less in the few timed chunks no longer moves a stage by
a tenth of a millisecond per comment.

The stages (functions the map step calls, per page or per comment) are wrapped with a CPU-time
accumulator; the first chunk of pages warms the caches and is not counted. cProfile charges
every Python call and so overstates pure-Python code; this charges only the wrappers' few calls.
`analyze_document` holds the per-comment rows below it; the others do not overlap.
"""

from __future__ import annotations

import gc
import importlib
import inspect
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

ACCUMULATED: Counter[str] = Counter()

DOCUMENT = ("detect_staff", "relevance_scores", "off_topic_flags", "promotional_flags", "split_sentences",
            "score_sentences", "split_inline_answer", "find_questions", "comment_sentiment", "_mentions",
            "_question_row", "AnswerFinder", "ArticleCoverage")
PAGE = ("analyze_document", "tally_page", "page_figures", "comment_row")
RUN = ("read_item",)  # reading and parsing one input (a page file): outside analyze_document
METHODS = (("commentscope.analysis.answer_links", "AnswerFinder", "status"),
           ("commentscope.analysis.addressee", "Addressees", "asked_of"),
           ("commentscope.analysis.topics", "TopicMatcher", "read"),
           ("commentscope.analysis.topics", "TopicMatcher", "match_sentences"),
           ("commentscope.engine.run", "Reducers", "add"))


def _timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    if inspect.isgeneratorfunction(fn):
        return _timed_generator(label, fn)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            ACCUMULATED[label] += time.process_time() - start
    return wrapper


def _timed_generator(label: str, fn: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """A generator's time is spent while it is iterated: each step is timed, not the call."""
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        items = fn(*args, **kwargs)
        while True:
            start = time.process_time()
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                ACCUMULATED[label] += time.process_time() - start
            yield item
    return wrapper


def instrument() -> None:
    for module_name, names in (("commentscope.analysis.document", DOCUMENT), ("commentscope.engine.page", PAGE),
                               ("commentscope.engine.run", RUN)):
        module = importlib.import_module(module_name)
        for name in names:
            setattr(module, name, _timed(name, getattr(module, name)))
    for module_name, class_name, method in METHODS:
        cls = getattr(importlib.import_module(module_name), class_name)
        setattr(cls, method, _timed(f"{class_name}.{method}", getattr(cls, method)))


def main(folder: str, worker_gc: bool = False) -> int:
    instrument()
    run = importlib.import_module("commentscope.engine.run")
    tasks = list(run.tasks([folder], run.Settings()))
    if len(tasks) > 1:
        run.map_chunk(tasks.pop(0))  # warm-up: loads the models and fills the caches
    if worker_gc:
        gc.collect()
        gc.freeze()
    ACCUMULATED.clear()
    start = time.process_time()
    comments = sum(run.map_chunk(task).comments for task in tasks)
    total = time.process_time() - start
    print(f"{comments:,} comments (after a warm-up chunk of 8 pages, if there are more), map step {total:.2f} s CPU, "
          f"{total / max(comments, 1) * 1e3:.3f} ms per comment")
    print("| stage | CPU s | ms per comment | share of the map step |")
    print("| --- | ---: | ---: | ---: |")
    for label, cpu in ACCUMULATED.most_common():
        if cpu >= 0.005:
            print(f"| `{label}` | {cpu:.2f} | {cpu / max(comments, 1) * 1e3:.3f} | {cpu / total:.1%} |")
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--worker-gc"]
    sys.exit(main(arguments[0] if arguments else "seeds", worker_gc="--worker-gc" in sys.argv[1:]))
