"""Sets as rows of term ids: pair overlaps and the lexical candidate index, against plain Python."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis import term_rows
from commentscope.analysis.neighbours import Pairs, _canonical, jaccard_neighbours, term_pair_ends, term_pairs
from commentscope.analysis.term_rows import TermRows

VOCABULARY = [f"t{k:02d}" for k in range(40)]
term_sets = st.lists(st.frozensets(st.sampled_from(VOCABULARY), max_size=12), min_size=1, max_size=60)


def reference_neighbours(sets: list[frozenset[str]], floor: float, k: int, key_terms: int, cap: int) -> Pairs:
    """The candidate index as written in plain Python (sets, a Counter, a heap per item)."""
    first: dict[frozenset[str], int] = {}
    copy_of = [first.setdefault(s, n) if s else n for n, s in enumerate(sets)]
    distinct = [n for n, c in enumerate(copy_of) if c == n and sets[n]]
    frequency = Counter(term for item in distinct for term in sets[item])
    keys = {item: sorted((t for t in sets[item] if frequency[t] > 1), key=lambda t: (frequency[t], t))[:key_terms]
            for item in distinct}
    postings: dict[str, list[int]] = defaultdict(list)
    for item in distinct:
        for term in keys[item]:
            if len(postings[term]) < cap:
                postings[term].append(item)
    left, right, sims = [], [], []
    for item in distinct:
        candidates = {other for term in keys[item] for other in postings[term]} - {item}
        scored = []
        for other in candidates:
            shared = len(sets[item] & sets[other])
            score = shared / (len(sets[item]) + len(sets[other]) - shared)
            if score >= floor:
                scored.append((-score, other))
        for negative, other in heapq.nsmallest(k, scored):
            left.append(item)
            right.append(other)
            sims.append(-negative)
    pairs = _canonical(np.array(left, np.int64), np.array(right, np.int64), np.array(sims))
    if len(first) == sum(1 for s in sets if s):
        return pairs
    return Pairs(pairs.left, pairs.right, pairs.similarity, np.array(copy_of, np.int64))


@settings(max_examples=40, deadline=None)
@given(sets=term_sets, floor=st.sampled_from([0.05, 0.1, 0.3, 0.6]), k=st.integers(1, 6),
       key_terms=st.integers(1, 4), cap=st.integers(1, 8))
def test_jaccard_neighbours_equal_the_plain_python_index(
    sets: list[frozenset[str]], floor: float, k: int, key_terms: int, cap: int
) -> None:
    found = jaccard_neighbours(sets, floor, k=k, key_terms=key_terms, posting_cap=cap)
    expected = reference_neighbours(sets, floor, k, key_terms, cap)
    assert np.array_equal(found.left, expected.left)
    assert np.array_equal(found.right, expected.right)
    assert np.array_equal(found.similarity, expected.similarity)  # the same float division
    assert (found.copy_of is None) == (expected.copy_of is None)
    if found.copy_of is not None and expected.copy_of is not None:
        assert np.array_equal(found.copy_of, expected.copy_of)


@settings(max_examples=40, deadline=None)
@given(sets=term_sets, data=st.data())
def test_overlap_counts_shared_terms_and_sums_weight_products(sets: list[frozenset[str]], data: st.DataObject) -> None:
    ids = {term: n for n, term in enumerate(VOCABULARY)}
    rows = TermRows.of([[ids[t] for t in sorted(s)] for s in sets])
    weights = np.arange(1, len(rows.ids) + 1, dtype=np.float64) / 7.0
    pair = st.tuples(st.integers(0, len(sets) - 1), st.integers(0, len(sets) - 1))
    pairs = data.draw(st.lists(pair, max_size=40))  # in any order: `overlap` sorts them itself
    a = np.array([p[0] for p in pairs], dtype=np.int64)
    b = np.array([p[1] for p in pairs], dtype=np.int64)
    count, dot = rows.overlap(a, b, weights)
    for n, (x, y) in enumerate(pairs):
        weight = {int(t): float(w) for t, w in zip(rows.ids[rows.starts[x]:rows.starts[x + 1]],
                                                   weights[rows.starts[x]:rows.starts[x + 1]], strict=True)}
        products = [weight[int(t)] * float(w) for t, w in zip(rows.ids[rows.starts[y]:rows.starts[y + 1]],
                                                            weights[rows.starts[y]:rows.starts[y + 1]], strict=True)
                    if int(t) in weight]
        assert count[n] == len(sets[x] & sets[y])
        total = 0.0
        for p in products:  # in the order of y's row
            total += p
        assert dot[n] == total


def test_overlap_of_rows_spread_over_several_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = TermRows.of([[0, 3], [1, 3], [3], [], [0, 1, 2, 3]])
    a, b = np.array([0, 1, 2, 3, 4, 4], dtype=np.int64), np.array([4, 4, 4, 4, 0, 2], dtype=np.int64)
    whole = rows.overlap(a, b)[0]
    monkeypatch.setattr(term_rows, "_DENSE_CELLS", 4)  # a table holds one row of 4 terms
    assert np.array_equal(rows.overlap(a, b)[0], whole)
    assert whole.tolist() == [2.0, 2.0, 1.0, 0.0, 2.0, 1.0]


@settings(max_examples=30, deadline=None)
@given(sets=term_sets, rows_at_once=st.integers(1, 7), words=st.integers(1, 2))
def test_shared_counts_equal_overlap_with_signatures_made_in_blocks(
    sets: list[frozenset[str]], rows_at_once: int, words: int
) -> None:
    # few signature bits (64 or 128 common terms of 40: all, or past every term) and small blocks
    rows = TermRows.of([sorted(VOCABULARY.index(t) for t in s) for s in sets])
    a, b = (np.array(side, dtype=np.int64) for side in np.triu_indices(len(sets), k=1))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(term_rows, "_SIGNATURE_ROWS", rows_at_once)
        patch.setattr(term_rows, "_SIGNATURE_WORDS", words)
        assert np.array_equal(rows.shared(a, b), rows.overlap(a, b)[0])


def test_signatures_leave_rare_terms_as_rows_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_rows, "_SIGNATURE_ROWS", 2)
    monkeypatch.setattr(term_rows, "_SIGNATURE_WORDS", 0)  # no common term: every entry stays a row
    rows = TermRows.of([[0, 3], [1, 3], [3], [], [0, 1, 2, 3]])
    signatures, rest = rows._signatures
    assert not signatures.any()
    assert rest.starts.tolist() == rows.starts.tolist()
    assert rest.ids.tolist() == rows.ids.tolist()


@settings(max_examples=40, deadline=None)
@given(sets=term_sets, floor=st.sampled_from([0.05, 0.1, 0.3]), k=st.integers(1, 6))
def test_term_pair_ends_are_term_pairs_without_similarities(sets: list[frozenset[str]], floor: float, k: int) -> None:
    rows = TermRows.of([sorted(VOCABULARY.index(t) for t in s) for s in sets])
    scored = term_pairs(rows, floor, k=k)
    left, right, copy_of = term_pair_ends(rows, floor, k=k)
    assert np.array_equal(left, scored.left) and left.dtype == scored.left.dtype
    assert np.array_equal(right, scored.right)
    assert (copy_of is None) == (scored.copy_of is None)
    if copy_of is not None and scored.copy_of is not None:
        assert np.array_equal(copy_of, scored.copy_of)
