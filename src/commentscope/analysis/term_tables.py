"""The tables a compiled taxonomy (`lexicon.Lexicon`) finds terms with, kept lean.

A packaged taxonomy holds over ten thousand drug names, compiled in every process, so the
tables hold no per-term objects beyond their keys and a tuple of values per key: one-word
phrases by the word itself, longer ones by word tuples, and glued forms in `GluedForms`, which
answers "does any form begin with these letters?" by bisection instead of keeping every prefix
of every form (a set of those took about 10 MiB for the drug names).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property, lru_cache
from itertools import compress
from typing import Generic, TypeVar

from commentscope.text import stopwords

MAX_GLUED = 4  # words that may be glued together into one squashed match ("true life pb")
_BUCKET = 3  # leading letters that pick a `GluedForms` bucket

V = TypeVar("V")
K = TypeVar("K")


def _file(table: dict[K, tuple[V, ...]], key: K, value: V) -> None:
    """Add `value` to those filed under `key` (a tuple: a third of a list's size)."""
    table[key] = (*table.get(key, ()), value)


class PhraseTable(Generic[V]):
    """Phrases keyed by their words, found in a word sequence by walking only the words that
    can start one: one-word phrases by the word, longer ones by word tuples."""

    def __init__(self) -> None:
        self._single: dict[str, tuple[V, ...]] = {}
        self._longer: dict[tuple[str, ...], tuple[V, ...]] = {}
        self._starts: set[str] = set()  # first words of the longer phrases
        self._inner: set[tuple[str, ...]] = set()  # their beginnings of two words or more

    def add(self, key: tuple[str, ...], value: V) -> None:
        self.__dict__.pop("_firsts", None)  # `scan`'s, if a scan came first
        if len(key) == 1:
            _file(self._single, key[0], value)
            return
        _file(self._longer, key, value)
        self._starts.add(key[0])
        self._inner.update(key[:n] for n in range(2, len(key)))

    def __bool__(self) -> bool:
        return bool(self._single or self._longer)

    def get(self, key: tuple[str, ...]) -> tuple[V, ...]:
        """The values filed under the phrase `key`."""
        return self._single.get(key[0], ()) if len(key) == 1 else self._longer.get(key, ())

    def alone(self, word: str) -> tuple[V, ...]:
        """The one-word phrases `word` is."""
        return self._single.get(word, ())

    def continues(self, word: str) -> bool:
        """Whether a longer phrase starts with `word`."""
        return word in self._starts

    def extend(self, words: Sequence[str], i: int) -> Iterator[tuple[int, int, V]]:
        """(i, end, value) for every phrase of two words or more at word `i`, which `continues`."""
        longer, inner, size = self._longer, self._inner, len(words)
        key: tuple[str, ...] = (words[i],)
        end = i + 1
        while end < size:
            key, end = (*key, words[end]), end + 1
            for value in longer.get(key, ()):
                yield i, end, value
            if key not in inner:
                return

    @cached_property
    def _firsts(self) -> frozenset[str]:
        """The first words of all phrases (for `scan`: the vetoes, a small table)."""
        return frozenset(self._single).union(self._starts)

    def scan(self, words: Sequence[str]) -> Iterator[tuple[int, int, V]]:
        """(start, end, value) for every phrase found, as word indices."""
        firsts, single, starts, longer, inner = self._firsts, self._single, self._starts, self._longer, self._inner
        size = len(words)
        if firsts.isdisjoint(words):  # most sentences: no phrase can start anywhere
            return
        for i in compress(range(size), map(firsts.__contains__, words)):  # where one can
            word = words[i]
            for value in single.get(word, ()):
                yield i, i + 1, value
            if word not in starts:
                continue
            # `extend`'s walk, written out: a generator for each start cost a tenth of the time
            key: tuple[str, ...] = (word,)
            end = i + 1
            while end < size:
                key, end = (*key, words[end]), end + 1
                for value in longer.get(key, ()):
                    yield i, end, value
                if key not in inner:
                    break


class GluedForms:
    """Strings ("glued forms") that tell whether a text begins one of them (`begins`) or one
    longer than itself (`continues`), without a set of every prefix: the forms sit sorted in
    buckets by their first `_BUCKET` letters and a bucket is bisected; shorter beginnings
    are in two small sets."""

    def __init__(self) -> None:
        self._buckets: dict[str, list[str]] = {}
        self._short: set[str] = set()  # beginnings shorter than `_BUCKET`
        self._short_inner: set[str] = set()  # those of them that a longer form begins with

    def add(self, form: str) -> None:
        beginnings = [form[:n] for n in range(1, min(len(form), _BUCKET))]
        self._short_inner.update(beginnings)
        self._short.update(beginnings)
        if len(form) < _BUCKET:
            self._short.add(form)
            return
        bucket = self._buckets.setdefault(form[:_BUCKET], [])
        at = bisect_left(bucket, form)
        if at == len(bucket) or bucket[at] != form:
            bucket.insert(at, form)

    def begins(self, text: str) -> bool:
        """Whether a form begins with `text` (or is `text`)."""
        if len(text) < _BUCKET:
            return text in self._short
        bucket = self._buckets.get(text[:_BUCKET])
        if bucket is None:
            return False
        at = bisect_left(bucket, text)
        return at < len(bucket) and bucket[at].startswith(text)

    def continues(self, text: str) -> bool:
        """Whether a form longer than `text` begins with it."""
        if len(text) < _BUCKET:
            return text in self._short_inner
        bucket = self._buckets.get(text[:_BUCKET])
        if bucket is None:
            return False
        at = bisect_right(bucket, text)
        return at < len(bucket) and bucket[at].startswith(text)


class GluedTable(Generic[V]):
    """Phrases keyed by their letters glued together and normalised ("truelifepb", "mk7")."""

    def __init__(self, normal: Callable[[str], str]) -> None:
        self._normal = normal  # `stem` for words, `plain` for names
        self._entries: dict[str, tuple[V, ...]] = {}
        self._one_word: dict[str, tuple[V, ...]] = {}  # glued multi-word terms ("TrueLifePB")
        self.forms = GluedForms()  # the glued forms as written, not normalised
        # `forms.begins` for the glued walks, remembered: the same word pairs recur, and a look-up
        # in the cache's dict costs a third of a bisection (at most 4,096 recent ones are kept)
        self._begins = lru_cache(maxsize=1 << 12)(self.forms.begins)

    def add(self, parts: Sequence[str], key: str, value: V) -> None:
        """File a phrase of words `parts` under `key`, its glued letters normalised."""
        _file(self._entries, key, value)
        if len(parts) > 1:  # a one-word term in one text word is the phrase table's business
            _file(self._one_word, key, value)
        self.forms.add("".join(parts))
        self._begins.cache_clear()

    def get(self, key: str) -> tuple[V, ...]:
        """The values filed under the glued, normalised form `key`."""
        return self._entries.get(key, ())

    def alone(self, word: str, key: str) -> tuple[V, ...]:
        """The glued multi-word phrases that `word` (normalised: `key`) is written as."""
        # function words are never glued: "be an" is not "beans"
        return self._one_word.get(key, ()) if word not in stopwords() and self.forms.begins(word) else ()

    def continues(self, word: str) -> bool:
        """Whether `word` glued to the words after it may give a glued form."""
        return word not in stopwords() and self.forms.continues(word)

    def extend(self, words: Sequence[str], i: int) -> Iterator[tuple[int, int, V]]:
        """(i, end, value) for every glued form of words `i` to `end` (two or more); word `i`
        `continues`."""
        entries, begins, stop, word = self._entries, self._begins, stopwords(), words[i]
        glued = word
        for j in range(i + 1, min(len(words), i + MAX_GLUED)):
            if words[j] in stop:
                return
            glued += words[j]
            # beyond the first word, only an inflectional ending may differ from a glued form
            if not begins(glued[: max(len(glued) - 3, len(word) + 1)]):
                return  # nor can a longer run: it begins with these letters
            for value in entries.get(self._normal(glued), ()):
                yield i, j + 1, value
            if not begins(glued):
                return
