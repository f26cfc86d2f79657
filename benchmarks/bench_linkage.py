"""Question grouping's average linkage, the previous implementation against the current one.

Usage:
  python benchmarks/bench_linkage.py --reducers RED.pkl --save PAIRS.npz
      the pairs `group_questions` hands to linkage, from merged reducers pickled by
      `benchmarks/driver_split.py --dump=RED.pkl analyze DIR ...` (set COMMENTSCOPE_SIMILARITY
      as for the run: lexical for the published figures)
  python benchmarks/bench_linkage.py PAIRS.npz [--copies N] [--skip-previous]
      CPU seconds and peak memory of `sparse_average_linkage` on those pairs (with --copies N:
      N disjoint copies of them, item ids offset, to stand for a corpus N times larger), each
      implementation in a fresh process, one after the other; and whether the labels agree.

Memory: the growth of peak RSS over RSS before the call, and the peak of Python-traced
allocations during a second call (tracemalloc, numpy's included; for the previous implementation
only with --trace-previous: tracing slows its dicts and tuples about tenfold). Bytes per pair
divide each by the pairs. The input pairs (24 bytes a pair) are the caller's and not counted.
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import json
import os
import pickle
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
from _benchutil import peak_mib, reset_peak, rss_mib

from commentscope.analysis.linkage import sparse_average_linkage
from commentscope.analysis.neighbours import Pairs

MIB = 1024 * 1024


def previous_linkage(count: int, pairs: Pairs, threshold: float) -> list[int]:
    """`sparse_average_linkage` as of 0adf0e8: per-cluster dicts of sums and a heap of tuples."""
    if threshold > 1.0:
        return list(range(count))
    sizes = [1] * count
    if pairs.copy_of is not None:
        sizes = np.bincount(pairs.copy_of, minlength=count).tolist()
    component = list(range(count))
    strong = pairs.similarity >= threshold
    for a, b in zip(pairs.left[strong].tolist(), pairs.right[strong].tolist(), strict=True):
        ra, rb = _root(component, a), _root(component, b)
        if ra != rb:
            component[max(ra, rb)] = min(ra, rb)
    sums: list[dict[int, float]] = [{} for _ in range(count)]
    for a, b, s in zip(pairs.left.tolist(), pairs.right.tolist(), pairs.similarity.tolist(), strict=True):
        if a != b and _root(component, a) == _root(component, b):
            weighted = s * sizes[a] * sizes[b]
            sums[a][b] = sums[a].get(b, 0.0) + weighted
            sums[b][a] = sums[b].get(a, 0.0) + weighted
    parent = list(range(count))
    heap = [(-mean, a, b) for a in range(count) for b, s in sums[a].items()
            if a < b and (mean := s / (sizes[a] * sizes[b])) >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if parent[a] != a or parent[b] != b or b not in sums[a]:
            continue
        mean = sums[a][b] / (sizes[a] * sizes[b])
        if mean != -negative:
            if mean < -negative and mean >= threshold:
                heapq.heappush(heap, (-mean, a, b))
            continue
        keep, gone = min(a, b), max(a, b)
        parent[gone] = keep
        merged = sums[keep]
        del merged[gone]
        sizes[keep] += sizes[gone]
        for other, s in sums[gone].items():
            if other != keep:
                total = merged[other] = merged.get(other, 0.0) + s
                del sums[other][gone]
                sums[other][keep] = total
                mean = total / (sizes[keep] * sizes[other])
                if mean >= threshold:
                    heapq.heappush(heap, (-mean, min(keep, other), max(keep, other)))
        sums[gone] = {}
    if pairs.copy_of is not None:
        firsts = pairs.copy_of.tolist()
        return [_root(parent, firsts[k]) for k in range(count)]
    return [_root(parent, k) for k in range(count)]


def _root(parent: list[int], item: int) -> int:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


IMPLEMENTATIONS = {"previous": previous_linkage, "current": sparse_average_linkage}


def save_pairs(reducers_path: Path, out: Path) -> None:
    """The pairs and threshold `group_questions` gives linkage for the questions of a run."""
    from commentscope.analysis import faq, linkage
    from commentscope.analysis.question_similarity import default_similarity

    with reducers_path.open("rb") as handle:
        reducers = pickle.load(handle)  # a file this project's own benchmark wrote
    state = reducers.questions
    rows, order = state.grouping_rows()
    texts = [state.context[k] for k in order]
    measure = default_similarity()
    found = measure.pairs(texts)
    extra_left, extra_right = linkage._set_apart(found, faq._comment_numbers(rows.take(order)))  # as linkage does
    pairs = Pairs(np.concatenate([found.left, extra_left]), np.concatenate([found.right, extra_right]),
                  np.concatenate([found.similarity, np.full(len(extra_left), linkage.APART)]), found.copy_of)
    copies = pairs.copy_of if pairs.copy_of is not None else np.zeros(0, np.int64)
    np.savez(out, count=len(texts), threshold=measure.threshold, left=pairs.left, right=pairs.right,
             similarity=pairs.similarity, copy_of=copies, has_copies=pairs.copy_of is not None)
    print(f"{len(texts):,} questions, {len(pairs):,} pairs, threshold {measure.threshold} ({type(measure).__name__})"
          f" -> {out}")


def load_pairs(path: Path, copies: int) -> tuple[int, Pairs, float]:
    """The saved pairs, or `copies` disjoint copies of them (ids offset by the item count)."""
    saved = np.load(path)
    count = int(saved["count"])
    offsets = np.repeat(np.arange(copies, dtype=np.int64) * count, len(saved["left"]))
    copy_of = None
    if bool(saved["has_copies"]):
        copy_of = np.tile(saved["copy_of"], copies) + np.repeat(np.arange(copies, dtype=np.int64) * count, count)
    pairs = Pairs(np.tile(saved["left"], copies) + offsets, np.tile(saved["right"], copies) + offsets,
                  np.tile(saved["similarity"], copies), copy_of)
    return count * copies, pairs, float(saved["threshold"])


def measure(name: str, path: Path, copies: int, trace: bool) -> dict[str, float | str | int]:
    """One implementation on the pairs: CPU, peak RSS growth, then traced peak on a second call."""
    count, pairs, threshold = load_pairs(path, copies)
    linkage = IMPLEMENTATIONS[name]
    before = rss_mib()
    exact_peak = reset_peak()
    started = time.process_time()
    labels = linkage(count, pairs, threshold)
    cpu = time.process_time() - started
    rss_growth = peak_mib() - before if exact_peak else float("nan")
    digest = hashlib.sha256(np.asarray(labels, np.int64).tobytes()).hexdigest()[:16]
    del labels
    traced = float("nan")
    if trace:
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        linkage(count, pairs, threshold)
        traced = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
    per_pair = MIB / max(1, len(pairs))
    return {"name": name, "items": count, "pairs": len(pairs), "cpu_s": round(cpu, 2),
            "rss_mib": round(rss_growth, 1), "rss_per_pair": round(rss_growth * per_pair, 1),
            "traced_mib": round(traced / MIB, 1), "traced_per_pair": round(traced / MIB * per_pair, 1),
            "labels": digest}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pairs", type=Path, nargs="?", help="an .npz written by --save")
    parser.add_argument("--reducers", type=Path, help="merged reducers pickled by driver_split.py --dump")
    parser.add_argument("--save", type=Path, help="where --reducers writes the pairs")
    parser.add_argument("--copies", type=int, default=1, help="disjoint copies of the pairs (default 1)")
    parser.add_argument("--skip-previous", action="store_true", help="time the current implementation only")
    parser.add_argument("--trace-previous", action="store_true", help="trace the previous one's memory too (slow)")
    parser.add_argument("--measure", choices=sorted(IMPLEMENTATIONS), help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reducers is not None:
        if args.save is None:
            parser.error("--reducers needs --save")
        save_pairs(args.reducers, args.save)
        return
    if args.pairs is None:
        parser.error("give PAIRS.npz (or --reducers and --save)")
    if args.measure is not None:
        print(json.dumps(measure(args.measure, args.pairs, args.copies, args.trace)))
        return
    names = ["current"] if args.skip_previous else ["previous", "current"]
    results = []
    for name in names:  # one process each, one after the other: fresh memory, one core
        command = [sys.executable, __file__, str(args.pairs), "--copies", str(args.copies), "--measure", name]
        if name == "current" or args.trace_previous:
            command.append("--trace")
        found = subprocess.run(command, check=True, capture_output=True, text=True, env=os.environ).stdout
        results.append(json.loads(found.splitlines()[-1]))
    first = results[0]
    print(f"{first['items']:,} items, {first['pairs']:,} pairs ({args.copies} cop{'y' if args.copies == 1 else 'ies'})")
    print(f"{'':10} {'CPU s':>7} {'peak RSS growth MiB':>20} {'(bytes/pair)':>12} {'traced peak MiB':>16}"
          f" {'(bytes/pair)':>12}  labels")
    for row in results:
        print(f"{row['name']:10} {row['cpu_s']:>7} {row['rss_mib']:>20} {row['rss_per_pair']:>12}"
              f" {row['traced_mib']:>16} {row['traced_per_pair']:>12}  {row['labels']}")
    if len(results) == 2:
        same = results[0]["labels"] == results[1]["labels"]
        print("labels identical" if same else "LABELS DIFFER")
        if not same:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
