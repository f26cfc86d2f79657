"""Average linkage over a sparse similarity graph, checked against the dense reference."""

from __future__ import annotations

import numpy as np
import pytest

from commentscope.analysis.linkage import average_linkage, sparse_average_linkage
from commentscope.analysis.neighbours import Pairs, jaccard_pairs


def pairs_of(similarity: np.ndarray) -> Pairs:
    left, right = np.nonzero(np.triu(similarity, 1))
    return Pairs(left.astype(np.int64), right.astype(np.int64), similarity[left, right].astype(np.float64))


def test_average_linkage_does_not_chain() -> None:
    # a~b and b~c, but a and c share nothing: single linkage would put all three together
    similarity = np.array([[1.0, 0.5, 0.0], [0.5, 1.0, 0.5], [0.0, 0.5, 1.0]])
    assert average_linkage(similarity, 0.4) == [0, 0, 2]
    assert sparse_average_linkage(3, pairs_of(similarity), 0.4) == [0, 0, 2]


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [(0.95, [0, 1, 2, 3]), (0.5, [0, 0, 2, 2]), (0.05, [0, 0, 0, 0])],
    ids=["strict", "pairs", "everything"],
)
def test_threshold(threshold: float, expected: list[int]) -> None:
    similarity = np.array([[1, 0.9, 0.1, 0.0], [0.9, 1, 0.0, 0.1], [0.1, 0.0, 1, 0.8], [0.0, 0.1, 0.8, 1]])
    assert average_linkage(similarity, threshold) == expected
    assert sparse_average_linkage(4, pairs_of(similarity), threshold) == expected


@pytest.mark.parametrize(
    ("seed", "size", "density", "threshold"),
    [(0, 40, 0.1, 0.4), (1, 60, 0.2, 0.3), (2, 80, 0.1, 0.5), (3, 120, 0.05, 0.25), (4, 30, 0.5, 0.2)],
    ids=["40-items", "60-denser", "80-strict", "120-sparse", "30-dense"],
)
def test_sparse_merges_like_the_dense_reference(seed: int, size: int, density: float, threshold: float) -> None:
    # Continuous values: no exact ties, so both must make the very same merges.
    rng = np.random.default_rng(seed)
    upper = np.triu(np.where(rng.random((size, size)) < density, rng.random((size, size)), 0.0), 1)
    similarity = upper + upper.T + np.eye(size)
    expected = average_linkage(similarity, threshold)
    assert 1 <= len(set(expected)) < size  # some merges, whatever the case
    assert sparse_average_linkage(size, pairs_of(similarity), threshold) == expected


@pytest.mark.parametrize("size", [0, 1], ids=["empty", "single"])
def test_fewer_than_two_items(size: int) -> None:
    assert average_linkage(np.eye(size), 0.4) == list(range(size))
    assert sparse_average_linkage(size, Pairs.empty(), 0.4) == list(range(size))


@pytest.mark.parametrize(("seed", "threshold"), [(0, 0.3), (1, 0.5), (2, 0.15), (3, 0.7)],
                         ids=["0.3", "0.5", "0.15", "0.7"])
def test_copies_merge_like_every_copy_listed(seed: int, threshold: float) -> None:
    rng = np.random.default_rng(seed)
    vocabulary = [f"w{k}" for k in range(12)]
    distinct = [frozenset(rng.choice(vocabulary, size=rng.integers(1, 6), replace=False).tolist()) for _ in range(30)]
    sets = [distinct[k] for k in rng.integers(0, len(distinct), size=120)]  # many copies of each
    pairs = jaccard_pairs(sets, 0.1)
    assert pairs.copy_of is not None
    weighted = sparse_average_linkage(len(sets), pairs, threshold)
    assert weighted == sparse_average_linkage(len(sets), pairs.expanded(), threshold)
    assert all(weighted[k] == weighted[int(first)] for k, first in enumerate(pairs.copy_of))
