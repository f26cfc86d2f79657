"""CPU of the topic and suggested-theme stages alone, on the comments of a folder of pages.

Usage: python benchmarks/bench_topics.py DIR [--repeat N] [--profile]
       (DIR: a folder of pages, e.g. /tmp/commentscope-bench/100x100-c680551f82)

The pages are parsed once; then, `--repeat` times (default 3), every comment goes through the
three calls the map step makes for topics and themes: `TopicMatcher.read`, then
`TopicMatcher.match_sentences` on its sentences when it has topics (as `analyze_document`
does), then `tally_page` per page with those reads. The first pass fills the caches and is not
counted; the figures are each stage's CPU (process_time) per comment, median and range of the
other passes. A digest of what the stages returned is printed, so that two checkouts
(PYTHONPATH=.../src) can be compared for the same results as well as for speed. Steadier than
bench_map_stages.py on a busy machine: no sentiment, parsing or reducers in between.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import importlib
import pstats
import statistics
import time
from collections.abc import Callable
from typing import Any, TypeVar

from commentscope.analysis.sentences import split_sentences
from commentscope.analysis.themes import tally_page
from commentscope.analysis.topics import TextTerms, TopicMatcher, load_taxonomy
from commentscope.model import Document

T = TypeVar("T")
STAGES = ("read", "match_sentences", "tally_page")


def load_pages(folder: str) -> list[Document]:
    """The parsed pages of `folder`, in the map step's order."""
    engine_run = importlib.import_module("commentscope.engine.run")  # the package exports a `run` function
    docs = []
    for task in engine_run.tasks([folder], engine_run.Settings()):
        for item in task.items:
            docs.extend(result.document for result in engine_run.read_item(item) if result.document is not None)
    return docs


def _timed(clock: dict[str, float], stage: str, fn: Callable[..., T], *args: Any) -> T:
    """fn(*args), its CPU time added to clock[stage]."""
    start = time.process_time()
    try:
        return fn(*args)
    finally:
        clock[stage] += time.process_time() - start


def one_pass(docs: list[Document], matcher: TopicMatcher) -> tuple[dict[str, float], str]:
    """Each stage's CPU seconds over every comment, and a digest of the stages' results."""
    clock = dict.fromkeys(STAGES, 0.0)
    digest = hashlib.blake2b(digest_size=12)
    for doc in docs:
        reads: list[TextTerms] = []
        for comment in doc.comments:
            read = _timed(clock, "read", matcher.read, comment.text)
            reads.append(read)
            # each hit as its span and what its entry names (topic, rank, term): not the entry's
            # internal fields, which two checkouts may keep differently
            digest.update(repr((read.topics, [(h.start, h.end, h.entry[:3]) for h in read.hits])).encode())
            if read.topics:
                found = _timed(clock, "match_sentences", matcher.match_sentences, split_sentences(comment.text), read)
                digest.update(repr(found).encode())
        records = [(doc.doc_id, c.comment_id, c.text) for c in doc.comments]
        authors = [c.author or "" for c in doc.comments]
        tally = _timed(clock, "tally_page", tally_page, records, matcher, doc.article, authors, reads)
        digest.update(repr((sorted(tally.themes.items()), tally.words_seen, sorted(tally.names),
                            sorted(tally.article.exact.items()))).encode())
    return clock, digest.hexdigest()


def _summary(label: str, figures: list[float]) -> str:
    low, middle, high = min(figures), statistics.median(figures), max(figures)
    return f"{label:16} median {middle:.4f} ms per comment (range {low:.4f}-{high:.4f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes after the warm-up pass")
    parser.add_argument("--profile", action="store_true", help="cProfile one timed pass instead")
    args = parser.parse_args()
    docs = load_pages(args.folder)
    comments = sum(len(doc.comments) for doc in docs)
    matcher = TopicMatcher(load_taxonomy())
    _, digest = one_pass(docs, matcher)  # warm-up: caches, tagger, lexicon
    gc.collect()
    gc.freeze()
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(one_pass, docs, matcher)
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
        return 0
    passes = [one_pass(docs, matcher) for _ in range(args.repeat)]
    assert all(d == digest for _, d in passes), "a pass gave other results than the warm-up pass"
    print(f"{comments:,} comments in {len(docs)} pages; results digest {digest}")
    for stage in STAGES:
        print(_summary(stage, [clock[stage] / comments * 1e3 for clock, _ in passes]))
    print(_summary("all three", [sum(clock.values()) / comments * 1e3 for clock, _ in passes]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
