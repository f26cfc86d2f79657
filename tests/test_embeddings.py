"""The numpy MiniLM forward pass and the choice of question similarity."""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
import pytest

from commentscope.analysis import embeddings
from commentscope.analysis.question_similarity import LexicalSimilarity, SemanticSimilarity, default_similarity

needs_model = pytest.mark.skipif(not embeddings.semantic_available(), reason="semantic extra not installed")


def test_erf_matches_the_standard_library() -> None:
    x = np.linspace(-4.0, 4.0, 801, dtype=np.float32)
    expected = np.array([math.erf(float(v)) for v in x])
    assert np.abs(embeddings._erf(x) - expected).max() < 5e-7


@needs_model
def test_embeddings_are_unit_length_and_independent_of_batching() -> None:
    texts = ["Can I drink alcohol after antibiotics?", "Is kefir good for bones?", "ok", "A " * 40 + "long one?"]
    together = embeddings.embed(texts)
    one_by_one = np.vstack([embeddings.embed([t]) for t in texts])
    assert together.shape == (4, 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert np.allclose(together, one_by_one, atol=1e-5)


@needs_model
def test_copies_are_embedded_once_and_get_one_vector(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    pooled = embeddings._pooled
    monkeypatch.setattr(embeddings, "_pooled", lambda hidden, mask: seen.append(len(mask)) or pooled(hidden, mask))
    texts = ["Is kefir good for bones?", "ok", "Is kefir good for bones?", "ok", "Does it help?"]
    vectors = embeddings.embed(texts)
    assert sum(seen) == 3
    assert np.array_equal(vectors[0], vectors[2]) and np.array_equal(vectors[1], vectors[3])
    assert np.array_equal(vectors[[0, 1, 4]], embeddings.embed(["Is kefir good for bones?", "ok", "Does it help?"]))


@needs_model
def test_texts_are_tokenised_in_chunks_with_the_same_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Can I drink alcohol after antibiotics?", "ok", "", "A " * 300 + "long one?", "Is kefir good?"] * 3
    tokenizer = embeddings._load()[0]
    whole = [e.ids for e in tokenizer.encode_batch(texts)]
    monkeypatch.setattr(embeddings, "ENCODE_CHUNK", 4)  # chunks of 4, 4, 4 and 3 texts
    flat, starts = embeddings._token_ids(texts)
    assert [flat[a:b].tolist() for a, b in pairwise(starts)] == whole
    assert max(len(ids) for ids in whole) == embeddings.MAX_TOKENS  # truncated as before
    assert np.allclose(embeddings.embed(texts), embeddings.embed(texts[::-1])[::-1], atol=1e-5)


@needs_model
def test_paraphrase_is_closer_than_another_subject() -> None:
    a, b, c = embeddings.embed([
        "How much vitamin D should I take every day?",
        "What daily dose of vitamin D do you recommend?",
        "Does walking help with knee pain?",
    ])
    assert float(a @ b) > float(a @ c) + 0.3


@pytest.mark.parametrize(
    ("setting", "expected"), [("lexical", LexicalSimilarity), ("", None)], ids=["lexical", "unset"]
)
def test_default_similarity_follows_the_setting(monkeypatch: pytest.MonkeyPatch, setting: str,
                                                expected: type | None) -> None:
    monkeypatch.setenv("COMMENTSCOPE_SIMILARITY", setting)
    wanted = expected or (SemanticSimilarity if embeddings.semantic_available() else LexicalSimilarity)
    assert isinstance(default_similarity(), wanted)


def test_missing_extra_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings, "semantic_available", lambda: False)
    with pytest.raises(embeddings.SemanticModelMissingError, match=r"commentscope\[semantic\]"):
        embeddings.model_dir()


def test_the_adapter_adds_its_scaled_low_rank_product_to_the_weights_it_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(2, 5)).astype(np.float16), rng.normal(size=(3, 2)).astype(np.float16)
    path = tmp_path / "adapter.npz"
    np.savez(path, rank=np.array(2), alpha=np.array(4), **{"layer.q.A": a, "layer.q.B": b})
    weight, other = rng.normal(size=(3, 5)).astype(np.float32), np.ones((3, 5), dtype=np.float32)
    tensors = {"layer.q.weight": weight.copy(), "layer.k.weight": other.copy()}
    embeddings._adapt(tensors, path)
    expected = weight + 2.0 * (b.astype(np.float32) @ a.astype(np.float32))
    assert np.allclose(tensors["layer.q.weight"], expected, atol=1e-6)
    assert np.array_equal(tensors["layer.k.weight"], other)


def test_the_adapter_file_can_be_named_or_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(embeddings.ADAPTER_ENV, "none")
    assert embeddings.adapter_path() is None
    monkeypatch.setenv(embeddings.ADAPTER_ENV, "/somewhere/adapter.npz")
    assert str(embeddings.adapter_path()) == "/somewhere/adapter.npz"
    monkeypatch.delenv(embeddings.ADAPTER_ENV)
    assert embeddings.adapter_path() is not None and embeddings.adapter_path().name == "faq_encoder_adapter.npz"


def test_the_packaged_adapter_names_every_linear_map_of_the_six_layers_at_its_rank() -> None:
    path = embeddings.adapter_path()
    assert path is not None and path.exists()
    with np.load(path) as adapter:
        rank = int(adapter["rank"])
        names = {key[:-2] for key in adapter.files if key.endswith((".A", ".B"))}
        assert len(names) == 6 * 6
        for name in names:
            a, b = adapter[f"{name}.A"], adapter[f"{name}.B"]
            assert a.shape[0] == rank and b.shape[1] == rank and np.abs(b).max() > 0  # trained, not the zero start
        assert adapter["encoder.layer.0.intermediate.dense.B"].shape == (1536, rank)


@needs_model
def test_the_adapter_changes_the_vectors_and_can_be_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["How soon after antibiotics can I drink?", "Is kefir good for bones?"]

    def fresh() -> np.ndarray:
        embeddings.forget_model()
        return embeddings.embed(texts)

    try:
        tuned = fresh()
        monkeypatch.setenv(embeddings.ADAPTER_ENV, "none")
        bare = fresh()
    finally:
        monkeypatch.delenv(embeddings.ADAPTER_ENV, raising=False)
        embeddings.forget_model()
    assert np.allclose(np.linalg.norm(bare, axis=1), 1.0, atol=1e-5)
    assert float(np.abs(tuned - bare).max()) > 1e-3
