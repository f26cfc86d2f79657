"""Content-word stems without the function words of English or German.

`text.stopwords` holds English function words only; the German ones ("ich", "und", "habe") are
packaged in data/stopwords_de.txt, so that two German comments do not look alike, or a German
question covered, by the words every German sentence has.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from commentscope.text import stem, stopwords, words


@cache
def german_stopwords() -> frozenset[str]:
    """German function words, shipped with the package."""
    raw = resources.files("commentscope").joinpath("data/stopwords_de.txt").read_text("utf-8")
    return frozenset(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


def content_stems(text: str) -> list[str]:
    """Stems of the words of `text`, in order, without English or German function words and
    bare numbers."""
    stop = stopwords() | german_stopwords()
    return [stem(w) for w in words(text) if w not in stop and not w.isdigit()]


def is_function_word(word: str) -> bool:
    """The word (any case) is an English or German function word."""
    folded = word.casefold()
    return folded in stopwords() or folded in german_stopwords()
