"""TextBlob's Pattern code, as commentscope calls it, without Pattern's per-call overheads.

Pattern ships with textblob (lexicons included, so both work offline). Two of its paths run
once or more per comment, and most of their time went to work around the answer:

- `word_tag`: the part-of-speech tag `PatternTagger().tag(words, tokenize=False)` gives a word.
  That tagger looks each word up on its own (its `find_tags` is called with the lexicon only:
  no contextual rule reads the neighbours), so a word's tag is a function of the word and of
  whether it comes first; Pattern's parse around it (a tagged string built, then split again)
  cost more than the look-ups.
- `polarity_subjectivity`: `textblob.en.sentiment(text)`, Pattern's (polarity, subjectivity).
  Pattern's lexicon is a lazily loaded dict whose every `in` and `[]` goes through a Python
  method, and its tokenizer makes seven regular-expression substitutions of plain strings;
  here the loaded lexicon is read as a plain dict and the tokenizer (`find_tokens`) does the
  same steps with `str.replace` and leaves plain words alone; `_mean_scores` walks the words
  as `Sentiment.assessments` does but keeps only the four numbers of each assessment (no dict,
  no word list, no label per word); a text without paragraph marks or emoticons skips the
  grouping into sentences (`sentiment_words`), and each token's split is remembered.
  Same numbers (tested against Pattern's own code).
"""

from __future__ import annotations

import re
import types
import warnings
from functools import cache, lru_cache
from itertools import chain
from typing import Any

from textblob import _text, en

_PUNCTUATION = tuple(_text.PUNCTUATION.replace(".", ""))  # split off either end of a token
_TRAILING = (*_PUNCTUATION, ".")
_CONTRACTIONS = tuple(_text.replacements.items())  # "n't" -> " n't": literal strings
_QUOTES = (("“", " “ "), ("”", " ” "), ("‘", " ‘ "), ("’", " ’ "), ("'", " ' "), ('"', ' " '))
_LINEBREAK = re.compile(r"\n{2,}")
_ENDS = ("...", ".", "!", "?", _text.EOS)
_CLOSERS = ("'", '"', "”", "’", "...", ".", "!", "?", ")", _text.EOS)


@cache
def _pattern_lexicon() -> Any:
    """Pattern's word -> tag lexicon, loaded (textblob leaves the file open while loading it)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        en.lexicon.get("load")
    return en.lexicon


@lru_cache(maxsize=1 << 16)
def word_tag(word: str, first: bool = False) -> str:
    """Pattern's Penn tag of one word as written (`first`: the first word of the text).

    The lexicon's tag (the first word is also looked up in lower case); else NNP for a
    capitalised word, CD for a number, or a guess from the word's ending (Pattern's rules).
    """
    lexicon = _pattern_lexicon()
    tag = lexicon.get(word)
    if tag is None and first:
        tag = lexicon.get(word.lower()) or None
    if tag is not None:
        return str(tag)
    if word.istitle():
        return "NNP"
    if _text.CD.match(word) is not None:
        return "CD"
    return str(_text._suffix_rules([word, "NN"])[1])


def polarity_subjectivity(text: str) -> tuple[float, float]:
    """Pattern's polarity and subjectivity of `text`, as `textblob.en.sentiment(text)` gives them."""
    sentiment = _sentiment()
    if sentiment.tokenizer is find_tokens:
        return _mean_scores(sentiment, sentiment_words(text))
    polarity, subjectivity = sentiment(text)[:2]
    return float(polarity), float(subjectivity)


