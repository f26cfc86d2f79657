"""How well the article already answers a reader's question, as a score in [0, 1].

The article is cut into passages of comparable size: one per article paragraph (ARTICLE
line); a line under `min_words` words (a heading, "Till next time,") joins the paragraph after
it, and a paragraph over `max_words` words (a whole article on one line, as some scraped pages
have) becomes overlapping windows of `window` sentences.

For a question with distinct content stems Q and a passage with content stems P::

    coverage(q, p) = sum(idf(t) for t in Q & P) / sum(idf(t) for t in Q)

the IDF-weighted share of the question's content found together in one passage. The question's
stems leave out English and German function words (`function_words.content_stems`), and a
passage word that ends with a question stem of 4+ letters, itself 4+ letters longer, holds it
(the German compound "Backofen" holds "Ofen"). A question
with fewer than `min_terms` content stems is padded with unmatched words of the highest weight,
so "Where did it go?" cannot look fully covered by matching "go". ``idf`` is the
smoothed TF-IDF idf (`similarity.TfidfSpace`) fit on the passages plus optional `background`
texts (e.g. the page's comments), so words that are everywhere on the page ("bone" under a bone
article) count less than the specific word the question hinges on ("marrow"), and a word absent
from the page weighs at most ``ln(1 + N) + 1``. The best passage maximises coverage, ties broken
by BM25 score, then page order. A question with no content word scores 0. The measure is
lexical: a paraphrase with no shared stem is not seen as covered. A question that does not read
on its own is measured with the statement before it in its comment (`coverage_text`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from commentscope.analysis.function_words import content_stems
from commentscope.analysis.sentences import split_sentences
from commentscope.analysis.similarity import Bm25Index, TfidfSpace, content_terms
from commentscope.model import Document
from commentscope.text import words
from commentscope.wraps import paragraphs


@dataclass(frozen=True)
class Passage:
    """A piece of the article that can answer a question, and its 1-based source line."""

    text: str
    line: int


@dataclass(frozen=True)
class Coverage:
    """How much of a question the best article passage contains (`line` None when none does)."""

    score: float
    passage: str
    line: int | None


NO_COVERAGE = Coverage(0.0, "", None)
MIN_COMPOUND_PART = 4  # letters of each part when a passage word is a compound holding a question's word


def sentence_windows(text: str, window: int) -> list[str]:
    """Overlapping runs of `window` consecutive sentences (the whole text when it is shorter)."""
    sentences = split_sentences(text)
    if len(sentences) <= window:
        return [" ".join(sentences)] if sentences else []
    return [" ".join(sentences[i : i + window]) for i in range(len(sentences) - window + 1)]


def article_passages(
    doc: Document, *, window: int = 2, max_words: int = 160, min_words: int = 8
) -> list[Passage]:
    """One passage per article paragraph: lines under `min_words` words (headings, sign-offs)
    join the paragraph after them, or the last one; paragraphs over `max_words` words become
    overlapping windows of `window` sentences. On a page a converter wrapped, a paragraph's
    wrapped lines are one line (`wraps.paragraphs`)."""
    groups: list[list[Passage]] = []
    pending: list[Passage] = []
    for text, number in paragraphs(doc.article_lines, doc.wrap_width):
        if text:
            pending.append(Passage(text, number))
            if len(words(text)) >= min_words:
                groups.append(pending)
                pending = []
    if pending and groups:
        groups[-1].extend(pending)
    elif pending:
        groups.append(pending)
    passages: list[Passage] = []
    for group in groups:
        paragraph = _joined(group)
        if len(words(paragraph.text)) <= max_words:
            passages.append(paragraph)
        else:
            chunks = sentence_windows(paragraph.text, window)
            passages.extend(Passage(chunk, paragraph.line) for chunk in chunks)
    return passages


_QUOTED = re.compile(r"[\"“„]([^\"“”„]{3,200})[\"”“]")


def coverage_text(comment_text: str, question: str, stands_alone: bool) -> str:
    """What is compared with the article for `question`: the question itself, or, when it does
    not read on its own ("How to explain this phenomenon?"), the question with the statement
    before it in its comment, quoted words left out (a reader quoting the article shows what
    puzzles them, not what the article answers: 'I was surprised by "like a Tobin tax"')."""
    if stands_alone:
        return question
    sentences = split_sentences(comment_text)
    at = next((k for k, s in enumerate(sentences) if s.strip() == question.strip()), None)
    statements = [s for s in sentences[:at] if not s.rstrip(" )\"'”’").endswith("?")] if at else []
    if not statements:
        return question
    return f"{_QUOTED.sub(' ', statements[-1]).strip()} {question}"


def _joined(lines: Sequence[Passage]) -> Passage:
    """Lines as one passage, located at the first of them."""
    return Passage(" ".join(line.text for line in lines), lines[0].line)


@dataclass(frozen=True)
class ArticleCoverage:
    """Finds the passage that covers most of a question; `background` only shapes the idf."""

    passages: Sequence[Passage]
    background: Sequence[str] = ()
    min_terms: int = 3

    @property
    def has_article(self) -> bool:
        """Whether there is any article text to compare questions with."""
        return bool(self.passages)

    @cached_property
    def _index(self) -> Bm25Index:
        return Bm25Index([p.text for p in self.passages])

    @cached_property
    def _space(self) -> TfidfSpace:
        return TfidfSpace([p.text for p in self.passages] + list(self.background))

    @cached_property
    def _passage_terms(self) -> list[frozenset[str]]:
        return [frozenset(content_terms(p.text)) for p in self.passages]

    @cached_property
    def _term_passages(self) -> dict[str, set[int]]:
        """Each passage term -> the passages that hold it."""
        found: dict[str, set[int]] = {}
        for index, terms in enumerate(self._passage_terms):
            for term in terms:
                found.setdefault(term, set()).add(index)
        return found

    @cached_property
    def _holders(self) -> dict[str, set[int]]:
        """A question term -> the passages that hold it (`_holding`): filled as questions come."""
        return {}

    @cached_property
    def _compound_ends(self) -> dict[str, set[int]]:
        """Each end of a passage term that counts as a word of a compound ("ofen" of "backofen":
        `MIN_COMPOUND_PART`+ letters after `MIN_COMPOUND_PART`+ others) -> the passages holding
        such a term. Built once per page, so that no question term scans every passage term."""
        ends: dict[str, set[int]] = {}
        for word, passages in self._term_passages.items():
            for start in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
                ends.setdefault(word[start:], set()).update(passages)
        return ends

    def _holding(self, term: str) -> set[int]:
        """The passages holding `term`, itself or as the end of a compound (read once per term)."""
        found = self._holders.get(term)
        if found is None:
            found = set(self._term_passages.get(term, ()))
            if len(term) >= MIN_COMPOUND_PART:
                found |= self._compound_ends.get(term, set())
            self._holders[term] = found
        return found

    def best(self, question: str) -> Coverage:
        """The passage holding the largest IDF-weighted share of the question's content stems."""
        terms = sorted(set(content_stems(question)))
        if not terms or not self.passages:
            return NO_COVERAGE
        weights = {t: self._space.idf(t) for t in terms}
        padding = max(0, self.min_terms - len(terms)) * self._space.unseen_idf
        total = sum(weights.values()) + padding
        found: list[float] = [0] * len(self.passages)  # summed in term order, as `sum` would
        for term, weight in weights.items():
            for index in self._holding(term):
                found[index] += weight
        shares = [f / total for f in found]
        top_share = max(shares)
        if top_share == 0.0:
            return NO_COVERAGE
        tied = [i for i, share in enumerate(shares) if share == top_share]
        if len(tied) > 1:  # ties go to the higher BM25 score, then to page order
            bm25 = self._index.scores(question)
            tied.sort(key=lambda i: (-bm25[i], i))
        top = tied[0]
        return Coverage(shares[top], self.passages[top].text, self.passages[top].line)
