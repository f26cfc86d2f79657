"""Themes the taxonomy misses: words and short phrases that several comments share.

Candidates are nouns and noun phrases of 2-3 words within one clause ("bone density",
"vibrating platform", "bone mineral density"; tagged by TextBlob's Pattern tagger, whose
lexicon ships with textblob), with content words (3+ letters, no digits, not stopwords) at both
ends. They are counted by Snowball stems and shown in their most common written form ("bone
density" for "bone-density" and "Bone density"). Dropped: words inside a taxonomy match or
sharing the stem of a one-word taxonomy term (the taxonomy covers them), themes that start
with a packaged generic word ("thank", "article", "year"), names the thread greets or signs
with ("Hi Karen", "Dr Perlmutter"), and anything seen only once. A phrase replaces its parts
when they have the same counts ("Power Plate", not also "power" and "plate").

Ranking. Terms are "new" when readers use them at least as often, per word, as `exclude_text`
(the articles) does: ``contrast = ln(comment rate / article rate) >= 0``, rates smoothed with
half a count. New terms come first, so the page's own subject ("bone" under a bone article)
sinks below what readers bring up themselves; within each group, more distinct comments first,
then higher contrast, more mentions, and the term alphabetically. Without article text every
term is new.

Counting is mergeable (`theme_tally`): `tally_page` counts one page, tallies of consecutive
pages merge exactly, and `finish_themes` ranks a whole corpus's tally. Article n-grams are
counted per article (not across two articles' boundary).
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from importlib import resources

import pandas as pd

from commentscope.analysis.pattern import word_tag
from commentscope.analysis.theme_tally import Key, Theme, ThemeTally, merged
from commentscope.analysis.topics import TermMatch, TextTerms, Token, TopicMatcher, tokenize
from commentscope.results import SUGGESTED_TOPIC_COLUMNS, SuggestedTopicRow
from commentscope.text import stem, stopwords

THEME_COLUMNS = SUGGESTED_TOPIC_COLUMNS
MAX_WORDS = 3
EXCERPT_WIDTH = 60  # characters of context on each side of the example term

_GREETING = r"(?i:hi|hello|hey|dear|thanks|thank\s+you|dr|mr|mrs|ms)"
_NAME = r"([A-Z][a-z]+)"
_ADDRESSED = (
    re.compile(rf"\b{_GREETING}\.?,?\s+{_NAME}\b"),  # "Hi Karen", "Dr. Perlmutter"
    re.compile(rf"^\s*{_NAME}\s*,"),  # "Donny, I just saw..."
    re.compile(rf",\s*{_NAME}\s*$"),  # "... Wishing the best for you, Sue"
)

_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_FIRST_TAGS = _NOUN_TAGS | {"JJ", "VBG"}  # "bone density", "fracture risk", "vibrating platform"

Record = tuple[str, str, str]  # doc_id, comment_id, text
Tagged = tuple[Token, str]  # a word and its Penn part-of-speech tag


@cache
def generic_stems() -> frozenset[str]:
    """Stems of the packaged generic comment words (`data/generic_terms.txt`)."""
    raw = resources.files("commentscope").joinpath("data/generic_terms.txt").read_text("utf-8")
    lines = (line.strip() for line in raw.splitlines())
    return frozenset(stem(line) for line in lines if line and not line.startswith("#"))


def suggest_themes(
    comments: Sequence[Record],
    matcher: TopicMatcher,
    *,
    top: int = 30,
    exclude_text: str = "",
) -> pd.DataFrame:
    """The `top` themes of (doc_id, comment_id, text) comments that `matcher` does not cover."""
    pages: dict[str, list[Record]] = {}
    for record in comments:
        pages.setdefault(record[0], []).append(record)
    tally = merged(tally_page(records, matcher) for records in pages.values())
    tally.article.add_text_stems([token.stem for token in tokenize(exclude_text)], MAX_WORDS)
    rows = finish_themes(tally, matcher, top=top)
    frame = pd.DataFrame([dataclasses.astuple(row) for row in rows], columns=THEME_COLUMNS)
    return frame.astype({"comments": "int64", "documents": "int64", "mentions": "int64"})


def tally_page(
    comments: Sequence[Record],
    matcher: TopicMatcher,
    article: str = "",
    authors: Sequence[str] = (),
    texts: Sequence[TextTerms] | None = None,
) -> ThemeTally:
    """The theme counts of one page's comments (and its article, for the contrast); `authors`,
    when given, names each comment's author for the example; `texts`, each comment's
    `matcher.read` when it was made already."""
    tally = ThemeTally()
    per_comment: dict[Key, dict[int, int]] = {}
    first_span: dict[Key, dict[int, tuple[int, int]]] = {}
    surfaces: dict[Key, Counter[str]] = {}
    for index, (_, _, text) in enumerate(comments):
        if texts is not None:
            tokens, terms = texts[index].tokens, texts[index].terms
        else:
            tokens = tokenize(text)
            terms = matcher.find_tokens(tokens)
        tally.words_seen += len(tokens)
        for run in _clauses(text, _tag(text, tokens), terms):
            for start, end in _candidates(run):
                words = [token for token, _ in run[start:end]]
                key = tuple([token.stem for token in words])
                counts = per_comment.get(key)
                if counts is None:
                    counts = per_comment[key] = {}
                    first_span[key] = {}
                    surfaces[key] = Counter()
                counts[index] = counts.get(index, 0) + 1
                first_span[key].setdefault(index, (words[0].start, words[-1].end))
                surfaces[key][" ".join([text[t.start : t.end] for t in words])] += 1
    for key, counts in per_comment.items():
        example = min(counts, key=lambda index: (-counts[index], index))
        doc_id, comment_id, text = comments[example]
        tally.themes[key] = Theme(
            comments=len(counts), documents=1, mentions=sum(counts.values()), surfaces=surfaces[key],
            example_mentions=counts[example], example_id=comment_id, example_doc=doc_id,
            example_author=authors[example] if authors else "",
            example=_excerpt(text, *first_span[key][example]),
        )
    tally.names = _addressed_names(text for _, _, text in comments)
    if article:
        tally.article.add_text_stems([token.stem for token in tokenize(article)], MAX_WORDS)
    return tally


def finish_themes(tally: ThemeTally, matcher: TopicMatcher, *, top: int = 30) -> list[SuggestedTopicRow]:
    """The `top` suggested themes of a whole corpus's tally, ranked (see the module doc)."""
    blocked = _taxonomy_stems(matcher) | tally.names
    kept = {
        key: theme
        for key, theme in tally.themes.items()
        if theme.mentions >= 2 and not blocked.intersection(key) and not _generic(key)
    }
    kept = _without_subsumed(kept)
    contrast = _contrast(kept, tally)
    shown = {key: _display(theme.surfaces) for key, theme in kept.items()}
    ranked = sorted(kept, key=lambda key: (
        contrast[key] < 0, -kept[key].comments, -contrast[key], -kept[key].mentions,
        shown[key].casefold(), shown[key],
    ))
    return [
        SuggestedTopicRow(
            term=shown[key], comments=kept[key].comments, documents=kept[key].documents,
            mentions=kept[key].mentions, example_comment_id=kept[key].example_id,
            example=kept[key].example,
        )
        for key in ranked[:top]
    ]


