"""Comment sentiment: two lexicons side by side (VADER, TextBlob) and a label from a pluggable analyzer.

Every comment keeps the lexicons' own scores (VADER compound, TextBlob polarity and
subjectivity). Its label and `score` come from a `SentimentAnalyzer`; the default,
`ReviewModelAnalyzer`, is a small supervised model over the comment's words and both lexicon
scores (`sentiment_model.py`), trained on patients' medication reviews and short review
sentences. It reads the whole comment, questions included (a comment of questions only is
neutral), and answers neutral when that class is the most likely one or when
|P(positive) - P(negative)| < 0.1: measured better than the earlier mean of sentence lexicon
scores with a ±0.2 band and questions left out. "mixed" still needs one sentence
at or beyond +0.5 and another at or beyond -0.5 on the lexicons' combined score, and an
analyzer score between -0.5 and +0.5 (undecided).
Details and figures: docs/sentiment.md, docs/quality.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from statistics import fmean
from typing import Protocol, TypeGuard, runtime_checkable

from commentscope.analysis import vader
from commentscope.analysis.questions import is_question
from commentscope.analysis.sentences import split_sentences
from commentscope.analysis.sentiment_model import Prediction, packaged_model
from commentscope.analysis.vader import VADER_LEXICON
from commentscope.errors import MissingResourceError

NEUTRAL_BAND = 0.2  # |combined| below this is "neutral" in `label_for` (topic summaries)
SCORE_BAND = 0.05  # an analyzer with only a score: |score| below this is "neutral" (VADER's own cut-off)
STRONG = 0.5  # a sentence at or beyond ±STRONG counts towards "mixed"
UNDECIDED = 0.5  # ...and only when the analyzer's |score| is below this
# A comment that asks something is neutral unless its score is at least this strong: readers'
# questions come wrapped in courtesy ("Thanks! Can I freeze it?"), which a model reads as praise.
# On 1,295 hand-labelled real comments (five folds by page) 0.3 / 0.5 / 0.7 / 0.9 gave weighted
# F1 0.633 / 0.640 / 0.642 / 0.635 (without the rule: 0.631).
ASKING_UNDECIDED = 0.7
NEUTRAL_MARGIN = 0.1  # the model says neutral when |P(positive) - P(negative)| is below this
LABELS = ("positive", "negative", "neutral", "mixed")
# Both lexicons spell contractions with ASCII apostrophes; "don’t like" would otherwise lose its negation.
_ASCII_QUOTES = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("“", '"'), ("”", '"'))


def lexicon_text(sentence: str) -> str:
    """`sentence` with typographic quotes made ASCII, as the VADER and Pattern lexicons expect.
    (`str.replace` per quote: `str.translate` with a table looks up every character of a
    non-ASCII text, five times slower on a comment.)"""
    if sentence.isascii():
        return sentence
    for quote, ascii_quote in _ASCII_QUOTES:
        if quote in sentence:
            sentence = sentence.replace(quote, ascii_quote)
    return sentence


class SentimentAnalyzer(Protocol):
    """Anything that scores one text from -1 (negative) to +1 (positive).

    An analyzer that reads other languages than English says so with a `languages` attribute
    (ISO 639-1 codes, "*" for any): comments in those languages get its label and score (the
    English lexicon columns stay empty); without it, it is asked about English text only."""

    @property
    def name(self) -> str: ...

    def score(self, sentence: str) -> float: ...


@dataclass(frozen=True)
class Rating:
    """An analyzer's verdict on one text: a score in [-1, 1] and a label."""

    score: float
    label: str


@runtime_checkable
class RatingAnalyzer(Protocol):
    """A `SentimentAnalyzer` that also picks the label itself (e.g. a three-class model)."""

    @property
    def name(self) -> str: ...

    def score(self, sentence: str) -> float: ...

    def rate(self, text: str) -> Rating: ...


def rate(analyzer: SentimentAnalyzer, text: str) -> Rating:
    """Score and label of `text`: the analyzer's own label if it gives one, else its score read
    with VADER's cut-off (`SCORE_BAND`)."""
    if _rates_itself(analyzer):
        return analyzer.rate(text)
    score = analyzer.score(text)
    label = "positive" if score >= SCORE_BAND else "negative" if score <= -SCORE_BAND else "neutral"
    return Rating(score, label)


def reads_language(analyzer: SentimentAnalyzer, language: str) -> bool:
    """Whether `analyzer` rates text in `language` (another than English): it names the language,
    or "*", in its `languages` attribute."""
    languages = getattr(analyzer, "languages", ())
    return language in languages or "*" in languages


def rate_whole(analyzer: SentimentAnalyzer, text: str, parts: list[str]) -> Rating:
    """`rate`, but neutral for a text of questions only (`parts`: its sentences): how a comment
    the lexicons cannot read (another language) is labelled, without "mixed" (and without
    `leans_while_asking`: on the German comments it cost 0.011 weighted F1, their questions being
    mostly a debate's rhetorical ones)."""
    rating = rate(analyzer, text)
    return Rating(rating.score, "neutral") if asks_only(parts) else rating


