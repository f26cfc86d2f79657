"""Content-word stems without the function words of English or German.

`text.stopwords` holds English function words only; the German ones ("ich", "und", "habe") are
packaged in data/stopwords_de.txt, so that two German comments do not look alike, or a German
question covered, by the words every German sentence has.
"""

from __future__ import annotations

from functools import cache, lru_cache

from commentscope.text import CACHED_TEXT_CHARS, stem, stopwords, word_list, words


@cache
def function_words() -> frozenset[str]:
    """English and German function words, shipped with the package (German: data/stopwords_de.txt)."""
    return stopwords() | word_list("stopwords_de.txt")


def content_stems(text: str) -> list[str]:
    """Stems of the words of `text`, in order, without English or German function words and
    bare numbers."""
    if len(text) <= CACHED_TEXT_CHARS:
        return list(_content_stems(text))
    stop = function_words()
    return [stem(w) for w in words(text) if w not in stop and not w.isdigit()]


@lru_cache(maxsize=4096)
def _content_stems(text: str) -> tuple[str, ...]:
    """`content_stems`, remembered for recent texts (answers, addressees and coverage read each comment's)."""
    stop = function_words()
    return tuple(stem(w) for w in words(text) if w not in stop and not w.isdigit())


def is_function_word(word: str) -> bool:
    """The word (any case) is an English or German function word."""
    return word.casefold() in function_words()
