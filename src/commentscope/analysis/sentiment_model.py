"""A small supervised sentiment model read from package data: TF-IDF words and word pairs plus
the two lexicon scores, into a three-class logistic regression (negative / neutral / positive).

Trained by `benchmarks/train_sentiment.py` on patients' medication reviews (their own 1–10
rating read as ≤4 negative, 5–6 neutral, ≥7 positive) and on short product, film and restaurant
review sentences; the lexicon scores (VADER compound, TextBlob polarity and subjectivity) are
features, once for every text and once more for short texts (SHORT_WORDS words or fewer), so the
model can trust the lexicons more where a short text gives its word weights little to go on, and
learn what they miss in health language ("no side effects at all"). Scoring is a dictionary
lookup per word and a few numpy operations over the exported vocabulary and coefficients: no
scikit-learn at run time, nothing downloaded.
Data and licences: `commentscope/data/README.md`.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise, repeat
from typing import Any

import numpy as np
import numpy.typing as npt

from commentscope.errors import CommentscopeError

MODEL_FILE = "data/sentiment_model.json.gz"
CLASSES = ("negative", "neutral", "positive")
SHORT_WORDS = 20  # a text of this many words or fewer gets the short-text copy of the lexicon scores
LEXICON_SCORES = 3  # VADER compound, TextBlob polarity, TextBlob subjectivity
_WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")  # letters and digits, inner apostrophes ("don't")
_ASCII_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")  # the same on lower-cased ASCII text, faster
_NEGATIONS = frozenset({"not", "no", "never", "without", "nothing", "none", "cannot", "nor"})
_CLAUSE_END_RE = re.compile("[.,!?;:]")
_MARKS = ".,!?;:"
# the words of `_WORD_RE` / `_ASCII_WORD_RE` and the marks between them, in one pass (possessive: no backtracking)
_WORD_MARK_RE = re.compile(r"[.,!?;:]|[^\W_]++(?:'[^\W_]++)*+")
_ASCII_WORD_MARK_RE = re.compile(r"[.,!?;:]|[a-z0-9]++(?:'[a-z0-9]++)*+")
Rows = npt.NDArray[np.intp]


def features(text: str) -> list[str]:
    """Words and adjacent word pairs of `text`; a word after a negation (up to the next mark)
    gets a NOT_ prefix, so "no side effects" and "side effects" are different features."""
    words = negated_words(text)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def negated_words(text: str) -> list[str]:
    """The words of `features`, lower-cased, NOT_ after a negation up to the next mark."""
    lowered = text.lower().replace("’", "'")
    word_re = _ASCII_WORD_RE if lowered.isascii() else _WORD_RE
    if "n't" not in lowered:  # most texts hold no negation: one pass over the whole text
        words: list[str] = word_re.findall(lowered)
        if _NEGATIONS.isdisjoint(words):
            return words
    words = []
    for clause in _CLAUSE_END_RE.split(lowered):  # a mark ends a negation, and no word holds a mark
        words += _clause_words(clause, word_re)
    return words


def _clause_words(clause: str, word_re: re.Pattern[str]) -> list[str]:
    """The words of one clause, those after its first negation prefixed NOT_."""
    words: list[str] = word_re.findall(clause)
    if "n't" in clause or not _NEGATIONS.isdisjoint(words):
        for k, word in enumerate(words):
            if word in _NEGATIONS or word.endswith("n't"):
                return words[:k + 1] + ["NOT_" + after for after in words[k + 1:]]
    return words


def lexicon_inputs(text: str, lexicon: Sequence[float], short_words: int = SHORT_WORDS) -> list[float]:
    """The lexicon scores, then the same again for a short text (zeros for a longer one)."""
    short = len(text.split()) <= short_words
    return [*lexicon, *(value if short else 0.0 for value in lexicon)]


@dataclass(frozen=True)
class Prediction:
    """Class probabilities of one text, and the rating head's reading of it (-1..1; None for a
    model without the head). `score`, in [-1, 1]: P(positive) - P(negative) (`balance`), blended
    with the rating head's reading by `blend` when there is one."""

    negative: float
    neutral: float
    positive: float
    rating: float | None = None
    blend: float = 0.0

    @property
    def balance(self) -> float:
        return self.positive - self.negative

    @property
    def score(self) -> float:
        if self.rating is None:
            return self.balance
        return (1.0 - self.blend) * self.balance + self.blend * self.rating

    @property
    def label(self) -> str:
        probabilities = (self.negative, self.neutral, self.positive)
        return CLASSES[probabilities.index(max(probabilities))]


