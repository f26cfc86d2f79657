"""The compiled taxonomy: term tables that find every term of a text in one pass.

Each kind of term sits in one table: words by Snowball stem, names by `plain` form, both also
with their letters glued together, and the vetoes. A table is keyed by word tuples and walked
once per text with prefix pruning, so a match costs a few dict look-ups per candidate word
whatever the size of the lexicon; only words that can start a term are looked at. What the
tables find (`Lexicon.found`) is then weighed (`Lexicon.decide`): vetoes, weak terms, nesting.
See `topics` for what matches what.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from itertools import compress
from typing import Generic, NamedTuple, TypeVar
from weakref import WeakValueDictionary

from commentscope.analysis.taxonomy import MIN_STEM, Taxonomy
from commentscope.text import WORD_PART_RE, stem, stopwords

_MAX_GLUED = 4  # words that may be glued together into one squashed match ("true life pb")

V = TypeVar("V")


def text_words(text: str) -> list[str]:
    """The words of `text` lower-cased as a whole (hyphenated words split): how terms and the
    texts given to `TopicMatcher.match` are split."""
    return WORD_PART_RE.findall(text.lower().replace("’", "'"))


@cache
def plain(word: str) -> str:
    """A lower-cased word without possessive or plural -s: how exclude phrases are compared."""
    word = word.removesuffix("'s")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


class _PhraseTable(Generic[V]):
    """Phrases keyed by word tuples, found in a word sequence in one pass with prefix pruning."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], list[V]] = {}
        self._prefixes: set[tuple[str, ...]] = set()
        self._firsts: set[str] = set()

    def add(self, key: tuple[str, ...], value: V) -> None:
        self._entries.setdefault(key, []).append(value)
        self._prefixes.update(key[:n] for n in range(1, len(key)))
        self._firsts.add(key[0])

    def __bool__(self) -> bool:
        return bool(self._entries)

    def alone(self, word: str) -> tuple[V, ...]:
        """The one-word phrases `word` is."""
        return tuple(self._entries.get((word,), ()))

    def continues(self, word: str) -> bool:
        """Whether a longer phrase may start with `word`."""
        return (word,) in self._prefixes

    def extend(self, words: Sequence[str], i: int) -> Iterator[tuple[int, int, V]]:
        """(i, end, value) for every phrase of two words or more that starts at word `i`."""
        entries, prefixes, size = self._entries, self._prefixes, len(words)
        key: tuple[str, ...] = (words[i],)
        end = i + 1
        while end < size and key in prefixes:
            key, end = (*key, words[end]), end + 1
            for value in entries.get(key, ()):
                yield i, end, value

    def scan(self, words: Sequence[str]) -> Iterator[tuple[int, int, V]]:
        """(start, end, value) for every phrase found, as word indices."""
        entries, prefixes, firsts, size = self._entries, self._prefixes, self._firsts, len(words)
        if firsts.isdisjoint(words):  # most sentences: no phrase can start anywhere
            return
        for i in compress(range(size), map(firsts.__contains__, words)):  # where one can
            key: tuple[str, ...] = (words[i],)
            end = i + 1
            while True:
                for value in entries.get(key, ()):
                    yield i, end, value
                if end == size or key not in prefixes:
                    break
                key, end = (*key, words[end]), end + 1


class _GluedTable(Generic[V]):
    """Phrases keyed by their letters glued together and normalised ("truelifepb", "mk7")."""

    def __init__(self, normal: Callable[[str], str]) -> None:
        self._normal = normal  # `stem` for words, `plain` for names
        self._entries: dict[str, list[V]] = {}
        self._one_word: dict[str, list[V]] = {}  # glued multi-word terms ("TrueLifePB")
        self._heads: set[str] = set()  # every prefix of every glued form
        self._inner: set[str] = set()  # every prefix of a glued form but the whole form

    def add(self, parts: Sequence[str], value: V) -> None:
        glued = "".join(parts)
        self._entries.setdefault(self._normal(glued), []).append(value)
        if len(parts) > 1:  # a one-word term in one text word is the phrase table's business
            self._one_word.setdefault(self._normal(glued), []).append(value)
        self._heads.update(glued[:n] for n in range(1, len(glued) + 1))
        self._inner.update(glued[:n] for n in range(1, len(glued)))

    def alone(self, word: str, key: str) -> tuple[V, ...]:
        """The glued multi-word phrases that `word` (normalised: `key`) is written as."""
        # function words are never glued: "be an" is not "beans"
        return tuple(self._one_word.get(key, ())) if word in self._heads and word not in stopwords() else ()

    def continues(self, word: str) -> bool:
        """Whether `word` glued to the words after it may give a glued form."""
        return word in self._inner and word not in stopwords()

    def extend(self, words: Sequence[str], i: int) -> Iterator[tuple[int, int, V]]:
        """(i, end, value) for every glued form of words `i` to `end` (two or more)."""
        entries, heads, stop, word = self._entries, self._heads, stopwords(), words[i]
        glued, j, stop_at = word, i + 1, min(len(words), i + _MAX_GLUED)
        while glued in heads and j < stop_at and words[j] not in stop:
            glued, j = glued + words[j], j + 1
            # beyond the first word, only an inflectional ending may differ from a glued form
            if glued[: max(len(glued) - 3, len(word) + 1)] in heads:
                for value in entries.get(self._normal(glued), ()):
                    yield i, j, value


