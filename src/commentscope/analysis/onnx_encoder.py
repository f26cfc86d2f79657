"""The MiniLM encoder as an ONNX graph built from model.safetensors, run by onnxruntime.

No package ships an ONNX export of all-MiniLM-L6-v2 and making one with torch means importing
torch, so the graph is written here with `onnx.helper`: the same BERT encoder as the numpy pass
in `embeddings` (embeddings + layer norm, 6 post-norm layers of 12-head attention and an erf
GELU feed-forward), with the weights as initializers. The layers are written with onnxruntime's
fused CPU operators (`Attention`, `SkipLayerNormalization`, `BiasGelu`): neither onnxruntime's
graph optimiser nor its `transformers` optimiser recognises those patterns in a hand-written
graph, and the fused graph is about 6 % cheaper than plain operators (docs/faq.md, "The
embedding engine"). Pooling and normalisation stay in numpy, shared with the numpy pass. Built
in memory on first use (about a second); nothing is written to disk.

Used by `embeddings.embed` when `onnx` and `onnxruntime` are installed (the `semantic` extra
names them); `COMMENTSCOPE_ENCODER=numpy` keeps the numpy pass.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

_LAYERS = 6
_HEADS = 12
_WIDTH = 384
_EPS = 1e-12
_OPSET = 17  # LayerNormalization is in the default domain from opset 17
_CONTRIB = "com.microsoft"  # onnxruntime's own operators
_STANDARD_OPS = frozenset({"Gather", "Add", "LayerNormalization", "Cast", "MatMul"})

Vectors = npt.NDArray[np.float32]


def onnx_available() -> bool:
    """Whether the ONNX engine can run: `onnx` and `onnxruntime` importable and not turned off."""
    if os.environ.get("COMMENTSCOPE_ENCODER", "").strip().lower() == "numpy":
        return False
    return all(importlib.util.find_spec(name) is not None for name in ("onnx", "onnxruntime"))


def build_model(tensors: dict[str, Vectors]) -> Any:
    """The encoder's ModelProto: inputs `input_ids` (int64, batch x tokens), `attention_mask`
    (float32, same shape) and `positions` (int64, tokens); output `hidden` (batch x tokens x 384).

    Each layer is written with onnxruntime's fused CPU operators (domain com.microsoft):
    `Attention` (query, key and value projections in one matrix, the heads, the mask),
    `SkipLayerNormalization` (residual + bias + layer norm) and `BiasGelu` (bias + erf GELU), so
    the only plain products left are the output projections (docs/faq.md measures the gain).
    """
    from onnx import TensorProto, helper, numpy_helper

    nodes: list[Any] = []
    weights: list[Any] = []

    def constant(name: str, value: npt.NDArray[Any]) -> str:
        weights.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attributes: Any) -> str:
        domain = "" if op in _STANDARD_OPS else _CONTRIB
        nodes.append(helper.make_node(op, inputs, [output], name=output, domain=domain, **attributes))
        return output

    def product(x: str, prefix: str) -> str:
        return node("MatMul", [x, constant(prefix + ".weight.T", tensors[prefix + ".weight"].T)], prefix + ".product")

    def parameter(name: str) -> str:
        return constant(name, tensors[name])

    def skip_layer_norm(x: str, residual: str, dense: str, norm: str, out: str) -> str:
        return node("SkipLayerNormalization", [product(x, dense), residual, parameter(norm + ".weight"),
                                               parameter(norm + ".bias"), parameter(dense + ".bias")],
                    out, epsilon=_EPS)

    words = node("Gather", [parameter("embeddings.word_embeddings.weight"), "input_ids"], "words")
    places = node("Gather", [parameter("embeddings.position_embeddings.weight"), "positions"], "places")
    summed = node("Add", [node("Add", [words, places], "words_places"),
                          constant("token_type", tensors["embeddings.token_type_embeddings.weight"][0])], "summed")
    x = node("LayerNormalization", [summed, parameter("embeddings.LayerNorm.weight"),
                                    parameter("embeddings.LayerNorm.bias")], "embedded", axis=-1, epsilon=_EPS)
    mask = node("Cast", ["attention_mask"], "mask_index", to=TensorProto.INT32)  # 1 = a real token
    for layer in range(_LAYERS):
        p = f"encoder.layer.{layer}."
        projections = [p + "attention.self." + name for name in ("query", "key", "value")]
        packed = constant(p + "qkv.weight", np.concatenate([tensors[q + ".weight"].T for q in projections], axis=1))
        packed_bias = constant(p + "qkv.bias", np.concatenate([tensors[q + ".bias"] for q in projections]))
        context = node("Attention", [x, packed, packed_bias, mask], p + "context", num_heads=_HEADS)
        x = skip_layer_norm(context, x, p + "attention.output.dense", p + "attention.output.LayerNorm",
                            p + "attention.normed")
        inner = product(x, p + "intermediate.dense")
        gelu = node("BiasGelu", [inner, parameter(p + "intermediate.dense.bias")], p + "gelu")
        x = skip_layer_norm(gelu, x, p + "output.dense", p + "output.LayerNorm",
                            "hidden" if layer == _LAYERS - 1 else p + "output.normed")
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
              helper.make_tensor_value_info("attention_mask", TensorProto.FLOAT, ["batch", "tokens"]),
              helper.make_tensor_value_info("positions", TensorProto.INT64, ["tokens"])]
    output = helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", _WIDTH])
    graph = helper.make_graph(nodes, "all-MiniLM-L6-v2", inputs, [output], initializer=weights)
    opsets = [helper.make_opsetid("", _OPSET), helper.make_opsetid(_CONTRIB, 1)]
    return helper.make_model(graph, opset_imports=opsets)


def make_session(tensors: dict[str, Vectors], threads: int = 1) -> Any:
    """An onnxruntime session over the graph of `tensors`, `threads` threads per operator (the
    vectors do not depend on it: tests/test_onnx_encoder.py)."""
    return session_of(build_model(tensors), threads)


def session_of(model: Any, threads: int = 1) -> Any:
    """An onnxruntime session over `model` (a ModelProto) on the CPU, `threads` threads per
    operator, with the memory arena off (it held 400+ MiB after a large run)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.enable_cpu_mem_arena = False
    return ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])


@cache
def packaged_session(threads: int = 1) -> Any:
    """`make_session` over the packaged model's weights, made once per thread count."""
    from commentscope.analysis.embeddings import _load

    return make_session(_load()[1].tensors, threads)


def hidden_states(session: Any, ids: npt.NDArray[np.int64], mask: Vectors) -> Vectors:
    """The encoder's last hidden states for one padded batch (as `embeddings._hidden` gives)."""
    positions = np.arange(ids.shape[1], dtype=np.int64)
    out: Vectors = session.run(["hidden"], {"input_ids": ids, "attention_mask": mask, "positions": positions})[0]
    return out
