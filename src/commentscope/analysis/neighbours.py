"""Candidate pairs of similar items from an index, never from a dense all-pairs matrix.

Two kinds of items:

- unit vectors (sentence embeddings): the pairs with cosine >= `floor` among each item's `k`
  nearest neighbours. Up to `EXACT_MAX` items the neighbours are exact (blocks of rows times all
  rows); above it an inverted-file index (IVF, as in FAISS' IndexIVFFlat): k-means cells on a
  sample, each item compared only with the items of its cell's `PROBES` nearest cells. Memory
  is O(n * k) for the pairs plus one block of scores.
- sets of terms (the lexical path): each set's `JACCARD_NEIGHBOURS` most similar sets above a
  floor among those sharing one of its rarest terms (`jaccard_neighbours`: work and pairs grow
  linearly with the sets), or every pair with Jaccard >= `threshold`, exactly, by prefix
  filtering (Chaudhuri et al. 2006; Bayardo et al.'s All-Pairs): terms are ordered rarest first
  and only a set's first ``|s| - ceil(t * |s|) + 1`` terms are indexed, because two sets with
  Jaccard >= t must share one of them; candidates are then verified. Identical sets are
  indexed once (`Pairs.copy_of`): a thread that repeats one question a thousand times would
  otherwise give half a million pairs of similarity 1. `term_pairs` is the same index on rows
  of term ids (`term_rows.term_neighbours`: numpy throughout, no Python loop over the sets).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from commentscope.analysis.term_rows import Ids, Index, TermRows, id_type, term_neighbours

EXACT_MAX = 20_000  # items compared exactly, every row against every row in blocks
NEIGHBOURS = 10  # k nearest neighbours kept per item
JACCARD_NEIGHBOURS = 50  # ...per set, on the lexical path
PROBES = 8  # IVF cells searched per query cell
_BLOCK_CELLS = 1 << 22  # scores held at once: 16 MiB of float32 (and 32 MiB of argpartition indices)
KEY_TERMS = 6  # a set's rarest shared terms, under which the lexical index files it
POSTING_CAP = 64  # items filed under one term: its first ones
_KMEANS_SAMPLE = 20_000
_KMEANS_ROUNDS = 8

Vectors = npt.NDArray[np.float32]
@dataclass(frozen=True)
class Pairs:
    """Candidate pairs (left < right) and their similarities, as parallel arrays.

    `copy_of`, when given, holds for each item the first item identical to it (itself when it is
    the first): a copy has similarity 1 with that item and shares its similarity with every other
    item, and the arrays list pairs of first items only (`expanded` lists them all). The ends are
    int32 or int64 (`id_type`); the similarities stay float64, as linkage sums them.
    """

    left: Ids
    right: Ids
    similarity: npt.NDArray[np.float64]
    copy_of: npt.NDArray[np.int64] | None = None

    @classmethod
    def empty(cls) -> Pairs:
        return cls(np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float64))

    def __len__(self) -> int:
        return len(self.left)

    def expanded(self) -> Pairs:
        """The same pairs with every copy listed (quadratic in the copies: small inputs only)."""
        if self.copy_of is None:
            return self
        copies: dict[int, list[int]] = defaultdict(list)
        for item, first in enumerate(self.copy_of.tolist()):
            copies[first].append(item)
        left: list[int] = []
        right: list[int] = []
        sims: list[float] = []
        for group in copies.values():
            for a, b in itertools.combinations(group, 2):
                left.append(a)
                right.append(b)
                sims.append(1.0)
        for a, b, s in zip(self.left.tolist(), self.right.tolist(), self.similarity.tolist(), strict=True):
            for x, y in itertools.product(copies[a], copies[b]):
                left.append(x)
                right.append(y)
                sims.append(s)
        return _canonical(np.array(left, np.int64), np.array(right, np.int64), np.array(sims, np.float64))


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


def _canonical(left: Ids, right: Ids, sims: npt.NDArray[np.float64]) -> Pairs:
    """Pairs with left < right, each once (the first listed), sorted; ends as `id_type`.

    Lean on memory, as it runs on every candidate pair found (some 15 million at a million
    comments): one int64 key per pair, sorted in place after the sort's order has permuted the
    similarities, and the ends read back from the key; no other array over every pair at once."""
    if len(left) == 0:
        return Pairs.empty()
    key, width = _pair_keys(left, right)
    order = np.argsort(key, kind="stable")  # by (low, high); duplicates in order
    sims = sims[order]
    del order
    key.sort()
    first = _firsts(key)
    key = key[first]
    sims = sims[first].astype(np.float64, copy=False)
    del first
    low, high = _ends(key, width)
    return Pairs(low, high, sims)


def _pair_keys(left: Ids, right: Ids) -> tuple[Index, int]:
    """One int64 per pair, low * width + high, and the width (one more than the largest end)."""
    width = int(max(left.max(), right.max())) + 1
    key = np.empty(len(left), np.int64)
    np.minimum(left, right, out=key)
    key *= width
    key += np.maximum(left, right)
    return key, width


def _firsts(key: Index) -> npt.NDArray[np.bool_]:
    """Which entries of a sorted array differ from the one before (the first of each run)."""
    first = np.ones(len(key), bool)
    np.not_equal(key[1:], key[:-1], out=first[1:])
    return first


def _ends(key: Index, width: int) -> tuple[Ids, Ids]:
    """The (low, high) ends of `_pair_keys` keys, as `id_type`."""
    ids = id_type(width)
    low, high = np.empty(len(key), ids), np.empty(len(key), ids)
    np.floor_divide(key, width, out=low, casting="unsafe")  # no int64 copy: cast block by block
    np.remainder(key, width, out=high, casting="unsafe")
    return low, high


def jaccard_pairs(sets: Sequence[frozenset[str]], threshold: float) -> Pairs:
    """Every pair of sets with Jaccard similarity >= `threshold` (> 0), by prefix filtering;
    identical non-empty sets are given as copies (`Pairs.copy_of`), not as pairs."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"Jaccard threshold must be in (0, 1], got {threshold}")
    first: dict[frozenset[str], int] = {}
    copy_of = [first.setdefault(s, k) if s else k for k, s in enumerate(sets)]
    distinct = [k for k, c in enumerate(copy_of) if c == k]
    frequency = Counter(term for k in distinct for term in sets[k])
    ordered = {k: sorted(sets[k], key=lambda t: (frequency[t], t)) for k in distinct}
    index: dict[str, list[int]] = defaultdict(list)
    left: list[int] = []
    right: list[int] = []
    sims: list[float] = []
    # Items in order of size: a candidate indexed earlier is never larger, so |y| >= t * |x| prunes.
    by_size = sorted(distinct, key=lambda k: (len(ordered[k]), k))
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
    pairs = _canonical(np.array(left, np.int64), np.array(right, np.int64), np.array(sims, np.float64))
    if len(distinct) == len(sets):
        return pairs
    return Pairs(pairs.left, pairs.right, pairs.similarity, np.array(copy_of, np.int64))


