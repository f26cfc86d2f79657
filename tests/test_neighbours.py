"""Candidate pairs from the nearest-neighbour and prefix-filter indexes."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from commentscope.analysis.neighbours import _canonical, jaccard_neighbours, jaccard_pairs, vector_pairs


def unit_rows(rng: np.random.Generator, centres: int, per_centre: int, noise: float) -> np.ndarray:
    base = rng.normal(size=(centres, 32))
    rows = np.repeat(base, per_centre, axis=0) + noise * rng.normal(size=(centres * per_centre, 32))
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def brute_force(vectors: np.ndarray, floor: float, k: int) -> set[tuple[int, int]]:
    scores = vectors @ vectors.T
    np.fill_diagonal(scores, -np.inf)
    found = set()
    for row in range(len(vectors)):
        for col in np.argsort(-scores[row])[:k]:
            if scores[row, col] >= floor:
                found.add((min(row, int(col)), max(row, int(col))))
    return found


def test_exact_neighbours_match_brute_force() -> None:
    vectors = unit_rows(np.random.default_rng(0), 12, 6, 0.4)
    pairs = vector_pairs(vectors, 0.5, k=4)
    assert set(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)) == brute_force(vectors, 0.5, 4)
    assert np.all(pairs.left < pairs.right)
    assert np.allclose(pairs.similarity, np.einsum("ij,ij->i", vectors[pairs.left], vectors[pairs.right]), atol=1e-5)


def test_inverted_file_index_finds_most_close_pairs() -> None:
    vectors = unit_rows(np.random.default_rng(1), 60, 10, 0.3)
    expected = brute_force(vectors, 0.6, 5)
    pairs = vector_pairs(vectors, 0.6, k=5, exact_max=100)  # 600 items: the IVF path
    found = set(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True))
    assert found <= {(a, b) for a, b in itertools.combinations(range(len(vectors)), 2)}
    assert len(found & expected) >= 0.95 * len(expected)


@pytest.mark.parametrize("threshold", [0.2, 0.34, 0.5, 0.75, 1.0], ids=["0.2", "0.34", "0.5", "0.75", "1.0"])
def test_jaccard_pairs_are_exactly_those_above_the_threshold(threshold: float) -> None:
    rng = np.random.default_rng(2)
    vocabulary = [f"w{k}" for k in range(15)]
    sets = [frozenset(rng.choice(vocabulary, size=rng.integers(1, 7), replace=False).tolist()) for _ in range(80)]
    sets += [sets[3], frozenset(), sets[3], sets[10], frozenset()]  # copies: given once, listed by `expanded`
    expected = {
        (a, b) for a, b in itertools.combinations(range(len(sets)), 2)
        if sets[a] | sets[b] and len(sets[a] & sets[b]) / len(sets[a] | sets[b]) >= threshold
    }
    pairs = jaccard_pairs(sets, threshold).expanded()
    assert set(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)) == expected


def test_identical_sets_are_copies_not_pairs() -> None:
    sets = [frozenset({"a", "b"})] * 500 + [frozenset({"a", "b", "c"}), frozenset(), frozenset()]
    pairs = jaccard_pairs(sets, 0.5)
    assert pairs.copy_of is not None
    assert pairs.copy_of.tolist() == [0] * 500 + [500, 501, 502]  # empty sets are like nothing, not alike
    assert list(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)) == [(0, 500)]
    assert len(pairs.expanded()) == 500 * 499 // 2 + 500


def test_jaccard_threshold_must_be_positive() -> None:
    with pytest.raises(ValueError, match="Jaccard"):
        jaccard_pairs([frozenset({"a"})], 0.0)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b)


def test_jaccard_neighbours_are_true_pairs_each_sets_best_few() -> None:
    rng = np.random.default_rng(3)
    vocabulary = [f"w{k}" for k in range(40)]
    sets = [frozenset(rng.choice(vocabulary, size=rng.integers(2, 9), replace=False).tolist()) for _ in range(200)]
    pairs = jaccard_neighbours(sets, 0.2, k=3)
    found = list(zip(pairs.left.tolist(), pairs.right.tolist(), pairs.similarity.tolist(), strict=True))
    assert found and all(a < b and s >= 0.2 and s == pytest.approx(jaccard(sets[a], sets[b])) for a, b, s in found)
    assert len(found) <= 3 * len(sets)
    exact = jaccard_pairs(sets, 0.2).expanded()
    assert set(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)) <= set(
        zip(exact.left.tolist(), exact.right.tolist(), strict=True))


def test_jaccard_neighbours_pair_sets_sharing_a_rare_term_whatever_the_common_ones() -> None:
    common = frozenset(f"the{k}" for k in range(30))  # in every set: no help in telling them apart
    sets = [common | {f"topic{k // 2}", f"x{k}"} for k in range(100)]  # k and k+1 (k even) share a topic
    pairs = jaccard_neighbours(sets, 0.1, k=1, key_terms=1)
    assert set(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)) == {(k, k + 1) for k in range(0, 100, 2)}


def test_jaccard_neighbours_give_identical_sets_as_copies() -> None:
    sets = [frozenset({"a", "b"}), frozenset({"a", "c"}), frozenset({"a", "b"}), frozenset(), frozenset()]
    pairs = jaccard_neighbours(sets, 0.1)
    assert pairs.copy_of is not None and pairs.copy_of.tolist() == [0, 1, 0, 3, 4]
    assert list(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)) == [(0, 1)]


def test_jaccard_neighbours_index_caps_each_term() -> None:
    sets = [frozenset({"shared", f"own{k}"}) for k in range(50)]
    capped = jaccard_neighbours(sets, 0.1, k=50, posting_cap=5)
    assert set(capped.left.tolist()) <= set(range(5))  # every set finds only the first five filed
    assert len(capped) == 5 * 4 // 2 + 45 * 5


def reference_canonical(left: list[int], right: list[int], sims: list[float]) -> list[tuple[int, int, float]]:
    """Each pair as (smaller, larger), the first listed of each two alike, sorted."""
    first: dict[tuple[int, int], float] = {}
    for a, b, s in zip(left, right, sims, strict=True):
        first.setdefault((min(a, b), max(a, b)), s)
    return [(a, b, s) for (a, b), s in sorted(first.items())]


@pytest.mark.parametrize("dtype", [np.int32, np.int64], ids=["int32", "int64"])
def test_canonical_pairs_keep_the_first_of_each_two_alike_as_int32(dtype: type) -> None:
    rng = np.random.default_rng(5)
    left, right = rng.integers(0, 30, 400), rng.integers(0, 30, 400)
    sims = rng.random(400)  # pairs found twice (either way round) with different similarities
    pairs = _canonical(left.astype(dtype), right.astype(dtype), sims)
    assert pairs.left.dtype == pairs.right.dtype == np.int32
    found = list(zip(pairs.left.tolist(), pairs.right.tolist(), pairs.similarity.tolist(), strict=True))
    assert found == reference_canonical(left.tolist(), right.tolist(), sims.tolist())
