"""Topic lexicons: a taxonomy of terms in packaged TOML, and a matcher that finds them.

A lower-case term matches words with the same Snowball stems ("filtered waters" ~ "filtered
water", "fluoridated" ~ "fluoride"). A term with a capital letter is a name (brand, drug,
acronym: "Evenity", "TrueLife PB", "K2"); names match as written, case, possessive and plural -s
aside, because Snowball would turn "Evenity" into "even". Either also matches with its letters
glued together ("pre-biotics" ~ "prebiotics", "MK7" ~ "MK-7", "True Life PB" ~ "TrueLife PB").
The terms sit in tables that find them all in one walk over a text (`lexicon`). A topic's `exclude`
phrases match like names, never by stem, so a veto stays narrow (excluding "medical" must not
veto "medication", which stems alike); a veto removes the topic's matches it overlaps. Within
a topic a match inside a longer one is dropped: the evidence reads "vitamin K2", not also "K2".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, chain
from typing import NamedTuple

from commentscope.analysis.lexicon import Found, Hit, Lexicon, Veto, compiled, text_words
from commentscope.analysis.taxonomy import Taxonomy, Topic, load_taxonomy
from commentscope.text import WORD_PART_RE, stem

__all__ = ["Taxonomy", "TermMatch", "TextTerms", "Token", "Topic", "TopicMatcher", "load_taxonomy", "tokenize"]


# Hyphenated words come out as their parts; in ASCII text, the same words by a quicker pattern.
_PART_RE = WORD_PART_RE
_ASCII_PART_RE = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
# `split` by these gives gap, word, gap, ..., word, gap: the words as written and what lies between
_SPLIT_RE = re.compile(f"({_PART_RE.pattern})")
_ASCII_SPLIT_RE = re.compile(f"({_ASCII_PART_RE.pattern})")


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
    pieces = _pieces(text)
    words = _piece_words(text, pieces)
    spans = _spans(_offsets(pieces))
    return [Token(word, stem(word), start, end) for word, (start, end) in zip(words, spans, strict=True)]


def token_words(text: str) -> list[str]:
    """The texts of `tokenize(text)`'s tokens (each word lower-cased on its own), without the
    tokens: a few regular-expression passes instead of a Python step per word."""
    if text.isascii():
        return _ASCII_PART_RE.findall(text.lower())
    words = list(map(str.lower, _PART_RE.findall(text)))
    return [word.replace("’", "'") for word in words] if "’" in text else words


def _piece_words(text: str, pieces: list[str]) -> list[str]:
    """`token_words(text)` from `_pieces(text)`: the words as written, each lower-cased (when a
    text is cut into pieces anyway, quicker than a second regular-expression pass)."""
    words = list(map(str.lower, pieces[1::2]))
    return words if "’" not in text else [word.replace("’", "'") for word in words]


def _lowers_alike(text: str) -> bool:
    """Whether lower-casing `text` as a whole gives the words that lower-casing each word gives
    (`text_words(text) == token_words(text)`), told without splitting it: every letter but "İ"
    lower-cases to one letter, a word character still, and only a capital sigma's lower case
    (final or not) depends on what follows it."""
    return text.isascii() or (len(text.lower()) == len(text) and "Σ" not in text)


def _pieces(text: str) -> list[str]:
    """`text` cut into gap, word, gap, ..., word, gap (the words of `token_words`, as written)."""
    return (_ASCII_SPLIT_RE if text.isascii() else _SPLIT_RE).split(text)


def _offsets(pieces: list[str]) -> list[int]:
    """Where each of `_pieces` starts (and, last, where the text ends): word i spans
    offsets[2i + 1] to offsets[2i + 2]."""
    return [0, *accumulate(map(len, pieces))]


def _spans(offsets: list[int]) -> list[tuple[int, int]]:
    """The (start, end) character span of each word, from `_offsets`."""
    return list(zip(offsets[1:-1:2], offsets[2::2], strict=True))


@dataclass(frozen=True, slots=True)
class TermMatch:
    """One occurrence of a taxonomy term: the topic, the term as written, its character span."""

    topic: str
    term: str
    start: int
    end: int


@dataclass(frozen=True, eq=False)
class TextTerms:
    """One text read once for every analyzer that needs its words: the pieces it was cut into,
    its words and their stems (`tokenize`'s, without the tokens), its topics (as
    `TopicMatcher.match` gives them) and its term matches as word runs; `tokens`, `offsets`,
    `spans` and `terms` (as `TopicMatcher.find`) on demand.

    `found` and `vetoes` are every term and veto occurrence before they were weighed against each
    other: `TopicMatcher.match_sentences` weighs them again within each sentence."""

    text: str
    pieces: list[str]  # the text cut into gap, word, gap, ..., word, gap; the words as written
    words: list[str]
    stems: Sequence[str]
    topics: dict[str, tuple[str, ...]]
    hits: list[Hit]
    topic_names: tuple[str, ...]
    found: set[Found]
    vetoes: list[Veto]

    @cached_property
    def offsets(self) -> list[int]:
        """Where each of `pieces` starts: word i spans offsets[2i + 1] to offsets[2i + 2]."""
        return _offsets(self.pieces)

    @cached_property
    def word_bounds(self) -> tuple[list[int], list[int]]:
        """Where each word starts, and where each ends (`spans` as two lists)."""
        return self.offsets[1:-1:2], self.offsets[2::2]

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        """The character span of each word."""
        return _spans(self.offsets)

    @property
    def term_runs(self) -> list[tuple[int, int]]:
        """The (start, end) word indices of each term match."""
        return [(hit.start, hit.end) for hit in self.hits]

    @cached_property
    def tokens(self) -> list[Token]:
        return [Token(word, stem_, start, end)
                for word, stem_, (start, end) in zip(self.words, self.stems, self.spans, strict=True)]

    @cached_property
    def terms(self) -> list[TermMatch]:
        spans, names = self.spans, self.topic_names
        return [TermMatch(names[hit.entry.topic], hit.entry.term, spans[hit.start][0], spans[hit.end - 1][1])
                for hit in self.hits]


class TopicMatcher:
    """Finds the taxonomy's terms in texts; the lexicon is compiled on first use, once per process
    for matchers of equal taxonomies (`compiled`)."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    @cached_property
    def _lexicon(self) -> Lexicon:
        return compiled(self.taxonomy)

    @cached_property
    def _names(self) -> tuple[str, ...]:
        return self.taxonomy.names

    def find(self, text: str) -> list[TermMatch]:
        """Every term occurrence in `text`, in text order, with character spans."""
        return self.read(text).terms

    def find_tokens(self, tokens: Sequence[Token]) -> list[TermMatch]:
        """`find` on a text already split by `tokenize`."""
        hits = self._lexicon.hits([token.text for token in tokens])
        return [TermMatch(self._names[hit.entry.topic], hit.entry.term, tokens[hit.start].start,
                          tokens[hit.end - 1].end) for hit in hits]

    def match(self, text: str, within: TextTerms | None = None) -> dict[str, tuple[str, ...]]:
        """Topic -> the terms found (as written in the taxonomy, sorted); matched topics only.

        `within`: the `read` of a longer text that holds this one's words, found again there."""
        return self.match_sentences([text], within)[0]

    def found_terms(self, text: str) -> list[str]:
        """The terms of `find(text)` (as written in the taxonomy), without their spans."""
        return [hit.entry.term for hit in self._lexicon.hits(token_words(text))]

    def read(self, text: str) -> TextTerms:
        """`text`'s words, `match(text)` and `find(text)`, the taxonomy walked once for all."""
        lexicon = self._lexicon
        pieces = _pieces(text)
        words = _piece_words(text, pieces)
        stems, plains, found = lexicon.found(words)
        vetoes = lexicon.veto_spans(plains) if found else []
        hits = lexicon.decide(found, vetoes)
        # `match` splits the lower-cased text: the same words, unless lower-casing moved a word
        # boundary (a few non-ASCII letters, such as "İ", lower-case to two characters)
        same_words = _lowers_alike(text) or words == text_words(text)
        topics = self._topics(hits) if same_words else self.match(text)
        return TextTerms(text, pieces, words, stems, topics, hits, self._names, found, vetoes)

    def match_sentences(
        self, sentences: Sequence[str], within: TextTerms | None = None
    ) -> list[dict[str, tuple[str, ...]]]:
        """`match` for each sentence, in order; `within`: the `read` of the text they come from.

        A sentence whose words are a run of `within`'s words is not read again: the terms and
        vetoes found in the whole text inside that run are weighed as `match` weighs them (a
        phrase, glued form or veto is found in a run of words exactly when it lies in the run)."""
        found: list[dict[str, tuple[str, ...]]] = []
        cursor = 0  # the word after the last sentence found in `within`
        by_place = within is not None and _lowers_alike(within.text)
        for sentence in sentences:
            run = _sentence_run(within, sentence, cursor, by_place) if within is not None else None
            if within is None or run is None:
                hits = self._lexicon.hits(text_words(sentence))
            else:
                cursor = run[1]
                hits = self._hits_within(within, *run)
            found.append(self._topics(hits))
        return found

    def _hits_within(self, read: TextTerms, start: int, end: int) -> list[Hit]:
        """The hits of the run of `read`'s words from `start` to `end`, as a text of its own."""
        found = {hit for hit in read.found if start <= hit[0] and hit[1] <= end}
        if not found:
            return []
        return self._lexicon.decide(found, [veto for veto in read.vetoes if start <= veto[0] and veto[1] <= end])

    def _topics(self, hits: Iterable[Hit]) -> dict[str, tuple[str, ...]]:
        found: dict[int, set[str]] = {}
        for hit in hits:
            found.setdefault(hit.entry.topic, set()).add(hit.entry.term)
        names = self._names
        return {names[index]: _in_term_order(found[index]) for index in sorted(found)}  # in taxonomy order


