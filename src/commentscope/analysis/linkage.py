"""Average-linkage clustering (UPGMA) over a sparse similarity graph.

Two clusters merge while the mean similarity over all pairs of their members is at least the
threshold; a pair that is not in the graph counts as similarity 0. So only the candidate pairs
an index found (`neighbours`) are ever held: memory O(items + pairs), and each merge costs the
two clusters' neighbour lists plus heap operations. Average linkage does not chain (single
linkage joins A and C through B); every member stays close to its group on average.

The pairs are held as flat numpy arrays (about 21 bytes a pair, some 45 at the peak of setting
them up) and the heap holds one bound per cluster rather than one entry per pair:
benchmarks/bench_linkage.py measures it against the previous dicts-and-heap version, which made
the very same merges.

`average_linkage` is the same clustering over a dense matrix, kept as the reference the sparse
version is tested against on small inputs.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from commentscope.analysis.neighbours import Pairs

Matrix = npt.NDArray[np.float64]
Ints = npt.NDArray[np.signedinteger[Any]]  # int32 when ids fit, else int64
Floats = npt.NDArray[np.float64]
Flags = npt.NDArray[np.bool_]
APART = -1e6  # the similarity of two items kept apart (`keep_apart`): no mean reaches a threshold
_CHUNK = 1 << 18  # edge entries evaluated at once when setting the first bounds
Bound = tuple[float, int, int, int, int]  # (-mean, smaller end, larger end, cluster, clock when set)


def sparse_average_linkage(
    count: int, pairs: Pairs, threshold: float, *, keep_apart: Ints | None = None,
    alone: npt.NDArray[np.bool_] | None = None,
) -> list[int]:
    """A cluster label per item (the cluster's smallest item) from sparse similarities.

    Each step merges the two clusters with the highest mean similarity; ties go to the pair with
    the smaller items. Copies (`Pairs.copy_of`) enter as their first item weighted by their
    number: the same merges as with every copy listed, since copies (similarity 1) merge first.

    `keep_apart`, a label per item: every two items with one label count as similarity `APART`
    (listed in `pairs` or not), so no cluster holding both reaches the threshold. The pairs'
    similarities are overwritten for them, in place. `alone`, a flag per item: its listed pairs
    count as `APART` too, so it joins no cluster (its copies aside).

    Memory: pass `pairs` with no other name for them (a call's result, as grouping does) and
    their arrays are freed as the graph is built from them (16 bytes a pair).
    """
    if threshold > 1.0:
        return list(range(count))  # no mean reaches it: copies stay apart too
    copy_of = pairs.copy_of
    sizes = np.ones(count, np.int64) if copy_of is None else np.bincount(copy_of, minlength=count).astype(np.int64)
    held = [pairs.left, pairs.right, pairs.similarity]
    apart = _set_apart(pairs, keep_apart) if keep_apart is not None else None
    if alone is not None and alone.any():  # (an English corpus: no pass over the pairs)
        pairs.similarity[alone[pairs.left] | alone[pairs.right]] = APART
    del pairs  # `held` is the arrays' last reference: the build lets each go once read
    roots = _roots(_Graph.build(count, held, apart, sizes, threshold).cluster())
    if copy_of is not None:
        roots = roots[copy_of]
    labels: list[int] = roots.tolist()
    return labels


def _set_apart(pairs: Pairs, label: Ints) -> tuple[Ints, Ints]:
    """Gives the pairs of two items with one label the similarity `APART` (in place), and
    returns every other such pair (left < right): label by label, each label's pairs by
    ascending items."""
    same = label[pairs.left] == label[pairs.right]
    pairs.similarity[same] = APART
    left, right = _pairs_within(label)
    listed = np.isin(_pair_key(left, right, len(label)), _pair_key(pairs.left[same], pairs.right[same], len(label)))
    return left[~listed], right[~listed]


def _pair_key(left: Ints, right: Ints, count: int) -> npt.NDArray[np.int64]:
    return np.minimum(left, right).astype(np.int64) * count + np.maximum(left, right)


def _pairs_within(label: Ints) -> tuple[Ints, Ints]:
    """Every two items with one label: label by label, in order of the labels, each label's
    pairs by ascending items."""
    left, right = [np.zeros(0, label.dtype)], [np.zeros(0, label.dtype)]
    order = np.argsort(label, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(label[order]) != 0, True])
    for at in np.flatnonzero(np.diff(starts) > 1).tolist():  # labels with two items or more
        items = np.sort(order[starts[at] : starts[at + 1]]).astype(label.dtype)
        a, b = np.triu_indices(len(items), k=1)
        left.append(items[a])
        right.append(items[b])
    return np.concatenate(left), np.concatenate(right)


@dataclass
class _Graph:
    """The clusters and one edge per two clusters with a pair between them, as flat arrays.

    An edge holds the sum of its member pairs' similarities times their weights (`sums`, -inf
    once it was added into another edge) and the sum of its two clusters' ids (`ends`: either
    end gives the other, as clusters merge). A cluster's edges are its `adjacency` array once it
    was merged into, else its slice of `incident`; both may hold dead edges to gone clusters.

    Each cluster has a bound on its best edge (`best_mean`, `best_other`), never below the true
    best, and exact unless the other end merged after it was set (`touched` against the clock in
    its heap entry). The heap holds every bound, so the first exact bound popped is the best
    merge of all, with ties to the smaller pair, as if every edge were in the heap (the previous
    version's heap of pairs, whose stale entries were most of its work). Inexact bounds popped
    before it are evaluated together, and pushed again.
    """

    threshold: float
    sizes: Ints
    ends: Ints
    sums: Floats
    alive: Flags
    start: Ints  # cluster -> its first entry in `incident` (count + 1)
    incident: Ints  # edge ids: each cluster's edges as the smaller end, then as the larger
    best_mean: Floats  # below the threshold when no edge reaches it
    best_other: Ints  # -1 when no edge reaches the threshold
    touched: list[int]  # the clock of the cluster's last merge
    live: list[Bound | None]  # the heap entry of the cluster's bound (the others are stale)
    slot: Ints  # scratch for a merge: neighbour -> its edge to the cluster merged into, else -1
    adjacency: dict[int, Ints] = field(default_factory=dict)
    clock: int = 0  # merges so far

    @classmethod
    def build(cls, count: int, held: list[Any], apart: tuple[Ints, Ints] | None, sizes: Ints,
              threshold: float) -> _Graph:
        """One edge per pair inside a component of strong pairs, duplicates summed in their order.

        `held` is [left, right, similarity] of the pairs, emptied: each array is let go once
        read. `apart` lists more pairs, of similarity `APART`, none of them in `held`."""
        similarity, right, left = held.pop(), held.pop(), held.pop()
        apart_low, apart_high = apart if apart is not None else (left[:0], right[:0])
        index = _index_type(count, len(left) + len(apart_low))
        low = np.minimum(left, right).astype(index, copy=False)
        high = np.maximum(left, right).astype(index, copy=False)
        del left, right
        # A merge needs one pair at or above the threshold between the two clusters (a mean is
        # never above its maximum), so clusters stay inside the components of those strong
        # pairs: pairs that join two components never matter. (`apart` pairs are never strong.)
        strong = similarity >= threshold
        component = _components(count, low[strong], high[strong])
        del strong
        kept, kept_apart = _inside(component, low, high), _inside(component, apart_low, apart_high)
        del component
        low = _compressed(kept, low, kept_apart, apart_low)  # one array at a time: each old one goes
        high = _compressed(kept, high, kept_apart, apart_high)
        similarity = _compressed(kept, similarity, kept_apart, np.full(len(apart_low), APART))
        del kept, kept_apart
        key = low.astype(np.int64)  # in place from here: each temporary is 8 bytes a pair
        del low
        key *= count
        key += high
        del high
        order = np.argsort(key, kind="stable")
        key.sort()
        sums = similarity[order].astype(np.float64, copy=False)  # float32 input: summed in doubles, as before
        del order, similarity
        low, high = np.empty(len(key), index), np.empty(len(key), index)
        np.floor_divide(key, count, out=low, casting="unsafe")
        np.remainder(key, count, out=high, casting="unsafe")
        for at in range(0, len(sums), _CHUNK):  # the weights, a chunk of pairs at a time
            chunk = slice(at, at + _CHUNK)
            sums[chunk] *= sizes[low[chunk]]
            sums[chunk] *= sizes[high[chunk]]
        first = np.ones(len(key), bool)
        first[1:] = key[1:] != key[:-1]
        del key
        if not first.all():  # the same pair twice: summed in input order, as listed
            summed = np.zeros(int(first.sum()))
            np.add.at(summed, np.cumsum(first) - 1, sums)
            sums, low, high = summed, low[first], high[first]
        del first
        start, incident = _incidence(count, low, high)
        ends = low + high
        del low, high
        return cls(
            threshold, sizes.copy(), ends, sums, np.ones(len(sums), bool), start, incident,
            np.full(count, np.nextafter(threshold, -np.inf)), np.full(count, -1, np.int64),
            [0] * count, [None] * count, np.full(count, -1, np.int64),
        )

    def edges(self, cluster: int) -> Ints:
        """The cluster's edges, some maybe dead."""
        found = self.adjacency.get(cluster)
        if found is None:
            return self.incident[self.start[cluster]:self.start[cluster + 1]]
        return found

    def cluster(self) -> Ints:
        """Merge until no bound reaches the threshold; each item's parent."""
        parent = np.arange(len(self.sizes), dtype=np.int64)
        heap: list[Bound] = []
        degree = np.diff(self.start)
        step = max(1, len(self.sizes) * _CHUNK // max(1, len(self.incident)))
        for first in range(0, len(self.sizes), step):  # every cluster's bound, a chunk of entries at a time
            last = min(first + step, len(self.sizes))
            some = np.flatnonzero(degree[first:last])
            heap.extend(self.settle(some + first, degree[first:last][some],
                                    self.incident[self.start[first]:self.start[last]]))
        heapq.heapify(heap)
        live, touched = self.live, self.touched
        unsure: list[int] = []  # clusters whose inexact bound was popped: evaluated together
        while heap or unsure:
            if heap:
                entry = heapq.heappop(heap)
                _, low, high, cluster, stamp = entry
                if live[cluster] is not entry:
                    continue  # a bound since replaced, or a cluster gone
                if touched[low + high - cluster] >= stamp:
                    unsure.append(cluster)
                    continue
                if not unsure:
                    parent[high] = low
                    for bound in self.merge(low, high):
                        heapq.heappush(heap, bound)
                    continue
                heapq.heappush(heap, entry)  # the bounds popped before it may have fallen below it
            adjacency, incident, start = self.adjacency, self.incident, self.start
            pieces = [adjacency.get(c, incident[start[c]:start[c + 1]]) for c in unsure]
            lengths = np.fromiter(map(len, pieces), np.int64, len(pieces))
            for bound in self.settle(np.array(unsure, np.int64), lengths, np.concatenate(pieces)):
                heapq.heappush(heap, bound)
            unsure.clear()
        return parent

    def settle(self, clusters: Ints, lengths: Ints, edges: Ints) -> list[Bound]:
        """Set the clusters' bounds to their best edges (`edges`: theirs in turn, `lengths` > 0
        of them each); the bounds to push. A cluster's edges tie by their other end."""
        owner = np.repeat(clusters, lengths)
        others = self.ends.take(edges) - owner
        means = self.sums.take(edges) / (self.sizes.take(owner) * self.sizes.take(others))
        starts = np.cumsum(lengths) - lengths
        best = np.fmax.reduceat(means, starts)  # fmax: a NaN mean is no best
        tied = means == np.repeat(best, lengths)
        other = np.minimum.reduceat(np.where(tied, others, len(self.sizes)), starts)
        found = best >= self.threshold
        self.best_mean[clusters] = np.where(found, best, np.nextafter(self.threshold, -np.inf))
        self.best_other[clusters] = np.where(found, other, -1)
        live = self.live
        for cluster in clusters[~found].tolist():
            live[cluster] = None
        return [self.bound(c, m, o) for c, m, o in
                zip(clusters[found].tolist(), best[found].tolist(), other[found].tolist(), strict=True)]

    def bound(self, cluster: int, mean: float, other: int) -> Bound:
        """The cluster's heap entry for its bound, now its live one."""
        entry = self.live[cluster] = (-mean, min(cluster, other), max(cluster, other), cluster, self.clock + 1)
        return entry

    def merge(self, keep: int, gone: int) -> list[Bound]:
        """Merge `gone` into `keep` (edges to a common neighbour added up); the bounds to push.

        (`take` and `put` rather than indexing: a merge is some 40 numpy calls on small arrays.)"""
        self.clock += 1
        self.touched[keep] = self.touched[gone] = self.clock
        self.live[gone] = None
        kept, joining = self.edges(keep), self.edges(gone)
        self.adjacency.pop(gone, None)
        ends, sums, alive, slot = self.ends, self.sums, self.alive, self.slot
        kept_others = ends.take(kept) - keep
        slot.put(kept_others, kept)
        between = slot[gone]
        shared = slot.take(ends.take(joining) - gone)
        slot.put(kept_others, -1)
        sums[between], alive[between] = -np.inf, False
        common = shared >= 0
        dead, into = joining[common], shared[common]
        sums.put(into, sums.take(into) + sums.take(dead))
        sums.put(dead, -np.inf)
        alive.put(dead, False)
        moved = joining[~common]
        ends.put(moved, ends.take(moved) + (keep - gone))
        edges = np.concatenate((kept, moved))
        edges = edges[alive.take(edges)]
        self.adjacency[keep] = edges
        self.sizes[keep] += self.sizes[gone]
        others = ends.take(edges) - keep
        means = sums.take(edges) / (self.sizes[keep] * self.sizes.take(others))
        pushes = []
        best = float(np.fmax.reduce(means)) if len(means) else -np.inf
        if best >= self.threshold:
            other = int(others[means == best].min())
            self.best_mean[keep], self.best_other[keep] = best, other
            pushes.append(self.bound(keep, best, other))
        else:
            self.best_mean[keep], self.best_other[keep] = np.nextafter(self.threshold, -np.inf), -1
            self.live[keep] = None
        # Each neighbour's edge to `keep` changed: one better than its bound is its best edge now
        # (a bound on an edge to `keep` or `gone` is inexact now: `touched`).
        current_mean = self.best_mean.take(others)
        better = means > current_mean
        tied = means == current_mean
        if tied.any():
            better |= tied & (self.best_other.take(others) > keep)
        if better.any():
            winners, won = others[better], means[better]
            self.best_mean.put(winners, won)
            self.best_other.put(winners, keep)
            pushes.extend(self.bound(o, m, keep) for o, m in zip(winners.tolist(), won.tolist(), strict=True))
        return pushes


def _inside(component: Ints, a: Ints, b: Ints) -> Flags:
    """Whether each pair (a[k], b[k]) joins two items of one component (and is not a loop)."""
    found: Flags = (component[a] == component[b]) & (a != b)
    return found


def _compressed(keep: Flags, main: npt.NDArray[Any], keep_extra: Flags, extra: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """main[keep] then extra[keep_extra], written once into an array of that size."""
    kept = int(np.count_nonzero(keep))
    out = np.empty(kept + int(np.count_nonzero(keep_extra)), main.dtype)
    np.compress(keep, main, out=out[:kept])
    np.compress(keep_extra, extra, out=out[kept:])
    return out


def _index_type(count: int, pairs: int) -> type[np.signedinteger[Any]]:
    """The integer type for item and edge ids (and sums of two item ids): int32 when they fit."""
    return np.int32 if 2 * max(count, pairs) < 2**31 else np.int64


def _incidence(count: int, low: Ints, high: Ints) -> tuple[Ints, Ints]:
    """Each item's edges as a slice of one array (CSR): as the smaller end, then as the larger.
    Edges are sorted by (smaller, larger) end."""
    smaller = np.bincount(low, minlength=count)
    larger = np.bincount(high, minlength=count)
    start = np.zeros(count + 1, np.int64)
    np.cumsum(smaller + larger, out=start[1:])
    incident = np.empty(2 * len(low), low.dtype)
    edge = np.arange(len(low), dtype=low.dtype)
    # edge e is the (e - first of its smaller end)-th of that end's edges: at e + larger ones before
    incident[edge + (np.cumsum(larger) - larger).astype(low.dtype)[low]] = edge
    by_larger = np.argsort(high, kind="stable").astype(low.dtype)
    incident[edge + np.cumsum(smaller).astype(low.dtype)[high[by_larger]]] = by_larger
    return start, incident


def _components(count: int, low: Ints, high: Ints) -> Ints:
    """A label per item, equal within each connected component (hook roots to the smaller root,
    then jump pointers to the roots, until every pair's two labels agree)."""
    label = np.arange(count, dtype=low.dtype)
    while True:
        a, b = label[low], label[high]
        if np.array_equal(a, b):
            return label
        smaller = np.minimum(a, b)
        np.minimum.at(label, a, smaller)
        np.minimum.at(label, b, smaller)
        label = _roots(label)


def _roots(parent: Ints) -> Ints:
    """Each item's root, where parents point to smaller items (pointer jumping)."""
    while True:
        jumped = parent[parent]
        if np.array_equal(jumped, parent):
            return parent
        parent = jumped


def average_linkage(similarity: Matrix, threshold: float) -> list[int]:
    """Reference UPGMA over a dense symmetric matrix: a full scan per merge (small inputs only)."""
    n = similarity.shape[0]
    work = similarity.astype(np.float64, copy=True)
    np.fill_diagonal(work, -np.inf)
    sizes = np.ones(n)
    labels = np.arange(n)
    alive = np.ones(n, bool)
    while n > 1:
        masked = np.where(alive[:, None] & alive[None, :], work, -np.inf)
        i, j = divmod(int(np.argmax(masked)), n)
        if masked[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        merged = (sizes[i] * work[i] + sizes[j] * work[j]) / (sizes[i] + sizes[j])
        work[i, :] = work[:, i] = merged
        work[i, i] = -np.inf
        sizes[i] += sizes[j]
        alive[j] = False
        labels[labels == j] = i
    return [int(label) for label in labels]
