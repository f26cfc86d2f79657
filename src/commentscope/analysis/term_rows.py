"""Sets of terms as rows of integer ids, compared pair by pair with numpy, never in a Python loop.

`TermRows` holds many small sets (a question's words, content stems, taxonomy terms) in
compressed form. `overlap` counts the terms each pair of rows shares (and sums the products of
their weights) for hundreds of thousands of pairs at once; `term_neighbours` is the lexical
candidate index (`neighbours.jaccard_neighbours`) on such rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

Index = npt.NDArray[np.int64]
Ids = npt.NDArray[np.signedinteger[Any]]  # item ids: int32 when they fit (`id_type`), else int64
Floats = npt.NDArray[np.float64]
_DENSE_CELLS = 1 << 22  # cells of the dense table in which `overlap` looks terms up (4 MiB of flags)
_SIGNATURE_WORDS = 16  # 64-bit words of common terms a row keeps as bits (1,024 terms)
_SIGNATURE_PAIRS = 1 << 16  # pairs whose signatures are compared at once
_SIGNATURE_ROWS = 1 << 16  # rows whose signatures are made at once
_BLOCK_ENTRIES = 1 << 21  # candidate entries (an item and one set filed under a key term) at once


def id_type(count: int) -> type[np.signedinteger[Any]]:
    """The integer type for the ids of `count` items: int32 when they fit (half the bytes of a
    pair's two ends: some 14 million candidate pairs at a million comments)."""
    return np.int32 if count < 2**31 else np.int64


@dataclass(frozen=True)
class TermRows:
    """Rows of term ids: row r holds ids[starts[r]:starts[r + 1]], each id at most once (int32
    or int64 ids)."""

    starts: Index
    ids: Ids

    @classmethod
    def of(cls, rows: list[list[int]]) -> TermRows:
        starts = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum([len(r) for r in rows], out=starts[1:])
        return cls(starts, np.array([k for r in rows for k in r], dtype=np.int64))

    def __len__(self) -> int:
        return len(self.starts) - 1

    @cached_property
    def sizes(self) -> Index:
        return np.diff(self.starts)

    @cached_property
    def width(self) -> int:
        """One more than the largest term id."""
        return int(self.ids.max(initial=0)) + 1

    @cached_property
    def _signatures(self) -> tuple[npt.NDArray[np.uint64], TermRows]:
        """Each row's most frequent terms (up to 64 * `_SIGNATURE_WORDS` of them) as bits, and
        the rest of its terms as rows: most entries of a row are common terms. Made a block of
        rows at a time: arrays over every entry would be 40 bytes each (13 million words'
        entries at a million comments)."""
        frequency = np.bincount(self.ids, minlength=1)
        common = np.argsort(-frequency, kind="stable")[: 64 * _SIGNATURE_WORDS]
        common = common[frequency[common] > 0]
        bit = np.full(len(frequency), -1, dtype=np.int64)
        bit[common] = np.arange(len(common))
        signatures = np.zeros((len(self), max(1, -(-len(common) // 64))), dtype=np.uint64)
        rest_sizes = np.zeros(len(self), dtype=np.int64)
        rest_ids: list[Ids] = [self.ids[:0]]
        for start in range(0, len(self), _SIGNATURE_ROWS):
            rows = np.arange(start, min(start + _SIGNATURE_ROWS, len(self)), dtype=np.int64)
            owner, at = self.entries(rows)
            found = bit[self.ids[at]]
            signed = found >= 0
            np.add.at(signatures, (owner[signed] + start, found[signed] >> 6),  # distinct bits: adding sets them
                      np.left_shift(np.uint64(1), (found[signed] & 63).astype(np.uint64)))
            rest_sizes[rows] = np.bincount(owner[~signed], minlength=len(rows))
            rest_ids.append(self.ids[at[~signed]])
        rest = np.zeros(len(self) + 1, dtype=np.int64)
        np.cumsum(rest_sizes, out=rest[1:])
        return signatures, TermRows(rest, np.concatenate(rest_ids))

    def shared(self, a: Index, b: Index) -> Floats:
        """Per pair (a[k], b[k]), the number of shared terms (`overlap` without weights, faster:
        the common terms are compared as bits)."""
        signatures, rest = self._signatures
        count = np.zeros(len(a))
        for start in range(0, len(a), _SIGNATURE_PAIRS):
            block = slice(start, start + _SIGNATURE_PAIRS)
            both = np.bitwise_and(signatures[a[block]], signatures[b[block]])
            count[block] = np.bitwise_count(both).sum(axis=1, dtype=np.int64)
        if len(rest.ids):
            count += rest.overlap(a, b)[0]
        return count

    def entries(self, rows: Index) -> tuple[Index, Index]:
        """The owner (0.. along `rows`) and position in `ids` of every entry of the given rows."""
        first = self.starts[rows]
        sizes = self.starts[rows + 1] - first
        owner = np.repeat(np.arange(len(rows), dtype=np.int64), sizes)
        shift = np.repeat(first - (np.cumsum(sizes) - sizes), sizes)
        return owner, np.arange(len(owner), dtype=np.int64) + shift

    def overlap(self, a: Index, b: Index, weights: Floats | None = None) -> tuple[Floats, Floats]:
        """Per pair (a[k], b[k]), the number of shared terms and the sum of their weights'
        products (zeros without `weights`), summed in the order of b's row.

        The rows of a run of `a` values are spread into a dense table (row by term id), and every
        entry of b's rows is looked up in it: one gather per entry, no sorting or searching."""
        count, dot = np.zeros(len(a)), np.zeros(len(a))
        if not len(a):
            return count, dot
        width = self.width
        order = None
        if np.any(a[1:] < a[:-1]):
            order = np.argsort(a, kind="stable")
            a, b = a[order], b[order]
        span = max(1, min(_DENSE_CELLS // width, int(a[-1] - a[0]) + 1))
        member = np.zeros((span, width), dtype=bool)
        weighed = np.zeros((span, width)) if weights is not None else None
        start = 0
        while start < len(a):
            base = int(a[start])
            end = int(np.searchsorted(a, base + span))
            items = _distinct_sorted(a[start:end])
            owner, at = self.entries(items)
            cells = (items[owner] - base, self.ids[at])
            member[cells] = True
            owner_b, at_b = self.entries(b[start:end])
            lookup = (a[start:end][owner_b] - base, self.ids[at_b])
            hit = member[lookup]
            count[start:end] = np.bincount(owner_b[hit], minlength=end - start)
            if weights is not None and weighed is not None:
                weighed[cells] = weights[at]
                products = weighed[lookup][hit] * weights[at_b[hit]]
                dot[start:end] = np.bincount(owner_b[hit], weights=products, minlength=end - start)
            member[cells] = False
            start = end
        if order is not None:
            count[order], dot[order] = count.copy(), dot.copy()
        return count, dot


def term_neighbours(
    rows: TermRows, floor: float, *, k: int, key_terms: int, posting_cap: int, scores: bool = True
) -> tuple[Ids, Ids, Floats, Index | None]:
    """Each distinct non-empty row's `k` most similar rows (Jaccard >= `floor`) among those filed
    under its `key_terms` rarest shared terms: (item, neighbour, Jaccard, copy_of).

    Rows must list their ids in ascending order, and ids must order terms as their ties are
    broken (alphabetically). Semantics as `neighbours.jaccard_neighbours`; `copy_of` is None
    when no two non-empty rows are equal. Items and neighbours as `id_type`. Without `scores`
    the Jaccard array is empty (not kept: 8 bytes a candidate, some 15 million at a million
    comments)."""
    sizes = rows.sizes
    copy_of, distinct = _copies(rows)
    key_owner, key_terms_, frequency = _key_entries(rows, distinct, key_terms)
    posting_start, filed_item = _postings(key_owner, key_terms_, distinct, len(frequency), posting_cap)
    per_key = np.diff(posting_start)[key_terms_]
    item_starts = np.flatnonzero(np.r_[True, key_owner[1:] != key_owner[:-1]]) if len(key_owner) else key_owner
    before = np.r_[0, np.cumsum(per_key)][item_starts]  # candidate entries before each item's
    marks = np.arange(0, int(per_key.sum()) + 1, _BLOCK_ENTRIES)
    firsts: list[int] = item_starts[np.unique(np.searchsorted(before, marks, side="right") - 1)].tolist() if len(
        key_owner) else []
    cuts = [*firsts, len(key_owner)]
    del per_key, item_starts, before, marks
    found: list[list[npt.NDArray[Any]]] = [[], [], []]  # items, neighbours, Jaccard: block by block
    for start, end in pairwise(cuts):
        if end > start:
            best = _best(rows, sizes, distinct[key_owner[start:end]], key_terms_[start:end],
                         posting_start, filed_item, floor, k)
            for pieces, piece in zip(found, best if scores else best[:2], strict=False):
                pieces.append(piece)
            del best
    if not found[0]:
        empty = np.zeros(0, dtype=id_type(len(rows)))
        return empty, empty, np.zeros(0), copy_of
    items, neighbours, jaccard = (_joined(pieces) for pieces in found)
    return items, neighbours, jaccard, copy_of


def _joined(pieces: list[npt.NDArray[Any]]) -> npt.NDArray[Any]:
    """The pieces as one array; the list is emptied, each piece freed once copied: the joined
    array's pages become resident as the pieces' go, so the two are not held at once."""
    if not pieces:
        return np.zeros(0)
    joined = np.empty(sum(len(piece) for piece in pieces), dtype=pieces[0].dtype)
    pieces.reverse()
    at = 0
    while pieces:
        piece = pieces.pop()
        joined[at : at + len(piece)] = piece
        at += len(piece)
    return joined


def _key_entries(rows: TermRows, distinct: Index, key_terms: int) -> tuple[Index, Ids, Index]:
    """Each distinct row's `key_terms` rarest terms that another row shares (fewest rows first,
    then by id) as (position in `distinct`, term) entries, items in order; and each term's rows.
    (Its own function: the arrays over every entry are freed before the candidates are made.)"""
    owner, at = rows.entries(distinct)
    terms = rows.ids[at]
    del at
    frequency = np.bincount(terms, minlength=rows.width)
    shared = frequency[terms] > 1
    owner, terms = owner[shared], terms[shared]
    del shared
    order = np.lexsort((terms, frequency[terms], owner))  # per item: rarest first, then by term
    owner, terms = owner[order], terms[order]
    del order
    key = _rank_in_runs(owner) < key_terms
    return owner[key], terms[key], frequency


def _postings(key_owner: Index, key_terms_: Ids, distinct: Index, width: int, posting_cap: int) -> tuple[Index, Index]:
    """The items filed under each term (its first `posting_cap`, in order) as one array, and
    where each term's begin in it (`width` + 1 entries)."""
    by_term = np.lexsort((key_owner, key_terms_))
    filed_term, filed_item = key_terms_[by_term], distinct[key_owner[by_term]]
    kept = _rank_in_runs(filed_term) < posting_cap
    filed_term, filed_item = filed_term[kept], filed_item[kept]
    return np.searchsorted(filed_term, np.arange(width + 1)), filed_item


def _best(rows: TermRows, sizes: Index, item: Index, term: Index, posting_start: Index, filed_item: Index,
          floor: float, k: int) -> tuple[Ids, Ids, Floats]:
    """The `k` best candidates (Jaccard >= floor, ties to the lower row) of the items of one block,
    given as (item, key term) entries."""
    count = posting_start[term + 1] - posting_start[term]
    mine = np.repeat(item, count)
    shift = np.repeat(posting_start[term] - (np.cumsum(count) - count), count)
    theirs = filed_item[np.arange(len(mine), dtype=np.int64) + shift]
    pair = _distinct_sorted(np.sort(mine * len(rows) + theirs))
    mine, theirs = pair // len(rows), pair % len(rows)
    other = mine != theirs
    mine, theirs = mine[other], theirs[other]
    shared = rows.shared(mine, theirs)
    score = shared / (sizes[mine] + sizes[theirs] - shared)
    good = score >= floor
    mine, theirs, score = mine[good], theirs[good], score[good]
    order = np.lexsort((-score, mine))  # stable: ties stay in the order of `theirs`, ascending
    mine, theirs, score = mine[order], theirs[order], score[order]
    best = _rank_in_runs(mine) < k
    ids = id_type(len(rows))
    return mine[best].astype(ids), theirs[best].astype(ids), score[best]


def _copies(rows: TermRows) -> tuple[Index | None, Index]:
    """For each row the first row equal to it (None when no two non-empty rows are equal), and
    the distinct non-empty rows, in order."""
    ids, starts = rows.ids.tobytes(), (rows.starts * rows.ids.itemsize).tolist()
    first: dict[bytes, int] = {}
    copy_of = [first.setdefault(ids[s:e], k) if e > s else k for k, (s, e) in enumerate(pairwise(starts))]
    sizes = rows.sizes
    distinct = np.array([k for k, c in enumerate(copy_of) if c == k and sizes[k]], dtype=np.int64)
    if len(first) == int(np.count_nonzero(sizes)):
        return None, distinct
    return np.array(copy_of, dtype=np.int64), distinct


def _distinct_sorted(values: Index) -> Index:
    """The distinct values of a sorted array."""
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def _rank_in_runs(values: Index) -> Index:
    """Each element's position within its run of equal values (0 for a run's first)."""
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    lengths = np.diff(np.r_[starts, len(values)])
    return np.arange(len(values), dtype=np.int64) - np.repeat(starts, lengths)
