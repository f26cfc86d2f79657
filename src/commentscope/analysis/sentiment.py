"""Sentence and comment sentiment from two lexicons side by side: VADER and TextBlob (Pattern).

Combined score of a sentence = mean of VADER compound and TextBlob polarity (equal weight).
A comment's label comes from the mean of its sentences' combined scores: "mixed" when one
sentence is >= +0.5 and another <= -0.5, else positive / negative beyond ±0.2, else neutral.
Not VADER's ±0.05: that cut-off suits short posts, while compound = sum/sqrt(sum² + 15) grows
with length and one mild word ("thanks") already gives 0.36. Averaging over sentences removes
the length effect, and the ±0.2 band asks for more than one unconfirmed politeness word.
Questions are left out of the label: a question asks rather than judges ("When is the best time
to take it?" is not praise), so only statements count (`opinion_sentences`).
Details and agreement with the gold labels: docs/sentiment.md.
"""

from __future__ import annotations

import re
import types
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import fmean
from typing import Any, Protocol

from commentscope.analysis.questions import is_question
from commentscope.analysis.sentences import split_sentences
from commentscope.errors import CommentscopeError, MissingResourceError

NEUTRAL_BAND = 0.2  # |combined| below this is "neutral"
STRONG = 0.5  # a sentence at or beyond ±STRONG counts towards "mixed"
VADER_LEXICON = "vaderSentiment/vader_lexicon.txt"  # inside the vadersentiment pip package
LABELS = ("positive", "negative", "neutral", "mixed")
# Both lexicons spell contractions with ASCII apostrophes; "don’t like" would otherwise lose its negation.
_ASCII_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"'})


def lexicon_text(sentence: str) -> str:
    """`sentence` with typographic quotes made ASCII, as the VADER and Pattern lexicons expect."""
    return sentence.translate(_ASCII_QUOTES)


class SentimentAnalyzer(Protocol):
    """Anything that scores one sentence from -1 (negative) to +1 (positive)."""

    @property
    def name(self) -> str: ...

    def score(self, sentence: str) -> float: ...


@cache
def _vader(lexicon_file: str) -> Any:
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
        return _with_fast_words(vader)(lexicon_file=lexicon_file)
    except (ImportError, LookupError, OSError) as exc:
        raise MissingResourceError(
            f"cannot load the VADER lexicon {lexicon_file!r} ({exc.__class__.__name__}); "
            "install it with `pip install vadersentiment` (no nltk.download needed)"
        ) from exc


def _with_fast_words(vader: Any) -> Any:
    """NLTK's SentimentIntensityAnalyzer class, made to split a text with `_vader_words`.

    Same scores, less than half the time: NLTK's `SentiText`, built for every text scored, maps
    every word of the text joined with each of its 17 marks, before and after, to find the few
    tokens that carry one. `polarity_scores` finds `SentiText` by its module-global name, so the
    subclass returned runs NLTK's own `polarity_scores` code with globals in which that name is
    the faster subclass of SentiText. NLTK itself is left as it is, for other users in the
    process too; should its code stop naming SentiText, its plain (slower) class is returned.
    """
    analyzer = vader.SentimentIntensityAnalyzer
    scores = analyzer.polarity_scores
    if "SentiText" not in scores.__code__.co_names:
        return analyzer
    fast_sentitext = type("FastSentiText", (vader.SentiText,), {"_words_and_emoticons": _sentitext_words})
    fast_scores = types.FunctionType(
        scores.__code__, {**scores.__globals__, "SentiText": fast_sentitext}, scores.__name__,
        scores.__defaults__, scores.__closure__,
    )
    return type("FastSentimentIntensityAnalyzer", (analyzer,), {"polarity_scores": fast_scores})


def _sentitext_words(sentitext: Any) -> list[str]:
    """`SentiText._words_and_emoticons`, by way of `_vader_words`."""
    return _vader_words(sentitext.text, sentitext.PUNC_LIST, sentitext.REGEX_REMOVE_PUNCTUATION)


def _vader_words(text: str, marks: Collection[str], punctuation: re.Pattern[str]) -> list[str]:
    """VADER's tokens, as NLTK's `SentiText(text, marks, punctuation).words_and_emoticons`.

    The tokens longer than one character; one loses a leading or trailing mark when the rest is
    a word of the text (longer than one character once `punctuation` is removed). NLTK looks
    every token up in a dict of all word-mark pairs; here each token tries its few splits. Both
    find the same one: marks are punctuation and words hold none, so at most one split fits.
    """
    words = {w for w in punctuation.sub("", text).split() if len(w) > 1}
    known = frozenset(marks)
    longest = max(map(len, known), default=0)
    found = []
    for token in text.split():
        if len(token) < 2:
            continue
        for k in range(1, min(longest, len(token) - 1) + 1):
            if token[-k:] in known and token[:-k] in words:
                token = token[:-k]
                break
            if token[:k] in known and token[k:] in words:
                token = token[k:]
                break
        found.append(token)
    return found


