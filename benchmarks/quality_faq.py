"""Quality of FAQ grouping on real patient-question pairs, beside plain-library anchors.

Data: ../shared/data/mqp_dev.csv (Medical Question Pairs, doctors 1-5: 1,384 pairs, label 1 =
same question reworded, 0 = a different question with similar words). Never copied into the
repository; the benchmark skips with a message when the file is absent.

Anchors (pair by pair): token Jaccard, TF-IDF cosine, all-MiniLM-L6-v2 cosine, each with a
threshold fitted honestly by leave-one-doctor-out (fit on four doctors' pairs, predict the
fifth), and a logistic regression over the three, cross-validated the same way.
commentscope: every distinct question (2,071) is grouped at once by `faq.group_questions`, and
a pair is predicted "same" when both questions land in one group. The pair model that scores
the candidate pairs is fitted leave-one-doctor-out too (`train_faq_pair_model.heads` on four
doctors' pairs; the fifth doctor's pairs are scored from a grouping made with that model), so
no pair is scored by a model fitted on it. The encoder's adapter (trained on these pairs,
`train_faq_encoder.py`) is held out the same way: each doctor's questions are embedded with an
adapter trained on the other four (made once into /tmp/commentscope-faq-adapters or
`COMMENTSCOPE_FOLD_ADAPTERS`, 2-4 minutes each with
torch; without torch the bare encoder is used and the rows say so). The MiniLM anchor is the bare
model. The grouping thresholds are constants chosen on these pairs, so the held-out half of the
set is the independent check.

Also measured: the share of the questions that off-topic filtering would keep out of every FAQ
group when they sit under a neutral "ask the doctor" article, and (``--scale N``) time and
memory of grouping N questions beyond embedding time.

    python benchmarks/quality_faq.py            # the rows
    python benchmarks/quality_faq.py --scale 100000
    python benchmarks/quality_faq.py --engines      # numpy forward pass against sentence-transformers
    python benchmarks/quality_faq.py --encoders     # numpy pass against the ONNX graph, and the graph in int8
    python benchmarks/quality_faq.py --onnx         # onnxruntime fp32 / int8 exports (needs torch, onnx)
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from commentscope.analysis import embeddings  # noqa: E402
from commentscope.analysis.faq import group_questions, question_context  # noqa: E402
from commentscope.analysis.neighbours import Pairs  # noqa: E402
from commentscope.analysis.pair_model import PairHead  # noqa: E402
from commentscope.analysis.question_similarity import LexicalSimilarity, SemanticSimilarity  # noqa: E402
from commentscope.analysis.similarity import TfidfSpace, cosine  # noqa: E402
from commentscope.corpus import PageResult  # noqa: E402
from commentscope.model import Comment, Document, LabelledLine, LineRole  # noqa: E402
from commentscope.pipeline import analyze_results  # noqa: E402
from commentscope.text import words  # noqa: E402

DATA = Path(os.environ.get("COMMENTSCOPE_DATA", ROOT.parent / "shared" / "data")) / "mqp_dev.csv"
MEASURED_ON = "mqp_dev: 1,384 question pairs, doctors 1-5"
NEUTRAL_ARTICLE = (
    "Ask the doctor\n"
    "Our physicians answer readers' questions every week. Leave your question in the comments "
    "below and one of our doctors will reply."
)
QUESTIONS_PER_PAGE = 20
UNSEEN = "pair model fitted without the scored doctor"
ADAPTERS = Path(os.environ.get("COMMENTSCOPE_FOLD_ADAPTERS", "/tmp/commentscope-faq-adapters"))
Vectors = np.ndarray | dict[int, np.ndarray]  # one array for every fold, or one per held-out doctor


def of_fold(vectors: Vectors, doctor: int) -> np.ndarray:
    """The vectors to score `doctor`'s pairs with."""
    return vectors[doctor] if isinstance(vectors, dict) else vectors


