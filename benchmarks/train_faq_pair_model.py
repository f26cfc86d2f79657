"""Train the packaged FAQ pair model (src/commentscope/data/faq_pair_model.json.gz).

Two logistic regressions (`analysis/pair_model.py`) over the development question pairs
(../shared/data/mqp_dev.csv, doctors 1-5; the file itself is never copied into the
repository): `semantic` over MiniLM cosine plus the lexical features, `lexical` over the lexical
features alone. Features are standardised with the training pairs' mean and spread.

The lexical head also learns from background pairs: the candidates its index
(`neighbours.jaccard_neighbours`) returns among the training questions that belong to two different
labelled families (a patient question with its two partners), taken as "different" and weighed
together as `BACKGROUND_WEIGHT` of the labelled pairs. The labelled pairs all share words, so
without them the head scored two questions that share only "take" and "probiotics" as likely
rewordings (0.5), and grouped unrelated reader questions on the seed pages (docs/faq.md).

The grouping thresholds below were chosen on the same pairs, each model fitted leave-one-doctor-out
(`benchmarks/quality_faq.py` measures that way, docs/faq.md). Deterministic (lbfgs), no network;
embedding the 2,071 questions takes minutes, so `--vectors FILE.npy` keeps them between runs (a
cache made before the encoder's adapter changed holds other vectors: delete it). `--only semantic`
refits the semantic head alone (after a new encoder adapter) and keeps the lexical head as shipped.

    PYTHONPATH=src python benchmarks/train_faq_pair_model.py [--vectors /tmp/mqp_vectors.npy] [--only semantic]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality_faq import DATA, PairSet, load_pairs

from commentscope.analysis import embeddings
from commentscope.analysis.neighbours import jaccard_neighbours
from commentscope.analysis.pair_model import LEXICAL_FEATURES, MODEL_FILE, PairHead, pair_features
from commentscope.analysis.question_similarity import LexicalSimilarity
from commentscope.analysis.similarity import content_terms

C = 1.0  # inverse regularisation strength (11 or 10 standardised features: barely matters)
THRESHOLDS = {"semantic": 0.4, "lexical": 0.3}  # average linkage on the probability (docs/faq.md)
BACKGROUND_WEIGHT = {"lexical": 0.1}  # background pairs' total weight, as a share of the labelled pairs
DIGITS = 6
OUT = Path(__file__).resolve().parent.parent / "src" / "commentscope" / MODEL_FILE


def fit_head(name: str, features: npt.NDArray[np.float64], labels: npt.NDArray[np.int64],
             weights: npt.NDArray[np.float64] | None = None) -> PairHead:
    """A standardised logistic regression on the given pair features."""
    from sklearn.linear_model import LogisticRegression

    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=5000).fit((features - mean) / scale, labels, sample_weight=weights)
    names = ("cosine", *LEXICAL_FEATURES) if name == "semantic" else LEXICAL_FEATURES
    return PairHead(name, names, mean.round(DIGITS), scale.round(DIGITS), model.coef_[0].round(DIGITS),
                    round(float(model.intercept_[0]), DIGITS), THRESHOLDS[name])


def vectors_of(data: PairSet, cache: Path | None) -> npt.NDArray[np.float32]:
    """MiniLM vectors of the pairs' questions, read from `cache` when it holds them."""
    if cache is not None and cache.exists():
        stored: npt.NDArray[np.float32] = np.load(cache)
        if stored.shape == (len(data.texts), 384):
            return stored
    vectors = embeddings.embed(data.texts)
    if cache is not None:
        np.save(cache, vectors)
    return vectors


def background_pairs(data: PairSet, rows: npt.NDArray[np.bool_]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The lexical index's candidate pairs among the questions of the pairs selected by `rows`
    whose two questions belong to different families (a first question and its partners)."""
    family: dict[int, int] = {}
    for first, partner in zip(data.left[rows].tolist(), data.right[rows].tolist(), strict=True):
        family[first] = family[partner] = first
    questions = np.array(sorted(family), dtype=np.int64)
    index = LexicalSimilarity()
    found = jaccard_neighbours([frozenset(content_terms(data.texts[q])) for q in questions], index.floor).expanded()
    left, right = questions[found.left], questions[found.right]
    apart = np.array([family[a] != family[b] for a, b in zip(left.tolist(), right.tolist(), strict=True)], dtype=bool)
    return left[apart], right[apart]


def heads(data: PairSet, vectors: npt.NDArray[np.float32] | None, rows: npt.NDArray[np.bool_]) -> dict[str, PairHead]:
    """Both heads fitted on the pairs selected by `rows` (semantic only when vectors are given)."""
    left, right, labels = data.left[rows], data.right[rows], data.label[rows]
    other_left, other_right = background_pairs(data, rows)
    weight = BACKGROUND_WEIGHT["lexical"] * len(labels) / max(1, len(other_left))
    fitted = {"lexical": fit_head(
        "lexical", pair_features(data.texts, np.r_[left, other_left], np.r_[right, other_right]),
        np.r_[labels, np.zeros(len(other_left), dtype=np.int64)],
        np.r_[np.ones(len(labels)), np.full(len(other_left), weight)])}
    if vectors is not None:
        fitted["semantic"] = fit_head("semantic", pair_features(data.texts, left, right, vectors), labels)
    return fitted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--vectors", type=Path, help="cache of the questions' MiniLM vectors (.npy)")
    parser.add_argument("--only", choices=("semantic", "lexical"),
                        help="refit this head alone and keep the other as the packaged file has it")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} not found: the development pairs are needed to train")
    data = load_pairs()
    fitted = heads(data, vectors_of(data, args.vectors), np.ones(len(data.label), dtype=bool))
    shipped = json.loads(gzip.decompress(OUT.read_bytes()))["heads"] if args.only else {}
    kept = {name: head for name, head in shipped.items() if name != args.only}
    payload = {"trained_on": "mqp_dev.csv (Medical Question Pairs, doctors 1-5), by benchmarks/train_faq_pair_model.py",
               "heads": {name: kept.get(name) or head.to_json() for name, head in sorted(fitted.items())}}
    OUT.write_bytes(gzip.compress(json.dumps(payload, indent=1).encode("utf-8"), mtime=0))
    for name, head in sorted(fitted.items()):
        weights = dict(zip(head.features, head.coef.round(3).tolist(), strict=True))
        print(name, "kept as shipped" if name in kept else weights)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
