"""Candidate pairs of similar items from an index, never from a dense all-pairs matrix.

Two kinds of items:

- unit vectors (sentence embeddings): the pairs with cosine >= `floor` among each item's `k`
  nearest neighbours. Up to `EXACT_MAX` items the neighbours are exact (blocks of rows times all
  rows); above it an inverted-file index (IVF, as in FAISS' IndexIVFFlat): k-means cells on a
  sample, each item compared only with the items of its cell's `PROBES` nearest cells. Memory
  is O(n * k) for the pairs plus one block of scores.
- sets of terms (the lexical path): every pair with Jaccard >= `threshold`, exactly, by prefix
  filtering (Chaudhuri et al. 2006; Bayardo et al.'s All-Pairs): terms are ordered rarest first
  and only a set's first ``|s| - ceil(t * |s|) + 1`` terms are indexed, because two sets with
  Jaccard >= t must share one of them; candidates are then verified.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

EXACT_MAX = 20_000  # items compared exactly, every row against every row in blocks
NEIGHBOURS = 10  # k nearest neighbours kept per item
PROBES = 8  # IVF cells searched per query cell
_BLOCK_CELLS = 1 << 22  # scores held at once: 16 MiB of float32 (and 32 MiB of argpartition indices)
_KMEANS_SAMPLE = 20_000
_KMEANS_ROUNDS = 8

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Pairs:
    """Candidate pairs (left < right) and their similarities, as parallel arrays."""

    left: npt.NDArray[np.int64]
    right: npt.NDArray[np.int64]
    similarity: npt.NDArray[np.float64]

    @classmethod
    def empty(cls) -> Pairs:
        return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64))

    def __len__(self) -> int:
        return len(self.left)


def vector_pairs(vectors: Vectors, floor: float, *, k: int = NEIGHBOURS, exact_max: int = EXACT_MAX) -> Pairs:
    """Pairs of unit rows with cosine >= `floor` among each row's `k` nearest neighbours."""
    n = len(vectors)
    if n < 2:
        return Pairs.empty()
    if n <= exact_max:
        left, right, sims = _block_neighbours(vectors, np.arange(n), np.arange(n), floor, k)
    else:
        left, right, sims = _ivf_neighbours(vectors, floor, k)
    return _canonical(left, right, sims)


def _block_neighbours(
    vectors: Vectors, queries: npt.NDArray[np.int64], candidates: npt.NDArray[np.int64], floor: float, k: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Each query's top-k candidates (itself excluded) with cosine >= floor."""
    found_l, found_r, found_s = [], [], []
    pool = vectors[candidates]
    step = max(1, _BLOCK_CELLS // max(1, len(candidates)))
    keep = min(k, len(candidates) - 1)
    if keep < 1:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    for start in range(0, len(queries), step):
        rows = queries[start : start + step]
        scores = vectors[rows] @ pool.T
        scores[rows[:, None] == candidates[None, :]] = -np.inf  # an item is not its own neighbour
        top = np.argpartition(-scores, keep - 1, axis=1)[:, :keep] if keep < len(candidates) else (
            np.tile(np.arange(len(candidates)), (len(rows), 1)))
        best = np.take_along_axis(scores, top, axis=1)
        hit = best >= floor
        found_l.append(np.repeat(rows, hit.sum(axis=1)))
        found_r.append(candidates[top[hit]])
        found_s.append(best[hit].astype(np.float64))
    return np.concatenate(found_l), np.concatenate(found_r), np.concatenate(found_s)


def _ivf_neighbours(
    vectors: Vectors, floor: float, k: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Approximate neighbours: each cell's items against the items of its nearest cells."""
    n = len(vectors)
    cells = max(2, int(math.sqrt(n)))
    centroids = _kmeans(vectors, cells)
    assignment = _nearest_centroid(vectors, centroids)
    members = [np.flatnonzero(assignment == c) for c in range(cells)]
    nearby = np.argsort(-(centroids @ centroids.T), axis=1)[:, :PROBES]
    parts = []
    for cell in range(cells):
        if len(members[cell]):
            candidates = np.concatenate([members[c] for c in nearby[cell]])
            parts.append(_block_neighbours(vectors, members[cell], candidates, floor, k))
    return (np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]),
            np.concatenate([p[2] for p in parts]))


def _kmeans(vectors: Vectors, cells: int) -> Vectors:
    """Spherical k-means centroids from a deterministic sample (fixed seed)."""
    rng = np.random.default_rng(0)
    sample = vectors[rng.choice(len(vectors), size=min(len(vectors), _KMEANS_SAMPLE), replace=False)]
    centroids = sample[rng.choice(len(sample), size=cells, replace=False)].copy()
    for _ in range(_KMEANS_ROUNDS):
        assignment = _nearest_centroid(sample, centroids)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assignment, sample)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        filled = norms[:, 0] > 0
        centroids[filled] = sums[filled] / norms[filled]
    return centroids


def _nearest_centroid(vectors: Vectors, centroids: Vectors) -> npt.NDArray[np.int64]:
    step = max(1, _BLOCK_CELLS // len(centroids))
    return np.concatenate([
        np.argmax(vectors[s : s + step] @ centroids.T, axis=1) for s in range(0, len(vectors), step)
    ]).astype(np.int64)


def _canonical(
    left: npt.NDArray[np.int64], right: npt.NDArray[np.int64], sims: npt.NDArray[np.float64]
) -> Pairs:
    """Pairs with left < right, each once, sorted."""
    low, high = np.minimum(left, right), np.maximum(left, right)
    if len(low) == 0:
        return Pairs.empty()
    order = np.lexsort((high, low))
    low, high, sims = low[order], high[order], sims[order]
    first = np.ones(len(low), bool)
    first[1:] = (low[1:] != low[:-1]) | (high[1:] != high[:-1])
    return Pairs(low[first].astype(np.int64), high[first].astype(np.int64), sims[first].astype(np.float64))


def jaccard_pairs(sets: Sequence[frozenset[str]], threshold: float) -> Pairs:
    """Every pair of sets with Jaccard similarity >= `threshold` (> 0), by prefix filtering."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"Jaccard threshold must be in (0, 1], got {threshold}")
    frequency = Counter(term for s in sets for term in s)
    ordered = [sorted(s, key=lambda t: (frequency[t], t)) for s in sets]
    index: dict[str, list[int]] = defaultdict(list)
    left: list[int] = []
    right: list[int] = []
    sims: list[float] = []
    # Items in order of size: a candidate indexed earlier is never larger, so |y| >= t * |x| prunes.
    by_size = sorted(range(len(sets)), key=lambda k: (len(ordered[k]), k))
    for item in by_size:
        terms = ordered[item]
        if not terms:
            continue
        prefix = len(terms) - math.ceil(threshold * len(terms)) + 1
        seen: set[int] = set()
        for term in terms[:prefix]:
            for other in index[term]:
                if other in seen or len(ordered[other]) < threshold * len(terms):
                    continue
                seen.add(other)
                shared = len(sets[item] & sets[other])
                score = shared / (len(sets[item]) + len(sets[other]) - shared)
                if score >= threshold:
                    left.append(min(item, other))
                    right.append(max(item, other))
                    sims.append(score)
            index[term].append(item)
    return _canonical(np.array(left, np.int64), np.array(right, np.int64), np.array(sims, np.float64))