def embed_with(texts: Sequence[str], adapter: Path | None) -> np.ndarray:
    """The texts' vectors from the encoder with `adapter` added (None: the bare model)."""
    before = os.environ.get(embeddings.ADAPTER_ENV)
    os.environ[embeddings.ADAPTER_ENV] = str(adapter) if adapter is not None else "none"
    embeddings.forget_model()
    try:
        return embeddings.embed(texts)
    finally:
        os.environ.pop(embeddings.ADAPTER_ENV)
        if before is not None:
            os.environ[embeddings.ADAPTER_ENV] = before
        embeddings.forget_model()


def fold_adapters(doctors: Sequence[int], folder: Path = ADAPTERS) -> dict[int, Path] | None:
    """Per doctor the adapter trained without their pairs, trained into `folder` when missing;
    None when torch is not installed to train them."""
    import importlib.util
    import subprocess

    paths = {d: folder / f"without-doctor-{d}.npz" for d in doctors}
    missing = [d for d, path in paths.items() if not path.exists()]
    if missing and importlib.util.find_spec("torch") is None:
        print("quality_faq: torch not installed, fold adapters not trained: the bare encoder is used",
              file=sys.stderr)
        return None
    for d in missing:
        print(f"quality_faq: training the adapter without doctor {d} (a few minutes)", file=sys.stderr)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "train_faq_encoder.py"), "--hold-out", str(d),
                        "--data", str(DATA), "--out", str(paths[d])], check=True)  # fmt: skip
    return paths


def fold_vectors(texts: Sequence[str], data: PairSet) -> Vectors:
    """Each held-out doctor's vectors of `texts`, from the adapter trained without them."""
    adapters = fold_adapters([int(d) for d in np.unique(data.doctor)])
    if adapters is None:
        return embed_with(texts, None)
    return {d: embed_with(texts, path) for d, path in adapters.items()}


@dataclass(frozen=True)
class PairSet:
    texts: list[str]
    left: np.ndarray
    right: np.ndarray
    label: np.ndarray
    doctor: np.ndarray


def load_pairs(path: Path = DATA) -> PairSet:
    rows = list(csv.reader(path.open(encoding="utf-8")))
    texts = sorted({r[1] for r in rows} | {r[2] for r in rows})
    index = {t: k for k, t in enumerate(texts)}
    return PairSet(
        texts,
        np.array([index[r[1]] for r in rows]),
        np.array([index[r[2]] for r in rows]),
        np.array([int(r[3]) for r in rows]),
        np.array([int(r[0]) for r in rows]),
    )


def scores(predicted: np.ndarray, label: np.ndarray) -> dict[str, float]:
    tp = int(((predicted == 1) & (label == 1)).sum())
    fp = int(((predicted == 1) & (label == 0)).sum())
    fn = int(((predicted == 0) & (label == 1)).sum())
    return {
        "accuracy": float((predicted == label).mean()),
        "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
    }


def _best_threshold(values: np.ndarray, label: np.ndarray) -> float:
    candidates = np.unique(values)
    accuracy = [((values >= t) == label).mean() for t in candidates]
    return float(candidates[int(np.argmax(accuracy))])


def cross_validated_threshold(values: np.ndarray, data: PairSet) -> np.ndarray:
    """Leave-one-doctor-out: threshold fitted on four doctors, applied to the fifth."""
    predicted = np.zeros(len(values), dtype=int)
    for doctor in np.unique(data.doctor):
        train = data.doctor != doctor
        predicted[~train] = values[~train] >= _best_threshold(values[train], data.label[train])
    return predicted


def cross_validated_logistic(features: np.ndarray, data: PairSet) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    predicted = np.zeros(len(features), dtype=int)
    for doctor in np.unique(data.doctor):
        train = data.doctor != doctor
        model = LogisticRegression().fit(features[train], data.label[train])
        predicted[~train] = model.predict(features[~train])
    return predicted


