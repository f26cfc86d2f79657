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
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from commentscope.analysis.similarity import TfidfSpace, content_terms
from commentscope.analysis.taxonomy import load_taxonomy
from commentscope.analysis.topics import TopicMatcher
from commentscope.errors import CommentscopeError
from commentscope.text import words

MODEL_FILE = "data/faq_pair_model.json.gz"
LEXICAL_FEATURES = (
    "word_jaccard", "content_jaccard", "tfidf_cosine", "term_jaccard", "terms_differ",
    "same_question_word", "same_negation", "length_ratio", "shared_stems", "fewest_stems",
)
SHARED_CAP = 6  # shared content stems counted up to this many
FEWEST_CAP = 8  # a question's content stems counted up to this many (more than half of the
# development questions have fewer): a head fitted on short questions must not read two long
# comments as alike for their length alone
QUESTION_WORDS = frozenset(
    "what how can is are should why when does do will could which where who would have has did was".split()
)
_NEGATION = re.compile(r"\b(?:not|no|never|without|cannot|\w+n't)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
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
    then `LEXICAL_FEATURES`."""
    described = _Described.of(texts, left, right)
    rows = np.zeros((len(left), len(LEXICAL_FEATURES) + (vectors is not None)))
    for block, features in _feature_blocks(described, left, right, vectors):
        rows[block] = features
    return rows


def pair_probabilities(
    head: PairHead, texts: Sequence[str], left: Index, right: Index, vectors: npt.NDArray[np.float32] | None = None
) -> npt.NDArray[np.float64]:
    """`head.probability` of each pair's `pair_features`, one block of pairs at a time: the
    same numbers without the whole feature matrix (80 bytes a pair: 800 MB at 10 million pairs)."""
    described = _Described.of(texts, left, right)
    found = np.zeros(len(left))
    for block, features in _feature_blocks(described, left, right, vectors):
        found[block] = head.probability(features)
    return found


def lexical_features(texts: Sequence[str], left: Index, right: Index) -> Matrix:
    """`LEXICAL_FEATURES` for each pair (left[k], right[k]) of `texts`.

    Each distinct text is described once in Python; the pairs are then compared with numpy, in
    blocks (`_RowSets.overlap`), so that 700,000 candidate pairs cost no Python loop.
    """
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
    """What the lexical features compare, for every text in a pair, in compact arrays: each
    distinct text is described once and only its rows of term ids are kept (a frozenset and
    a dict per text took 5 KB: 2 GB at a million comments)."""

    code: Index  # text position -> row of its description
    word_sets: _RowSets
    stem_sets: _RowSets
    term_sets: _RowSets
    tfidf: _RowSets
    asks: Index
    negated: npt.NDArray[np.bool_]
    length: Matrix

    @classmethod
    def of(cls, texts: Sequence[str], left: Index, right: Index) -> _Described:
        space = TfidfSpace(texts)
        matcher = _packaged_matcher()
        code = np.zeros(len(texts), dtype=np.int64)
        position: dict[str, int] = {}  # a repeated question is described once
        builders = [_RowSetsBuilder() for _ in range(4)]
        question_words: list[str] = []
        negated: list[bool] = []
        length: list[int] = []
        for k in np.unique(np.concatenate([left, right])).tolist():
            text = texts[k]
            if text not in position:
                position[text] = len(question_words)
                found = words(text)
                builders[0].add(dict.fromkeys(frozenset(found), 1.0))
                builders[1].add(dict.fromkeys(frozenset(content_terms(text)), 1.0))
                builders[2].add(dict.fromkeys(frozenset(t.casefold() for t in matcher.found_terms(text)), 1.0))
                builders[3].add(space.vector(text))
                question_words.append(question_word(text))
                negated.append(_NEGATION.search(text) is not None)
                length.append(len(found))
            code[k] = position[text]
        kinds = {w: k for k, w in enumerate(sorted(set(question_words)))}
        word_sets, stem_sets, term_sets, tfidf = (builder.build() for builder in builders)
        return cls(code, word_sets, stem_sets, term_sets, tfidf,
                   np.array([kinds[w] for w in question_words], dtype=np.int64),
                   np.array(negated, dtype=bool), np.array(length, dtype=np.float64))

    def features(self, left: Index, right: Index) -> Matrix:
        """`LEXICAL_FEATURES` of the pairs (left[k], right[k]) of text positions."""
        a, b = self.code[left], self.code[right]
        term_sets, stem_sets, length = self.term_sets, self.stem_sets, self.length
        shared_terms = term_sets.overlap(a, b)[0]
        shared_stems = stem_sets.overlap(a, b)[0]
        fewest_stems = np.minimum(stem_sets.sizes[a], stem_sets.sizes[b])
        return np.column_stack([
            self.word_sets.jaccard(a, b), stem_sets.jaccard(a, b, shared_stems), self.tfidf.overlap(a, b)[1],
            term_sets.jaccard(a, b), (term_sets.sizes[a] > 0) & (term_sets.sizes[b] > 0) & (shared_terms == 0),
            self.asks[a] == self.asks[b], self.negated[a] == self.negated[b],
            np.minimum(length[a], length[b]) / np.maximum(1.0, np.maximum(length[a], length[b])),
            np.minimum(shared_stems, SHARED_CAP), np.minimum(fewest_stems, FEWEST_CAP),
        ]).astype(np.float64)


class _RowSetsBuilder:
    """`_RowSets.of`, one row at a time, into compact arrays."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms = array("q")
        self.weights = array("d")
        self.starts = array("q", [0])

    def add(self, row: dict[str, float]) -> None:
        ids = self.ids
        keyed = sorted((ids.setdefault(term, len(ids)), weight) for term, weight in row.items())
        self.terms.extend(k for k, _ in keyed)
        self.weights.extend(w for _, w in keyed)
        self.starts.append(len(self.terms))

    def build(self) -> _RowSets:
        return _RowSets(np.frombuffer(self.starts, dtype=np.int64).copy(),
                        np.frombuffer(self.terms, dtype=np.int64).copy(),
                        np.frombuffer(self.weights, dtype=np.float64).copy(), max(1, len(self.ids)))


@dataclass(frozen=True)
class _RowSets:
    """Rows of weighted terms in compressed form (term ids sorted within a row)."""

    starts: Index  # row r holds terms[starts[r]:starts[r + 1]]
    terms: Index
    weights: npt.NDArray[np.float64]
    vocabulary: int

    @classmethod
    def of(cls, rows: Sequence[dict[str, float]]) -> _RowSets:
        builder = _RowSetsBuilder()
        for row in rows:
            builder.add(row)
        return builder.build()

    @property
    def sizes(self) -> Index:
        return np.diff(self.starts)

    def jaccard(self, a: Index, b: Index, shared: Matrix | None = None) -> Matrix:
        """|A & B| / |A | B| of the term sets of rows a[k] and b[k] (0 when both are empty);
        `shared` is |A & B| when already counted (`overlap`)."""
        if shared is None:
            shared = self.overlap(a, b)[0]
        union = self.sizes[a] + self.sizes[b] - shared
        return np.where(union > 0, shared / np.maximum(union, 1), 0.0)

    def overlap(self, a: Index, b: Index) -> tuple[Matrix, Matrix]:
        """Per pair, the number of shared terms and the sum of their weights' products."""
        owner_a, terms_a, weights_a = self._gather(a)
        owner_b, terms_b, weights_b = self._gather(b)
        keys_b = owner_b * self.vocabulary + terms_b
        order = np.argsort(keys_b, kind="stable")
        sorted_b = keys_b[order]
        keys_a = owner_a * self.vocabulary + terms_a
        found = np.minimum(np.searchsorted(sorted_b, keys_a), max(0, len(sorted_b) - 1))
        hit = (sorted_b[found] == keys_a) if len(sorted_b) else np.zeros(len(keys_a), dtype=bool)
        products = weights_a[hit] * weights_b[order][found[hit]]
        count = np.bincount(owner_a[hit], minlength=len(a)).astype(np.float64)
        return count, np.bincount(owner_a[hit], weights=products, minlength=len(a)).astype(np.float64)

    def _gather(self, rows: Index) -> tuple[Index, Index, npt.NDArray[np.float64]]:
        """Pair number, term id and weight of every term of the given rows, concatenated."""
        first = self.starts[rows]
        sizes = self.starts[rows + 1] - first
        owner = np.repeat(np.arange(len(rows), dtype=np.int64), sizes)
        offsets = np.arange(len(owner), dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        at = np.repeat(first, sizes) + offsets
        return owner, self.terms[at], self.weights[at]


def question_word(text: str) -> str:
    """The question word among the first three words of the last question sentence ("" if none)."""
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s]
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    last = asking[-1] if asking else (sentences[-1] if sentences else "")
    return next((w for w in words(last)[:3] if w in QUESTION_WORDS), "")


@cache
def _packaged_matcher() -> TopicMatcher:
    """The packaged taxonomy's matcher (the features' terms, whatever taxonomy the run uses),
    compiled once per process."""
    return TopicMatcher(load_taxonomy())