class _Facts(NamedTuple):
    """What the lexicon knows of one word: its stem, its plain form, the terms it is on its own,
    and which tables may find a longer term starting at it (`_LONGER_*` bits)."""

    stem: str
    plain: str
    alone: tuple[Entry, ...]
    longer: int


_LONGER_WORDS, _LONGER_NAMES, _LONGER_GLUED_WORDS, _LONGER_GLUED_NAMES = 1, 2, 4, 8


class Entry(NamedTuple):
    topic: int
    rank: int  # position of the term in its topic: the first-written of equal terms wins
    term: str
    key: tuple[str, ...] = ()  # `_sense_key` of the term: how weak terms are recognised


def _sense_key(term: str) -> tuple[str, ...]:
    """Stems of a term's words: "pills" in one topic and "pill" in another are one sense key."""
    return tuple(stem(word) for word in text_words(term))


class Hit(NamedTuple):
    start: int
    end: int
    entry: Entry


class Lexicon:
    """The compiled taxonomy: words by stem, names by plain form, both also glued; vetoes."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.words: _PhraseTable[Entry] = _PhraseTable()
        self.names: _PhraseTable[Entry] = _PhraseTable()
        self.glued_words: _GluedTable[Entry] = _GluedTable(stem)
        self.glued_names: _GluedTable[Entry] = _GluedTable(plain)
        self.vetoes: _PhraseTable[int] = _PhraseTable()
        self.weak: dict[tuple[str, ...], set[int]] = {}  # weak term -> topics where it is weak
        self.endings: dict[str, list[Entry]] = {}
        for index, topic in enumerate(taxonomy.topics):
            seen: set[tuple[str, ...]] = set()
            for rank, term in enumerate(topic.terms):
                self._add_term(Entry(index, rank, term, _sense_key(term)), seen)
            for phrase in topic.exclude:
                self.vetoes.add(tuple(plain(word) for word in text_words(phrase)), index)
            for term in topic.weak:
                self.weak.setdefault(_sense_key(term), set()).add(index)
            for rank, ending in enumerate(topic.endings, start=len(topic.terms)):
                self.endings.setdefault(ending, []).append(Entry(index, rank, "-" + ending))
        self.ending_sizes = sorted({len(e) for e in self.endings}, reverse=True)
        # a text's words are mostly words seen before: what each finds is worked out once
        self.facts = lru_cache(maxsize=1 << 16)(self._facts)

    def _add_term(self, entry: Entry, seen: set[tuple[str, ...]]) -> None:
        """File a term under its keys, unless an earlier term of the topic has the same key."""
        words = text_words(entry.term)
        is_name = entry.term != entry.term.lower()
        normal = plain if is_name else stem
        kind = "name" if is_name else "word"
        key = (kind, *(normal(word) for word in words))
        glued = (f"glued {kind}", normal("".join(words)))
        if key not in seen:
            (self.names if is_name else self.words).add(key[1:], entry)
        if glued not in seen:
            (self.glued_names if is_name else self.glued_words).add(words, entry)
        seen.update((key, glued))

    def hits(self, words: Sequence[str]) -> list[Hit]:
        """Term occurrences that no veto of their topic overlaps, outermost per topic."""
        _, plains, found = self.found(words)
        return self.decide(found, self.veto_spans(plains) if found else [])

    def found(self, words: Sequence[str]) -> tuple[Sequence[str], Sequence[str], set[Found]]:
        """The words' stems and `plain` forms, and every term occurrence, vetoed or not."""
        if not words:
            return (), (), set()
        stems, plains, alone, longer = zip(*map(self.facts, words), strict=True)
        positions = range(len(words))
        found: set[Found] = {(i, i + 1, entry) for i in compress(positions, alone) for entry in alone[i]}
        for i in compress(positions, longer):
            if longer[i] & _LONGER_WORDS:
                found.update(self.words.extend(stems, i))
            if longer[i] & _LONGER_NAMES:
                found.update(self.names.extend(plains, i))
            if longer[i] & _LONGER_GLUED_WORDS:
                found.update(self.glued_words.extend(words, i))
            if longer[i] & _LONGER_GLUED_NAMES:
                found.update(self.glued_names.extend(words, i))
        return stems, plains, found

    def _facts(self, word: str) -> _Facts:
        stem_, plain_ = stem(word), plain(word)
        alone = (*self.words.alone(stem_), *self.names.alone(plain_), *self.glued_words.alone(word, stem_),
                 *self.glued_names.alone(word, plain_), *self._by_ending(plain_))
        longer = ((_LONGER_WORDS if self.words.continues(stem_) else 0)
                  | (_LONGER_NAMES if self.names.continues(plain_) else 0)
                  | (_LONGER_GLUED_WORDS if self.glued_words.continues(word) else 0)
                  | (_LONGER_GLUED_NAMES if self.glued_names.continues(word) else 0))
        return _Facts(stem_, plain_, alone, longer)

    def veto_spans(self, plains: Sequence[str]) -> list[Veto]:
        """(start, end, topic) of every veto occurrence."""
        return list(self.vetoes.scan(plains)) if self.vetoes else []

    def decide(self, found: set[Found], vetoes: Iterable[Veto]) -> list[Hit]:
        """The `found` terms that no veto of their topic overlaps, weak terms judged by their
        company, and of those the outermost per topic: the hits of the text they were found in."""
        spans: dict[int, list[tuple[int, int]]] = {}
        for start, end, topic in vetoes:
            spans.setdefault(topic, []).append((start, end))
        if found and spans:
            found = {hit for hit in found if hit[2].topic not in spans or not _overlapped(hit, spans[hit[2].topic])}
        if found and self.weak:
            found = self._senses(found)
        return _outermost(found)

    def _by_ending(self, word: str) -> tuple[Entry, ...]:
        """The entries of the endings that `plain` form `word` ends in, with MIN_STEM letters
        before it, longest ending first; each entry names the word found ("metoprolol")."""
        if not word.isalpha():
            return ()
        return tuple(entry._replace(term=word) for size in self.ending_sizes if len(word) >= size + MIN_STEM
                     for entry in self.endings.get(word[-size:], ()))

    def _senses(self, found: set[Found]) -> set[Found]:
        """Weak terms decided by their company in the text.

        A term weak in a topic counts there only beside one of the topic's other terms. A term
        that is a plain term of one topic and weak in others ("pill": medication, supplements)
        goes to the weak topics when they have company and its own topic has none.
        """
        company: set[int] = set()
        weak_found = False
        for _, _, entry in found:
            if entry.key not in self.weak:
                company.add(entry.topic)
            else:
                weak_found = True
        if not weak_found:  # most texts: nothing to decide
            return found
        kept = set()
        for hit in found:
            entry = hit[2]
            weak_in = self.weak.get(entry.key)
            if weak_in is None:
                kept.add(hit)
            elif entry.topic in weak_in:
                if entry.topic in company:
                    kept.add(hit)
            elif entry.topic in company or not (weak_in & company):
                kept.add(hit)
        return kept