def sentiment_words(text: str) -> list[str]:
    """The lower-cased words `Sentiment` reads: `" ".join(find_tokens(text)).split()`, lowered.

    Pattern groups the tokens into sentences only to drop its paragraph marks and to join
    sarcasm marks and emoticons within each sentence. A text without paragraph marks and
    without emoticons gives the same words from its tokens joined at once (a sarcasm mark never
    spans two sentences: its "!" and a ")" after it stay in one); the others go Pattern's way.
    """
    string = _spaced(text).replace("\r\n", "\n")
    if "\n\n" not in string and _text.EOS not in string:
        # str.split() finds what TOKEN, (\S+)\s, finds in string + " "; one token's pieces are
        # a function of the token (`_token_pieces`), and lower() never makes or removes a space
        joined = " ".join(chain.from_iterable(map(_token_pieces, string.split())))
        if "(" in joined:
            joined = _text.RE_SARCASM.sub("(!)", joined)
        if _text.RE_EMOTICONS.search(joined) is None:
            return joined.lower().split()
    return [w.lower() for w in " ".join(find_tokens(text)).split()]


@lru_cache(maxsize=1 << 16)
def _token_pieces(token: str) -> tuple[str, ...]:
    return (token,) if token.isalpha() else tuple(_tokens([token]))


def _mean_scores(sentiment: Any, words: list[str]) -> tuple[float, float]:
    """`Sentiment.assessments` of words without tags, then the mean polarity and subjectivity,
    as `Sentiment.__call__` computes them (step for step; only the numbers are kept: each
    assessment as [polarity, subjectivity, intensity, negated])."""
    found: list[list[float]] = []
    modifier: tuple[str, None] | None = None  # a preceding modifier ("really good")
    negation: str | None = None  # a preceding negation ("not good")
    negations, modifiers, is_modifier = sentiment.negations, sentiment.modifiers, sentiment.modifier
    # with no modifier or negation pending, a word outside `active_words` changes nothing: skip to the next
    active: frozenset[str] | None = getattr(sentiment, "active_words", None)
    marks = [k for k, w in enumerate(words) if w in active] if active is not None else range(len(words))
    mark, size = 0, len(words)
    at = 0
    while at < size:
        if negation is None and modifier is None:
            while mark < len(marks) and marks[mark] < at:
                mark += 1
            if mark == len(marks):
                break
            at = marks[mark]
        w = words[at]
        at += 1
        senses = dict.get(sentiment, w)
        if senses is not None and None in senses:
            p, s, i = senses[None]
            if modifier is None:
                found.append([p, s, i, 1])
            else:
                last = found[-1]
                last[0] = max(-1.0, min(p * last[2], +1.0))
                last[1] = max(-1.0, min(s * last[2], +1.0))
                last[2] = i
            if negation is not None:
                found[-1][2] = 1.0 / found[-1][2]
                found[-1][3] = -1
            modifier = (w, None) if any(map(senses.__contains__, modifiers)) else None
            negation = w if w in negations else None
            continue
        if w in negations:
            negation = w
        elif negation and len(w.strip("'")) > 1:
            negation = None
        if negation is not None and modifier is not None and (None in modifiers or is_modifier(modifier[0])):
            found[-1][3] = -1
            negation = None
        elif modifier and len(w) > 2:
            modifier = None
        if w == "!" and found:
            found[-1][0] = max(-1.0, min(found[-1][0] * 1.25, +1.0))
        if w == "(!)":
            found.append([0.0, 1.0, 1.0, 1])
        if w.isalpha() is False and len(w) <= 5 and w not in _text.PUNCTUATION:
            mood = _emoticons().get(w)
            if mood is not None:
                found.append([mood, 1.0, 1.0, 1])
    polarity: float = 0
    subjectivity: float = 0
    for p, s, _i, negated in found:
        polarity += p * -0.5 if negated < 0 else p
        subjectivity += s
    count = float(len(found) or 1)
    return polarity / count, subjectivity / count


@cache
def _emoticons() -> dict[str, float]:
    """Pattern's emoticons, lower-cased, to the polarity of the first mood that lists them."""
    polarity: dict[str, float] = {}
    for (_mood, p), faces in _text.EMOTICONS.items():
        for face in faces:
            polarity.setdefault(face.lower(), p)
    return polarity


