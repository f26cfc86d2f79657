"""Which language each comment is written in, read from its function words.

The taxonomy, the question rules, the sentiment lexicons and model and the theme tagger read
English: VADER scores the German article "die" as the English verb (a thankful German comment
gets a compound of -0.97), and the tagger takes "das" and "nicht" for nouns. The `language`
column says which comments those readings mean little for; the suggested themes skip them.

A comment's words are counted against the function words of the seven languages the parser
reads (the `stop-words` package's lists; English: the package's own, `data/stopwords.txt`,
since stop-words' English list holds content words such as "example" and "page"); a word in
the lists of two languages (German and English "also", "will", "was") counts for neither. The
language with the most hits wins when it has at least `MIN_HITS` and twice the next one's;
otherwise the comment (an emoji, "Makes sense.", a link) takes its page's language: the
article's, or else the one most of the page's comments were read in. "" when nothing says.
A text full of the function words of another Latin-script language that stop-words lists
(`OTHER_LANGUAGES`) gets that language's code instead: without it a Slovak page passed for
English on "to" and "je", and Polish and Swedish ones said nothing and were read as English.
A text mostly in Chinese characters is "zh" ("ja" with kana among them): before, Chinese pages
said nothing and their comments were given English sentiment (VADER's 0.0, "neutral").

Measured on hand-labelled comments of real pages beside py3langid
(`benchmarks/quality_language.py`): reading the page as a whole settles the short comments a
per-text classifier guesses at, for a dictionary look-up per word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from stop_words import get_stop_words

from commentscope.markup import CJK_CHARS, IDEOGRAPHS
from commentscope.text import stopwords

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt")  # the parser's seven, in tie-break order
# others the stop-words package lists in Latin script (a text in another script has no Latin function words)
OTHER_LANGUAGES = ("ca", "cs", "da", "fi", "hu", "id", "ms", "nb", "pl", "ro", "sk", "sv", "tr", "vi")
OTHER_SHARE = 0.15  # of a text's words, the least share of an other language's function words
ENGLISH = "en"
MIN_HITS = 2
UNKNOWN = ""


@cache
def _function_words() -> dict[str, int]:
    """Each function word -> the index of the one language (of `LANGUAGES`) whose list holds it."""
    owners: dict[str, set[int]] = {}
    for index, language in enumerate(LANGUAGES):
        for word in _listed(language):
            owners.setdefault(word.lower(), set()).add(index)
    # one letter says nothing: French elisions ("n'", "d'") split into "n" and "d", which code,
    # initials and "rock 'n' roll" print too ("n = [x for x in range(10)]" read as French)
    return {word: next(iter(found)) for word, found in owners.items() if len(found) == 1 and len(word) > 1}


def _listed(language: str) -> frozenset[str]:
    """A language's function words: the package's own English list (stop-words' English one, of
    1,333 words, holds content words such as "example", "page" and "information"), else
    stop-words'."""
    return stopwords() if language == ENGLISH else frozenset(get_stop_words(language))


def detect(words: Sequence[str]) -> str:
    """The language of a text's lower-cased `words`, or "" when its function words do not say:
    one of `LANGUAGES`, or another language whose function words the text is full of
    (`_other_language`: "sk" for Slovak, which would otherwise pass for English on "to" and "a");
    a text written mostly in Chinese characters is "zh", or "ja" with Japanese kana among them."""
    script = _cjk(words)
    if script:
        return script
    table = _function_words()
    hits = Counter(index for index in map(table.get, words) if index is not None)
    found = UNKNOWN
    if hits:
        ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))
        best, count = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        found = LANGUAGES[best] if count >= MIN_HITS and count >= 2 * runner_up else UNKNOWN
    return _other_language(words, found) or found


def _cjk(words: Sequence[str]) -> str:
    """"zh" or "ja" when the text's Chinese characters (kana too), each about a word, outnumber its words
    in other letters; else ""."""
    joined = "".join(words)
    if joined.isascii():
        return UNKNOWN
    ideographs = len(IDEOGRAPHS.findall(joined))
    if not ideographs or ideographs < sum(_LATIN.search(word) is not None for word in words):
        return UNKNOWN
    return "ja" if _KANA.search(joined) else "zh"


_KANA = re.compile(r"[\u3040-\u30ff]")
_LATIN = re.compile(f"[^\\W\\d_{CJK_CHARS}]")  # a letter of another script


def _other_language(words: Sequence[str], found: str) -> str:
    """A language beyond the seven whose function words make at least `OTHER_SHARE` of the text's
    words, at least `MIN_HITS` of them, and twice as many as the list of `found` (any of the
    seven when "") holds; "" when there is none."""
    owners = _other_owners()
    counts = Counter(code for codes in map(owners.get, words) if codes is not None for code in codes)
    if not counts:
        return UNKNOWN
    code, count = min(counts.items(), key=lambda item: (-item[1], OTHER_LANGUAGES.index(item[0])))
    if count < MIN_HITS or count < OTHER_SHARE * len(words):
        return UNKNOWN
    rivals = [found] if found else LANGUAGES
    return code if count >= 2 * max(sum(word in _full_list(r) for word in words) for r in rivals) else UNKNOWN


@cache
def _full_list(language: str) -> frozenset[str]:
    """One of the seven's function words, those shared with another language included."""
    return frozenset(word.lower() for word in _listed(language) if len(word) > 1)


@cache
def _other_owners() -> dict[str, tuple[str, ...]]:
    """Each function word of the other languages (two letters or more) -> the languages listing it."""
    owners: dict[str, list[str]] = {}
    for code in OTHER_LANGUAGES:
        for word in sorted({w.lower() for w in get_stop_words(code) if len(w) > 1}):
            owners.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in owners.items()}


def page_languages(comment_words: Sequence[Sequence[str]], article_words: Sequence[str]) -> tuple[str, list[str]]:
    """The page's language and each comment's (its own, or the page's when its words do not say)."""
    found = [detect(words) for words in comment_words]
    page = detect(article_words) or _most_common(found)
    return page, [language or page for language in found]


def _most_common(languages: Sequence[str]) -> str:
    """The language most comments were read in (ties: `LANGUAGES` order), "" when none was."""
    counts = Counter(language for language in languages if language)
    if not counts:
        return UNKNOWN
    order = (*LANGUAGES, *OTHER_LANGUAGES)
    return min(counts, key=lambda language: (-counts[language], order.index(language)))


def reads_english(language: str) -> bool:
    """Whether the English-only analyzers should read a text of this language ("" included:
    a page that says nothing of its language is read as before)."""
    return language in (ENGLISH, UNKNOWN)
