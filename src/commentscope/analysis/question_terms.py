"""What question grouping reads of each question text, tokenised once, where the text is found.

`QuestionTerms` holds, for every question text in order, the words, content stems (with their
counts), packaged-taxonomy terms, question word, negation and length that the lexical pair
features (`pair_model`) and the candidate index (`neighbours`) compare. It is a mergeable
store in compact arrays over one vocabulary: the map step describes each page's questions in
its worker (`engine.reducers.QuestionsReducer`), chunks merge by appending rows (the later
chunk's term ids renumbered), and the driver, which alone runs grouping, tokenises nothing.

`DescribedTexts` is a sequence of texts that carries their `QuestionTerms`: a
`QuestionSimilarity` given one reads the stored descriptions instead of the texts' words.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import overload

import numpy as np
import numpy.typing as npt

from commentscope.analysis.similarity import content_terms
from commentscope.analysis.taxonomy import load_taxonomy
from commentscope.analysis.term_rows import TermRows
from commentscope.analysis.topics import TopicMatcher
from commentscope.text import words

QUESTION_WORDS = frozenset(
    "what how can is are should why when does do will could which where who would have has did was".split()
)
_NEGATION = re.compile(r"\b(?:not|no|never|without|cannot|\w+n't)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
KINDS = ("words", "content", "topic_terms")  # the term rows each text has
_SELECT_BLOCK = 1 << 16  # texts whose entries `select` gathers at once

Index = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Description:
    """One text as the pair features read it."""

    words: frozenset[str]  # distinct lower-cased words
    content: dict[str, int]  # content stems (`similarity.content_terms`) and their counts
    topic_terms: frozenset[str]  # packaged-taxonomy terms found, case-folded
    question_word: str  # `question_word`
    negated: bool
    length: int  # words, with repeats

    @classmethod
    def of(cls, text: str) -> Description:
        found = words(text)
        return cls(frozenset(found), dict(Counter(content_terms(text))),
                   frozenset(t.casefold() for t in _packaged_matcher().found_terms(text)),
                   question_word(text), _NEGATION.search(text) is not None, len(found))


@dataclass
class QuestionTerms:
    """Descriptions of question texts, in order, as term ids over one vocabulary (`add`,
    `merge` the texts that follow, `rows`). Per text: the sizes of its rows of each kind."""

    vocabulary: dict[str, int] = field(default_factory=dict)
    sizes: dict[str, array[int]] = field(default_factory=lambda: {k: array("i") for k in KINDS})
    ids: dict[str, array[int]] = field(default_factory=lambda: {k: array("i") for k in KINDS})
    counts: array[int] = field(default_factory=lambda: array("i"))  # of each content stem
    question_words: array[int] = field(default_factory=lambda: array("i"))  # vocabulary ids
    negated: array[int] = field(default_factory=lambda: array("b"))
    lengths: array[int] = field(default_factory=lambda: array("i"))

    @classmethod
    def of(cls, texts: Iterable[str]) -> QuestionTerms:
        found = cls()
        for text in texts:
            found.add(text)
        return found

    def __len__(self) -> int:
        return len(self.lengths)

    def add(self, text: str) -> None:
        self.add_description(Description.of(text))

    def add_description(self, described: Description) -> None:
        content = sorted(described.content.items())
        for kind, terms in (("words", sorted(described.words)), ("content", [t for t, _ in content]),
                            ("topic_terms", sorted(described.topic_terms))):
            self.sizes[kind].append(len(terms))
            self.ids[kind].extend(self._id(t) for t in terms)
        self.counts.extend(c for _, c in content)
        self.question_words.append(self._id(described.question_word))
        self.negated.append(described.negated)
        self.lengths.append(described.length)

    def _id(self, term: str) -> int:
        vocabulary = self.vocabulary
        found = vocabulary.get(term)
        if found is None:
            found = vocabulary[sys.intern(term)] = len(vocabulary)
        return found

    def merge(self, later: QuestionTerms) -> None:
        """Append the descriptions of `later` (the texts that follow these)."""
        renumber = np.array([self._id(t) for t in later.vocabulary], dtype=np.int32)
        for kind in KINDS:
            self.sizes[kind].extend(later.sizes[kind])
            self.ids[kind].frombytes(renumber[np.frombuffer(later.ids[kind], dtype=np.int32)].tobytes())
        self.counts.extend(later.counts)
        self.question_words.frombytes(renumber[np.frombuffer(later.question_words, dtype=np.int32)].tobytes())
        self.negated.extend(later.negated)
        self.lengths.extend(later.lengths)

    def rows(self, kind: str) -> TermRows:
        """The rows of one kind ("words", "content", "topic_terms"), ids as in `vocabulary`
        (int32, as stored: at a million comments there are some 13 million words' entries)."""
        return TermRows(self._starts(kind), np.frombuffer(self.ids[kind], dtype=np.int32).copy())

    def _starts(self, kind: str) -> Index:
        starts = np.zeros(len(self) + 1, dtype=np.int64)
        np.cumsum(np.frombuffer(self.sizes[kind], dtype=np.int32), out=starts[1:])
        return starts

    def alphabetical(self, kind: str) -> TermRows:
        """`rows(kind)` with the terms numbered in alphabetical order (each row ascending)."""
        rank = np.zeros(len(self.vocabulary), dtype=np.int32)
        rank[[self.vocabulary[t] for t in sorted(self.vocabulary)]] = np.arange(len(self.vocabulary))
        return TermRows(self._starts(kind), rank[np.frombuffer(self.ids[kind], dtype=np.int32)])

    def description(self, row: int) -> Description:
        """The description of text `row`, back from the arrays (for tests and inspection)."""
        terms = list(self.vocabulary)
        taken = {}
        for kind in KINDS:
            rows = self.rows(kind)
            taken[kind] = rows.ids[rows.starts[row] : rows.starts[row + 1]]
        at = self.rows("content").starts[row]
        counts = self.counts[at : at + len(taken["content"])]
        return Description(frozenset(terms[k] for k in taken["words"]),
                           {terms[k]: c for k, c in zip(taken["content"], counts, strict=True)},
                           frozenset(terms[k] for k in taken["topic_terms"]), terms[self.question_words[row]],
                           bool(self.negated[row]), self.lengths[row])

    def select(self, positions: Sequence[int] | Index) -> QuestionTerms:
        """The descriptions of the texts at `positions`, in that order (same vocabulary), copied
        a block of texts at a time: no array over every entry but the stored ones."""
        chosen = np.asarray(positions, dtype=np.int64)
        found = QuestionTerms(self.vocabulary)
        counts = np.frombuffer(self.counts, dtype=np.int32)
        for kind in KINDS:
            rows = TermRows(self._starts(kind), np.frombuffer(self.ids[kind], dtype=np.int32))
            found.sizes[kind] = array("i", rows.sizes[chosen].astype(np.int32).tobytes())
            for start in range(0, len(chosen), _SELECT_BLOCK):
                at = rows.entries(chosen[start : start + _SELECT_BLOCK])[1]
                found.ids[kind].frombytes(rows.ids[at].tobytes())
                if kind == "content":
                    found.counts.frombytes(counts[at].tobytes())
        for name in ("question_words", "lengths"):
            setattr(found, name, array("i", np.frombuffer(getattr(self, name), dtype=np.int32)[chosen].tobytes()))
        found.negated = array("b", np.frombuffer(self.negated, dtype=np.int8)[chosen].tobytes())
        return found


class DescribedTexts(Sequence[str]):
    """Texts with their `QuestionTerms` (aligned): a `QuestionSimilarity` reads the stored
    descriptions instead of tokenising the texts again."""

    def __init__(self, texts: Sequence[str], terms: QuestionTerms) -> None:
        if len(texts) != len(terms):
            raise ValueError(f"{len(texts)} texts but {len(terms)} descriptions")
        self.texts = list(texts)
        self.terms = terms

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        return self.texts[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)


def terms_of(texts: Sequence[str]) -> QuestionTerms:
    """The descriptions `texts` carry (`DescribedTexts`), or theirs described now."""
    return texts.terms if isinstance(texts, DescribedTexts) else QuestionTerms.of(texts)


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