def asks_only(parts: list[str]) -> bool:
    """Whether a text's sentences are all questions: it asks, it does not judge (neutral)."""
    return bool(parts) and all(is_question(part) for part in parts)


def _rates_itself(analyzer: SentimentAnalyzer) -> TypeGuard[RatingAnalyzer]:
    """`isinstance(analyzer, RatingAnalyzer)`, without the protocol check's cost (a tenth of a
    millisecond, paid once per text rated) when the analyzer's class has all its members."""
    if not hasattr(analyzer, "rate"):
        return False
    return _class_rates(type(analyzer)) or isinstance(analyzer, RatingAnalyzer)


@cache
def _class_rates(kind: type) -> bool:
    return all(hasattr(kind, member) for member in ("name", "score", "rate"))


@cache
def _pattern() -> Callable[[str], tuple[float, float]]:
    """TextBlob's Pattern sentiment, (polarity, subjectivity): its lexicon ships with textblob,
    so it works offline. Called through `analysis.pattern`: the same two numbers as
    `PatternAnalyzer.analyze`, in about a third of its time (no namedtuple class created per
    call, no lazy-dict method per word looked up)."""
    try:
        from commentscope.analysis.pattern import polarity_subjectivity
    except ImportError as exc:
        raise MissingResourceError(
            "cannot import TextBlob's Pattern sentiment; install it with `pip install textblob`"
        ) from exc
    return polarity_subjectivity


@dataclass(frozen=True)
class VaderAnalyzer:
    """VADER compound score (NLTK's, computed by `analysis.vader`; vadersentiment lexicon)."""

    lexicon_file: str = VADER_LEXICON

    @property
    def name(self) -> str:
        return "vader"

    def score(self, sentence: str) -> float:
        return vader.scorer(self.lexicon_file).compound(lexicon_text(sentence))


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


@lru_cache(maxsize=4096)
def lexicon_features(text: str) -> tuple[float, float, float]:
    """VADER compound, TextBlob polarity and subjectivity of `text`. Recent texts are remembered,
    so the lexicon columns and the model's features cost one scoring per text."""
    polarity, subjectivity = TextBlobAnalyzer().polarity_subjectivity(text)
    return VaderAnalyzer().score(text), polarity, subjectivity


@lru_cache(maxsize=4096)
def _model_prediction(text: str) -> Prediction:
    """The packaged model's prediction for `text`. Recent texts are remembered: a comment's
    topics often share its sentences, and the text they share is rated once."""
    return packaged_model().predict(text, lexicon_features(text))


@dataclass(frozen=True)
class ReviewModelAnalyzer:
    """The packaged supervised model: words, word pairs and both lexicon scores -> three classes.

    `score` is P(positive) - P(negative) (blended with a rating head when the model file has one:
    `Prediction`; the packaged model has none); the label is the most likely class, but neutral
    when P(positive) - P(negative) is within ±`neutral_margin`.
    """

    neutral_margin: float = NEUTRAL_MARGIN

    @property
    def name(self) -> str:
        return "review_model"

    def predict(self, text: str) -> Prediction:
        """Class probabilities; a text without words is neutral."""
        if not text.strip():
            return Prediction(0.0, 1.0, 0.0)
        return self.model_prediction(text)

    def model_prediction(self, text: str) -> Prediction:
        """The model's prediction for a text with words (the packaged English model)."""
        return _model_prediction(text)

    def score(self, sentence: str) -> float:
        return self.predict(sentence).score

    def rate(self, text: str) -> Rating:
        prediction = self.predict(text)
        label = "neutral" if abs(prediction.balance) < self.neutral_margin else prediction.label
        return Rating(prediction.score, label)


def default_analyzer() -> SentimentAnalyzer:
    """The analyzer used when none is given: `ReviewModelAnalyzer`."""
    return ReviewModelAnalyzer()


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
    score: float = 0.0  # the analyzer's score in [-1, 1] (for the default model: P(pos) - P(neg))


def combined_score(vader_compound: float, textblob_polarity: float) -> float:
    """The mean of the two lexicons' scores, in [-1, 1]."""
    return (vader_compound + textblob_polarity) / 2


def label_for(combined: float, sentences: Iterable[SentenceSentiment] = ()) -> str:
    """'mixed' on strong sentences both ways, else the label of a combined lexicon score read with
    the ±NEUTRAL_BAND band (used for topic summaries over mean lexicon scores)."""
    if strong_both_ways(sentences):
        return "mixed"
    if combined >= NEUTRAL_BAND:
        return "positive"
    return "negative" if combined <= -NEUTRAL_BAND else "neutral"


def score_sentence(sentence: str) -> SentenceSentiment:
    """Both lexicons' scores for one sentence."""
    return SentenceSentiment(sentence, *lexicon_features(sentence))


