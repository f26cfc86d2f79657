"""Whether two questions ask the same thing: a logistic regression over pair features.

The index (`neighbours`) proposes candidate pairs; this model scores each one with the
probability that a doctor would call the two a rewording of each other, and average linkage
groups on that probability (`question_similarity`). Two heads ship as package data
(`data/faq_pair_model.json`, trained by `benchmarks/train_faq_pair_model.py` on the development
question pairs, deterministic, seconds):

- `semantic`: the cosine of the two questions' all-MiniLM-L6-v2 vectors plus the lexical features
  (|u - v| and u * v of the frozen vectors as 768 more features were measured too and gave
  nothing on the development pairs: docs/faq.md);
- `lexical`: the lexical features alone, for installs without the `semantic` extra.

Lexical features (`LEXICAL_FEATURES`): word Jaccard, content-stem Jaccard, TF-IDF cosine (the
space fit on the questions being grouped), Jaccard of the medical and topic terms the taxonomy
finds, both naming terms that differ, same question word ("how" / "can" / "should" ...), same
negation, length ratio, the number of content stems the two share (up to 6) and the fewer content
stems of the two (up to 8): a Jaccard of 0.25 means more when 3 of 12 stems are shared than 1 of 4.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from commentscope.analysis.question_terms import QuestionTerms, question_word, terms_of
from commentscope.analysis.term_rows import TermRows, id_type
from commentscope.errors import CommentscopeError

MODEL_FILE = "data/faq_pair_model.json.gz"
LEXICAL_FEATURES = (
    "word_jaccard", "content_jaccard", "tfidf_cosine", "term_jaccard", "terms_differ",
    "same_question_word", "same_negation", "length_ratio", "shared_stems", "fewest_stems",
)
SHARED_CAP = 6  # shared content stems counted up to this many
FEWEST_CAP = 8  # a question's content stems counted up to this many (more than half of the
# development questions have fewer): a head fitted on short questions must not read two long
# comments as alike for their length alone
_BLOCK = 8192  # pairs whose vectors are gathered at once

Matrix = npt.NDArray[np.float64]
Index = npt.NDArray[np.int64]


@dataclass(frozen=True)
class PairHead:
    """One logistic regression: standardise the features, then a linear score and a sigmoid."""

    name: str
    features: tuple[str, ...]
    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    coef: npt.NDArray[np.float64]
    intercept: float
    threshold: float  # average-linkage threshold on the probability, chosen with the model

    def probability(self, features: Matrix) -> npt.NDArray[np.float64]:
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "features": list(self.features), "mean": self.mean.tolist(),
                "scale": self.scale.tolist(), "coef": self.coef.tolist(), "intercept": self.intercept,
                "threshold": self.threshold}

    @classmethod
    def from_json(cls, raw: dict[str, object]) -> PairHead:
        def floats(key: str) -> npt.NDArray[np.float64]:
            return np.asarray(raw[key], dtype=np.float64)

        head = cls(str(raw["name"]), tuple(map(str, raw["features"])),  # type: ignore[call-overload]
                   floats("mean"), floats("scale"), floats("coef"),
                   float(raw["intercept"]), float(raw["threshold"]))  # type: ignore[arg-type]
        if not len(head.mean) == len(head.scale) == len(head.coef):
            raise CommentscopeError(f"{MODEL_FILE}: head {head.name!r} has mismatched lengths")
        return head


@cache
def packaged_head(name: str) -> PairHead:
    """The shipped head `name` ("semantic" or "lexical")."""
    raw = resources.files("commentscope").joinpath(MODEL_FILE).read_bytes()
    heads = json.loads(gzip.decompress(raw))["heads"]
    if name not in heads:
        raise CommentscopeError(f"{MODEL_FILE} has no head {name!r}; retrain with benchmarks/train_faq_pair_model.py")
    return PairHead.from_json(heads[name])


def pair_features(
    texts: Sequence[str], left: Index, right: Index, vectors: npt.NDArray[np.float32] | None = None
) -> Matrix:
    """One row per pair (left[k], right[k]): the cosine of the `vectors` (unit rows) when given,
    then `LEXICAL_FEATURES`. `texts` that carry their descriptions (`DescribedTexts`) are not
    tokenised again."""
    described = _Described.of(terms_of(texts), left, right)
    rows = np.zeros((len(left), len(LEXICAL_FEATURES) + (vectors is not None)))
    for block, features in _feature_blocks(described, left, right, vectors):
        rows[block] = features
    return rows


def pair_probabilities(
    head: PairHead, texts: Sequence[str], left: Index, right: Index, vectors: npt.NDArray[np.float32] | None = None
) -> npt.NDArray[np.float64]:
    """`head.probability` of each pair's `pair_features`, one block of pairs at a time: the
    same numbers without the whole feature matrix (80 bytes a pair: 800 MB at 10 million pairs)."""
    described = _Described.of(terms_of(texts), left, right)
    found = np.zeros(len(left))
    for block, features in _feature_blocks(described, left, right, vectors):
        found[block] = head.probability(features)
    return found


def lexical_features(texts: Sequence[str], left: Index, right: Index) -> Matrix:
    """`LEXICAL_FEATURES` for each pair (left[k], right[k]) of `texts`: each text's words are
    read once (`QuestionTerms`), and the pairs are compared with numpy (`TermRows.overlap`)."""
    return pair_features(texts, left, right)


def _feature_blocks(
    described: _Described, left: Index, right: Index, vectors: npt.NDArray[np.float32] | None
) -> Iterator[tuple[slice, Matrix]]:
    """The feature rows of the pairs, `_BLOCK` pairs at a time (a multiple of 8: OpenBLAS
    gives each row the same bits whatever the block, tested)."""
    for start in range(0, len(left), _BLOCK):
        block = slice(start, start + _BLOCK)
        rows = described.features(left[block], right[block])
        if vectors is not None:
            cosines = np.einsum("ij,ij->i", vectors[left[block]], vectors[right[block]])
            rows = np.hstack([cosines.astype(np.float64)[:, None], rows])
        yield block, rows


@dataclass(frozen=True)
class _Described:
    """What the lexical features compare, per text, as rows of term ids (`QuestionTerms`), with
    the TF-IDF weights of the content stems in the space fit on all the texts."""

    word_sets: TermRows
    stems: TermRows  # content stems, ordered as the TF-IDF dot product sums them
    tfidf: npt.NDArray[np.float64]  # weight of each entry of `stems`
    term_sets: TermRows
    asks: Index
    negated: npt.NDArray[np.bool_]
    length: Matrix

    @classmethod
    def of(cls, terms: QuestionTerms, left: Index, right: Index) -> _Described:
        member = np.zeros(len(terms), dtype=bool)
        member[left] = member[right] = True
        stems, weights = _tfidf(terms, np.flatnonzero(member))
        return cls(terms.rows("words"), stems, weights, terms.rows("topic_terms"),
                   np.frombuffer(terms.question_words, dtype=np.int32).astype(np.int64),
                   np.frombuffer(terms.negated, dtype=np.int8).astype(bool),
                   np.frombuffer(terms.lengths, dtype=np.int32).astype(np.float64))

    def features(self, a: Index, b: Index) -> Matrix:
        """`LEXICAL_FEATURES` of the pairs (a[k], b[k]) of text positions."""
        term_sets, stems, length = self.term_sets, self.stems, self.length
        shared_terms = term_sets.shared(a, b)
        shared_stems, cosine = stems.overlap(a, b, self.tfidf)
        fewest_stems = np.minimum(stems.sizes[a], stems.sizes[b])
        return np.column_stack([
            _jaccard(self.word_sets, a, b, self.word_sets.shared(a, b)), _jaccard(stems, a, b, shared_stems),
            cosine, _jaccard(term_sets, a, b, shared_terms),
            (term_sets.sizes[a] > 0) & (term_sets.sizes[b] > 0) & (shared_terms == 0),
            self.asks[a] == self.asks[b], self.negated[a] == self.negated[b],
            np.minimum(length[a], length[b]) / np.maximum(1.0, np.maximum(length[a], length[b])),
            np.minimum(shared_stems, SHARED_CAP), np.minimum(fewest_stems, FEWEST_CAP),
        ]).astype(np.float64)


def _jaccard(rows: TermRows, a: Index, b: Index, shared: Matrix) -> Matrix:
    """|A & B| / |A | B| of rows a[k] and b[k] (0 when both are empty), `shared` = |A & B|."""
    union = rows.sizes[a] + rows.sizes[b] - shared
    return np.where(union > 0, shared / np.maximum(union, 1), 0.0)


def _tfidf(terms: QuestionTerms, members: Index) -> tuple[TermRows, npt.NDArray[np.float64]]:
    """The content stems of every text with their L2-normalised sublinear TF-IDF weights in the
    space fit on all the texts (`similarity.TfidfSpace`, the same numbers), each row's stems in
    the order in which the texts at `members` (ascending) first name them: the order in which
    a dot product adds them up, and so its last bit."""
    rows = terms.rows("content")
    counts = np.frombuffer(terms.counts, dtype=np.int32)
    frequency = np.bincount(rows.ids, minlength=len(terms.vocabulary))
    n = len(terms)
    idf = np.array([math.log((1.0 + n) / (1.0 + df)) + 1.0 for df in frequency.tolist()])
    tf = np.array([0.0, *(1.0 + math.log(c) for c in range(1, int(counts.max(initial=0)) + 1))])
    weights = tf[counts] * idf[rows.ids]  # each row's stems alphabetically, as TfidfSpace adds their squares
    norm = np.sqrt(_row_sums(weights * weights, rows))
    owner = np.repeat(np.arange(n, dtype=np.int64), rows.sizes)
    if len(weights):
        weights /= norm[owner]
    named = rows.ids if len(members) == n else rows.ids[rows.entries(members)[1]]
    seen, first = np.unique(named, return_index=True)
    named_count = len(seen)
    rank = np.full(len(terms.vocabulary), named_count, dtype=np.int64)
    rank[seen[np.argsort(first)]] = np.arange(named_count)
    del named, seen, first
    # One sort key per entry, in place of a lexsort by (row, rank, id) and its copies: the row,
    # then the rank, then for the stems no member names (all of rank `named_count`) their id.
    key = rank[rows.ids]
    unnamed = key == named_count
    key[unnamed] += rows.ids[unnamed]
    del rank, unnamed
    span = named_count + len(terms.vocabulary)
    owner *= span
    owner += key
    del key
    order = np.argsort(owner, kind="stable")
    weights = weights[order]
    del order
    owner.sort()
    ranked = np.minimum(owner % span, named_count).astype(id_type(named_count + 1))
    return TermRows(rows.starts, ranked), weights


def _row_sums(values: npt.NDArray[np.float64], rows: TermRows) -> npt.NDArray[np.float64]:
    """The sum of each row's entries of `values`, added left to right as `sum()` adds a list
    (the same bits; numpy's own reductions add pairwise), one column of entries at a time: no
    Python float per entry (6.7 million content stems at a million comments)."""
    sizes, first = rows.sizes, rows.starts[:-1]
    sums = np.zeros(len(sizes))
    for column in range(int(sizes.max(initial=0))):
        longer = np.flatnonzero(sizes > column)
        sums[longer] += values[first[longer] + column]
    return sums


__all__ = ["LEXICAL_FEATURES", "PairHead", "lexical_features", "packaged_head", "pair_features",
           "pair_probabilities", "question_word"]
