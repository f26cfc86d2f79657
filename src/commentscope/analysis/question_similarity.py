"""How alike two reader questions are: semantic (sentence embeddings) or lexical (word overlap).

Each implementation takes candidate pairs from an index (`neighbours`), never a dense all-pairs
matrix, and scores each candidate with a pair model (`pair_model`): the probability that the
two ask the same thing. Average linkage then groups at the head's threshold, fitted with it on
the development question pairs (`benchmarks/train_faq_pair_model.py`, docs/faq.md):

- `SemanticSimilarity`: candidates among each question's nearest all-MiniLM-L6-v2 neighbours
  (`embeddings`); the `semantic` head scores their cosine with the lexical features. Used by
  default when the `semantic` extra is installed.
- `LexicalSimilarity`: candidates among each question's 50 most similar (content-term Jaccard
  at least `floor`) of those that share one of its 6 rarest terms
  (`neighbours.jaccard_neighbours`: linear work, where every pair above the floor is nearly all
  pairs once questions carry their context); the `lexical` head scores them. Questions with
  the same content terms enter once, as copies. Measured at least as good as plain token
  Jaccard with a fitted threshold.

Texts given as `question_terms.DescribedTexts` carry their words already (read in the map
step); both read them instead of tokenising the texts again.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from commentscope.analysis.embeddings import Vectors, embed, semantic_available
from commentscope.analysis.neighbours import NEIGHBOURS, Pairs, term_pair_ends, vector_pairs
from commentscope.analysis.pair_model import PairHead, packaged_head, pair_probabilities
from commentscope.analysis.question_terms import DescribedTexts, QuestionTerms
from commentscope.analysis.term_rows import Ids


class QuestionSimilarity(Protocol):
    """Candidate pairs of similar questions and the average-linkage threshold that groups them."""

    @property
    def name(self) -> str: ...

    @property
    def threshold(self) -> float: ...

    def pairs(self, texts: Sequence[str]) -> Pairs: ...


@dataclass(frozen=True)
class SemanticSimilarity:
    """The semantic pair model over each question's `neighbours` nearest (cosine >= `floor`)."""

    head: PairHead = field(default_factory=lambda: packaged_head("semantic"))
    floor: float = 0.4
    neighbours: int = NEIGHBOURS
    name: str = "semantic (all-MiniLM-L6-v2 cosine and word overlap, pair model)"

    @property
    def threshold(self) -> float:
        return self.head.threshold

    def pairs(self, texts: Sequence[str]) -> Pairs:
        return self.scored(texts, embed(texts))

    def scored(self, texts: Sequence[str], vectors: Vectors) -> Pairs:
        """Candidate pairs of already embedded `texts`, scored by the head."""
        found = vector_pairs(vectors, self.floor, k=self.neighbours)
        ends = found.left, found.right, found.copy_of
        del found  # its cosines: the head's probabilities replace them
        return _score(self.head, ends, texts, vectors)


@dataclass(frozen=True)
class LexicalSimilarity:
    """The lexical pair model over the pairs whose content stems overlap (Jaccard >= `floor`)."""

    head: PairHead = field(default_factory=lambda: packaged_head("lexical"))
    floor: float = 0.1
    name: str = "lexical (word overlap, pair model)"

    @property
    def threshold(self) -> float:
        return self.head.threshold

    def pairs(self, texts: Sequence[str]) -> Pairs:
        described = texts if isinstance(texts, DescribedTexts) else DescribedTexts(texts, QuestionTerms.of(texts))
        ends = term_pair_ends(described.terms.alphabetical("content"), self.floor)  # the head scores them
        return _score(self.head, ends, described)


Ends = tuple[Ids, Ids, "npt.NDArray[np.int64] | None"]  # a `Pairs` without its similarities


def _score(head: PairHead, ends: Ends, texts: Sequence[str], vectors: Vectors | None = None) -> Pairs:
    """The candidate pairs (`ends`) with the head's probability as their similarity
    (`pair_probabilities`)."""
    left, right, copy_of = ends
    if not len(left):
        return Pairs(left, right, np.zeros(0), copy_of)
    return Pairs(left, right, pair_probabilities(head, texts, left, right, vectors), copy_of)


def default_similarity() -> QuestionSimilarity:
    """Semantic when the `semantic` extra is installed and `COMMENTSCOPE_SIMILARITY` is not
    "lexical"; lexical otherwise."""
    wanted = os.environ.get("COMMENTSCOPE_SIMILARITY", "").strip().lower()
    return SemanticSimilarity() if semantic_available() and wanted != "lexical" else LexicalSimilarity()
