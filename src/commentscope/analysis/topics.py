"""Topic lexicons: a taxonomy of terms in packaged TOML, and a matcher that finds them.

A lower-case term matches words with the same Snowball stems ("filtered waters" ~ "filtered
water", "fluoridated" ~ "fluoride"). A term with a capital letter is a name (brand, drug,
acronym: "Evenity", "TrueLife PB", "K2"); names match as written, case, possessive and plural -s
aside, because Snowball would turn "Evenity" into "even". Either also matches with its letters
glued together ("pre-biotics" ~ "prebiotics", "MK7" ~ "MK-7", "True Life PB" ~ "TrueLife PB").
Each kind sits in one table keyed by word tuples, walked once per text with prefix pruning, so
a match costs a few dict look-ups per word whatever the size of the lexicon. A topic's `exclude`
phrases match like names, never by stem, so a veto stays narrow (excluding "medical" must not
veto "medication", which stems alike); a veto removes the topic's matches it overlaps. Within
a topic a match inside a longer one is dropped: the evidence reads "vitamin K2", not also "K2".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Generic, NamedTuple, TypeVar

from commentscope.analysis.taxonomy import MIN_STEM, Taxonomy, Topic, load_taxonomy
from commentscope.text import WORD_PART_RE, stem, stopwords

_MAX_GLUED = 4  # words that may be glued together into one squashed match ("true life pb")

V = TypeVar("V")

__all__ = ["Taxonomy", "TermMatch", "TextTerms", "Token", "Topic", "TopicMatcher", "load_taxonomy", "tokenize"]


# Hyphenated words come out as their parts.
_PART_RE = WORD_PART_RE


class Token(NamedTuple):
    """One word of a text (hyphenated words are split): lower-cased, stemmed, with its span.

    A named tuple: texts are split into tens of millions of these, and a tuple is made in
    half the time of a frozen dataclass."""

    text: str
    stem: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """The words of `text` as tokens; "pre-biotics" gives "pre" and "biotics"."""
    tokens = []
    for match in _PART_RE.finditer(text):
        word = match.group().lower().replace("’", "'")
        tokens.append(Token(word, stem(word), match.start(), match.end()))
    return tokens


def _words(text: str) -> list[str]:
    """`tokenize` without spans, at regex speed: the texts of its tokens."""
    return _PART_RE.findall(text.lower().replace("’", "'"))


@cache
def plain(word: str) -> str:
    """A lower-cased word without possessive or plural -s: how exclude phrases are compared."""
    word = word.removesuffix("'s")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


@dataclass(frozen=True, slots=True)
class TermMatch:
    """One occurrence of a taxonomy term: the topic, the term as written, its character span."""

    topic: str
    term: str
    start: int
    end: int


@dataclass(frozen=True)
class TextTerms:
    """One text read once for every analyzer that needs its words: its tokens, its topics (as
    `TopicMatcher.match` gives them) and its term matches (as `TopicMatcher.find`)."""

    tokens: list[Token]
    topics: dict[str, tuple[str, ...]]
    terms: list[TermMatch]


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

    def scan(self, words: Sequence[str]) -> Iterator[tuple[int, int, V]]:
        """(start, end, value) for every phrase found, as word indices."""
        entries, prefixes, firsts, size = self._entries, self._prefixes, self._firsts, len(words)
        if firsts.isdisjoint(words):  # most sentences: no phrase can start anywhere
            return
        for i, word in enumerate(words):
            if word not in firsts:
                continue
            key: tuple[str, ...] = (word,)
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

    def add(self, parts: Sequence[str], value: V) -> None:
        glued = "".join(parts)
        self._entries.setdefault(self._normal(glued), []).append(value)
        if len(parts) > 1:  # a one-word term in one text word is the phrase table's business
            self._one_word.setdefault(self._normal(glued), []).append(value)
        self._heads.update(glued[:n] for n in range(1, len(glued) + 1))

    def scan(self, words: Sequence[str], keys: Sequence[str]) -> Iterator[tuple[int, int, V]]:
        """Like `_PhraseTable.scan`; `keys` are the normalised `words`."""
        entries, one_word, heads, size = self._entries, self._one_word, self._heads, len(words)
        if heads.isdisjoint(words):
            return
        stop = stopwords()  # function words are never glued: "be an" is not "beans"
        for i, word in enumerate(words):
            if word not in heads or word in stop:
                continue
            for value in one_word.get(keys[i], ()):
                yield i, i + 1, value
            glued, j = word, i + 1
            while glued in heads and j < min(size, i + _MAX_GLUED) and words[j] not in stop:
                glued, j = glued + words[j], j + 1
                # beyond the first word, only an inflectional ending may differ from a glued form
                if glued[: max(len(glued) - 3, len(word) + 1)] in heads:
                    for value in entries.get(self._normal(glued), ()):
                        yield i, j, value


class _Entry(NamedTuple):
    topic: int
    rank: int  # position of the term in its topic: the first-written of equal terms wins
    term: str
    key: tuple[str, ...] = ()  # `_sense_key` of the term: how weak terms are recognised


def _sense_key(term: str) -> tuple[str, ...]:
    """Stems of a term's words: "pills" in one topic and "pill" in another are one sense key."""
    return tuple(stem(word) for word in _words(term))


