"""The compiled taxonomy: term tables that find every term of a text in one pass.

Each kind of term sits in one table (`term_tables`): words by Snowball stem, names by `plain`
form, both also with their letters glued together, and the vetoes. A table is keyed by words
and walked once per text with prefix pruning, so a match costs a few look-ups per candidate
word whatever the size of the lexicon; only words that can start a term are looked at. What the
tables find (`Lexicon.found`) is then weighed (`Lexicon.decide`): vetoes, weak terms, nesting.
See `topics` for what matches what.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from functools import cache, lru_cache
from itertools import compress
from typing import NamedTuple
from weakref import WeakValueDictionary

from commentscope.analysis.taxonomy import MIN_STEM, SHORT_ENDING, SHORT_ENDING_STEM, Taxonomy
from commentscope.analysis.term_tables import GluedTable, PhraseTable
from commentscope.text import WORD_PART_RE, stem


def text_words(text: str) -> list[str]:
    """The words of `text` lower-cased as a whole (hyphenated words split): how terms and the
    texts given to `TopicMatcher.match` are split."""
    return WORD_PART_RE.findall(text.lower().replace("’", "'"))


def plain_form(word: str) -> str:
    """A lower-cased word without possessive or plural -s: how names and exclude phrases are
    compared."""
    word = word.removesuffix("'s")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


plain = cache(plain_form)  # a text's words: the same few thousand again and again (terms: `plain_form`)


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
    ending: bool = False  # found by one of the topic's `endings`: `term` is the word found, never weak


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
        self.words: PhraseTable[Entry] = PhraseTable()
        self.names: PhraseTable[Entry] = PhraseTable()
        self.glued_words: GluedTable[Entry] = GluedTable(stem)
        self.glued_names: GluedTable[Entry] = GluedTable(plain)
        self.vetoes: PhraseTable[int] = PhraseTable()
        self.weak: dict[tuple[str, ...], set[int]] = {}  # weak term -> topics where it is weak
        self.endings: dict[str, list[Entry]] = {}
        for index, topic in enumerate(taxonomy.topics):
            seen: dict[object, set[object]] = {}  # table -> the topic's keys filed in it
            for rank, term in enumerate(topic.terms):
                self._add_term(Entry(index, rank, term), seen)
            for phrase in topic.exclude:
                self.vetoes.add(tuple(plain_form(word) for word in text_words(phrase)), index)
            for term in topic.weak:
                self.weak.setdefault(_sense_key(term), set()).add(index)
            for rank, ending in enumerate(topic.endings, start=len(topic.terms)):
                self.endings.setdefault(ending, []).append(Entry(index, rank, "-" + ending, ending=True))
        self.ending_sizes = sorted({len(e) for e in self.endings}, reverse=True)
        # a text's words are mostly words seen before: what each finds is worked out once
        self.facts = lru_cache(maxsize=1 << 16)(self._facts)
        self.weak_in = _Weakness(self.weak)

    def _add_term(self, entry: Entry, seen: dict[object, set[object]]) -> None:
        """File a term under its keys, unless an earlier term of the topic has the same key."""
        words = text_words(entry.term)
        is_name = entry.term != entry.term.lower()
        normal = plain_form if is_name else stem
        key = tuple(map(normal, words))
        glued = key[0] if len(key) == 1 else normal("".join(words))
        table, glued_table = (self.names, self.glued_names) if is_name else (self.words, self.glued_words)
        if _first_time(seen, table, key):
            table.add(key, entry)
        if _first_time(seen, glued_table, glued):
            glued_table.add(words, glued, entry)

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
        before it (SHORT_ENDING_STEM before a short ending), longest ending first; each entry
        names the word found ("metoprolol")."""
        if not word.isalpha():
            return ()
        return tuple(entry._replace(term=word) for size in self.ending_sizes
                     if len(word) >= size + (SHORT_ENDING_STEM if size <= SHORT_ENDING else MIN_STEM)
                     for entry in self.endings.get(word[-size:], ()))

    def _senses(self, found: set[Found]) -> set[Found]:
        """Weak terms decided by their company in the text.

        A term weak in a topic counts there only beside one of the topic's other terms. A term
        that is a plain term of one topic and weak in others ("pill": medication, supplements)
        goes to the weak topics when they have company and its own topic has none.
        """
        company: set[int] = set()
        weak_found = False
        weak_in = self.weak_in
        for _, _, entry in found:
            if entry.ending or weak_in[entry.term] is None:
                company.add(entry.topic)
            else:
                weak_found = True
        if not weak_found:  # most texts: nothing to decide
            return found
        kept = set()
        for hit in found:
            entry = hit[2]
            weak = None if entry.ending else weak_in[entry.term]
            if weak is None:
                kept.add(hit)
            elif entry.topic in weak:
                if entry.topic in company:
                    kept.add(hit)
            elif entry.topic in company or not (weak & company):
                kept.add(hit)
        return kept


class _Weakness(dict[str, "set[int] | None"]):
    """Term -> the topics where it is weak (its `_sense_key` is a weak term's), None if none:
    worked out when a term is first found, not for every term (stemming every drug name took
    most of the build), then a plain dict look-up."""

    def __init__(self, weak: dict[tuple[str, ...], set[int]]) -> None:
        super().__init__()
        self._weak = weak

    def __missing__(self, term: str) -> set[int] | None:
        topics = self[term] = self._weak.get(_sense_key(term))
        return topics


def _first_time(seen: dict[object, set[object]], table: object, key: object) -> bool:
    """Whether `key` is new to `table` (and now seen there)."""
    keys = seen.setdefault(table, set())
    if key in keys:
        return False
    keys.add(key)
    return True


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

