"""Small lexical similarity over stemmed content words: a BM25 index and a TF-IDF cosine space.

Both compare *content terms*: Snowball stems of the words of a text, stopwords and bare
numbers dropped (`commentscope.text.stems`). Everything is deterministic and pure Python: the corpora here are
one page or one run's questions, a few hundred short texts at most.

- BM25 (Okapi, Lucene's always-positive IDF): ``idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5))``,
  ``score(q, p) = sum over distinct t in q of idf(t) * tf * (k1 + 1) / (tf + k1 * norm)`` with
  ``norm = 1 - b + b * len(p) / average_len``.
- TF-IDF: smoothed ``idf(t) = ln((1 + N) / (1 + df)) + 1`` (a term never seen in the corpus gets the
  highest idf, so unseen words lower a similarity instead of vanishing), sublinear
  ``tf = 1 + ln(count)``, vectors L2-normalised so that `cosine` is their dot product.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from commentscope.text import stems

SparseVector = dict[str, float]


def content_terms(text: str) -> list[str]:
    """Stems of the content words of `text`, in order, with repeats: stopwords and bare numbers
    are dropped (a lone "1" matches footnote markers and doses, not a subject)."""
    return [term for term in stems(text, drop_stopwords=True) if not term.isdigit()]


def document_frequencies(term_lists: Iterable[Iterable[str]]) -> Counter[str]:
    """In how many of the given texts each term occurs."""
    frequencies: Counter[str] = Counter()
    for terms in term_lists:
        frequencies.update(set(terms))
    return frequencies


def term_vector(text: str) -> SparseVector:
    """Sublinear term-frequency vector (``1 + ln(count)``) of the content stems of `text`, no idf."""
    return sublinear_vector(content_terms(text))


def sublinear_vector(terms: Iterable[str]) -> SparseVector:
    """Sublinear term-frequency vector (``1 + ln(count)``) of `terms`, in term order."""
    counts = Counter(terms)
    return {term: 1.0 + math.log(count) for term, count in sorted(counts.items())}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors; 0.0 when either is empty or all zero."""
    if len(b) < len(a):
        a, b = b, a
    dot = sum(weight * b.get(term, 0.0) for term, weight in a.items())
    norms = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return 0.0 if norms == 0.0 else min(1.0, max(0.0, dot / norms))


@dataclass(frozen=True)
class _Bm25Stats:
    """What BM25 needs from the passages, computed once."""

    counts: tuple[Counter[str], ...]
    lengths: tuple[int, ...]
    average_length: float
    document_frequency: Counter[str]


@dataclass(frozen=True)
class Bm25Index:
    """Okapi BM25 over `passages`; `scores(query)` gives one score per passage, in order."""

    passages: Sequence[str]
    k1: float = 1.5
    b: float = 0.75

    @cached_property
    def _stats(self) -> _Bm25Stats:
        counts = tuple(Counter(content_terms(p)) for p in self.passages)
        lengths = tuple(sum(c.values()) for c in counts)
        average = sum(lengths) / len(lengths) if lengths else 0.0
        return _Bm25Stats(counts, lengths, average, document_frequencies(counts))

    def idf(self, term: str) -> float:
        """BM25 inverse document frequency of a stemmed term (positive, highest when unseen)."""
        n = len(self.passages)
        df = self._stats.document_frequency.get(term, 0)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def scores(self, query: str) -> list[float]:
        """BM25 score of each passage for `query` (0.0 for passages sharing no content term)."""
        stats = self._stats
        terms = sorted(set(content_terms(query)))
        weights = {t: self.idf(t) for t in terms}
        found: list[float] = []
        for counts, length in zip(stats.counts, stats.lengths, strict=True):
            relative = length / stats.average_length if stats.average_length else 0.0
            norm = self.k1 * (1.0 - self.b + self.b * relative)
            score = 0.0
            for term in terms:
                tf = counts.get(term, 0)
                if tf:
                    score += weights[term] * tf * (self.k1 + 1.0) / (tf + norm)
            found.append(score)
        return found


@dataclass(frozen=True)
class TfidfSpace:
    """A TF-IDF vector space fit on `texts`; `vector` maps any text into it."""

    texts: Sequence[str]

    @cached_property
    def _document_frequency(self) -> Counter[str]:
        return document_frequencies(content_terms(t) for t in self.texts)

    def idf(self, term: str) -> float:
        """Smoothed idf of a stemmed term; an unseen term gets the highest value."""
        n = len(self.texts)
        return math.log((1.0 + n) / (1.0 + self._document_frequency.get(term, 0))) + 1.0

    @property
    def unseen_idf(self) -> float:
        """The idf of a term that no text of the corpus contains: the largest there is."""
        return self.idf("")

    def vector(self, text: str) -> SparseVector:
        """L2-normalised sublinear TF-IDF vector of `text` (empty when it has no content word)."""
        counts = Counter(content_terms(text))
        raw = {t: (1.0 + math.log(c)) * self.idf(t) for t, c in sorted(counts.items())}
        norm = math.sqrt(sum(w * w for w in raw.values()))
        return {t: w / norm for t, w in raw.items()} if norm else {}

    def similarity(self, a: str, b: str) -> float:
        """Cosine of two texts in this space."""
        return cosine(self.vector(a), self.vector(b))