def _tag(text: str, tokens: list[Token]) -> list[Tagged]:
    """Each token with its part-of-speech tag (tagged as written: case helps find names).

    The tags of TextBlob's Pattern tagger (`PatternTagger().tag(words, tokenize=False)`), which
    tags each word on its own (`pattern.word_tag`).
    """
    return [(token, word_tag(text[token.start : token.end], index == 0)) for index, token in enumerate(tokens)]


def _clauses(text: str, tagged: list[Tagged], terms: list[TermMatch]) -> Iterator[list[Tagged]]:
    """Runs of words not covered by a taxonomy match (`terms`) and not broken by punctuation."""
    covered = _covered(tagged, terms)
    run: list[Tagged] = []
    for index, (token, tag) in enumerate(tagged):
        joined = bool(run) and text[run[-1][0].end : token.start].strip() in ("", "-")
        if run and (index in covered or not joined):
            yield run
            run = []
        if index not in covered:
            run.append((token, tag))
    if run:
        yield run


def _covered(tagged: list[Tagged], matches: list[TermMatch]) -> set[int]:
    """Indices of the words that a taxonomy match overlaps."""
    starts = [token.start for token, _ in tagged]
    covered: set[int] = set()
    for match in matches:
        index = max(bisect_right(starts, match.start) - 1, 0)
        while index < len(tagged) and tagged[index][0].start < match.end:
            if tagged[index][0].end > match.start:
                covered.add(index)
            index += 1
    return covered


