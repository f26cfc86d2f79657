"""Sentiment of German comments: a small supervised model over a polarity lexicon.

The packaged English model and both English lexicons read English only; a German comment (the
`language` column) is rated by `GermanModelAnalyzer` when no analyzer is given.

- The lexicon (`data/sentiment_de.tsv.gz`, made by `benchmarks/make_german_lexicon.py`) is the
  German Polarity Lexicon of Klenner, Clematide, Wiegand and Peters (2010), as textblob-de ships
  it in Pattern's format (Apache-2.0): 7,324 lower-cased forms with a polarity in [-1, 1].
  `german_polarity` reads a text the way Pattern reads English: the mean polarity of the words
  found, a word within three words after a negation (nicht, kein, nie, ohne, ...) counting -0.5
  times; a word not in the lexicon is looked up again without an inflection ending (schönen ->
  schön, tolles -> toll). `GermanLexiconAnalyzer` labels that score with a band of BAND.
- The model (`data/sentiment_model_de.json.gz`, `benchmarks/train_sentiment.py --german`) is the
  English model's recipe (`sentiment_model.SentimentModel`: TF-IDF of words and word pairs, a
  three-class logistic regression) trained on German reader comments labelled by hand, with the
  lexicon's polarity as its one lexicon input. Label: the most likely class, neutral when
  |P(positive) - P(negative)| < 0.1, as for English.

Figures (`docs/sentiment.md`, "German comments"): on the labelled German comments, each scored
by a model that never saw its page, the model beats the lexicon alone, which reads German about
as well as bare VADER reads English.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from commentscope.analysis.sentiment import Rating, ReviewModelAnalyzer
from commentscope.analysis.sentiment_model import Prediction, SentimentModel, read_model

LEXICON_FILE = "data/sentiment_de.tsv.gz"
MODEL_FILE = "data/sentiment_model_de.json.gz"
# positive / negative from this score on: 0.3 over 0.05, 0.1, 0.2, 0.4 and 0.5 on the labelled
# comments of half the pages (weighted F1 0.503 there; 0.05 gave 0.451)
BAND = 0.3
NEGATIONS = frozenset({"nicht", "ohne", "nie", "niemals", "nein", "kein", "keine", "keiner", "keines", "keinen",
                       "keinem", "nichts"})
NEGATION_REACH = 3  # a negation acts on the next three words
# inflection endings tried, longest first, when a word is not in the lexicon as written
ENDINGS = ("sten", "ste", "stes", "ster", "em", "en", "er", "es", "e", "n", "s")
MIN_STEM = 3
_WORD_RE = re.compile(r"[^\W\d_]+")


@cache
def german_lexicon() -> dict[str, float]:
    """Lower-cased form -> polarity."""
    raw = gzip.decompress(resources.files("commentscope").joinpath(LEXICON_FILE).read_bytes())
    rows = (line.split("\t") for line in raw.decode("utf-8").splitlines() if line and not line.startswith("#"))
    return {form: float(value) for form, value in rows}


def polarity_of(word: str, lexicon: dict[str, float]) -> float | None:
    """A lower-cased word's polarity, or that of its stem without an inflection ending; None
    when neither is in the lexicon."""
    if word in lexicon:
        return lexicon[word]
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            stem = word[: -len(ending)]
            if stem in lexicon:
                return lexicon[stem]
    return None


def german_polarity(text: str) -> float:
    """The mean polarity of the words of `text` found in the lexicon (0.0 when none is)."""
    lexicon = german_lexicon()
    found: list[float] = []
    reach = 0  # words left that a preceding negation acts on
    for word in _WORD_RE.findall(text.lower()):
        if word in NEGATIONS:
            reach = NEGATION_REACH
            continue
        value = polarity_of(word, lexicon)
        if value:
            found.append(-0.5 * value if reach else value)
        reach = max(0, reach - 1)
    return sum(found) / len(found) if found else 0.0


@dataclass(frozen=True)
class GermanLexiconAnalyzer:
    """German comments' score and label from the German polarity lexicon (`languages`: "de")."""

    band: float = BAND
    languages: tuple[str, ...] = ("de",)

    @property
    def name(self) -> str:
        return "lexicon_de"

    def score(self, sentence: str) -> float:
        return german_polarity(sentence)

    def rate(self, text: str) -> Rating:
        score = german_polarity(text)
        label = "positive" if score >= self.band else "negative" if score <= -self.band else "neutral"
        return Rating(score, label)


def lexicon_scores(text: str) -> tuple[float, float, float]:
    """The German model's lexicon inputs: the lexicon's polarity (the two other places that the
    English model gives TextBlob's polarity and subjectivity stay 0)."""
    return german_polarity(text), 0.0, 0.0


@cache
def german_model() -> SentimentModel:
    """The model shipped in `commentscope/data/sentiment_model_de.json.gz`, loaded once."""
    return read_model(MODEL_FILE, "python benchmarks/train_sentiment.py --german")


@dataclass(frozen=True)
class GermanModelAnalyzer(ReviewModelAnalyzer):
    """German comments' score and label from the packaged German model (`languages`: "de"); the
    English model's rule: `score` is P(positive) - P(negative), the label the most likely class
    but neutral within ±`neutral_margin`."""

    languages: tuple[str, ...] = ("de",)

    @property
    def name(self) -> str:
        return "model_de"

    def model_prediction(self, text: str) -> Prediction:
        return german_model().predict(text, lexicon_scores(text))
