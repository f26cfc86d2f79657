"""BM25 and TF-IDF cosine over stemmed content words."""

from __future__ import annotations

import math

import pytest

from commentscope.analysis.similarity import (
    Bm25Index,
    TfidfSpace,
    content_terms,
    cosine,
    term_vector,
)

PASSAGES = [
    "Probiotics restore the gut microbiome after a course of antibiotics.",
    "Fluoride in drinking water may weaken bones over many years.",
    "Exercise and weight bearing walks improve bone density.",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The probiotics are working", ["probiot", "work"]),
        ("I took 2 tablets in 2016", ["took", "tablet"]),
        ("Vitamin K2 and D3", ["vitamin", "k2", "d3"]),
        ("and the of it", []),
    ],
    ids=["stems-without-stopwords", "bare-numbers-dropped", "alphanumerics-kept", "only-stopwords"],
)
def test_content_terms(text: str, expected: list[str]) -> None:
    assert content_terms(text) == expected


def test_bm25_ranks_the_passage_that_shares_the_query_terms_first() -> None:
    scores = Bm25Index(PASSAGES).scores("Does fluoride in water hurt my bones?")
    assert len(scores) == len(PASSAGES)
    assert max(range(len(scores)), key=scores.__getitem__) == 1
    assert scores[0] == 0.0


def test_bm25_prefers_the_shorter_passage_for_the_same_term_frequency() -> None:
    short = "kefir helps"
    long = "kefir helps " + " ".join(f"filler{i}" for i in range(30))
    scores = Bm25Index([short, long, "unrelated text here"]).scores("kefir")
    assert scores[0] > scores[1] > 0.0


def test_bm25_weighs_a_rare_term_above_a_common_one() -> None:
    index = Bm25Index(["bone kefir", "bone loss", "bone density", "bone strength"])
    assert index.idf("kefir") > index.idf("bone") > 0.0
    scores = index.scores("kefir bone")
    assert scores[0] == max(scores)


@pytest.mark.parametrize(
    ("passages", "query", "expected"),
    [([], "kefir", []), (PASSAGES, "the and of", [0.0, 0.0, 0.0])],
    ids=["no-passages", "query-without-content-words"],
)
def test_bm25_edge_cases(passages: list[str], query: str, expected: list[float]) -> None:
    assert Bm25Index(passages).scores(query) == expected


def test_tfidf_vectors_are_unit_length_and_sorted() -> None:
    vector = TfidfSpace(PASSAGES).vector("probiotics probiotics and the gut")
    assert math.isclose(sum(w * w for w in vector.values()), 1.0)
    assert list(vector) == sorted(vector)


def test_tfidf_unseen_term_gets_the_highest_idf() -> None:
    space = TfidfSpace(PASSAGES)
    assert space.idf("kefir") == space.unseen_idf > space.idf("bone")


def test_tfidf_paraphrase_is_closer_than_an_unrelated_text() -> None:
    space = TfidfSpace(PASSAGES)
    question = "Do probiotics help the gut after antibiotics?"
    assert space.similarity(question, PASSAGES[0]) > space.similarity(question, PASSAGES[1])
    assert space.similarity(question, PASSAGES[1]) == 0.0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ({"a": 1.0, "b": 2.0}, {"a": 1.0, "b": 2.0}, 1.0),
        ({"a": 1.0}, {"b": 1.0}, 0.0),
        ({}, {"a": 1.0}, 0.0),
        ({"a": 1.0, "b": 1.0}, {"a": 1.0}, 1 / math.sqrt(2)),
    ],
    ids=["identical", "disjoint", "empty", "half-shared"],
)
def test_cosine(a: dict[str, float], b: dict[str, float], expected: float) -> None:
    assert math.isclose(cosine(a, b), expected, abs_tol=1e-12)


def test_term_vector_is_sublinear_in_counts() -> None:
    vector = term_vector("kefir kefir kefir yogurt")
    assert math.isclose(vector["kefir"], 1.0 + math.log(3))
    assert vector["yogurt"] == 1.0
