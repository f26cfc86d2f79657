"""How alike two reader questions are: semantic (sentence embeddings) or lexical (stem Jaccard).

Each implementation gives candidate pairs from an index (`neighbours`), never a dense
all-pairs matrix, with a similarity in [0, 1] and the grouping threshold fitted for it on the
development question pairs (`benchmarks/quality_faq.py`, docs/faq.md):

- `SemanticSimilarity`: cosine of all-MiniLM-L6-v2 embeddings (`embeddings`), pairs among each
  question's nearest neighbours. Used by default when the `semantic` extra is installed.
- `LexicalSimilarity`: Jaccard of the sets of word stems (stopwords kept: "can I" and "should
  I" ask different things): each question's 20 most similar above the floor among those that
  share one of its 6 rarest stems (`neighbours.jaccard_neighbours`: linear work, where every
  pair above the floor is nearly all pairs once questions carry their context). Measured at
  least as good as plain token Jaccard with a fitted threshold.

Pairs are kept down to `floor`, below the threshold, because average linkage averages over
all member pairs: a near miss still holds a group together better than a missing pair (0).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from commentscope.analysis.embeddings import embed, semantic_available
from commentscope.analysis.neighbours import NEIGHBOURS, Pairs, jaccard_neighbours, vector_pairs
from commentscope.text import stems


class QuestionSimilarity(Protocol):
    """Candidate pairs of similar questions and the average-linkage threshold that groups them."""

    @property
    def name(self) -> str: ...

    @property
    def threshold(self) -> float: ...

    def pairs(self, texts: Sequence[str]) -> Pairs: ...


@dataclass(frozen=True)
class SemanticSimilarity:
    """Cosine of MiniLM sentence embeddings over each question's `neighbours` nearest."""

    threshold: float = 0.68
    floor: float = 0.5
    neighbours: int = NEIGHBOURS
    name: str = "semantic (all-MiniLM-L6-v2 cosine)"

    def pairs(self, texts: Sequence[str]) -> Pairs:
        return vector_pairs(embed(texts), self.floor, k=self.neighbours)


@dataclass(frozen=True)
class LexicalSimilarity:
    """Jaccard similarity of the questions' sets of word stems."""

    threshold: float = 0.15
    floor: float = 0.1
    name: str = "lexical (stem Jaccard)"

    def pairs(self, texts: Sequence[str]) -> Pairs:
        return jaccard_neighbours([frozenset(stems(t)) for t in texts], self.floor)


def default_similarity() -> QuestionSimilarity:
    """Semantic when the `semantic` extra is installed and `COMMENTSCOPE_SIMILARITY` is not
    "lexical"; lexical otherwise."""
    wanted = os.environ.get("COMMENTSCOPE_SIMILARITY", "").strip().lower()
    return SemanticSimilarity() if semantic_available() and wanted != "lexical" else LexicalSimilarity()