_COMPILED: WeakValueDictionary[Taxonomy, Lexicon] = WeakValueDictionary()


def compiled(taxonomy: Taxonomy) -> Lexicon:
    """The taxonomy's `Lexicon`, compiled once while something holds it: a process's matchers
    of equal taxonomies (the map step's and the question features' packaged one) share it."""
    lexicon = _COMPILED.get(taxonomy)
    if lexicon is None:
        lexicon = _COMPILED[taxonomy] = Lexicon(taxonomy)
    return lexicon


Found = tuple[int, int, Entry]  # start, end, entry: what the tables yield
Veto = tuple[int, int, int]  # start, end, topic index


def _overlapped(found: Found, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether any (start, end) span overlaps the found term."""
    return any(start < found[1] and found[0] < end for start, end in spans)


def _outermost(found: Collection[Found]) -> list[Hit]:
    """Hits not inside a longer hit of the same topic; of equal spans, the first-written term."""
    if len(found) == 1:  # a text with one term: nothing to sort or nest
        (only,) = found
        return [Hit(*only)]
    kept: list[Hit] = []
    reach: dict[int, int] = {}  # topic -> furthest end of a kept hit that started earlier
    for start, end, entry in sorted(found, key=lambda f: (f[0], -f[1], f[2].topic, f[2].rank)):
        if end > reach.get(entry.topic, -1):
            kept.append(Hit(start, end, entry))
            reach[entry.topic] = end
    return kept