@cache
def _sentiment() -> Any:
    """A copy of `textblob.en.sentiment`, loaded, that reads its lexicon as a plain dict and
    splits text with `find_tokens` (when it uses Pattern's own tokenizer, as textblob ships it)."""
    source = en.sentiment
    len(source)  # loads the lexicon
    loaded: Any = type("LoadedSentiment", (type(source),), {
        "__contains__": dict.__contains__, "__getitem__": dict.__getitem__, "get": dict.get,
    })
    fast = loaded.__new__(loaded)
    dict.update(fast, source)
    # its settings (tokenizer, negations, modifiers...), not the loader's methods bound to `source`
    fast.__dict__.update({name: value for name, value in vars(source).items()
                          if not (isinstance(value, types.MethodType) and value.__self__ is source)})
    if getattr(source.tokenizer, "__func__", None) is _text.Parser.find_tokens:
        fast.tokenizer = find_tokens
    # the words that act on their own: lexicon words with an untagged sense, negations, "!", "(!)", emoticons
    fast.active_words = frozenset([*(w for w, senses in dict.items(fast) if None in senses), *fast.negations,
                                   "!", "(!)", *_emoticons()])
    return fast


def find_tokens(string: str) -> list[str]:
    """Pattern's `find_tokens(string)` with its default settings: sentences of space-separated
    tokens, punctuation split from words (step for step as `textblob._text.find_tokens`)."""
    string = _spaced(string).replace("\r\n", "\n")
    if "\n\n" in string:
        string = _LINEBREAK.sub(f" {_text.EOS} ", string)
    # Pattern then collapses whitespace, which cannot change what its TOKEN, (\S+)\s, finds
    return _sentences(_tokens(_text.TOKEN.findall(string + " ")))


def _spaced(string: str) -> str:
    """Pattern's first steps: contractions split ("n't" -> " n't"), quotes spaced apart."""
    if "'" in string:  # every contraction holds one
        for contraction, spaced in _CONTRACTIONS:
            if contraction in string:
                string = string.replace(contraction, spaced)
    for quote, spaced in _QUOTES:
        if quote in string:
            string = string.replace(quote, spaced)
    return string


def _tokens(found: list[str]) -> list[str]:
    """Pattern's tokens: leading and trailing punctuation split off, a final period kept on
    abbreviations ("e.g.", "U.S.", "Mr.")."""
    tokens: list[str] = []
    keep = _text.replacements
    for token in found:
        if token.isalpha():  # no punctuation at either end: as it is
            tokens.append(token)
            continue
        tail: list[str] = []
        while token.startswith(_PUNCTUATION) and token not in keep:
            tokens.append(token[0])
            token = token[1:]
        while token.endswith(_TRAILING) and token not in keep:
            if token.endswith(_PUNCTUATION):
                tail.append(token[-1])
                token = token[:-1]
            if token.endswith("..."):
                tail.append("...")
                token = token[:-3].rstrip(".")
            if token.endswith("."):
                if _abbreviation(token):
                    break
                tail.append(token[-1])
                token = token[:-1]
        if token != "":
            tokens.append(token)
        tokens.extend(reversed(tail))
    return tokens


def _abbreviation(token: str) -> bool:
    return (token in _text.ABBREVIATIONS or _text.RE_ABBR1.match(token) is not None
            or _text.RE_ABBR2.match(token) is not None or _text.RE_ABBR3.match(token) is not None)


def _sentences(tokens: list[str]) -> list[str]:
    """Tokens grouped into sentences at . ! ? ... (closing quotes and brackets kept with them)."""
    sentences: list[list[str]] = [[]]
    i = j = 0
    while j < len(tokens):
        if tokens[j] in _ENDS:
            while j < len(tokens) and tokens[j] in _CLOSERS:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break  # balanced quotes
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != _text.EOS)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    joined = []
    for words in sentences:
        if words:
            sentence = " ".join(words)
            if "(" in sentence:  # "( ! )" -> "(!)"
                sentence = _text.RE_SARCASM.sub("(!)", sentence)
            joined.append(_text.RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), sentence))
    return joined
