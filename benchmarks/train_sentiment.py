"""Train the packaged sentiment model (src/commentscope/data/sentiment_model.json.gz).

TF-IDF over `sentiment_model.features` (words, word pairs, negation marks) plus the lexicon
scores (VADER compound, TextBlob polarity, subjectivity; again for texts of 20 words or fewer,
`sentiment_model.lexicon_inputs`), into a three-class logistic regression.
Trained on the 80 % training part of the medication reviews and of the three labelled sentence
sets, plus weakly labelled neutral sentences from the same training reviews (statements where
both lexicons find nothing, e.g. how a drug was taken; see `_sentiment_data.py`): the reviews
and sentence sets have almost no text without opinion. The 20 % parts stay held out for
`benchmarks/quality.py`.
Deterministic (lbfgs, fixed data order), no network. Run from the repository root:

    PYTHONPATH=src python benchmarks/train_sentiment.py
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _sentiment_data import SENTENCE_SETS, druglib, objective_sentences, sentences

from commentscope.analysis.sentiment import lexicon_features
from commentscope.analysis.sentiment_model import CLASSES, MODEL_FILE, SHORT_WORDS, features, lexicon_inputs

C = 30.0  # inverse regularisation strength
MIN_DF = 2  # a feature must occur in two training texts
DIGITS = 4  # rounding of the exported numbers
OUT = Path(__file__).resolve().parent.parent / "src" / "commentscope" / MODEL_FILE


def training_texts() -> tuple[list[str], list[str]]:
    parts = [druglib("train"), *(sentences(name, "train") for name in SENTENCE_SETS), objective_sentences()]
    return [t for p in parts for t in p.texts], [y for p in parts for y in p.labels]


def train(texts: list[str], labels: list[str], lexicon: np.ndarray | None = None) -> dict[str, object]:
    """The exported model: vocabulary with idf and class weights, lexicon weights, intercepts.
    `lexicon`: the texts' lexicon scores, when already computed."""
    vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=MIN_DF)
    words = vectorizer.fit_transform(texts)
    if lexicon is None:
        lexicon = np.array([lexicon_features(text) for text in texts])
    inputs = np.array([lexicon_inputs(text, scores, SHORT_WORDS) for text, scores in zip(texts, lexicon, strict=True)])
    model = LogisticRegression(C=C, max_iter=5000)
    start = time.perf_counter()
    model.fit(sparse.hstack([words, sparse.csr_matrix(inputs)]).tocsr(), labels)
    print(f"logistic regression fitted in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    order = [list(model.classes_).index(c) for c in CLASSES]
    coef = model.coef_[order]
    n_terms = words.shape[1]
    vocabulary = {
        term: [round(float(vectorizer.idf_[j]), DIGITS), *(round(float(w), DIGITS) for w in coef[:, j])]
        for term, j in sorted(vectorizer.vocabulary_.items())
    }
    return {
        "classes": list(CLASSES),
        "about": "commentscope sentiment model; trained by benchmarks/train_sentiment.py; see data/README.md",
        "lexicon_features": ["vader_compound", "textblob_polarity", "textblob_subjectivity",
                             "short vader_compound", "short textblob_polarity", "short textblob_subjectivity"],
        "short_words": SHORT_WORDS,
        "lexicon_weights": [[round(float(w), DIGITS) for w in coef[:, n_terms + i]] for i in range(inputs.shape[1])],
        "intercept": [round(float(b), DIGITS) for b in model.intercept_[order]],
        "vocabulary": vocabulary,
    }


def main() -> None:
    start = time.perf_counter()
    texts, labels = training_texts()
    payload = train(texts, labels)
    raw = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode("utf-8")
    OUT.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"{len(texts)} texts, {len(payload['vocabulary'])} features -> {OUT} "  # type: ignore[arg-type]
          f"({OUT.stat().st_size / 1024:.0f} KiB) in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
