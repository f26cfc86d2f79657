"""The driver's memory after the map step: what the merged reducers hold, and the peak of
question grouping and FAQ gaps, step by step, at the dump's scale or N times it.

Usage:
  python benchmarks/driver_memory.py RED.pkl [--copies N] [--keep-others] [--mapped-from BYTES]
      RED.pkl: merged reducers pickled by `benchmarks/driver_split.py --dump=RED.pkl analyze ...`
      (COMMENTSCOPE_SIMILARITY=lexical, as for the run, for the published figures).

Prints the bytes each reducer holds (its pickle, and the RSS growth of unpickling it), then
runs `QuestionsReducer.finish` with every step's peak RSS (VmHWM, reset as each step starts, so
nested steps are measured each on its own and their outer step keeps the highest) and RSS after
it, and the pairs grouping found. With --copies N the questions reducer holds N copies of the
dump's questions (each copy's doc_ids made distinct, merged as chunks merge) to stand for a
corpus N times larger; --keep-others keeps the other reducers loaded (as the driver does) while
the questions finish. Run each configuration in a fresh process.
"""

from __future__ import annotations

import argparse
import importlib
import pickle
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _benchutil import peak_mib, reset_peak, rss_mib

from commentscope.engine.malloc import MAPPED_FROM, map_large_blocks
from commentscope.engine.reducers import QuestionsReducer

STEPS = (  # (module, attribute path): each call's peak and the RSS after it
    ("commentscope.engine.reducers", "QuestionsReducer.finish"),
    ("commentscope.engine.reducers", "group_in_order"),
    ("commentscope.analysis.question_similarity", "LexicalSimilarity.pairs"),
    ("commentscope.analysis.question_similarity", "term_pair_ends"),
    ("commentscope.analysis.question_similarity", "pair_probabilities"),
    ("commentscope.analysis.linkage", "_set_apart"),
    ("commentscope.analysis.linkage", "_Graph.build"),  # not sparse_average_linkage: a wrapper
    ("commentscope.analysis.linkage", "_Graph.cluster"),  # would hold the pairs it frees
    ("commentscope.analysis.faq", "_rank_labels"),
    ("commentscope.engine.reducers", "faq_gaps"),
)


@dataclass
class Step:
    name: str
    before: float
    peak: float = 0.0
    after: float = 0.0
    cpu: float = 0.0
    depth: int = 0
    started: int = 0


_open: list[Step] = []
_done: list[Step] = []
_pairs: list[int] = []


def _raise_open_peaks() -> None:
    """Carry the peak since the last reset into every step still running."""
    high = peak_mib()
    for step in _open:
        step.peak = max(step.peak, high)


def _wrap(module: str, name: str) -> None:
    owner: Any = importlib.import_module(module)
    *path, last = name.split(".")
    for part in path:
        owner = getattr(owner, part)
    function = getattr(owner, last, None)
    if function is None:
        return

    def measured(*args: Any, **kwargs: Any) -> Any:
        if name == "_Graph.build":  # (count, [left, right, similarity], apart, ...): emptied by the call
            _pairs.append(len(args[1][0]) + (len(args[2][0]) if args[2] is not None else 0))
        _raise_open_peaks()
        step = Step(name, rss_mib(), depth=len(_open), started=len(_open) + len(_done))
        _open.append(step)
        reset_peak()
        cpu = time.process_time()
        try:
            result = function(*args, **kwargs)
        finally:
            _raise_open_peaks()
            _open.pop()
            step.cpu, step.after = time.process_time() - cpu, rss_mib()
            _done.append(step)
        return result

    setattr(owner, last, measured)


def replicated(questions: QuestionsReducer, copies: int) -> QuestionsReducer:
    """`copies` copies of the questions, one after the other, each copy's doc_ids and terms
    suffixed (`_suffix_documents`)."""
    total = pickle.loads(pickle.dumps(questions, protocol=5))
    blob = pickle.dumps(questions, protocol=5)
    for k in range(1, copies):
        copy = pickle.loads(blob)
        _suffix_documents(copy, f"~{k}")
        total.merge(copy)
    return total


def _suffix_documents(questions: QuestionsReducer, suffix: str) -> None:
    """Make the copy's doc_ids and terms its own: two copies of a comment are two comments, and
    two copies of a question share no term (as N disjoint corpora: N times the candidate pairs,
    where copies of the same words would enter grouping once, as `Pairs.copy_of`)."""
    renamed: dict[str, str] = {}
    doc_ids = questions.columns["doc_id"]
    doc_ids[:] = [renamed.setdefault(str(d), f"{d}{suffix}") for d in doc_ids]
    terms = questions.terms
    terms.vocabulary = {f"{term}{suffix}": k for term, k in terms.vocabulary.items()}  # ids kept


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dump", type=Path)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--keep-others", action="store_true")
    parser.add_argument("--mapped-from", type=int, default=MAPPED_FROM,
                        help="bytes: map_large_blocks(N) before finish, as the run does (0: glibc's default)")
    parser.add_argument("--sizes", action="store_true", help="print each reducer's pickled size (RSS grows by it)")
    args = parser.parse_args(argv)
    base = rss_mib()
    reducers = pickle.loads(args.dump.read_bytes())
    print(f"RSS {base:.0f} MiB before loading, {rss_mib():.0f} MiB with every reducer", file=sys.stderr)
    if args.sizes:
        for name, reducer in vars(reducers).items():
            print(f"  {name:10s} pickled {len(pickle.dumps(reducer, protocol=5)) / 2**20:7.1f} MiB", file=sys.stderr)
    questions = reducers.questions if args.copies == 1 else replicated(reducers.questions, args.copies)
    others: object = reducers if args.keep_others else None
    del reducers
    count = len(questions.terms)
    print(f"{count} questions; RSS {rss_mib():.0f} MiB with the questions"
          f"{' and the other reducers' if others else ''}", file=sys.stderr)
    for module, name in STEPS:
        _wrap(module, name)
    if args.mapped_from:  # as `analyze_to_folder` does before the corpus tables
        map_large_blocks(args.mapped_from)
    questions.finish()
    for step in sorted(_done, key=lambda s: s.started):
        print(f"  {'  ' * step.depth}{step.name:{32 - 2 * step.depth}s} CPU {step.cpu:6.2f} s  "
              f"RSS before {step.before:6.0f}  peak {step.peak:6.0f}  after {step.after:6.0f} MiB", file=sys.stderr)
    if _pairs:
        print(f"pairs to linkage: {_pairs[0]}; {count} questions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
