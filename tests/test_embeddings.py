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
