"""Candidate pairs from the nearest-neighbour and prefix-filter indexes."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from commentscope.analysis.neighbours import jaccard_pairs, vector_pairs


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
    sets.append(frozenset())
    expected = {
        (a, b) for a, b in itertools.combinations(range(len(sets)), 2)
        if sets[a] | sets[b] and len(sets[a] & sets[b]) / len(sets[a] | sets[b]) >= threshold
    }
    pairs = jaccard_pairs(sets, threshold)
    assert set(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)) == expected


def test_jaccard_threshold_must_be_positive() -> None:
    with pytest.raises(ValueError, match="Jaccard"):
        jaccard_pairs([frozenset({"a"})], 0.0)