def pair_features(data: PairSet, vectors: np.ndarray | None) -> dict[str, np.ndarray]:
    token_sets = [set(words(t)) for t in data.texts]
    space = TfidfSpace(data.texts)
    tfidf = [space.vector(t) for t in data.texts]
    pairs = list(zip(data.left.tolist(), data.right.tolist(), strict=True))
    features = {
        "token Jaccard": np.array([len(token_sets[a] & token_sets[b]) / max(1, len(token_sets[a] | token_sets[b]))
                                   for a, b in pairs]),
        "TF-IDF cosine": np.array([cosine(tfidf[a], tfidf[b]) for a, b in pairs]),
    }
    if vectors is not None:
        features["MiniLM cosine"] = np.einsum("ij,ij->i", vectors[data.left], vectors[data.right]).astype(float)
    return features


@dataclass(frozen=True)
class PrecomputedSemantic:
    """`SemanticSimilarity` with the embeddings already computed (so the benchmark embeds once)."""

    vectors: np.ndarray
    texts: Sequence[str]
    base: SemanticSimilarity = field(default_factory=SemanticSimilarity)

    @property
    def name(self) -> str:
        return self.base.name

    @property
    def threshold(self) -> float:
        return self.base.threshold

    def pairs(self, texts: Sequence[str]) -> Pairs:
        position = {t: k for k, t in enumerate(self.texts)}
        return self.base.scored(texts, self.vectors[[position[t] for t in texts]])


def similarity_with(head: PairHead, vectors: np.ndarray | None, texts: Sequence[str]) -> Any:
    """The similarity of `head`'s kind, with precomputed vectors for the semantic one."""
    if head.name == "semantic":
        assert vectors is not None
        return PrecomputedSemantic(vectors, texts, SemanticSimilarity(head=head))
    return LexicalSimilarity(head=head)


def fold_heads(data: PairSet, vectors: Vectors | None, kind: str) -> dict[int, PairHead]:
    """Per doctor, the `kind` head fitted on the other four doctors' pairs (with that fold's vectors)."""
    from train_faq_pair_model import heads

    return {int(d): heads(data, None if vectors is None else of_fold(vectors, int(d)), data.doctor != d)[kind]
            for d in np.unique(data.doctor)}


def frame_of(texts: Sequence[str]) -> pd.DataFrame:
    """The questions as a questions table, one comment each."""
    return pd.DataFrame({
        "doc_id": "mqp", "comment_id": [f"q{k:05d}" for k in range(len(texts))], "author": "",
        "question": list(texts), "topics": "", "answered": False, "answered_by": "", "article_coverage": 0.0,
    })


def grouped_pairs(data: PairSet, similarity: Any) -> np.ndarray:
    """1 where commentscope puts both questions of a pair in one group (all questions at once)."""
    groups = group_questions(frame_of(data.texts), similarity=similarity).to_numpy()
    return (groups[data.left] == groups[data.right]).astype(int)


def cross_validated_grouping(data: PairSet, vectors: Vectors | None, kind: str) -> np.ndarray:
    """`grouped_pairs`, each doctor's pairs from a grouping whose pair model never saw them."""
    predicted = np.zeros(len(data.label), dtype=int)
    for doctor, head in fold_heads(data, vectors, kind).items():
        held_out = data.doctor == doctor
        own = None if vectors is None else of_fold(vectors, doctor)
        predicted[held_out] = grouped_pairs(data, similarity_with(head, own, data.texts))[held_out]
    return predicted


def _ask_the_doctor_pages(texts: Sequence[str]) -> list[PageResult]:
    """The questions as comments under a neutral article, 20 to a page."""
    pages = []
    lines = tuple(LabelledLine(k + 1, line, LineRole.ARTICLE) for k, line in enumerate(NEUTRAL_ARTICLE.splitlines()))
    for start in range(0, len(texts), QUESTIONS_PER_PAGE):
        chunk = texts[start : start + QUESTIONS_PER_PAGE]
        comments = tuple(Comment(f"c{k}", None, 0, k, f"reader{start + k}", text, 10 + k, 10 + k)
                         for k, text in enumerate(chunk))
        doc_id = f"ask{start // QUESTIONS_PER_PAGE:03d}"
        doc = Document(doc_id, f"{doc_id}.txt", "Ask the doctor", lines, comments)
        pages.append(PageResult(f"{doc_id}.txt", doc_id, doc))
    return pages


