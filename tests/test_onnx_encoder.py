"""The MiniLM encoder as an ONNX graph (`onnx_encoder`) against the numpy forward pass.

The graph is checked on random weights of the model's shape, so this runs without the
semantic extra's model package (only `onnx` and `onnxruntime`); with the model installed, the
packaged weights are compared too.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from commentscope.analysis import embeddings

pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

from commentscope.analysis import onnx_encoder

needs_model = pytest.mark.skipif(not embeddings.semantic_available(), reason="semantic extra not installed")
VOCABULARY, POSITIONS, INNER = 40, 24, 96


def random_tensors(seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)

    def normal(*shape: int, scale: float = 0.05) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    tensors = {"embeddings.word_embeddings.weight": normal(VOCABULARY, 384, scale=1.0),
               "embeddings.position_embeddings.weight": normal(POSITIONS, 384, scale=0.5),
               "embeddings.token_type_embeddings.weight": normal(2, 384, scale=0.5),
               "embeddings.LayerNorm.weight": 1 + normal(384), "embeddings.LayerNorm.bias": normal(384)}
    shapes = {"attention.self.query": (384, 384), "attention.self.key": (384, 384),
              "attention.self.value": (384, 384), "attention.output.dense": (384, 384),
              "intermediate.dense": (INNER, 384), "output.dense": (384, INNER)}
    for layer in range(6):
        p = f"encoder.layer.{layer}."
        for name, (rows, cols) in shapes.items():
            tensors[p + name + ".weight"] = normal(rows, cols)
            tensors[p + name + ".bias"] = normal(rows)
        for norm in ("attention.output.LayerNorm", "output.LayerNorm"):
            tensors[p + norm + ".weight"] = 1 + normal(384)
            tensors[p + norm + ".bias"] = normal(384)
    return tensors


def batch(seed: int, rows: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    ids = rng.integers(0, VOCABULARY, (rows, width))
    lengths = rng.integers(1, width + 1, rows)
    mask = (np.arange(width)[None, :] < lengths[:, None]).astype(np.float32)
    return np.where(mask > 0, ids, 0).astype(np.int64), mask


@pytest.mark.parametrize("seed", [0, 1, 2], ids=["seed0", "seed1", "seed2"])
def test_graph_gives_the_numpy_pass_hidden_states(seed: int) -> None:
    tensors = random_tensors(seed)
    ids, mask = batch(seed, rows=5, width=POSITIONS)
    expected = embeddings._hidden(embeddings._Weights(tensors), ids, mask)
    got = onnx_encoder.hidden_states(onnx_encoder.make_session(tensors), ids, mask)
    assert got.shape == expected.shape == (5, POSITIONS, 384)
    real = mask > 0  # padding positions are never pooled
    assert np.abs(got[real] - expected[real]).max() < 1e-4
    pooled_got, pooled_expected = embeddings._pooled(got, mask), embeddings._pooled(expected, mask)
    assert np.abs(pooled_got - pooled_expected).max() < 1e-5


def test_layers_are_written_with_the_fused_operators() -> None:
    ops = Counter(node.op_type for node in onnx_encoder.build_model(random_tensors(0)).graph.node)
    assert (ops["Attention"], ops["SkipLayerNormalization"], ops["BiasGelu"], ops["MatMul"]) == (6, 12, 6, 18)


def test_vectors_do_not_depend_on_threads_or_batch() -> None:
    tensors = random_tensors(3)
    ids, mask = batch(3, rows=16, width=20)
    one, two = onnx_encoder.make_session(tensors, threads=1), onnx_encoder.make_session(tensors, threads=2)
    together = onnx_encoder.hidden_states(one, ids, mask)
    assert np.array_equal(together, onnx_encoder.hidden_states(two, ids, mask))
    alone = embeddings._pooled(onnx_encoder.hidden_states(one, ids[:1], mask[:1]), mask[:1])
    assert np.allclose(alone, embeddings._pooled(together, mask)[:1], atol=1e-6)


def test_numpy_setting_turns_the_engine_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMENTSCOPE_ENCODER", "numpy")
    assert not onnx_encoder.onnx_available()
    monkeypatch.setenv("COMMENTSCOPE_ENCODER", "")
    assert onnx_encoder.onnx_available()


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown embedding engine"):
        embeddings.embed(["Is kefir good for bones?"], engine="torch")


@needs_model
def test_packaged_model_gives_the_same_vectors_both_ways() -> None:
    texts = ["Can I drink alcohol after antibiotics?", "Is kefir good for bones?", "ok", "A " * 40 + "long one?"]
    onnx_vectors = embeddings.embed(texts, engine="onnx")
    numpy_vectors = embeddings.embed(texts, engine="numpy")
    assert np.abs(onnx_vectors - numpy_vectors).max() < 1e-5
    assert np.array_equal(onnx_vectors, embeddings.embed(texts, engine="onnx", threads=1))