def _in_term_order(terms: set[str]) -> tuple[str, ...]:
    """The terms sorted case-blind, then as written (one term, most often, as it is)."""
    return (*terms,) if len(terms) == 1 else tuple(sorted(terms, key=lambda term: (term.casefold(), term)))


def _sentence_run(read: TextTerms, sentence: str, cursor: int, by_place: bool) -> tuple[int, int] | None:
    """The (start, end) indices of a run of `read`'s words that are `text_words(sentence)`,
    looked for from word `cursor` first; None when there is none. `by_place`: `read.text` lower-
    cases as its words do (`_lowers_alike`), so the sentence may be found as characters."""
    run = _run_at(read, sentence, read.offsets[2 * cursor] if cursor else 0) if by_place else None
    if run is not None:
        return run
    words = text_words(sentence)
    at = _locate(read.words, words, cursor)
    return None if at is None else (at, at + len(words))


def _run_at(read: TextTerms, sentence: str, place: int) -> tuple[int, int] | None:
    """The (start, end) word indices of the first place from character `place` where the text
    holds `sentence` with no word cut at either end; None when there is none. A word pattern
    finds the same words in a piece of a text as in the whole text, unless the piece cuts a
    word: these are `text_words(sentence)` when the text lower-cases as its words do."""
    at = read.text.find(sentence, place)
    if at < 0:
        return None
    starts, ends = read.word_bounds
    stop = at + len(sentence)
    start, end = bisect_left(starts, at), bisect_left(starts, stop)
    if (start and ends[start - 1] > at) or (end and ends[end - 1] > stop):
        return None
    return start, end


def _locate(words: list[str], run: list[str], start: int) -> int | None:
    """Where `run` occurs in `words` as consecutive words (looked for from `start` first), or None."""
    size = len(run)
    if words[start : start + size] == run:
        return start
    last = len(words) - size  # the last place it could start
    for at in chain(range(start + 1, last + 1), range(min(start, last + 1))):
        if words[at] == run[0] and words[at : at + size] == run:
            return at
    return None