def through_the_pipeline(data: PairSet, vectors: Vectors | None) -> dict[str, Any]:
    """The questions as comments under a neutral article, through `analyze_results`: share
    flagged off topic, share whose detected questions all stay out of FAQ groups, share with no
    question detected, and pair scores of the groups (a comment's group: that of its last question
    sentence, grouped with the text before it in the comment; no question, no group).

    The run groups lexically (nothing to embed); the grouped questions are then grouped again
    as the pipeline does (`question_context`), once per doctor with the fold's pair model.
    """
    texts = data.texts
    wanted = os.environ.get("COMMENTSCOPE_SIMILARITY")
    os.environ["COMMENTSCOPE_SIMILARITY"] = "lexical"
    try:
        analysis = analyze_results(_ask_the_doctor_pages(texts))
    finally:
        os.environ.pop("COMMENTSCOPE_SIMILARITY")
        if wanted is not None:
            os.environ["COMMENTSCOPE_SIMILARITY"] = wanted
    comments, questions = analysis.comments, analysis.questions
    asked = set(zip(questions["doc_id"], questions["comment_id"], strict=True))
    grouped = questions[questions["group_id"] != ""]
    keys = [(f"ask{k // QUESTIONS_PER_PAGE:03d}", f"c{k % QUESTIONS_PER_PAGE}") for k in range(len(texts))]
    text_of = dict(zip(keys, texts, strict=True))
    context = pd.Series([question_context(text_of[(d, c)], q) for d, c, q in
                         zip(grouped["doc_id"], grouped["comment_id"], grouped["question"], strict=True)],
                        index=grouped.index, dtype=object)
    kind = "semantic" if vectors is not None else "lexical"
    unique = sorted(set(context))
    context_vectors = fold_vectors(unique, data) if vectors is not None else None
    same = np.zeros(len(data.label), dtype=int)
    for doctor, head in fold_heads(data, vectors, kind).items():
        own = None if context_vectors is None else of_fold(context_vectors, doctor)
        ids = group_questions(grouped, similarity=similarity_with(head, own, unique), context=context)
        group_of = dict(zip(zip(grouped["doc_id"], grouped["comment_id"], strict=True), ids, strict=True))
        groups = [group_of.get(key, "") or f"none{k}" for k, key in enumerate(keys)]
        held_out = data.doctor == doctor
        fold = np.array([groups[a] == groups[b] for a, b in zip(data.left, data.right, strict=True)], dtype=int)
        same[held_out] = fold[held_out]
    return {
        "off_topic": float(comments["off_topic"].mean()),
        "left_out": len(asked - set(zip(grouped["doc_id"], grouped["comment_id"], strict=True))) / len(texts),
        "undetected": 1 - len(asked) / len(texts),
        "pairs": scores(same, data.label),
    }


def _row(metric: str, value: float, anchor: str, anchor_value: float | None, goal: str, met: bool | None,
         part: str = "FAQ grouping", measured_on: str = MEASURED_ON) -> dict[str, Any]:
    return {"part": part, "measured_on": measured_on, "metric": metric, "value": round(value, 3),
            "anchor": anchor, "anchor_value": None if anchor_value is None else round(anchor_value, 3),
            "goal": goal, "met": met}


