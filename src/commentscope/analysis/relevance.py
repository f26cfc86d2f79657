"""Is a comment about its page? Lexical relevance, off-topic flags and promotional flags.

Relevance of a comment, in [0, 1], is the strongest lexical link it has to the page::

    relevance(c) = max(article(c), parent(c), thread(c))

- article(c): cosine to the whole article or to its best single passage
  (`coverage.article_passages`), whichever is higher: a short comment about one paragraph is
  not drowned by the rest of a long article.
- parent(c): cosine to the comment it replies to; a reply that stays on its parent's subject
  is relevant (no link for top-level comments).
- thread(c): best cosine to a comment by another author: readers who pick up a subject other
  readers discuss ("kefir" under a probiotics article that never names it) are on topic for
  the page, and so is a question whose answer echoes it. Comments by the same author are left
  out, so nobody makes their own comments relevant by repeating themselves.

Vectors are sublinear term frequencies of content stems (`similarity.term_vector`), without
idf: what a page is about ("bone", "probiotics") is common on that page, and an idf fit on the
page would discount exactly those words (measured on the seeds plus hand-written probes, TF-IDF
separated off-topic from on-topic comments worse). Stopwords are already gone.

A comment is off topic when its relevance is below `OFF_TOPIC_THRESHOLD` = 0.12, a bit under
half the median relevance of the comments on the seed pages (0.25 and 0.28), and it has at
least `MIN_CONTENT_TERMS` distinct content stems: with fewer ("Thanks, great info!") a low
overlap is no evidence of another subject. Lexical overlap misses paraphrase and anaphora
("Is this something you would need to take daily?"), hence a threshold well below typical
scores: the flag is meant for comments that share next to nothing with the page.

Promotional score: weighted matches of the patterns in data/promo_patterns.toml (each counted
at most `max_count` times) divided by ``1 + words / words_per_unit``, flagged at `threshold`.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np
import numpy.typing as npt

from commentscope.analysis.coverage import article_passages
from commentscope.analysis.similarity import SparseVector, content_terms, term_vector
from commentscope.errors import ConfigError
from commentscope.literals import Needs, fold, needs_of
from commentscope.model import Document
from commentscope.text import words

OFF_TOPIC_THRESHOLD = 0.12
MIN_CONTENT_TERMS = 5

_BLOCK_CELLS = 1 << 22  # comment-pair cosines held at once by relevance_scores: 32 MiB of float64

Matrix = npt.NDArray[np.float64]


def relevance_scores(doc: Document) -> dict[str, float]:
    """Relevance in [0, 1] of each comment to its page, by comment id (see module docstring).

    Computed with matrix products of the unit-length term vectors: every cosine of the page at
    once, in blocks of rows so that a page with thousands of comments never holds all comments².
    """
    comments = doc.comments
    if not comments:
        return {}
    vectors = [term_vector(c.text) for c in comments]
    article = [term_vector(doc.article), *(term_vector(p.text) for p in article_passages(doc))]
    columns = _linking_terms(vectors, article)
    x, a = _unit_rows(vectors, columns), _unit_rows(article, columns)
    best = np.clip(x @ a.T, 0.0, 1.0).max(axis=1, initial=0.0)
    index = {c.comment_id: k for k, c in enumerate(comments)}
    parent = np.array([index[c.parent_id] if c.parent_id is not None else -1 for c in comments])
    # Named authors share a code; each anonymous comment gets its own, so it is nobody's twin.
    codes: dict[str, int] = {}
    author = np.array([codes.setdefault(c.author, len(codes)) if c.author is not None else -1 - k
                       for k, c in enumerate(comments)])
    step = max(1, _BLOCK_CELLS // len(comments))
    for start in range(0, len(comments), step):
        rows = np.arange(start, min(start + step, len(comments)))
        similarity = np.clip(x[rows] @ x.T, 0.0, 1.0)  # these comments against every comment
        replies = np.flatnonzero(parent[rows] >= 0)
        to_parent = np.zeros(len(rows))
        to_parent[replies] = similarity[replies, parent[rows][replies]]
        similarity[author[rows, None] == author[None, :]] = 0.0  # itself and the same named author
        best[rows] = np.maximum.reduce([best[rows], to_parent, similarity.max(axis=1, initial=0.0)])
    return {c.comment_id: float(score) for c, score in zip(comments, best, strict=True)}


def _linking_terms(comments: Sequence[SparseVector], article: Sequence[SparseVector]) -> dict[str, int]:
    """Column per term that can link a comment to something: in two comments, or a comment and
    the article. Other terms add nothing to any cosine (only to norms, taken from the vectors)."""
    in_comments = Counter(term for vector in comments for term in vector)
    in_article = {term for vector in article for term in vector}
    linking = (t for t, n in in_comments.items() if n > 1 or t in in_article)
    return {term: k for k, term in enumerate(sorted(linking))}


def _unit_rows(vectors: Sequence[SparseVector], columns: dict[str, int]) -> Matrix:
    """Dense rows of the vectors divided by their full norm, over `columns` only (zero rows for
    empty vectors, so their cosines are 0.0 as with `similarity.cosine`)."""
    matrix = np.zeros((len(vectors), len(columns)))
    rows: list[int] = []
    cells: list[int] = []
    values: list[float] = []
    for row, vector in enumerate(vectors):
        norm = math.sqrt(sum(w * w for w in vector.values()))
        for term, weight in vector.items():
            if term in columns:  # (the quotient as before; the cells filled in one assignment)
                rows.append(row)
                cells.append(columns[term])
                values.append(weight / norm)
    matrix[rows, cells] = values
    return matrix


def off_topic_flags(
    doc: Document,
    scores: dict[str, float],
    *,
    threshold: float = OFF_TOPIC_THRESHOLD,
    min_terms: int = MIN_CONTENT_TERMS,
) -> dict[str, bool]:
    """True for comments with enough content words and relevance below `threshold`."""
    return {
        c.comment_id: len(set(content_terms(c.text))) >= min_terms
        and scores.get(c.comment_id, 0.0) < threshold
        for c in doc.comments
    }


@dataclass(frozen=True)
class PromoPattern:
    """One kind of promotional evidence and how much it counts."""

    name: str
    regex: re.Pattern[str]
    weight: float
    needs: re.Pattern[str] | None = None  # found in every text the regex matches: a cheap test first


@dataclass(frozen=True)
class PromoRules:
    """The promotional-comment score: patterns, cap per pattern, length unit and threshold."""

    patterns: tuple[PromoPattern, ...]
    threshold: float = 1.0
    words_per_unit: float = 50.0
    max_count: int = 3

    @classmethod
    def from_toml(cls, text: str, source: str = "<promo patterns>") -> PromoRules:
        """Rules from TOML text laid out like the packaged data/promo_patterns.toml."""
        try:
            data = tomllib.loads(text)
            patterns = tuple(
                PromoPattern(str(row["name"]), re.compile(row["regex"], re.IGNORECASE), float(row["weight"]),
                             re.compile(row["needs"], re.IGNORECASE) if "needs" in row else None)
                for row in data.get("pattern", [])
            )
            return cls(
                patterns,
                threshold=float(data.get("threshold", 1.0)),
                words_per_unit=float(data.get("words_per_unit", 50.0)),
                max_count=int(data.get("max_count", 3)),
            )
        except (tomllib.TOMLDecodeError, re.error, KeyError, TypeError, ValueError) as error:
            raise ConfigError(
                f"{source}: not a valid promo-pattern table ({error}); "
                "see commentscope/data/promo_patterns.toml for the layout"
            ) from error

    def score(self, text: str) -> float:
        """Capped, weighted pattern matches per length unit (see module docstring).

        A pattern whose literal needs (`literals.needs_of`) are not in the text counts 0
        matches without running: most comments match none of the patterns."""
        folded = fold(text)
        evidence = sum(
            p.weight * min(_matches(p, text, folded), self.max_count) for p in self.patterns
        )
        return evidence / (1.0 + len(words(text)) / self.words_per_unit)


@lru_cache(maxsize=256)
def _needs(regex: re.Pattern[str]) -> Needs | None:
    return needs_of(regex)


def _matches(pattern: PromoPattern, text: str, folded: str) -> int:
    """How many times the pattern's regex matches `text` (`folded`: `literals.fold(text)`)."""
    regex = pattern.regex
    needs = _needs(regex)
    if needs is not None:  # (the plain strings first: cheaper than the `needs` regex)
        haystack = folded if needs.folded else text
        for needed in needs.strings:
            if needed in haystack:
                break
        else:
            return 0
    if pattern.needs is not None and pattern.needs.search(text) is None:
        return 0
    return len(regex.findall(text))


@cache
def default_promo_rules() -> PromoRules:
    """The packaged promo-pattern table."""
    source = resources.files("commentscope").joinpath("data/promo_patterns.toml")
    return PromoRules.from_toml(source.read_text("utf-8"), "commentscope/data/promo_patterns.toml")


def promotional_scores(doc: Document, rules: PromoRules | None = None) -> dict[str, float]:
    """Promotional score of each comment, by comment id."""
    active = rules or default_promo_rules()
    return {c.comment_id: active.score(c.text) for c in doc.comments}


def promotional_flags(doc: Document, rules: PromoRules | None = None) -> dict[str, bool]:
    """True for comments that are mostly promotion or links (score at or above the threshold)."""
    active = rules or default_promo_rules()
    return {cid: s >= active.threshold for cid, s in promotional_scores(doc, active).items()}

