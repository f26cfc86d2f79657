"""Themes the taxonomy misses: words and short phrases that several comments share.

Candidates are nouns and noun phrases of 2-3 words within one clause ("bone density",
"vibrating platform", "bone mineral density"; tagged by TextBlob's Pattern tagger, whose
lexicon ships with textblob), with content words (3+ letters, no digits, not stopwords) at both
ends. They are counted by Snowball stems and shown in their most common written form ("bone
density" for "bone-density" and "Bone density"). Dropped: words inside a taxonomy match or
sharing the stem of a one-word taxonomy term (the taxonomy covers them), themes that start
with a packaged generic word ("thank", "article", "year"), names the thread greets or signs
with ("Hi Karen", "Dr Perlmutter"), words inside code or markup a reader typed (`_CODE`), and
anything seen only once. A phrase replaces its parts
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
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from importlib import resources
from itertools import compress

import pandas as pd

from commentscope.analysis.pattern import word_tag
from commentscope.analysis.theme_tally import Key, Theme, ThemeTally, merged
from commentscope.analysis.topics import TextTerms, TopicMatcher, token_words, tokenize
from commentscope.results import SUGGESTED_TOPIC_COLUMNS, SuggestedTopicRow
from commentscope.text import stem, stopwords

THEME_COLUMNS = SUGGESTED_TOPIC_COLUMNS
MAX_WORDS = 3
EXCERPT_WIDTH = 60  # characters of context on each side of the example term

# hi, hello, hey, dear, thanks, thank you, dr, mr, mrs, ms: the first letter is matched as a
# plain character class, so the regular expression engine skips to the d, h, m and t in the text
# (a case-insensitive group or a look-ahead first makes it try every position: twice as slow);
# the look-behinds that follow check the word boundary before it and which letter it was
_GREETING = (r"[DHMTdhmt](?<=\b.)(?i:(?<=h)(?:i|ello|ey)|(?<=d)(?:ear|r)|(?<=t)hank(?:s|\s+you)"
             r"|(?<=m)(?:rs?|s))")
_NAME = r"([A-Z][a-z]+)"
_ADDRESSED = (
    re.compile(rf"{_GREETING}\.?,?\s+{_NAME}\b"),  # "Hi Karen", "Dr. Perlmutter"
    re.compile(rf"^\s*{_NAME}\s*,"),  # "Donny, I just saw..."
    re.compile(rf",\s*{_NAME}\s*$"),  # "... Wishing the best for you, Sue"
)

_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_FIRST_TAGS = _NOUN_TAGS | {"JJ", "VBG"}  # "bone density", "fracture risk", "vibrating platform"
_START, _END, _INNER = 1, 2, 4  # a word's roles in a theme: its first word, its last, a word between
_JOINING = frozenset({"", "-"})  # what may stand between two words of a theme, spaces aside
# code and markup a reader typed into a comment ("<pre><code class="python">", "`range(10)`"):
# tags, code blocks and inline code hold no themes ("pre", "code class", "href", "None")
_CODE = re.compile(
    r"<(pre|code)\b[^<>]*>.*?</\1\s*>"  # a code block
    r"|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>"  # a tag
    r"|`[^`\n]{1,300}`"  # inline code
    r"|^[ \t]*(?:>>>|\.\.\.:|In \[\d+\]:|Out\[\d+\]:)[^\n]*",  # a line of an interactive session
    re.IGNORECASE | re.DOTALL | re.MULTILINE)

Record = tuple[str, str, str]  # doc_id, comment_id, text


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
    tally.article.add_text_stems(list(map(stem, token_words(exclude_text))), MAX_WORDS)
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
    reads = texts if texts is not None else [matcher.read(text) for _, _, text in comments]
    for key, mentions in _mentions_by_key(reads).items():
        tally.themes[key] = _page_theme(mentions, comments, reads, authors)
    tally.words_seen = sum(len(read.words) for read in reads)
    tally.names = _addressed_names(text for _, _, text in comments)
    if article:
        tally.article.add_text_stems(list(map(stem, token_words(article))), MAX_WORDS)
    return tally


Mention = tuple[int, int, int]  # comment index, start and end word of one candidate phrase


def _mentions_by_key(reads: Sequence[TextTerms]) -> dict[Key, list[Mention]]:
    """Each candidate phrase's stems -> its mentions on the page, in text order."""
    found: dict[Key, list[Mention]] = {}
    for index, read in enumerate(reads):
        stems = read.stems
        for start, end in _candidates(read):
            key = tuple(stems[start:end])
            mentions = found.get(key)
            if mentions is None:
                found[key] = [(index, start, end)]
            else:
                mentions.append((index, start, end))
    return found