def jaccard_neighbours(
    sets: Sequence[frozenset[str]], floor: float, *, k: int = JACCARD_NEIGHBOURS, key_terms: int = KEY_TERMS,
    posting_cap: int = POSTING_CAP,
) -> Pairs:
    """Each set's `k` most similar sets with Jaccard >= `floor`, from an index over rare terms.

    Each distinct set is filed under its `key_terms` rarest terms that some other set shares
    (fewest sets first, then alphabetically); a term holds its first `posting_cap` sets. A set's
    candidates are the sets filed under its own key terms; their Jaccard is exact. Work and
    pairs are O(sets * key_terms * posting_cap) however many terms the sets share: with long
    texts the exact `jaccard_pairs` finds nearly every pair above a low floor. Two alike sets
    that share none of their rarest terms are missed. Identical sets are copies (`Pairs.copy_of`).
    """
    if not 0.0 < floor <= 1.0:
        raise ValueError(f"Jaccard floor must be in (0, 1], got {floor}")
    vocabulary = {term: k for k, term in enumerate(sorted({t for s in sets for t in s}))}
    rows = TermRows.of([sorted(vocabulary[t] for t in s) for s in sets])
    return term_pairs(rows, floor, k=k, key_terms=key_terms, posting_cap=posting_cap)


def term_pairs(rows: TermRows, floor: float, *, k: int = JACCARD_NEIGHBOURS, key_terms: int = KEY_TERMS,
               posting_cap: int = POSTING_CAP) -> Pairs:
    """`jaccard_neighbours` of sets given as rows of ids in ascending order, the ids ordering
    the terms alphabetically (`term_rows.term_neighbours`)."""
    if not 0.0 < floor <= 1.0:
        raise ValueError(f"Jaccard floor must be in (0, 1], got {floor}")
    left, right, sims, copy_of = term_neighbours(rows, floor, k=k, key_terms=key_terms, posting_cap=posting_cap)
    pairs = _canonical(left, right, sims)
    return pairs if copy_of is None else Pairs(pairs.left, pairs.right, pairs.similarity, copy_of)


def term_pair_ends(rows: TermRows, floor: float, *, k: int = JACCARD_NEIGHBOURS, key_terms: int = KEY_TERMS,
                   posting_cap: int = POSTING_CAP) -> tuple[Ids, Ids, Index | None]:
    """`term_pairs`' pairs without their Jaccard similarities (left, right, copy_of), for a
    caller that scores the pairs itself (the lexical pair model): the same pairs in the same
    order, in about half the memory at the peak (no similarity is carried through the sort)."""
    if not 0.0 < floor <= 1.0:
        raise ValueError(f"Jaccard floor must be in (0, 1], got {floor}")
    found = term_neighbours(rows, floor, k=k, key_terms=key_terms, posting_cap=posting_cap, scores=False)
    copy_of = found[3]
    if len(found[0]) == 0:
        return Pairs.empty().left, Pairs.empty().right, copy_of
    key, width = _pair_keys(found[0], found[1])
    del found  # the candidates' ends: the key holds them
    key.sort()
    low, high = _ends(key[_firsts(key)], width)
    return low, high, copy_of
