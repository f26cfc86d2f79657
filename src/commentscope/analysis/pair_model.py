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
negation, length ratio.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from commentscope.analysis.similarity import TfidfSpace, content_terms, cosine
from commentscope.analysis.taxonomy import load_taxonomy
from commentscope.analysis.topics import TopicMatcher
from commentscope.errors import CommentscopeError
from commentscope.text import words

MODEL_FILE = "data/faq_pair_model.json.gz"
LEXICAL_FEATURES = (
    "word_jaccard", "content_jaccard", "tfidf_cosine", "term_jaccard", "terms_differ",
    "same_question_word", "same_negation", "length_ratio",
)
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
    lexical = lexical_features(texts, left, right)
    if vectors is None:
        return lexical
    cosines = np.zeros(len(left))
    for start in range(0, len(left), _BLOCK):  # 2 x 12 MiB of rows at a time
        block = slice(start, start + _BLOCK)
        cosines[block] = np.einsum("ij,ij->i", vectors[left[block]], vectors[right[block]])
    return np.hstack([cosines[:, None], lexical])


@dataclass(frozen=True)
class _QuestionTerms:
    """What the lexical features compare, computed once per question."""

    words: frozenset[str]
    stems: frozenset[str]
    tfidf: dict[str, float]
    terms: frozenset[str]
    question_word: str
    negated: bool
    length: int


def lexical_features(texts: Sequence[str], left: Index, right: Index) -> Matrix:
    """`LEXICAL_FEATURES` for each pair (left[k], right[k]) of `texts`."""
    space = TfidfSpace(texts)
    matcher = TopicMatcher(load_taxonomy())
    described: dict[str, _QuestionTerms] = {}  # by text: a repeated question is described once
    seen = {k: described.get(texts[k]) or described.setdefault(texts[k], _describe(texts[k], space, matcher))
            for k in set(left.tolist()) | set(right.tolist())}
    rows = np.zeros((len(left), len(LEXICAL_FEATURES)))
    for row, (a, b) in enumerate(zip(left.tolist(), right.tolist(), strict=True)):
        x, y = seen[a], seen[b]
        rows[row] = (
            _jaccard(x.words, y.words), _jaccard(x.stems, y.stems), cosine(x.tfidf, y.tfidf),
            _jaccard(x.terms, y.terms), float(bool(x.terms) and bool(y.terms) and not x.terms & y.terms),
            float(x.question_word == y.question_word), float(x.negated == y.negated),
            min(x.length, y.length) / max(1, x.length, y.length),
        )
    return rows


def question_word(text: str) -> str:
    """The question word among the first three words of the last question sentence ("" if none)."""
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s]
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    last = asking[-1] if asking else (sentences[-1] if sentences else "")
    return next((w for w in words(last)[:3] if w in QUESTION_WORDS), "")


def _describe(text: str, space: TfidfSpace, matcher: TopicMatcher) -> _QuestionTerms:
    return _QuestionTerms(
        frozenset(words(text)), frozenset(content_terms(text)), space.vector(text),
        frozenset(m.term.casefold() for m in matcher.find(text)), question_word(text),
        _NEGATION.search(text) is not None, len(words(text)),
    )


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