def _page_theme(
    mentions: list[Mention], comments: Sequence[Record], reads: Sequence[TextTerms], authors: Sequence[str]
) -> Theme:
    """One candidate phrase's counts on a page, with its example (`_example`)."""
    (example, start, end), example_mentions, mentioned_in = _example(mentions)
    surfaces = Counter(" ".join(reads[index].pieces[2 * first + 1 : 2 * last : 2]) for index, first, last in mentions)
    offsets = reads[example].offsets
    doc_id, comment_id, text = comments[example]
    return Theme(
        comments=mentioned_in, documents=1, mentions=len(mentions), surfaces=surfaces,
        example_mentions=example_mentions, example_id=comment_id, example_doc=doc_id,
        example_author=authors[example] if authors else "",
        example=_excerpt(text, offsets[2 * start + 1], offsets[2 * end]),
    )


def _example(mentions: list[Mention]) -> tuple[Mention, int, int]:
    """The first mention in the comment that mentions the phrase most (the earliest on ties),
    that comment's mentions, and how many comments mention it."""
    if len(mentions) == 1:  # a quarter of a page's phrases: nothing to count
        return mentions[0], 1, 1
    per_comment = Counter(index for index, _, _ in mentions)
    example = max(per_comment, key=per_comment.__getitem__)  # the first of the most
    return next(mention for mention in mentions if mention[0] == example), per_comment[example], len(per_comment)


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


def _tags(words: Sequence[str]) -> list[str]:
    """Each word's part-of-speech tag (tagged as written: case helps find names).

    The tags of TextBlob's Pattern tagger (`PatternTagger().tag(words, tokenize=False)`), which
    tags each word on its own (`pattern.word_tag`).
    """
    return [word_tag(words[0], True), *map(word_tag, words[1:])] if words else []


@lru_cache(maxsize=1 << 16)
def _word_roles(written: str, first: bool = False) -> int:
    """`_roles` of a word as written, tagged as `_tags` tags it (`first`: the text's first
    word): one look-up per word of a text, remembered per written form."""
    return _roles(word_tag(written, first), written.lower().replace("’", "'"))


def _roles(tag: str, word: str) -> int:
    """What a word with Penn tag `tag` (`word`: lower-cased) can be in a theme, as `_START | _END
    | _INNER` bits: content words (`_content`) begin ("bone", "vibrating") and end ("density")
    one; inside, any noun or adjective, and "of" ("quality of life")."""
    content = _content(word)
    return ((_START if content and tag in _FIRST_TAGS else 0) | (_END if content and tag in _NOUN_TAGS else 0)
            | (_INNER if tag in _FIRST_TAGS or word == "of" else 0))


def _candidates(read: TextTerms) -> list[tuple[int, int]]:
    """(start, end) word indices of the nouns and noun phrases of a text: what can name a theme.

    A phrase lies within one clause: words not covered by a taxonomy match, with nothing but
    spaces or one hyphen between them."""
    pieces, written = read.pieces, read.pieces[1::2]
    roles = [_word_roles(written[0], True), *map(_word_roles, written[1:])] if written else []
    # linked[i]: word i continues the clause of word i - 1
    linked = [False, *map(_JOINING.__contains__, map(str.strip, pieces[2:-1:2]))]
    for start, end in read.term_runs:  # a word in a taxonomy match has no role: no phrase gets past it
        roles[start:end] = [0] * (end - start)
    if "<" in read.text or "`" in read.text or ">>>" in read.text or "]:" in read.text:
        for start, end in _code_runs(read):
            roles[start:end] = [0] * (end - start)
    size = len(written)
    found = []
    for start in compress(range(size), map(_START.__and__, roles)):
        if roles[start] & _END:
            found.append((start, start + 1))
        last, stop = start + 1, start + MAX_WORDS if start + MAX_WORDS < size else size
        while last < stop and linked[last]:
            if roles[last] & _END:
                found.append((start, last + 1))
            if not roles[last] & _INNER:
                break
            last += 1
    return found


def _code_runs(read: TextTerms) -> list[tuple[int, int]]:
    """(start, end) word indices of the words inside code or markup (`_CODE`) of a text."""
    word_starts = read.offsets[1::2]
    return [(bisect_left(word_starts, m.start()), bisect_left(word_starts, m.end()))
            for m in _CODE.finditer(read.text)]


@lru_cache(maxsize=1 << 16)
def _content(word: str) -> bool:
    """Whether a (lower-cased) word can begin or end a theme: 3+ letters, not a stopword."""
    word = word.removesuffix("'s")
    return len(word) >= 3 and word.isalpha() and word not in stopwords()


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
    return names - _stopword_stems() - generic_stems()


@cache
def _stopword_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in stopwords())


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