@cache
def _pattern() -> Any:
    """TextBlob's Pattern sentiment function: its lexicon ships with textblob, so it works offline.

    Called directly: `PatternAnalyzer.analyze` returns the same two numbers, but creates a
    namedtuple class on every call, which took about 40 % of TextBlob's time.
    """
    try:
        from textblob.en import sentiment
    except ImportError as exc:
        raise MissingResourceError(
            "cannot import TextBlob's Pattern sentiment; install it with `pip install textblob`"
        ) from exc
    return sentiment


@dataclass(frozen=True)
class VaderAnalyzer:
    """VADER compound score (NLTK implementation, vadersentiment lexicon)."""

    lexicon_file: str = VADER_LEXICON

    @property
    def name(self) -> str:
        return "vader"

    def score(self, sentence: str) -> float:
        return float(_vader(self.lexicon_file).polarity_scores(lexicon_text(sentence))["compound"])


@dataclass(frozen=True)
class TextBlobAnalyzer:
    """TextBlob (Pattern lexicon) polarity; also exposes subjectivity in [0, 1]."""

    @property
    def name(self) -> str:
        return "textblob"

    def score(self, sentence: str) -> float:
        return self.polarity_subjectivity(sentence)[0]

    def subjectivity(self, sentence: str) -> float:
        return self.polarity_subjectivity(sentence)[1]

    def polarity_subjectivity(self, sentence: str) -> tuple[float, float]:
        polarity, subjectivity = _pattern()(lexicon_text(sentence))
        return float(polarity), float(subjectivity)


@dataclass(frozen=True)
class SentenceSentiment:
    """Scores of one sentence from both analyzers."""

    sentence: str
    vader_compound: float
    textblob_polarity: float
    textblob_subjectivity: float

    @property
    def combined(self) -> float:
        return combined_score(self.vader_compound, self.textblob_polarity)


@dataclass(frozen=True)
class CommentSentiment:
    """Scores of a whole comment (or of a topic's sentences) and its label."""

    vader_compound: float
    textblob_polarity: float
    textblob_subjectivity: float
    label: str


def combined_score(vader_compound: float, textblob_polarity: float) -> float:
    """The mean of the two lexicons' scores, in [-1, 1]."""
    return (vader_compound + textblob_polarity) / 2


def label_for(combined: float, sentences: Iterable[SentenceSentiment] = ()) -> str:
    """'mixed' on strong sentences both ways, else the label of `combined` (see module doc)."""
    scores = [s.combined for s in sentences]
    if any(x >= STRONG for x in scores) and any(x <= -STRONG for x in scores):
        return "mixed"
    if combined >= NEUTRAL_BAND:
        return "positive"
    return "negative" if combined <= -NEUTRAL_BAND else "neutral"


def score_sentence(sentence: str) -> SentenceSentiment:
    """Both analyzers' scores for one sentence."""
    polarity, subjectivity = TextBlobAnalyzer().polarity_subjectivity(sentence)
    return SentenceSentiment(sentence, VaderAnalyzer().score(sentence), polarity, subjectivity)


def score_sentences(sentences: Iterable[str]) -> list[SentenceSentiment]:
    """Both analyzers' scores for each sentence, in order."""
    return [score_sentence(s) for s in sentences]


def comment_sentiment(text: str, sentences: list[SentenceSentiment] | None = None) -> CommentSentiment:
    """Scores of the whole comment text; its label comes from its sentences (length-neutral)."""
    if sentences is None:
        sentences = score_sentences(split_sentences(text))
    whole = score_sentence(text)
    opinion = opinion_sentences(sentences)
    return CommentSentiment(
        whole.vader_compound,
        whole.textblob_polarity,
        whole.textblob_subjectivity,
        label_for(mean_combined(opinion), opinion),
    )


def aggregate_sentiment(sentences: Sequence[SentenceSentiment]) -> CommentSentiment:
    """Mean scores and label of some sentences, e.g. those that mention one topic.

    No sentences gives zeros and "neutral".
    """
    if not sentences:
        return CommentSentiment(0.0, 0.0, 0.0, "neutral")
    opinion = opinion_sentences(sentences)
    return CommentSentiment(
        fmean(s.vader_compound for s in sentences),
        fmean(s.textblob_polarity for s in sentences),
        fmean(s.textblob_subjectivity for s in sentences),
        label_for(mean_combined(opinion), opinion),
    )


def opinion_sentences(sentences: Sequence[SentenceSentiment]) -> list[SentenceSentiment]:
    """The sentences a label is read from: statements, not questions."""
    return [s for s in sentences if not is_question(s.sentence)]


def mean_combined(sentences: Sequence[SentenceSentiment]) -> float:
    """Mean combined score of `sentences` (0.0 for none): the score a label is read from."""
    return fmean(s.combined for s in sentences) if sentences else 0.0
