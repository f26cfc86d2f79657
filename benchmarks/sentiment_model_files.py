"""Compare sentiment model files (e.g. one written by `train_sentiment.py --rating-head --out FILE`)
on the development data, the way `benchmarks/quality.py` reads the packaged one.

Per file: weighted F1 of `comment_sentiment`'s label on the held-out reviews, sentence sets and
seed comments; Pearson r of its score against the reviews' rating; and how the score reads short
text: ROC AUC of the score on each held-out sentence set (positive against negative) and the mean
score of 300 neutral statements (`objective_sentences`, weakly labelled: both lexicons find
nothing). Run from the repository root:

    PYTHONPATH=src python benchmarks/train_sentiment.py --rating-head --out /tmp/head.json.gz
    PYTHONPATH=src python benchmarks/sentiment_model_files.py src/commentscope/data/sentiment_model.json.gz \
        /tmp/head.json.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import numpy as np
from _sentiment_data import SENTENCE_SETS, druglib, objective_sentences, sentences
from quality_sentiment import RetrainedModel, f1, seed_comments
from sklearn.metrics import roc_auc_score

from commentscope.analysis import sentiment

STATEMENTS = 300


def figures(path: Path) -> dict[str, float]:
    analyzer = RetrainedModel.of(json.loads(gzip.decompress(path.read_bytes())))
    out: dict[str, float] = {}
    for labelled in [druglib("held_out"), *(sentences(name, "held_out") for name in SENTENCE_SETS), seed_comments()]:
        rated = [sentiment.comment_sentiment(text, analyzer=analyzer) for text in labelled.texts]
        name = labelled.name.split("_")[0].split(",")[0]
        out[f"{name} F1"] = f1(labelled.labels, [r.label for r in rated])
        if labelled.ratings:
            out[f"{name} r"] = float(np.corrcoef([r.score for r in rated], labelled.ratings)[0, 1])
        elif labelled.name.endswith("held_out"):
            scores = [analyzer.score(text) for text in labelled.texts]
            out[f"{name} AUC"] = float(roc_auc_score([y == "positive" for y in labelled.labels], scores))
    statements = objective_sentences().texts[:STATEMENTS]
    out["neutral statements mean score"] = float(np.mean([analyzer.score(text) for text in statements]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="model files (.json.gz)")
    for path in parser.parse_args().files:
        print(path, " · ".join(f"{k} {v:.3f}" for k, v in figures(path).items()), flush=True)


if __name__ == "__main__":
    main()
