"""VADER's compound score exactly as NLTK's `SentimentIntensityAnalyzer.polarity_scores` gives it,
with NLTK's own lexicon, constants and rare-case rules, in about a third of its time.

NLTK builds a `SentiText` for every text (a dict of every word joined with each of its 17 marks,
to find the few tokens that carry one; a punctuation regex run under a ReDoS guard), then calls
`sentiment_valence` for every token, also those outside the lexicon, and computes neg/neu/pos
too. Here each token tries its few mark splits (`vader_words`), only lexicon words get a valence
(a word repeated in the text is valued once: NLTK values each copy at its first position anyway;
with NLTK's ASCII marks, the split a token keeps depends on the token alone and is remembered),
and only the compound is computed. The sum is taken over the same list NLTK sums (zeros and
all, "but" weighting applied the same way), so the floats are the same, not merely close.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Protocol

from commentscope.errors import CommentscopeError, MissingResourceError

VADER_LEXICON = "vaderSentiment/vader_lexicon.txt"  # inside the vadersentiment pip package
_SO_THIS = ("so", "this")


@cache
def nltk_vader(lexicon_file: str = VADER_LEXICON) -> Any:
    """NLTK's VADER, loaded once from the lexicon shipped by the vadersentiment package."""
    if Path(lexicon_file).is_absolute():  # NLTK >= 3.9 refuses absolute resource paths
        raise CommentscopeError(
            f"VADER lexicon {lexicon_file!r}: give a path relative to an nltk.data.path entry, "
            f"such as the default {VADER_LEXICON!r}"
        )
    try:
        import nltk
        import vaderSentiment
        from nltk.sentiment import vader

        root = str(Path(vaderSentiment.__file__).parent.parent)
        if root not in nltk.data.path:
            nltk.data.path.append(root)
        return vader.SentimentIntensityAnalyzer(lexicon_file=lexicon_file)
    except (ImportError, LookupError, OSError) as exc:
        raise MissingResourceError(
            f"cannot load the VADER lexicon {lexicon_file!r} ({exc.__class__.__name__}); "
            "install it with `pip install vadersentiment` (no nltk.download needed)"
        ) from exc


@cache
def scorer(lexicon_file: str = VADER_LEXICON) -> VaderScorer:
    """The compound scorer over NLTK's VADER with `lexicon_file`, made once."""
    return VaderScorer(nltk_vader(lexicon_file))


class VaderScorer:
    """`compound(text)` == `round(nltk_analyzer.polarity_scores(text)["compound"], 4)`, same float."""

    def __init__(self, analyzer: Any) -> None:
        self.analyzer = analyzer
        constants = analyzer.constants
        self.lexicon: dict[str, float] = analyzer.lexicon
        self.boosters: dict[str, float] = constants.BOOSTER_DICT
        self.negations: Collection[str] = constants.NEGATE
        self.marks: list[str] = constants.PUNC_LIST
        punctuation = constants.REGEX_REMOVE_PUNCTUATION
        self.punctuation: _Substituter = (
            _Remover() if getattr(punctuation, "pattern", None) == _ASCII_PUNCTUATION else punctuation
        )
        # every multi-word idiom or booster starts with one of these (NLTK's _idioms_check matches
        # "w1 w2" strings of tokens, which hold no spaces): without one nearby it changes nothing
        phrases = [*constants.SPECIAL_CASE_IDIOMS, *(b for b in self.boosters if " " in b)]
        self.phrase_starts = frozenset(phrase.split(" ")[0] for phrase in phrases)
        self.valued = frozenset(word for word in self.lexicon if word not in self.boosters)

    def compound(self, text: str) -> float:
        tokens = vader_words(text, self.marks, self.punctuation)
        lowered = [token.lower() for token in tokens]
        valued = self.valued.intersection(lowered)  # lexicon words, boosters left out (NLTK's 0)
        if not valued:
            return 0.0
        # NLTK values every copy of a token at its first position: each distinct token is valued once
        seen: set[str] = set()
        valences: dict[str, float] = {}
        capitals = sum(map(str.isupper, tokens))
        cap_diff = 0 < len(tokens) - capitals < len(tokens)
        for i in [k for k, word in enumerate(lowered) if word in valued]:
            token = tokens[i]
            if token in seen:
                continue
            seen.add(token)
            if lowered[i] == "kind" and i < len(tokens) - 1 and lowered[i + 1] == "of":
                continue
            valences[token] = self._valence(tokens, lowered, i, cap_diff)
        if not valences:
            return 0.0  # no token, or all valued 0: NLTK's compound is 0.0
        sentiments: list[float] = [valences.get(token, 0) for token in tokens]
        if "but" in lowered:  # NLTK's _but_check
            but = lowered.index("but")
            sentiments = [s * 0.5 if k < but else s * 1.5 if k > but else s for k, s in enumerate(sentiments)]
        total = float(sum(sentiments))
        emphasis = self.analyzer._punctuation_emphasis(total, text)
        if total > 0:
            total += emphasis
        elif total < 0:
            total -= emphasis
        return round(float(self.analyzer.constants.normalize(total)), 4)

    def _valence(self, tokens: list[str], lowered: list[str], i: int, cap_diff: bool) -> float:
        """NLTK's `sentiment_valence` of the lexicon word at `i`, step for step."""
        analyzer, constants, lexicon = self.analyzer, self.analyzer.constants, self.lexicon
        valence = lexicon[lowered[i]]
        if tokens[i].isupper() and cap_diff:
            if valence > 0:
                valence += constants.C_INCR
            else:
                valence -= constants.C_INCR
        for start_i in range(3):
            before = i - (start_i + 1)
            if i > start_i and lowered[before] not in lexicon:
                scalar = 0.0
                if lowered[before] in self.boosters:
                    scalar = constants.scalar_inc_dec(tokens[before], valence, cap_diff)
                if start_i == 1 and scalar != 0:
                    scalar = scalar * 0.95
                if start_i == 2 and scalar != 0:
                    scalar = scalar * 0.9
                valence = valence + scalar
                valence = self._never(valence, tokens, lowered, start_i, i)
                if start_i == 2 and not self.phrase_starts.isdisjoint(tokens[i - 3:i + 1]):
                    valence = analyzer._idioms_check(valence, tokens, i)
        if i > 0 and lowered[i - 1] == "least":
            valence = analyzer._least_check(valence, tokens, i)
        return valence

    def _never(self, valence: float, tokens: list[str], lowered: list[str], start_i: int, i: int) -> float:
        """NLTK's `_never_check` (its `negated([word])`: a negation word, or one with "n't")."""
        def negated(word: str) -> bool:
            return word in self.negations or "n't" in word

        n_scalar = self.analyzer.constants.N_SCALAR
        if start_i == 0:
            if negated(lowered[i - 1]):
                valence = valence * n_scalar
        elif start_i == 1:
            if tokens[i - 2] == "never" and tokens[i - 1] in _SO_THIS:
                valence = valence * 1.5
            elif negated(lowered[i - 2]):
                valence = valence * n_scalar
        elif (tokens[i - 3] == "never" and tokens[i - 2] in _SO_THIS) or tokens[i - 1] in _SO_THIS:
            valence = valence * 1.25
        elif negated(lowered[i - 3]):
            valence = valence * n_scalar
        return valence


