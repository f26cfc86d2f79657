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

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from commentscope.analysis.coverage import article_passages
from commentscope.analysis.similarity import content_terms, cosine, term_vector
from commentscope.errors import ConfigError
from commentscope.model import Comment, Document
from commentscope.text import words

OFF_TOPIC_THRESHOLD = 0.12
MIN_CONTENT_TERMS = 5


def relevance_scores(doc: Document) -> dict[str, float]:
    """Relevance in [0, 1] of each comment to its page, by comment id (see module docstring)."""
    article = [term_vector(doc.article), *(term_vector(p.text) for p in article_passages(doc))]
    vectors = {c.comment_id: term_vector(c.text) for c in doc.comments}
    scores: dict[str, float] = {}
    for comment in doc.comments:
        vector = vectors[comment.comment_id]
        links = [cosine(vector, a) for a in article]
        if comment.parent_id is not None:
            links.append(cosine(vector, vectors[comment.parent_id]))
        links.extend(cosine(vector, vectors[o.comment_id]) for o in _thread_context(doc, comment))
        scores[comment.comment_id] = max(links, default=0.0)
    return scores


def _thread_context(doc: Document, comment: Comment) -> list[Comment]:
    """The other comments on the page, except those by the same named author."""
    return [
        other
        for other in doc.comments
        if other.comment_id != comment.comment_id
        and (other.author is None or other.author != comment.author)
    ]


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
                PromoPattern(str(row["name"]), re.compile(row["regex"], re.IGNORECASE),
                             float(row["weight"]))
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
        """Capped, weighted pattern matches per length unit (see module docstring)."""
        evidence = sum(
            p.weight * min(len(p.regex.findall(text)), self.max_count) for p in self.patterns
        )
        return evidence / (1.0 + len(words(text)) / self.words_per_unit)


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