class SentimentModel:
    """The exported model: per feature its idf and one weight per class, lexicon weights, biases;
    optionally a rating head (`rating_head` in the payload): one more weight per feature, lexicon
    score and bias, read as a patient's rating on -1..1 and blended into the score, by `blend`
    for a text of `full_words` words or more and in proportion to its length below that (the head
    learned from reviews, so it is trusted as far as a text is as long as a review).

    The vocabulary becomes a term -> row index, a `TermTable` and two arrays (idf, weights), so a
    text costs one dictionary lookup per word and a few small array operations, not a loop per
    feature.
    """

    def __init__(self, payload: dict[str, Any]) -> None:
        if tuple(payload.get("classes", ())) != CLASSES:
            raise CommentscopeError(f"sentiment model: expected classes {CLASSES}, found {payload.get('classes')}")
        head: dict[str, float] | None = payload.get("rating_head")
        columns = len(CLASSES) + (1 if head else 0)
        vocabulary: dict[str, list[float]] = payload["vocabulary"]  # term -> [idf, w_neg, w_neu, w_pos(, w_rating)]
        self.index = {term: row for row, term in enumerate(vocabulary)}
        self.terms = TermTable(self.index)
        try:
            table = np.array(list(vocabulary.values()), dtype=np.float64).reshape(len(vocabulary), 1 + columns)
            self.lexicon_weights = np.array(payload["lexicon_weights"], dtype=np.float64).reshape(-1, columns)
            self.intercept = np.array(payload["intercept"], dtype=np.float64).reshape(columns)
            # a short text's own shift of the intercepts (short texts lean neutral more often than reviews)
            shift = np.array(payload.get("short_intercept", [0.0] * columns), dtype=np.float64).reshape(columns)
        except ValueError as exc:
            raise CommentscopeError(f"sentiment model: a row of weights has the wrong length ({exc})") from exc
        self.idf = np.ascontiguousarray(table[:, 0])  # contiguous: rows are gathered per text
        self.weights = np.ascontiguousarray(table[:, 1:])
        self.short_words = int(payload.get("short_words", SHORT_WORDS))
        if len(self.lexicon_weights) != 2 * LEXICON_SCORES:
            raise CommentscopeError(f"sentiment model: expected {2 * LEXICON_SCORES} rows of lexicon weights")
        # `lexicon_inputs` repeats the scores for a short text: the two blocks of weights, summed
        self.long_lexicon = np.ascontiguousarray(self.lexicon_weights[:LEXICON_SCORES])
        self.short_lexicon = self.long_lexicon + self.lexicon_weights[LEXICON_SCORES:]
        self.short_intercept = self.intercept + shift
        self.blend = float(head["blend"]) if head else 0.0
        self.full_words = int(head.get("full_words", 0)) if head else 0
        # words past this many change nothing (`predict` only asks whether a text is short, and how far to full)
        self.words_counted = max(self.short_words, self.full_words)

    def predict(self, text: str, lexicon: Sequence[float]) -> Prediction:
        """Class probabilities (and the rating head's reading) from the text's features and its
        (vader, polarity, subjectivity)."""
        words = len(text.split(maxsplit=self.words_counted))  # the count, or one past words_counted
        if words <= self.short_words:
            logits = self.short_intercept + np.dot(lexicon, self.short_lexicon)
        else:
            logits = self.intercept + np.dot(lexicon, self.long_lexicon)
        rows = self.terms.rows(text)
        if rows.size:
            found, counts = _runs(rows)
            values = (1.0 + np.log(counts)) * self.idf[found]
            logits += (values / math.sqrt(float(values @ values))) @ self.weights[found]
        negative, neutral, positive, *head = logits.tolist()  # softmax of three numbers: plain floats
        top = max(negative, neutral, positive)
        negative, neutral, positive = math.exp(negative - top), math.exp(neutral - top), math.exp(positive - top)
        total = negative + neutral + positive
        if self.blend:
            share = min(1.0, words / self.full_words) if self.full_words else 1.0
            rating = min(1.0, max(-1.0, head[0]))
            return Prediction(negative / total, neutral / total, positive / total, rating, self.blend * share)
        return Prediction(negative / total, neutral / total, positive / total)

    def feature_rows(self, text: str) -> Rows:
        """The vocabulary rows of `features(text)` (unknown features left out, a repeated one
        repeated), in ascending order."""
        return self.terms.rows(text)


