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

import numpy as np
import numpy.typing as npt

from commentscope.analysis.neighbours import Pairs

Matrix = npt.NDArray[np.float64]


def sparse_average_linkage(count: int, pairs: Pairs, threshold: float) -> list[int]:
    """A cluster label per item (the cluster's smallest item) from sparse similarities.

    Ties between equally good merges go to the pair with the smaller items. Copies
    (`Pairs.copy_of`) enter as their first item weighted by their number: the same merges as
    with every copy listed, since copies (similarity 1) merge before anything else.
    """
    if threshold > 1.0:
        return list(range(count))  # no mean reaches it: copies stay apart too
    sizes = [1] * count
    if pairs.copy_of is not None:
        sizes = np.bincount(pairs.copy_of, minlength=count).tolist()
    # A merge needs one pair at or above the threshold between the two clusters (a mean is never
    # above its maximum), so clusters stay inside the components of those strong pairs: pairs
    # that join two components never matter, and items without a strong pair stay alone.
    component = list(range(count))
    strong = pairs.similarity >= threshold
    for a, b in zip(pairs.left[strong].tolist(), pairs.right[strong].tolist(), strict=True):
        ra, rb = _root(component, a), _root(component, b)
        if ra != rb:
            component[max(ra, rb)] = min(ra, rb)
    sums: list[dict[int, float]] = [{} for _ in range(count)]  # cluster -> neighbour -> summed sims
    for a, b, s in zip(pairs.left.tolist(), pairs.right.tolist(), pairs.similarity.tolist(), strict=True):
        if a != b and _root(component, a) == _root(component, b):
            weighted = s * sizes[a] * sizes[b]
            sums[a][b] = sums[a].get(b, 0.0) + weighted
            sums[b][a] = sums[b].get(a, 0.0) + weighted
    parent = list(range(count))
    heap = [(-mean, a, b) for a in range(count) for b, s in sums[a].items()
            if a < b and (mean := s / (sizes[a] * sizes[b])) >= threshold]
    heapq.heapify(heap)
    # A heap entry's mean is never below its pair's current mean: a merge pushes the pairs whose
    # sums it changed, and a pair whose mean only fell as a cluster grew is pushed again when its
    # stale entry comes up. So the first current entry popped is the best merge, as if every
    # pair of the grown cluster had been pushed again (which made merging into a large cluster
    # cost all its neighbours, each time).
    while heap:
        negative, a, b = heapq.heappop(heap)
        if parent[a] != a or parent[b] != b or b not in sums[a]:
            continue  # a cluster is gone
        mean = sums[a][b] / (sizes[a] * sizes[b])
        if mean != -negative:
            if mean < -negative and mean >= threshold:
                heapq.heappush(heap, (-mean, a, b))  # fell since: pushed at its current mean
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
