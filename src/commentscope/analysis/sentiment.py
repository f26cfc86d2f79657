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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import fmean
from typing import Any, Protocol

from commentscope.analysis.questions import is_question
from commentscope.analysis.sentences import split_sentences
from commentscope.errors import CommentscopeError

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
        from nltk.sentiment.vader import SentimentIntensityAnalyzer

        root = str(Path(vaderSentiment.__file__).parent.parent)
        if root not in nltk.data.path:
            nltk.data.path.append(root)
        return SentimentIntensityAnalyzer(lexicon_file=lexicon_file)
    except (ImportError, LookupError, OSError) as exc:
        raise CommentscopeError(
            f"cannot load the VADER lexicon {lexicon_file!r} ({exc.__class__.__name__}); "
            "install it with `pip install vadersentiment` (no nltk.download needed)"
        ) from exc


@cache
def _pattern() -> Any:
    """TextBlob's PatternAnalyzer: its lexicon ships with textblob, so it works offline."""
    try:
        from textblob.en.sentiments import PatternAnalyzer
    except ImportError as exc:
        raise CommentscopeError(
            "cannot import TextBlob's PatternAnalyzer; install it with `pip install textblob`"
        ) from exc
    return PatternAnalyzer()


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
        result = _pattern().analyze(lexicon_text(sentence))
        return float(result.polarity), float(result.subjectivity)


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