@lru_cache(maxsize=1 << 16)
def _content(word: str) -> bool:
    """Whether a (lower-cased) word can begin or end a theme: 3+ letters, not a stopword."""
    word = word.removesuffix("'s")
    return len(word) >= 3 and word.isalpha() and word not in stopwords()


def _candidates(run: list[Tagged]) -> Iterator[tuple[int, int]]:
    """(start, end) of the nouns and noun phrases of a run: what can name a theme."""
    content = [_content(token.text) for token, _ in run]
    ends = [word and tag in _NOUN_TAGS for word, (_, tag) in zip(content, run, strict=True)]
    # inside a phrase: "bone mineral density", "quality of life"
    inner = [tag in _FIRST_TAGS or token.text == "of" for token, tag in run]
    for start, (_, first_tag) in enumerate(run):
        if not content[start] or first_tag not in _FIRST_TAGS:
            continue
        if first_tag in _NOUN_TAGS:
            yield start, start + 1
        for end in range(start + 2, min(start + MAX_WORDS, len(run)) + 1):
            if ends[end - 1] and all(inner[start + 1 : end - 1]):
                yield start, end


def _taxonomy_stems(matcher: TopicMatcher) -> set[str]:
    """Stems of the taxonomy's one-word terms: a theme containing one is already a topic."""
    terms = (term for topic in matcher.taxonomy.topics for term in topic.terms)
    return {tokens[0].stem for tokens in map(tokenize, terms) if len(tokens) == 1}


def _addressed_names(texts: Iterator[str]) -> set[str]:
    """Stems of capitalised names the comments greet or sign with."""
    names: set[str] = set()
    for text in texts:
        for pattern in _ADDRESSED:
            names.update(stem(name.lower()) for name in pattern.findall(text))
    return names - {stem(word) for word in stopwords()} - generic_stems()


def _generic(key: Key) -> bool:
    """Whether a theme starts with a generic word ("great article", "thank"); a generic head
    noun after a specific word still makes a theme ("side effects")."""
    return key[0] in generic_stems() or all(part in generic_stems() for part in key)


def _without_subsumed(themes: dict[Key, Theme]) -> dict[Key, Theme]:
    """Drop words and phrases that a longer phrase with the same counts contains."""
    subsumed: set[Key] = set()
    for key, theme in themes.items():
        counts = (theme.comments, theme.mentions)
        for size in range(1, len(key)):
            for start in range(len(key) - size + 1):
                part = themes.get(key[start : start + size])
                if part is not None and (part.comments, part.mentions) == counts:
                    subsumed.add(key[start : start + size])
    return {key: theme for key, theme in themes.items() if key not in subsumed}


def _contrast(themes: dict[Key, Theme], tally: ThemeTally) -> dict[Key, float]:
    """ln(rate in comments / rate in the articles), per word, with half-count smoothing.

    Without article text every term gets 0.0: new, and no tie-break.
    """
    words = tally.article.words
    if not words:
        return dict.fromkeys(themes, 0.0)
    return {
        key: math.log((theme.mentions + 0.5) / (tally.words_seen + 1))
        - math.log((tally.article.count(key) + 0.5) / (words + 1))
        for key, theme in themes.items()
    }


def _display(surfaces: Counter[str]) -> str:
    """The most common written form; lower case unless the writers always capitalise it."""
    by_lower: Counter[str] = Counter()
    for surface, count in surfaces.items():
        by_lower[surface.lower()] += count
    lower = min(by_lower, key=lambda form: (-by_lower[form], form))
    if lower in surfaces:
        return lower
    cased = [form for form in surfaces if form.lower() == lower]
    return min(cased, key=lambda form: (-surfaces[form], form))


def _excerpt(text: str, start: int, end: int, width: int = EXCERPT_WIDTH) -> str:
    """About `width` characters either side of text[start:end], cut at spaces, one line."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    body = " ".join(text[left:right].split())
    return f"{'…' if left > 0 else ''}{body}{'…' if right < len(text) else ''}"
