"""Average-linkage clustering (UPGMA) over a sparse similarity graph.

Two clusters merge while the mean similarity over all pairs of their members is at least the
threshold; a pair that is not in the graph counts as similarity 0. So only the candidate pairs
an index found (`neighbours`) are ever held: memory O(items + pairs), and each merge costs the
two clusters' neighbour lists plus heap operations. Average linkage does not chain (single
linkage joins A and C through B); every member stays close to its group on average.

`average_linkage` is the same clustering over a dense matrix, kept as the reference the sparse
version is tested against on small inputs.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from commentscope.analysis.neighbours import Pairs

Matrix = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Flags = npt.NDArray[np.bool_]
Bound = tuple[float, int, int, int]  # (-mean, smaller end, larger end, cluster): heap order is merge order


def sparse_average_linkage(count: int, pairs: Pairs, threshold: float) -> list[int]:
    """A cluster label per item (the cluster's smallest item) from sparse similarities.

    Each step merges the two clusters with the highest mean similarity; ties go to the pair with
    the smaller items. Copies (`Pairs.copy_of`) enter as their first item weighted by their
    number: the same merges as with every copy listed, since copies (similarity 1) merge first.
    """
    if threshold > 1.0:
        return list(range(count))  # no mean reaches it: copies stay apart too
    sizes = np.ones(count, np.int64)
    if pairs.copy_of is not None:
        sizes = np.bincount(pairs.copy_of, minlength=count).astype(np.int64)
    roots = _roots(_Graph.build(count, pairs, sizes, threshold).cluster())
    if pairs.copy_of is not None:
        roots = roots[pairs.copy_of]
    labels: list[int] = roots.tolist()
    return labels


@dataclass
class _Graph:
    """The clusters and one edge per two clusters with a pair between them, as flat arrays.

    An edge holds the sum of its member pairs' similarities times their weights (`sums`) and the
    sum of its two clusters' ids (`ends`: one end gives the other as they merge); `alive` turns
    False once it was added into another edge. A cluster's edges are its `adjacency` array once
    it was merged into, else its run of the edges (sorted by smaller end) plus its slice of
    `by_larger`.

    Each cluster has a bound on its best edge, its mean and other end, never below the true best
    (`exact` when equal, as after a merge); the heap holds every bound, so the first exact bound
    popped is the best merge of all, ties to the smaller pair as if every edge were in the heap.
    """

    threshold: float
    sizes: Ints
    ends: Ints
    sums: Floats
    alive: Flags
    as_smaller: Ints  # cluster -> start of its run of edges as the smaller end (count + 1)
    as_larger: Ints  # cluster -> start of its slice of `by_larger` (count + 1)
    by_larger: Ints  # edge ids in order of their larger end
    best_mean: Floats
    best_other: Ints  # -1: no edge reaches the threshold
    exact: Flags
    slot: Ints  # scratch for a merge: neighbour -> its edge to the cluster merged into, else -1
    adjacency: dict[int, Ints] = field(default_factory=dict)

    @classmethod
    def build(cls, count: int, pairs: Pairs, sizes: Ints, threshold: float) -> _Graph:
        """One edge per pair inside a component of strong pairs, duplicates summed in their order."""
        low = np.minimum(pairs.left, pairs.right)
        high = np.maximum(pairs.left, pairs.right)
        # A merge needs one pair at or above the threshold between the two clusters (a mean is
        # never above its maximum), so clusters stay inside the components of those strong
        # pairs: pairs that join two components never matter.
        strong = pairs.similarity >= threshold
        component = _components(count, low[strong], high[strong])
        inside = np.flatnonzero((component[low] == component[high]) & (low != high))
        del strong, component
        key = low[inside] * count + high[inside]
        order = inside[np.argsort(key, kind="stable")]
        del inside
        key.sort()
        low, high = low[order], high[order]
        sums = pairs.similarity[order] * sizes[low] * sizes[high]
        del order
        first = np.ones(len(key), bool)
        first[1:] = key[1:] != key[:-1]
        del key
        if not first.all():  # the same pair twice: summed in input order, as listed
            summed = np.zeros(int(first.sum()))
            np.add.at(summed, np.cumsum(first) - 1, sums)
            sums, low, high = summed, low[first], high[first]
        del first
        by_larger = np.argsort(high, kind="stable")
        graph = cls(
            threshold, sizes.copy(), low + high, sums, np.ones(len(sums), bool),
            _starts(low, count), _starts(high, count), by_larger,
            np.full(count, -np.inf), np.full(count, -1, np.int64), np.ones(count, bool), np.full(count, -1, np.int64),
        )
        graph.initial_bounds(low, high)
        return graph

    def initial_bounds(self, low: Ints, high: Ints) -> None:
        """Each cluster's best edge: as the smaller end, the first best of its run (smallest
        other end); as the larger end, the first of its slice; the larger end first on a tie."""
        means = self.sums / (self.sizes[low] * self.sizes[high])
        means[~(means >= self.threshold)] = -np.inf
        larger = self.by_larger
        for side, values, others in ((low, means, high), (high[larger], means[larger], low[larger])):
            clusters, best, other = _best_per_run(side, values, others)
            current = self.best_mean[clusters]
            better = (best > current) | ((best == current) & (other < self.best_other[clusters]))
            better &= best > -np.inf
            self.best_mean[clusters[better]] = best[better]
            self.best_other[clusters[better]] = other[better]

    def edges(self, cluster: int) -> Ints:
        """The cluster's edges, some maybe dead."""
        found = self.adjacency.get(cluster)
        if found is not None:
            return found
        return np.concatenate((np.arange(self.as_smaller[cluster], self.as_smaller[cluster + 1]),
                               self.by_larger[self.as_larger[cluster]:self.as_larger[cluster + 1]]))

    def cluster(self) -> Ints:
        """Merge until no bound reaches the threshold; each item's parent."""
        parent = np.arange(len(self.sizes), dtype=np.int64)
        best_mean, best_other, exact = self.best_mean, self.best_other, self.exact
        heap = [_bound(c, m, o) for c, (m, o) in enumerate(zip(best_mean.tolist(), best_other.tolist(), strict=True))
                if o >= 0]
        heapq.heapify(heap)
        unsure: dict[int, None] = {}  # popped inexact bounds, evaluated together
        while heap or unsure:
            if heap:
                entry = heapq.heappop(heap)
                negative, low, high, cluster = entry
                if best_other[cluster] != low + high - cluster or best_mean[cluster] != -negative:
                    continue  # a bound since replaced, or a cluster gone
                if not exact[cluster]:
                    unsure[cluster] = None
                    continue
                if not unsure:
                    parent[high] = low
                    for bound in self.merge(low, high):
                        heapq.heappush(heap, bound)
                    continue
                heapq.heappush(heap, entry)  # the bounds above it may have fallen below it
            for bound in self.evaluate(list(unsure)):
                heapq.heappush(heap, bound)
            unsure.clear()
        return parent

    def evaluate(self, clusters: list[int]) -> list[Bound]:
        """Set the clusters' bounds to their best edges; the bounds to push."""
        pieces = [self.edges(c) for c in clusters]
        edges = np.concatenate(pieces)
        owner = np.repeat(np.array(clusters, np.int64), [len(p) for p in pieces])
        self.exact[owner] = True
        self.best_mean[owner], self.best_other[owner] = -np.inf, -1
        live = self.alive[edges]
        edges, owner = edges[live], owner[live]
        others = self.ends[edges] - owner
        means = self.sums[edges] / (self.sizes[owner] * self.sizes[others])
        eligible = means >= self.threshold
        if not eligible.any():
            return []
        owner, best, other = _best_per_run(owner[eligible], means[eligible], others[eligible])
        self.best_mean[owner], self.best_other[owner] = best, other
        return [_bound(c, m, o) for c, m, o in zip(owner.tolist(), best.tolist(), other.tolist(), strict=True)]

    def merge(self, keep: int, gone: int) -> list[Bound]:
        """Merge `gone` into `keep` (edges to a common neighbour added up); the bounds to push."""
        kept, joining = self.edges(keep), self.edges(gone)
        kept, joining = kept[self.alive[kept]], joining[self.alive[joining]]
        self.adjacency.pop(gone, None)
        kept_others, joining_others = self.ends[kept] - keep, self.ends[joining] - gone
        slot = self.slot
        slot[kept_others] = kept
        between = int(slot[gone])
        shared = slot[joining_others]
        slot[kept_others] = -1
        self.alive[between] = False
        common = shared >= 0
        self.sums[shared[common]] += self.sums[joining[common]]
        self.alive[joining[common]] = False
        moved = joining[~common & (joining != between)]
        self.ends[moved] += keep - gone
        edges = np.concatenate((kept[kept != between], moved))
        self.adjacency[keep] = edges
        self.sizes[keep] += self.sizes[gone]
        self.best_other[gone] = -1
        others = self.ends[edges] - keep
        means = self.sums[edges] / (self.sizes[keep] * self.sizes[others])
        eligible = means >= self.threshold
        pushes = []
        self.best_mean[keep], self.best_other[keep] = -np.inf, -1
        if eligible.any():
            best = float(np.max(means[eligible]))
            other = int(np.min(others[means == best]))
            self.best_mean[keep], self.best_other[keep] = best, other
            pushes.append(_bound(keep, best, other))
        # Each neighbour's edge to `keep` changed: one better than its bound is its best edge
        # now; a bound on an edge to `keep` or `gone` may be too high. A cluster's edges tie
        # by their other end: (o, c) < (c, p) for o < c < p.
        current_mean, current_other = self.best_mean[others], self.best_other[others]
        better = eligible & ((means > current_mean) | ((means == current_mean) & (keep < current_other)))
        self.exact[others[(current_other == keep) | (current_other == gone)]] = False
        winners = others[better]
        self.best_mean[winners] = means[better]
        self.best_other[winners] = keep
        self.exact[winners] = True
        pushes.extend(_bound(o, m, keep) for o, m in zip(winners.tolist(), means[better].tolist(), strict=True))
        return pushes


def _bound(cluster: int, mean: float, other: int) -> Bound:
    return -mean, min(cluster, other), max(cluster, other), cluster


def _best_per_run(group: Ints, values: Floats, others: Ints) -> tuple[Ints, Floats, Ints]:
    """For each run of equal `group` values: the group, its largest value and the smallest other
    end with that value (a cluster's edges order by their other end on equal means)."""
    if len(group) == 0:
        return np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    best = np.maximum.reduceat(values, starts)
    tied = values == np.repeat(best, np.diff(np.r_[starts, len(values)]))
    other = np.minimum.reduceat(np.where(tied, others, np.iinfo(np.int64).max), starts)
    return group[starts], best, other


def _starts(sorted_ends: Ints, count: int) -> Ints:
    return np.r_[0, np.cumsum(np.bincount(sorted_ends, minlength=count))].astype(np.int64)


def _components(count: int, low: Ints, high: Ints) -> Ints:
    """A label per item, equal within each connected component (hook roots to the smaller root,
    then jump pointers to the roots, until every pair's two labels agree)."""
    label = np.arange(count, dtype=np.int64)
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
