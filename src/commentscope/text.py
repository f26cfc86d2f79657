"""Word-level text helpers shared by the analyzers: tokens, stems and stopwords (no downloads)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from nltk.stem.snowball import SnowballStemmer

WORD_PART_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # a word without its hyphen joins
WORD_RE = re.compile(WORD_PART_RE.pattern + r"(?:-[^\W_]+)*")

_STEMMER = SnowballStemmer("english")


CACHED_TEXT_CHARS = 4000  # texts up to this long (comments, passages) are tokenised once while recent


def words(text: str) -> list[str]:
    """Lower-cased word tokens, keeping in-word apostrophes and hyphens ("k2", "pre-biotics")."""
    return list(_words(text) if len(text) <= CACHED_TEXT_CHARS else _tokens(text))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """`words`, remembered for recent texts: one page's analyzers (answers, relevance, coverage,
    addressees) each read every comment's words."""
    return _tokens(text)


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(w.replace("’", "'") if "’" in w else w for w in WORD_RE.findall(text.lower()))


@cache
def stem(word: str) -> str:
    """Snowball stem of one lower-cased word (cached: the vocabulary of a corpus is small)."""
    return str(_STEMMER.stem(word))


def stems(text: str, *, drop_stopwords: bool = False) -> list[str]:
    """Stems of the words of `text`, optionally without stopwords."""
    if len(text) <= CACHED_TEXT_CHARS:
        return list(_stems(text, drop_stopwords))
    stop = stopwords() if drop_stopwords else frozenset()
    return [stem(w) for w in words(text) if w not in stop]


@lru_cache(maxsize=4096)
def _stems(text: str, drop_stopwords: bool) -> tuple[str, ...]:
    stop = stopwords() if drop_stopwords else frozenset()
    return tuple(stem(w) for w in _words(text) if w not in stop)


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of the packaged list `data/NAME` (one per line, `#` comments)."""
    raw = resources.files("commentscope").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


@cache
def stopwords() -> frozenset[str]:
    """English function words, shipped with the package (NLTK's list would need a download)."""
    return word_list("stopwords.txt")
