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

import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from commentscope.errors import ConfigError
from commentscope.text import WORD_PART_RE, stem, stopwords

_PACKAGED = "data/topics.toml"
_TOPIC_KEYS = ("description", "notes", "terms", "exclude", "replace")
_MAX_GLUED = 4  # words that may be glued together into one squashed match ("true life pb")

V = TypeVar("V")


@dataclass(frozen=True)
class Topic:
    """A topic: its name, a one-line description, the terms that signal it, and vetoes."""

    name: str
    description: str
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    """An ordered set of topics; order is the order of columns and report sections."""

    topics: tuple[Topic, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(topic.name for topic in self.topics)

    @classmethod
    def default(cls) -> Taxonomy:
        """The packaged taxonomy (`commentscope/data/topics.toml`)."""
        return _packaged_taxonomy()

    @classmethod
    def from_toml(cls, path: Path) -> Taxonomy:
        """A whole taxonomy from one TOML file of `[topics.NAME]` tables."""
        return _complete([topic for topic, _ in _parse(_read(path), str(path))], str(path))


def load_taxonomy(path: Path | None = None, *, replace: bool = False) -> Taxonomy:
    """The packaged taxonomy with the user's file laid over it (or instead of it: `replace`).

    A user topic of a known name adds its terms and excludes to the packaged ones, unless it
    says `replace = true`; a new name adds a topic after the packaged ones.
    """
    if path is None:
        return Taxonomy.default()
    if replace:
        return Taxonomy.from_toml(path)
    merged = {topic.name: topic for topic in Taxonomy.default().topics}
    for topic, replace_topic in _parse(_read(path), str(path)):
        known = merged.get(topic.name)
        merged[topic.name] = topic if known is None or replace_topic else _extend(known, topic)
    return _complete(list(merged.values()), str(path))


@cache
def _packaged_taxonomy() -> Taxonomy:
    source = f"commentscope/{_PACKAGED} (packaged)"
    raw = resources.files("commentscope").joinpath(_PACKAGED).read_bytes()
    return _complete([topic for topic, _ in _parse(_loads(raw, source), source)], source)


def _extend(known: Topic, extra: Topic) -> Topic:
    return Topic(
        name=known.name,
        description=extra.description or known.description,
        terms=tuple(dict.fromkeys(known.terms + extra.terms)),
        exclude=tuple(dict.fromkeys(known.exclude + extra.exclude)),
    )


def _complete(topics: list[Topic], source: str) -> Taxonomy:
    for topic in topics:
        if not topic.terms:
            raise ConfigError(f'{source}: topic {topic.name!r} has no terms; add terms = ["..."]')
    return Taxonomy(tuple(topics))


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the taxonomy file ({error.strerror})") from error
    return _loads(raw, str(path))


def _loads(raw: bytes, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ConfigError(f"{source}: not UTF-8 text ({error.reason})") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{source}: not valid TOML: {error}") from error


def _parse(document: Mapping[str, Any], source: str) -> list[tuple[Topic, bool]]:
    """(topic, replace flag) for each [topics.NAME] table."""
    tables = document.get("topics")
    stray = sorted(set(document) - {"topics"})
    if stray or not isinstance(tables, dict) or not tables:
        found = f" (found {', '.join(stray)})" if stray else ""
        raise ConfigError(f"{source}: expected only [topics.NAME] tables with terms{found}")
    return [_parse_topic(name, table, f"{source}: topic {name!r}") for name, table in tables.items()]


def _parse_topic(name: str, table: object, where: str) -> tuple[Topic, bool]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table, [topics.{name}]")
    unknown = sorted(set(table) - set(_TOPIC_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {unknown}; allowed: {list(_TOPIC_KEYS)}")
    for key, kind in (("description", str), ("notes", str), ("replace", bool)):
        if key in table and not isinstance(table[key], kind):
            raise ConfigError(f"{where}: {key!r} must be a {kind.__name__}")
    topic = Topic(
        name=name,
        description=str(table.get("description", "")).strip(),
        terms=_phrases(table, "terms", where),
        exclude=_phrases(table, "exclude", where),
    )
    return topic, bool(table.get("replace", False))


def _phrases(table: Mapping[str, object], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: {key!r} must be a list of strings")
    for phrase in value:
        if not tokenize(phrase):
            raise ConfigError(f"{where}: {key} entry {phrase!r} has no words")
    return tuple(dict.fromkeys(phrase.strip() for phrase in value))


# Hyphenated words come out as their parts.
_PART_RE = WORD_PART_RE


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text (hyphenated words are split): lower-cased, stemmed, with its span."""

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
        for index, topic in enumerate(taxonomy.topics):
            seen: set[tuple[str, ...]] = set()
            for rank, term in enumerate(topic.terms):
                self._add_term(_Entry(index, rank, term), seen)
            for phrase in topic.exclude:
                self.vetoes.add(tuple(plain(word) for word in _words(phrase)), index)

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

    def hits(self, words: Sequence[str]) -> list[_Hit]:
        """Term occurrences that no veto of their topic overlaps, outermost per topic."""
        stems = [stem(word) for word in words]
        plains = [plain(word) for word in words]
        found = {
            *self.words.scan(stems),
            *self.names.scan(plains),
            *self.glued_words.scan(words, stems),
            *self.glued_names.scan(words, plains),
        }
        if found and self.vetoes:
            vetoes: dict[int, list[tuple[int, int]]] = {}
            for start, end, topic in self.vetoes.scan(plains):
                vetoes.setdefault(topic, []).append((start, end))
            found = {hit for hit in found if not _overlapped(hit, vetoes.get(hit[2].topic, []))}
        return _outermost(found)


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
        tokens = tokenize(text)
        names = self.taxonomy.names
        return [
            TermMatch(names[hit.entry.topic], hit.entry.term, tokens[hit.start].start,
                      tokens[hit.end - 1].end)
            for hit in self._lexicon.hits([token.text for token in tokens])
        ]

    def match(self, text: str) -> dict[str, tuple[str, ...]]:
        """Topic -> the terms found (as written in the taxonomy, sorted); matched topics only."""
        found: dict[int, set[str]] = {}
        for hit in self._lexicon.hits(_words(text)):
            found.setdefault(hit.entry.topic, set()).add(hit.entry.term)
        return {
            topic.name: tuple(sorted(found[index], key=lambda term: (term.casefold(), term)))
            for index, topic in enumerate(self.taxonomy.topics)
            if index in found
        }

    def match_sentences(self, sentences: Sequence[str]) -> list[dict[str, tuple[str, ...]]]:
        """`match` for each sentence, in order."""
        return [self.match(sentence) for sentence in sentences]