def score_sentences(sentences: Iterable[str]) -> list[SentenceSentiment]:
    """Both analyzers' scores for each sentence, in order."""
    return [score_sentence(s) for s in sentences]


def comment_sentiment(
    text: str,
    sentences: list[SentenceSentiment] | None = None,
    analyzer: SentimentAnalyzer | None = None,
    *,
    parts: list[str] | None = None,
) -> CommentSentiment:
    """Lexicon scores of the whole comment text; label and score from `analyzer` on the whole
    text, or "mixed" when that is undecided and its sentences are strong both ways; "neutral"
    when it only asks, or (the packaged model) when it asks and leans only a little
    (`leans_while_asking`).

    `sentences` are the text's sentences already scored; else `parts` (its sentences, as
    `split_sentences` gives them) are scored only when the label needs them."""
    whole = score_sentence(text)
    analyzer = analyzer or default_analyzer()
    rating = rate(analyzer, text)
    if sentences is not None:
        parts = [s.sentence for s in sentences]
    elif parts is None:
        parts = split_sentences(text)
    return CommentSentiment(whole.vader_compound, whole.textblob_polarity, whole.textblob_subjectivity,
                            _text_label(analyzer, rating, parts, sentences), rating.score)


def _text_label(analyzer: SentimentAnalyzer, rating: Rating, parts: list[str],
                sentences: Sequence[SentenceSentiment] | None) -> str:
    """The label of a text (`parts`: its sentences; `sentences`: them scored, or None to score
    them only if needed) rated `rating`: neutral when it only asks; "mixed" when the rating is
    undecided and its sentences are strong both ways; neutral when it asks and leans only a
    little (`leans_while_asking`); else the rating's label."""
    if asks_only(parts):
        return "neutral"
    label = rating.label
    if abs(rating.score) < UNDECIDED:  # only an undecided text can be mixed: score its sentences
        if sentences is None:  # one sentence cannot be strong both ways
            sentences = score_sentences(parts) if len(parts) > 1 else []
        label = _label(rating, sentences)
    if label in ("positive", "negative") and leans_while_asking(analyzer, rating, parts):
        return "neutral"
    return label


def leans_while_asking(analyzer: SentimentAnalyzer, rating: Rating, parts: list[str]) -> bool:
    """Whether the packaged model's rating of an English text that asks something (one of
    `parts`, its sentences, is a question) leans less than ASKING_UNDECIDED: its label is then
    neutral. Other analyzers keep their labels (their scores are on other scales)."""
    return (isinstance(analyzer, ReviewModelAnalyzer) and abs(rating.score) < ASKING_UNDECIDED
            and any(map(is_question, parts)))


def aggregate_sentiment(
    sentences: Sequence[SentenceSentiment], analyzer: SentimentAnalyzer | None = None, rating: Rating | None = None
) -> CommentSentiment:
    """Mean lexicon scores of some sentences (e.g. those that mention one topic); label and
    score from `analyzer` on the sentences read together, labelled by `comment_sentiment`'s
    rules (questions only: neutral; "mixed"; `leans_while_asking`), or from the `rating`
    already made of them (then only "mixed" is read from the sentences).

    No sentences gives zeros and "neutral".
    """
    if not sentences:
        return CommentSentiment(0.0, 0.0, 0.0, "neutral")
    if rating is None:  # the sentences read together, labelled as a comment is
        analyzer = analyzer or default_analyzer()
        parts = [s.sentence for s in sentences]
        rating = rate(analyzer, " ".join(parts))
        label = _text_label(analyzer, rating, parts, sentences)
    else:
        label = _label(rating, sentences)
    return CommentSentiment(
        fmean([s.vader_compound for s in sentences]),  # a list: fmean counts a generator item by item
        fmean([s.textblob_polarity for s in sentences]),
        fmean([s.textblob_subjectivity for s in sentences]),
        label,
        rating.score,
    )


def _label(rating: Rating, sentences: Iterable[SentenceSentiment]) -> str:
    """The rating's label, or "mixed" when it is undecided and the sentences strong both ways."""
    return "mixed" if abs(rating.score) < UNDECIDED and strong_both_ways(sentences) else rating.label


def strong_both_ways(sentences: Iterable[SentenceSentiment]) -> bool:
    """Whether one sentence's combined score is >= STRONG and another's <= -STRONG."""
    scores = [s.combined for s in sentences]
    return any(x >= STRONG for x in scores) and any(x <= -STRONG for x in scores)


def opinion_sentences(sentences: Sequence[SentenceSentiment]) -> list[SentenceSentiment]:
    """The sentences a label is read from: statements, not questions."""
    return [s for s in sentences if not is_question(s.sentence)]


def mean_combined(sentences: Sequence[SentenceSentiment]) -> float:
    """Mean combined score of `sentences` (0.0 for none): the score a label is read from."""
    return fmean([s.combined for s in sentences]) if sentences else 0.0