# NLTK's REGEX_REMOVE_PUNCTUATION, compiled by `re`: NLTK runs it through its ReDoS guard (the
# `regex` engine under a timeout), which cost more than the rest; one character class cannot
# backtrack. (A `str.translate` table is four times slower than `re` on non-ASCII text.)
_ASCII_PUNCTUATION = f"[{re.escape(string.punctuation)}]"
_REMOVE_PUNCTUATION = re.compile(_ASCII_PUNCTUATION)
_ASCII_PUNCTUATION_SET = frozenset(string.punctuation)


class _Substituter(Protocol):
    def sub(self, replacement: str, text: str) -> str: ...


class _Remover:
    """`pattern.sub("", text)` for the one pattern that only removes ASCII punctuation."""

    def sub(self, replacement: str, text: str) -> str:
        return _REMOVE_PUNCTUATION.sub("", text)


def vader_words(text: str, marks: Collection[str], punctuation: _Substituter) -> list[str]:
    """VADER's tokens, as NLTK's `SentiText(text, marks, punctuation).words_and_emoticons`.

    The tokens longer than one character; one loses a leading or trailing mark when the rest is
    a word of the text (longer than one character once `punctuation` is removed). NLTK looks
    every token up in a dict of all word-mark pairs; here each token tries its few splits. Both
    find the same one: marks are punctuation and words hold none, so at most one split fits.
    """
    unmark = _unmarker(tuple(marks))
    found = [token for token in text.split() if len(token) > 1]
    marked = [k for k, token in enumerate(found) if token[0] in unmark.starts or token[-1] in unmark.ends]
    if not marked:  # most tokens carry no mark
        return found
    if unmark.ascii and (isinstance(punctuation, _Remover)
                         or getattr(punctuation, "pattern", None) == _ASCII_PUNCTUATION):
        for position in marked:
            found[position] = unmark(found[position])
        return found
    words = {w for w in punctuation.sub("", text).split() if len(w) > 1}
    for position in marked:
        for rest in unmark.splits(found[position]):
            if rest in words:
                found[position] = rest
                break
    return found


class _Unmarker:
    """A token's splits by the marks, and (`__call__`) the one VADER keeps when the marks and the
    removed punctuation are ASCII punctuation: then a split is a word of the text exactly when it
    holds no punctuation and two or more characters (the token itself, punctuation removed, gives
    it), so the split kept depends on the token alone and is remembered."""

    def __init__(self, marks: tuple[str, ...]) -> None:
        self.known = frozenset(marks)
        self.longest = max(map(len, self.known), default=0)
        self.starts = frozenset(m[0] for m in self.known if m)
        self.ends = frozenset(m[-1] for m in self.known if m)
        self.ascii = all(set(mark) <= _ASCII_PUNCTUATION_SET for mark in self.known)
        self._kept = lru_cache(maxsize=1 << 16)(self._kept_split)

    def __call__(self, token: str) -> str:
        return self._kept(token)

    def splits(self, token: str) -> list[str]:
        """The rests of `token` without a trailing or leading mark, in the order NLTK's dict finds them."""
        rests = []
        for k in range(1, min(self.longest, len(token) - 1) + 1):
            if token[-k:] in self.known:
                rests.append(token[:-k])
            if token[:k] in self.known:
                rests.append(token[k:])
        return rests

    def _kept_split(self, token: str) -> str:
        for rest in self.splits(token):
            if len(rest) > 1 and _ASCII_PUNCTUATION_SET.isdisjoint(rest):
                return rest
        return token


@cache
def _unmarker(marks: tuple[str, ...]) -> _Unmarker:
    return _Unmarker(marks)
