"""The MiniLM encoder as an ONNX graph built from model.safetensors, run by onnxruntime.

No package ships an ONNX export of all-MiniLM-L6-v2 and making one with torch means importing
torch, so the graph is written here with `onnx.helper`: the same BERT encoder as the numpy pass
in `embeddings` (embeddings + layer norm, 6 post-norm layers of 12-head attention and an erf
GELU feed-forward), operator for operator, with the weights as initializers. onnxruntime then
fuses it (attention, layer norm, GELU) and runs it about three times faster than numpy per core
(docs/faq.md, "The embedding engine"). Pooling and normalisation stay in numpy, shared with the
numpy pass. Built in memory on first use (about a second); nothing is written to disk.

Used by `embeddings.embed` when `onnx` and `onnxruntime` are installed (the `semantic` extra
names them); `COMMENTSCOPE_ENCODER=numpy` keeps the numpy pass.
"""

from __future__ import annotations

import importlib.util
import math
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

Vectors = npt.NDArray[np.float32]


def onnx_available() -> bool:
    """Whether the ONNX engine can run: `onnx` and `onnxruntime` importable and not turned off."""
    if os.environ.get("COMMENTSCOPE_ENCODER", "").strip().lower() == "numpy":
        return False
    return all(importlib.util.find_spec(name) is not None for name in ("onnx", "onnxruntime"))


def build_model(tensors: dict[str, Vectors]) -> Any:
    """The encoder's ModelProto: inputs `input_ids` (int64, batch x tokens), `attention_mask`
    (float32, same shape) and `positions` (int64, tokens); output `hidden` (batch x tokens x 384)."""
    from onnx import TensorProto, helper, numpy_helper

    nodes: list[Any] = []
    weights: list[Any] = []

    def constant(name: str, value: npt.NDArray[Any]) -> str:
        weights.append(numpy_helper.from_array(value, name))
        return name

    def node(op: str, inputs: list[str], output: str, **attributes: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [output], **attributes))
        return output

    def dense(x: str, prefix: str) -> str:
        weight = constant(prefix + ".weight.T", np.ascontiguousarray(tensors[prefix + ".weight"].T))
        product = node("MatMul", [x, weight], prefix + ".product")
        return node("Add", [product, constant(prefix + ".bias", tensors[prefix + ".bias"])], prefix + ".out")

    def layer_norm(x: str, prefix: str, out: str) -> str:
        return node("LayerNormalization", [x, constant(prefix + ".weight", tensors[prefix + ".weight"]),
                                           constant(prefix + ".bias", tensors[prefix + ".bias"])],
                    out, axis=-1, epsilon=_EPS)

    head = _WIDTH // _HEADS
    split_shape = constant("split_shape", np.array([0, 0, _HEADS, head], np.int64))
    joined_shape = constant("joined_shape", np.array([0, 0, _WIDTH], np.int64))
    words = node("Gather", [constant("word_embeddings", tensors["embeddings.word_embeddings.weight"]), "input_ids"],
                 "words")
    places = node("Gather", [constant("position_embeddings", tensors["embeddings.position_embeddings.weight"]),
                             "positions"], "places")
    summed = node("Add", [node("Add", [words, places], "words_places"),
                          constant("token_type", tensors["embeddings.token_type_embeddings.weight"][0])], "summed")
    x = layer_norm(summed, "embeddings.LayerNorm", "embedded")
    # (1 - mask) * -1e9, shaped batch x 1 x 1 x tokens, added to every head's scores
    blocked = node("Mul", [node("Sub", [constant("one", np.array(1.0, np.float32)), "attention_mask"], "unmasked"),
                           constant("minus_big", np.array(-1e9, np.float32))], "blocked_flat")
    blocked = node("Unsqueeze", [blocked, constant("blocked_axes", np.array([1, 2], np.int64))], "blocked")
    scale = constant("scale", np.array(1.0 / math.sqrt(head), np.float32))
    for layer in range(_LAYERS):
        p = f"encoder.layer.{layer}."

        def heads(name: str, perm: list[int], x: str = x, p: str = p) -> str:
            shaped = node("Reshape", [dense(x, p + "attention.self." + name), split_shape], p + name + ".heads")
            return node("Transpose", [shaped], p + name + ".t", perm=perm)

        scores = node("MatMul", [heads("query", [0, 2, 1, 3]), heads("key", [0, 2, 3, 1])], p + "scores")
        scores = node("Add", [node("Mul", [scores, scale], p + "scaled"), blocked], p + "masked")
        probabilities = node("Softmax", [scores], p + "probabilities", axis=-1)
        context = node("MatMul", [probabilities, heads("value", [0, 2, 1, 3])], p + "context")
        context = node("Reshape", [node("Transpose", [context], p + "context.t", perm=[0, 2, 1, 3]), joined_shape],
                       p + "context.joined")
        attended = node("Add", [x, dense(context, p + "attention.output.dense")], p + "attended")
        x = layer_norm(attended, p + "attention.output.LayerNorm", p + "attention.normed")
        inner = dense(x, p + "intermediate.dense")
        erf = node("Erf", [node("Mul", [inner, constant(p + "rsqrt2", np.array(1 / math.sqrt(2.0), np.float32))],
                                p + "inner.scaled")], p + "erf")
        gelu = node("Mul", [node("Mul", [inner, constant(p + "half", np.array(0.5, np.float32))], p + "inner.half"),
                            node("Add", [erf, constant(p + "one", np.array(1.0, np.float32))], p + "erf.plus")],
                    p + "gelu")
        out = node("Add", [x, dense(gelu, p + "output.dense")], p + "output.sum")
        x = layer_norm(out, p + "output.LayerNorm", "hidden" if layer == _LAYERS - 1 else p + "output.normed")
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
              helper.make_tensor_value_info("attention_mask", TensorProto.FLOAT, ["batch", "tokens"]),
              helper.make_tensor_value_info("positions", TensorProto.INT64, ["tokens"])]
    output = helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", _WIDTH])
    graph = helper.make_graph(nodes, "all-MiniLM-L6-v2", inputs, [output], initializer=weights)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", _OPSET)])


def make_session(tensors: dict[str, Vectors], threads: int = 1) -> Any:
    """An onnxruntime session over the graph of `tensors`, `threads` threads per operator (the
    vectors do not depend on it: tests/test_onnx_encoder.py)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.enable_cpu_mem_arena = False
    serialized = build_model(tensors).SerializeToString()
    return ort.InferenceSession(serialized, options, providers=["CPUExecutionProvider"])


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