class TermTable:
    """The vocabulary's terms as integer keys, so that a text's features are found by one
    dictionary lookup per word and a few array operations, with no string built per feature.

    Every word of a term (NOT_ taken off) gets an id; a word as it stands in a text is
    2 * id, plus 1 when it follows a negation (`negated_words`). A single word's row is read
    from a dense table over those numbers, a word pair's (first * span + second) from a sorted
    array of pair keys. Words outside the vocabulary share one id, the marks another.
    """

    def __init__(self, index: dict[str, int]) -> None:
        ids = _word_ids(index)
        self.mark_id, self.unknown_id = len(ids), len(ids) + 1
        self.span = 2 * (len(ids) + 2)  # feature numbers run 0 .. span - 1
        self.negates = np.zeros(len(ids) + 2, dtype=bool)
        self.negates[[i for word, i in ids.items() if word in _NEGATIONS or word.endswith("n't")]] = True
        self.word_rows = np.full(self.span, -1, dtype=np.intp)
        pairs: dict[int, int] = {}
        for term, row in index.items():
            numbers = [2 * ids[word.removeprefix("NOT_")] + word.startswith("NOT_") for word in term.split(" ")]
            if len(numbers) == 1:
                self.word_rows[numbers[0]] = row
            elif len(numbers) == 2:
                pairs[numbers[0] * self.span + numbers[1]] = row
        keys = sorted(pairs)  # and a sentinel above every key, so that no search runs off the end
        self.pair_keys = np.array([*keys, self.span * self.span], dtype=np.intp)
        self.pair_rows = np.array([*(pairs[key] for key in keys), -1], dtype=np.intp)
        self.ids = ids | dict.fromkeys(_MARKS, self.mark_id)

    def rows(self, text: str) -> Rows:
        """The vocabulary rows of `features(text)`, ascending, a repeated feature repeated."""
        numbers = self.feature_numbers(text)
        keys = numbers[:-1] * self.span
        keys += numbers[1:]
        keys.sort()  # sorted, the searches walk the key array in one direction: fewer cache misses
        at = self.pair_keys.searchsorted(keys)
        rows = np.concatenate((self.word_rows[numbers], self.pair_rows[at[self.pair_keys[at] == keys]]))
        rows.sort()
        return rows[rows.searchsorted(0):]  # unknown features (-1) sort first

    def feature_numbers(self, text: str) -> Rows:
        """The words of `negated_words(text)` as feature numbers (2 * id, + 1 when negated)."""
        lowered = text.lower().replace("’", "'")
        tokens: list[str] = (_ASCII_WORD_MARK_RE if lowered.isascii() else _WORD_MARK_RE).findall(lowered)
        ids = np.fromiter(map(self.ids.get, tokens, repeat(self.unknown_id)), dtype=np.intp, count=len(tokens))
        negates = self.negates[ids]
        if "n't" in lowered:  # a word outside the vocabulary negates too
            for k in (ids == self.unknown_id).nonzero()[0].tolist():
                negates[k] = tokens[k].endswith("n't")
        numbers = ids + ids
        words = ids != self.mark_id
        if np.count_nonzero(negates):
            # negations up to each token; a word is negated if more came before it than before its clause's mark
            seen = negates.cumsum()
            numbers += seen - negates > np.maximum.accumulate(seen * ~words)
        return numbers.compress(words)


def _word_ids(index: dict[str, int]) -> dict[str, int]:
    """An id per word of the terms (NOT_ taken off), and per negation outside them: it still negates."""
    ids: dict[str, int] = {}
    for term in index:
        for word in term.split(" "):
            ids.setdefault(word.removeprefix("NOT_"), len(ids))
    for word in sorted(_NEGATIONS):
        ids.setdefault(word, len(ids))
    return ids


def _runs(rows: Rows) -> tuple[Rows, Rows]:
    """The distinct values of sorted, non-empty `rows` and how many times each occurs (np.unique's
    answer, for a few hundred rows at a fraction of its cost)."""
    last = np.empty(len(rows), dtype=bool)
    last[-1] = True
    np.not_equal(rows[1:], rows[:-1], out=last[:-1])
    ends = last.nonzero()[0]
    counts = np.empty_like(ends)
    counts[0] = ends[0] + 1
    np.subtract(ends[1:], ends[:-1], out=counts[1:])
    return rows[ends], counts


@cache
def packaged_model() -> SentimentModel:
    """The model shipped in `commentscope/data/sentiment_model.json.gz`, loaded once."""
    return read_model(MODEL_FILE, "python benchmarks/train_sentiment.py")


def read_model(name: str, rebuild: str) -> SentimentModel:
    """A model file of the package (`name` under `commentscope/`); `rebuild`: the command that makes it."""
    try:
        raw = resources.files("commentscope").joinpath(name).read_bytes()
        return SentimentModel(json.loads(gzip.decompress(raw)))
    except (OSError, ValueError, KeyError) as exc:
        raise CommentscopeError(
            f"cannot read the packaged sentiment model commentscope/{name} ({exc.__class__.__name__}); "
            f"reinstall commentscope, or rebuild it with `{rebuild}`"
        ) from exc