class _Hit(NamedTuple):
    start: int
    end: int
    entry: _Entry


class _Lexicon:
    """The compiled taxonomy: words by stem, names by plain form, both also glued; vetoes."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.words: _PhraseTable[_Entry] = _PhraseTable()
        self.names: _PhraseTable[_Entry] = _PhraseTable()
        self.glued_words: _GluedTable[_Entry] = _GluedTable(stem)
        self.glued_names: _GluedTable[_Entry] = _GluedTable(plain)
        self.vetoes: _PhraseTable[int] = _PhraseTable()
        self.weak: dict[tuple[str, ...], set[int]] = {}  # weak term -> topics where it is weak
        self.endings: dict[str, list[_Entry]] = {}
        for index, topic in enumerate(taxonomy.topics):
            seen: set[tuple[str, ...]] = set()
            for rank, term in enumerate(topic.terms):
                self._add_term(_Entry(index, rank, term, _sense_key(term)), seen)
            for phrase in topic.exclude:
                self.vetoes.add(tuple(plain(word) for word in _words(phrase)), index)
            for term in topic.weak:
                self.weak.setdefault(_sense_key(term), set()).add(index)
            for rank, ending in enumerate(topic.endings, start=len(topic.terms)):
                self.endings.setdefault(ending, []).append(_Entry(index, rank, "-" + ending))
        self.ending_sizes = sorted({len(e) for e in self.endings}, reverse=True)
        # A word whose `plain` form has an ending is the ending, then perhaps "s" and "'s": a
        # quick test of a whole text before each word is looked at.
        alternatives = "|".join(map(re.escape, sorted(self.endings, key=len, reverse=True)))
        self.ending_words = re.compile(rf"(?:{alternatives})s?(?:'s)?(?: |$)") if self.endings else None

    def _add_term(self, entry: _Entry, seen: set[tuple[str, ...]]) -> None:
        """File a term under its keys, unless an earlier term of the topic has the same key."""
        words = _words(entry.term)
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

    def hits(self, words: Sequence[str], stems: Sequence[str] | None = None) -> list[_Hit]:
        """Term occurrences that no veto of their topic overlaps, outermost per topic (`stems`:
        the words' stems, when they are known already)."""
        if stems is None:
            stems = [stem(word) for word in words]
        plains = [plain(word) for word in words]
        found = {
            *self.words.scan(stems),
            *self.names.scan(plains),
            *self.glued_words.scan(words, stems),
            *self.glued_names.scan(words, plains),
            *self._ending_words(words),
        }
        if found and self.vetoes:
            vetoes: dict[int, list[tuple[int, int]]] = {}
            for start, end, topic in self.vetoes.scan(plains):
                vetoes.setdefault(topic, []).append((start, end))
            found = {hit for hit in found if not _overlapped(hit, vetoes.get(hit[2].topic, []))}
        if found and self.weak:
            found = self._senses(found)
        return _outermost(found)

    def _ending_words(self, words: Sequence[str]) -> Iterator[_Found]:
        """Words that end in one of a topic's `endings`, with MIN_STEM letters before it
        (possessive and plural -s aside); the entry names the word found ("metoprolol")."""
        if self.ending_words is None or not self.ending_words.search(" ".join(words)):
            return
        endings, sizes = self.endings, self.ending_sizes
        for i, word in enumerate(map(plain, words)):
            if not word.isalpha():
                continue
            for size in sizes:
                if len(word) >= size + MIN_STEM:
                    for entry in endings.get(word[-size:], ()):
                        yield i, i + 1, entry._replace(term=word)

    def _senses(self, found: set[_Found]) -> set[_Found]:
        """Weak terms decided by their company in the text.

        A term weak in a topic counts there only beside one of the topic's other terms. A term
        that is a plain term of one topic and weak in others ("pill": medication, supplements)
        goes to the weak topics when they have company and its own topic has none.
        """
        company: set[int] = set()
        for _, _, entry in found:
            if entry.key not in self.weak:
                company.add(entry.topic)
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


_Found = tuple[int, int, _Entry]  # start, end, entry: what the tables yield


def _overlapped(found: _Found, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether any (start, end) span overlaps the found term."""
    return any(start < found[1] and found[0] < end for start, end in spans)


def _outermost(found: Iterable[_Found]) -> list[_Hit]:
    """Hits not inside a longer hit of the same topic; of equal spans, the first-written term."""
    kept: list[_Hit] = []
    reach: dict[int, int] = {}  # topic -> furthest end of a kept hit that started earlier
    for start, end, entry in sorted(found, key=lambda f: (f[0], -f[1], f[2].topic, f[2].rank)):
        if end > reach.get(entry.topic, -1):
            kept.append(_Hit(start, end, entry))
            reach[entry.topic] = end
    return kept


class TopicMatcher:
    """Finds the taxonomy's terms in texts; the lexicon is compiled on first use."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    @cached_property
    def _lexicon(self) -> _Lexicon:
        return _Lexicon(self.taxonomy)

    def find(self, text: str) -> list[TermMatch]:
        """Every term occurrence in `text`, in text order, with character spans."""
        return self.find_tokens(tokenize(text))

    def find_tokens(self, tokens: Sequence[Token]) -> list[TermMatch]:
        """`find` on a text already split by `tokenize`."""
        return self._term_matches(tokens, self._lexicon.hits([token.text for token in tokens],
                                                             [token.stem for token in tokens]))

    def match(self, text: str) -> dict[str, tuple[str, ...]]:
        """Topic -> the terms found (as written in the taxonomy, sorted); matched topics only."""
        return self._topics(self._lexicon.hits(_words(text)))

    def found_terms(self, text: str) -> list[str]:
        """The terms of `find(text)` (as written in the taxonomy), without their spans."""
        words = _words(text) if text.isascii() else [token.text for token in tokenize(text)]  # see `read`
        return [hit.entry.term for hit in self._lexicon.hits(words)]

    def read(self, text: str) -> TextTerms:
        """`text`'s tokens, `match(text)` and `find(text)`, the taxonomy walked once for all."""
        tokens = tokenize(text)
        words = [token.text for token in tokens]
        hits = self._lexicon.hits(words, [token.stem for token in tokens])
        # `match` splits the lower-cased text: the same words, unless lower-casing moved a word
        # boundary (a few non-ASCII letters, such as "İ", lower-case to two characters)
        same_words = text.isascii() or words == _words(text)
        return TextTerms(tokens, self._topics(hits) if same_words else self.match(text),
                         self._term_matches(tokens, hits))

    def _topics(self, hits: Iterable[_Hit]) -> dict[str, tuple[str, ...]]:
        found: dict[int, set[str]] = {}
        for hit in hits:
            found.setdefault(hit.entry.topic, set()).add(hit.entry.term)
        return {
            topic.name: tuple(sorted(found[index], key=lambda term: (term.casefold(), term)))
            for index, topic in enumerate(self.taxonomy.topics)
            if index in found
        }

    def _term_matches(self, tokens: Sequence[Token], hits: Iterable[_Hit]) -> list[TermMatch]:
        names = self.taxonomy.names
        return [TermMatch(names[hit.entry.topic], hit.entry.term, tokens[hit.start].start, tokens[hit.end - 1].end)
                for hit in hits]

    def match_sentences(self, sentences: Sequence[str]) -> list[dict[str, tuple[str, ...]]]:
        """`match` for each sentence, in order."""
        return [self.match(sentence) for sentence in sentences]
