"""CPU of what happens to a chunk's result after the map step: the worker's CSV text of its
rows, and the driver's unpickling and merging.

Usage: python benchmarks/bench_chunk_results.py DIR [COPIES]   (a folder of pages, e.g. make_corpus.py's)

Maps every chunk of DIR once, then times (best of 5) the streamed tables' CSV text by
`engine.csv_rows.csv_block` and by `writers.csv_block` (and checks they are the same text), and
the driver's loop over COPIES copies of the pickled results (default 10: a corpus COPIES times
DIR's size), unpickling each and merging its reducers, with the collector's first threshold at
Python's 700 and at the engine's `DRIVER_GC_ALLOCATIONS`. Times per comment. (This process has
the models loaded, which a driver has not: the collector's cost at 700 is higher here than in a
real driver; `run()`'s own CPU in a real --jobs 2 run is in docs/benchmarks.md.)
"""

from __future__ import annotations

import gc
import importlib
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any


def _tables(pages: list[Any]) -> list[list[Any]]:
    return [[page.document for page in pages], [row for page in pages for row in page.comments],
            [row for page in pages for row in page.mentions], [row for page in pages for row in page.questions]]


def _best(fn: Callable[[], Any], repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main(folder: str, copies: int = 10) -> int:
    run = importlib.import_module("commentscope.engine.run")
    csv_rows = importlib.import_module("commentscope.engine.csv_rows")
    writers = importlib.import_module("commentscope.writers")
    results = [run.map_chunk(task) for task in run.tasks([folder], run.Settings(), streamed="rows")]
    comments = sum(result.comments for result in results)
    tables = [table for result in results for table in _tables(result.pages)]
    if any(csv_rows.csv_block(rows) != writers.csv_block(rows) for rows in tables):
        print("csv_rows.csv_block differs from writers.csv_block")
        return 1
    print(f"{comments:,} comments in {len(results)} chunks")
    print("| step | CPU us per comment |")
    print("| --- | ---: |")
    for label, block in (("CSV text: `writers.csv_block`", writers.csv_block),
                         ("CSV text: `engine.csv_rows.csv_block`", csv_rows.csv_block)):
        cpu = _best(lambda block=block: [block(rows) for rows in tables])
        print(f"| {label} | {cpu / comments * 1e6:.1f} |")
    bare = [run.ChunkResult(r.number, [replace(page, comments=[], questions=[], mentions=[]) for page in r.pages],
                            r.reducers, r.comments, run._csv_blocks(r.pages)) for r in results]  # as a worker sends it
    blobs = [pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL) for result in bare] * copies
    del bare
    old = gc.get_threshold()
    for threshold in (700, run.DRIVER_GC_ALLOCATIONS):
        gc.collect()
        gc.set_threshold(threshold, *old[1:])
        start = time.process_time()
        total = run.Reducers()
        for blob in blobs:
            total.merge(pickle.loads(blob).reducers)
        cpu = time.process_time() - start
        gc.set_threshold(*old)
        del total
        per_comment = cpu / (comments * copies) * 1e6
        print(f"| driver: unpickle and merge, collector threshold {threshold:,} | {per_comment:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "seeds", int(sys.argv[2]) if len(sys.argv) > 2 else 10))