def rows() -> list[dict[str, Any]]:
    if not DATA.exists():
        print(f"quality_faq: {DATA} not found; FAQ rows skipped", file=sys.stderr)
        return []
    data = load_pairs()
    semantic = embeddings.semantic_available()
    vectors = embed_with(data.texts, None) if semantic else None  # the anchor: the bare model
    tuned = fold_vectors(data.texts, data) if semantic else None
    features = pair_features(data, vectors)
    anchors = {name: scores(cross_validated_threshold(v, data), data.label) for name, v in features.items()}
    if vectors is not None:
        anchors["logistic regression over the three"] = scores(
            cross_validated_logistic(np.column_stack(list(features.values())), data), data.label)
    best_name = max(anchors, key=lambda n: anchors[n]["accuracy"])
    best = anchors[best_name]
    found: list[dict[str, Any]] = []
    if tuned is not None:
        grouped = scores(cross_validated_grouping(data, tuned, "semantic"), data.label)
        for metric in ("accuracy", "f1", "precision", "recall"):
            goal = "≥ 0.86" if metric in ("accuracy", "f1") else "—"
            found.append(_row(f"semantic grouping ({UNSEEN}), pairs in one group: {metric}", grouped[metric],
                              f"{best_name}, threshold cross-validated", best[metric], goal,
                              grouped[metric] >= 0.86 if goal != "—" else None))
    lexical = scores(cross_validated_grouping(data, None, "lexical"), data.label)
    jaccard = anchors["token Jaccard"]
    for metric in ("accuracy", "f1"):
        found.append(_row(f"lexical grouping (no semantic extra; {UNSEEN}): {metric}", lexical[metric],
                          "token Jaccard, threshold cross-validated", jaccard[metric], "≥ anchor",
                          lexical[metric] >= jaccard[metric]))
    for name, figures in anchors.items():
        found.append(_row(f"anchor: {name}, threshold cross-validated (accuracy / F1 {figures['f1']:.3f})",
                          figures["accuracy"], "—", None, "—", None))
    if isinstance(tuned, dict):  # each pair's cosine from the adapter that never saw it
        values = np.empty(len(data.label))
        for doctor, own in tuned.items():
            rows = data.doctor == doctor
            values[rows] = np.einsum("ij,ij->i", own[data.left[rows]], own[data.right[rows]])
        figures = scores(cross_validated_threshold(values, data), data.label)
        found.append(_row(f"MiniLM with the adapter trained without the scored doctor, cosine, threshold "
                          f"cross-validated (accuracy / F1 {figures['f1']:.3f})", figures["accuracy"], "—", None,
                          "—", None))
    kept = through_the_pipeline(data, tuned)
    on = "mqp_dev: 2,071 questions under a neutral article, 20 per page"
    for metric in ("accuracy", "f1"):
        found.append(_row(f"through the pipeline (question sentences with their comment's context; {UNSEEN}): {metric}",
                          kept["pairs"][metric], "—", None, "≥ 0.86", kept["pairs"][metric] >= 0.86,
                          measured_on=f"{MEASURED_ON}, as comments"))
    found.append(_row("questions with a detected question left out of every FAQ group (share)", kept["left_out"],
                      "flagged off-topic by relevance (share)", kept["off_topic"], "< 0.02", kept["left_out"] < 0.02,
                      part="questions kept for grouping", measured_on=on))
    found.append(_row("texts with no question detected (share; most ask in a statement)", kept["undetected"],
                      "—", None, "—", None, part="questions kept for grouping", measured_on=on))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, help="time grouping this many synthetic questions instead")
    parser.add_argument("--engines", action="store_true", help="compare the numpy and torch embedding engines")
    parser.add_argument("--encoders", action="store_true", help="compare commentscope's numpy pass and ONNX graph")
    parser.add_argument("--onnx", action="store_true", help="measure onnxruntime fp32/int8 exports (needs torch, onnx)")
    args = parser.parse_args()
    if args.scale or args.engines or args.encoders or args.onnx:
        import _faq_engines  # the slow, machine-level measurements live beside this file

        if args.scale:
            _faq_engines.scale(args.scale)
        if args.engines:
            _faq_engines.engines()
        if args.encoders:
            _faq_engines.encoders()
        if args.onnx:
            _faq_engines.onnx_engines()
        return
    for row in rows():
        print(row)


if __name__ == "__main__":
    main()
