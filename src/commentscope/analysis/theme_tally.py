"""Mergeable theme counts: what `suggest_themes` knows of a corpus, built page by page.

A `ThemeTally` is the state of the suggested-themes reducer. Tallies of consecutive page runs
merge exactly (`merge(later)`): counts add, written forms add, the example stays the comment
with most mentions (the earlier one on ties). Its size grows with the distinct candidate
phrases, so `prune` drops phrases seen once when there are more than a cap; the fold that calls
it runs in the same order whatever the number of workers, so the result does not depend on it.

Article n-grams are counted by a 64-bit hash of their stems, exactly while there are few, then
in a count-min sketch (`SKETCH_DEPTH` rows of `SKETCH_WIDTH` counters, 16 MiB): a million pages
of articles hold tens of millions of distinct n-grams, and only the few kept themes are looked up.
The sketch never undercounts; with the default width, collisions are rare below about a
million distinct n-grams.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

import numpy as np
import numpy.typing as npt

Key = tuple[str, ...]
SKETCH_DEPTH = 4
SKETCH_WIDTH = 1 << 20
EXACT_HASHES = 200_000  # hashed n-gram counts kept exactly before they go into the sketch
PRUNE_AT = 300_000  # candidate phrases held before those seen once are dropped


def ngram_hash(key: Key) -> int:
    """A stable 64-bit hash of a stem n-gram (the same in every process, unlike `hash`)."""
    digest = hashlib.blake2b("\x1f".join(key).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def _ngrams(stems: list[str], n: int) -> Iterator[Key]:
    """The runs of `n` consecutive stems, in order."""
    return zip(*(stems[k:] for k in range(n)), strict=False)  # the shortest tail ends them


def _sketch_columns(hashes: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    """Column of each hash in each sketch row (double hashing: h1 + i * h2)."""
    low = (hashes & np.uint64(0xFFFFFFFF)).astype(np.int64)
    high = (hashes >> np.uint64(32)).astype(np.int64) | 1
    rows = np.arange(SKETCH_DEPTH, dtype=np.int64)[:, None]
    return (low[None, :] + rows * high[None, :]) % SKETCH_WIDTH


@dataclass
class ArticleCounts:
    """How often each stem n-gram occurs in the articles: exact hashed counts, then a sketch."""

    exact: Counter[int] = field(default_factory=Counter)
    sketch: npt.NDArray[np.int64] | None = None
    words: int = 0

    def add_text_stems(self, stems: list[str], max_words: int) -> None:
        """Count the n-grams of 1 to `max_words` stems of one text (each distinct one hashed once)."""
        self.words += len(stems)
        grams = Counter(chain.from_iterable(_ngrams(stems, n) for n in range(1, max_words + 1)))
        for gram, count in grams.items():
            self.exact[ngram_hash(gram)] += count

    def merge(self, other: ArticleCounts) -> None:
        self.words += other.words
        self.exact.update(other.exact)
        if other.sketch is not None:
            self._sketch()[...] += other.sketch
        if len(self.exact) > EXACT_HASHES:
            self._flush()

    def count(self, key: Key) -> int:
        h = ngram_hash(key)
        found = self.exact.get(h, 0)
        if self.sketch is not None:
            columns = _sketch_columns(np.array([h], dtype=np.uint64))[:, 0]
            found += int(self.sketch[np.arange(SKETCH_DEPTH), columns].min())
        return found

    def _sketch(self) -> npt.NDArray[np.int64]:
        if self.sketch is None:
            self.sketch = np.zeros((SKETCH_DEPTH, SKETCH_WIDTH), dtype=np.int64)
        return self.sketch

    def _flush(self) -> None:
        hashes = np.fromiter(self.exact.keys(), dtype=np.uint64, count=len(self.exact))
        counts = np.fromiter(self.exact.values(), dtype=np.int64, count=len(self.exact))
        sketch = self._sketch()
        for row, columns in enumerate(_sketch_columns(hashes)):
            np.add.at(sketch[row], columns, counts)
        self.exact = Counter()


@dataclass
class Theme:
    """One candidate phrase: counts, written forms, and its example (most mentions, earliest)."""

    comments: int = 0
    documents: int = 0
    mentions: int = 0
    surfaces: Counter[str] = field(default_factory=Counter)
    example_mentions: int = 0
    example_id: str = ""
    example_doc: str = ""
    example_author: str = ""
    example: str = ""

    def merge(self, later: Theme) -> None:
        self.comments += later.comments
        self.documents += later.documents
        self.mentions += later.mentions
        self.surfaces.update(later.surfaces)
        if later.example_mentions > self.example_mentions:
            self.example_mentions = later.example_mentions
            self.example_id, self.example_doc = later.example_id, later.example_doc
            self.example_author, self.example = later.example_author, later.example


@dataclass
class ThemeTally:
    """The suggested-themes reducer state: candidate phrases, words seen, greeted names, articles."""

    themes: dict[Key, Theme] = field(default_factory=dict)
    words_seen: int = 0
    names: set[str] = field(default_factory=set)
    article: ArticleCounts = field(default_factory=ArticleCounts)

    def merge(self, later: ThemeTally) -> ThemeTally:
        """Add the counts of the pages that follow this tally's pages (in place); self."""
        self.words_seen += later.words_seen
        self.names |= later.names
        self.article.merge(later.article)
        for key, theme in later.themes.items():
            mine = self.themes.get(key)
            if mine is None:
                self.themes[key] = theme
            else:
                mine.merge(theme)
        return self

    def prune(self, limit: int = PRUNE_AT) -> None:
        """Over `limit` phrases, drop those mentioned once so far (they rarely return)."""
        if len(self.themes) > limit:
            self.themes = {key: theme for key, theme in self.themes.items() if theme.mentions > 1}


def merged(tallies: Iterable[ThemeTally]) -> ThemeTally:
    """One tally from consecutive ones, in order."""
    total = ThemeTally()
    for tally in tallies:
        total.merge(tally)
    return total
