"""Average linkage over a sparse similarity graph, checked against the dense reference and a
straightforward sparse one (the same sums in the same order, so ties and copies agree exactly)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from commentscope.analysis import linkage
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


def reference_linkage(count: int, pairs: Pairs, threshold: float) -> list[int]:
    """The clustering `sparse_average_linkage` promises, the obvious slow way: a sum per two
    clusters in a dict (pairs summed in input order, each weighted by its items' copies, only
    inside the components of pairs at or above the threshold), and each step a full scan for
    the highest mean, ties to the smaller pair."""
    if threshold > 1.0:
        return list(range(count))
    copy_of = list(range(count)) if pairs.copy_of is None else pairs.copy_of.tolist()
    size = [copy_of.count(k) for k in range(count)]
    triples = list(zip(pairs.left.tolist(), pairs.right.tolist(), pairs.similarity.tolist(), strict=True))
    component = list(range(count))
    for a, b, s in triples:
        if s >= threshold:
            old, new = max(component[a], component[b]), min(component[a], component[b])
            component = [new if c == old else c for c in component]
    sums: dict[tuple[int, int], float] = {}
    for a, b, s in triples:
        if a != b and component[a] == component[b]:
            key = (min(a, b), max(a, b))  # weighted by the smaller item's size first, as the code does:
            sums[key] = sums.get(key, 0.0) + s * size[key[0]] * size[key[1]]  # s*5*3 and s*3*5 may differ
    label = list(range(count))
    while True:
        means = [(-s / (size[a] * size[b]), a, b) for (a, b), s in sums.items() if s / (size[a] * size[b]) >= threshold]
        if not means:
            break
        _, keep, gone = min(means)
        size[keep] += size[gone]
        merged: dict[tuple[int, int], float] = {}
        for (a, b), s in sums.items():
            if {a, b} != {keep, gone}:
                a, b = keep if a == gone else a, keep if b == gone else b
                merged[min(a, b), max(a, b)] = merged.get((min(a, b), max(a, b)), 0.0) + s
        sums = merged
        label = [keep if x == gone else x for x in label]
    return [label[first] for first in copy_of]


@st.composite
def sparse_graphs(draw: st.DrawFn) -> tuple[int, Pairs, float]:
    """Small graphs with many exact ties, repeated and self pairs, negative pairs (two questions
    of one comment) and, sometimes, copies (pairs then only between first items)."""
    count = draw(st.integers(1, 24))
    copy_of = np.arange(count)
    if draw(st.booleans()):
        earlier = draw(st.lists(st.integers(0, count - 1), min_size=count, max_size=count))
        for k in range(count):
            copy_of[k] = copy_of[min(k, earlier[k])]
    firsts = np.flatnonzero(copy_of == np.arange(count)).tolist()
    values = st.sampled_from([1.0, 0.9, 0.6, 0.5, 0.45, 0.3, 0.25, 0.2, 0.1, 0.0, -1e6]) | st.floats(-0.2, 1.0)
    triples = draw(st.lists(st.tuples(st.sampled_from(firsts), st.sampled_from(firsts), values), max_size=3 * count))
    left = np.array([a for a, _, _ in triples], np.int64)
    right = np.array([b for _, b, _ in triples], np.int64)
    similarity = np.array([s for _, _, s in triples], np.float64)
    copies = copy_of.astype(np.int64) if (copy_of != np.arange(count)).any() else None
    threshold = draw(st.sampled_from([0.2, 0.25, 0.3, 0.45, 0.5, 0.9, 1.0]))
    return count, Pairs(left, right, similarity, copies), threshold


# two exact ties between items of 3, 4 and 5 copies: s * 5 * 3 and s * 3 * 5 differ in the last bit
TIED_COPIES = (17, Pairs(np.array([0, 12]), np.array([1, 0]), np.array([0.38333913, 0.38333913]),
                         np.array([0, 1, 2, 3, 0, 0, 1, 7, 1, 1, 10, 11, 12, 12, 12, 12, 12])), 0.2)


@given(sparse_graphs())
@example(TIED_COPIES)
@settings(max_examples=300, deadline=None)
def test_sparse_linkage_matches_the_reference(graph: tuple[int, Pairs, float]) -> None:
    count, pairs, threshold = graph
    labels = sparse_average_linkage(count, pairs, threshold)
    assert labels == reference_linkage(count, pairs, threshold)
    assert all(labels[label] == label <= item for item, label in enumerate(labels))  # the smallest member


@given(sparse_graphs())
@settings(max_examples=60, deadline=None)
def test_chunks_and_wide_ids_change_nothing(graph: tuple[int, Pairs, float]) -> None:
    count, pairs, threshold = graph
    expected = sparse_average_linkage(count, pairs, threshold)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(linkage, "_CHUNK", 3)  # first bounds set a few clusters at a time
        patch.setattr(linkage, "_index_type", lambda count, pairs: np.int64)
        assert sparse_average_linkage(count, pairs, threshold) == expected


@pytest.mark.parametrize(
    ("order", "expected"),
    [([-1.0, 0.4, 1.0], [0, 0]), ([1.0, 0.4, -1.0], [0, 1])],
    ids=["sum-reaches", "sum-falls-short"],
)
def test_repeated_pairs_add_up_in_input_order(order: list[float], expected: list[int]) -> None:
    # (-1.0 + 0.4) + 1.0 == 0.4 but (1.0 + 0.4) - 1.0 == 0.3999999999999999
    pairs = Pairs(np.array([0, 1, 0]), np.array([1, 0, 1]), np.array(order))
    assert sparse_average_linkage(2, pairs, 0.4) == expected
    assert reference_linkage(2, pairs, 0.4) == expected


def test_ties_go_to_the_smaller_pair() -> None:
    # 0-1, 1-2 and 2-3 all at 0.5: 0 and 1 merge first; {0,1}-2 then averages 0.25, and 2-3 merges
    pairs = Pairs(np.array([2, 1, 0]), np.array([3, 2, 1]), np.array([0.5, 0.5, 0.5]))
    assert sparse_average_linkage(4, pairs, 0.5) == [0, 0, 2, 2]


def test_pairs_across_components_are_ignored() -> None:
    # 0-1 and 2-3 are strong; 1-2 is weak and joins the components: it never counts, even with
    # a threshold at which the weak pair alone would do
    pairs = Pairs(np.array([0, 2, 1]), np.array([1, 3, 2]), np.array([-0.1, -0.1, -0.6]))
    assert sparse_average_linkage(4, pairs, -0.5) == [0, 0, 2, 2] == reference_linkage(4, pairs, -0.5)


def test_set_apart_marks_listed_pairs_in_place_and_returns_the_others() -> None:
    # items 0, 2, 3 share a label, 1 and 4 another: (0, 2) is listed, the other four are not
    pairs = Pairs(np.array([0, 0, 1, 2, 3], np.int32), np.array([1, 2, 3, 4, 4], np.int32),
                  np.array([0.9, 0.8, 0.7, 0.6, 0.5]))
    left, right = linkage._set_apart(pairs, np.array([0, 1, 0, 0, 1], np.int32))
    assert pairs.similarity.tolist() == [0.9, linkage.APART, 0.7, 0.6, 0.5]
    assert left.dtype == right.dtype == np.int32
    assert list(zip(left.tolist(), right.tolist(), strict=True)) == [(0, 3), (2, 3), (1, 4)]


@pytest.mark.parametrize(("seed", "labels"), [(0, 5), (1, 12), (2, 30)], ids=["5-labels", "12-labels", "30-labels"])
def test_keep_apart_merges_like_the_dense_reference_with_apart_entries(seed: int, labels: int) -> None:
    rng = np.random.default_rng(seed)
    size = 60
    upper = np.triu(np.where(rng.random((size, size)) < 0.3, rng.random((size, size)), 0.0), 1)
    similarity = upper + upper.T + np.eye(size)
    label = rng.integers(0, labels, size).astype(np.int32)
    apart = (label[:, None] == label[None, :]) & ~np.eye(size, dtype=bool)
    expected = average_linkage(np.where(apart, linkage.APART, similarity), 0.3)
    found = sparse_average_linkage(size, pairs_of(similarity), 0.3, keep_apart=label)
    assert found == expected
    assert found != sparse_average_linkage(size, pairs_of(similarity), 0.3)  # keeping apart changed something
    clusters = np.array(found)
    assert not any(apart[i, j] for i in range(size) for j in range(i) if clusters[i] == clusters[j])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_items_alone_join_no_cluster_and_the_rest_merge_as_without_them(seed: int) -> None:
    rng = np.random.default_rng(seed)
    size = 40
    upper = np.triu(np.where(rng.random((size, size)) < 0.3, rng.random((size, size)), 0.0), 1)
    similarity = upper + upper.T + np.eye(size)
    alone = rng.random(size) < 0.2
    found = sparse_average_linkage(size, pairs_of(similarity), 0.3, alone=alone)
    assert all(found[k] == k and found.count(k) == 1 for k in np.flatnonzero(alone).tolist())
    apart = (alone[:, None] | alone[None, :]) & ~np.eye(size, dtype=bool)
    assert found == average_linkage(np.where(apart, linkage.APART, similarity), 0.3)
    assert found != sparse_average_linkage(size, pairs_of(similarity), 0.3)  # setting items alone changed something
    none_alone = np.zeros(size, dtype=bool)
    assert sparse_average_linkage(size, pairs_of(similarity), 0.3, alone=none_alone) == sparse_average_linkage(
        size, pairs_of(similarity), 0.3)
