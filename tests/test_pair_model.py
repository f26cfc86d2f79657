"""The FAQ pair model: packaged heads, features and scores."""

from __future__ import annotations

import math
import re
from itertools import pairwise

import numpy as np
import pytest

from commentscope.analysis.pair_model import (
    FEWEST_CAP,
    LEXICAL_FEATURES,
    SHARED_CAP,
    PairHead,
    _row_sums,
    _tfidf,
    lexical_features,
    packaged_head,
    pair_features,
    pair_probabilities,
    question_word,
)
from commentscope.analysis.question_terms import QuestionTerms
from commentscope.analysis.similarity import TfidfSpace, content_terms
from commentscope.analysis.taxonomy import load_taxonomy
from commentscope.analysis.term_rows import TermRows
from commentscope.analysis.topics import TopicMatcher
from commentscope.errors import CommentscopeError
from commentscope.text import words

TEXTS = [
    "How much vitamin D should I take every day?",
    "What daily dose of vitamin D should I take?",
    "Does vitamin D interact with my blood pressure pills?",
    "Is it safe not to take vitamin D in summer?",
]


def index(*values: int) -> np.ndarray:
    return np.array(values, dtype=np.int64)


@pytest.mark.parametrize(
    ("name", "features"),
    [("semantic", ("cosine", *LEXICAL_FEATURES)), ("lexical", LEXICAL_FEATURES)],
    ids=["semantic", "lexical"],
)
def test_packaged_heads_name_their_features(name: str, features: tuple[str, ...]) -> None:
    head = packaged_head(name)
    assert head.features == features
    assert len(head.coef) == len(head.mean) == len(head.scale) == len(features)
    assert 0.0 < head.threshold < 1.0


def test_an_unknown_head_is_reported() -> None:
    with pytest.raises(CommentscopeError, match="no head 'other'"):
        packaged_head("other")


def test_a_head_survives_a_round_trip_through_json() -> None:
    head = packaged_head("lexical")
    again = PairHead.from_json(head.to_json())
    features = lexical_features(TEXTS, index(0, 0), index(1, 2))
    assert np.allclose(again.probability(features), head.probability(features))


def test_lexical_head_scores_a_rewording_above_another_question_on_the_subject() -> None:
    head = packaged_head("lexical")
    same, other = head.probability(lexical_features(TEXTS, index(0, 0), index(1, 2)))
    assert same > other


def test_semantic_head_rises_with_the_cosine() -> None:
    head = packaged_head("semantic")
    vectors = np.eye(4, 3, dtype=np.float32)
    vectors[1] = np.array([0.6, 0.8, 0.0], dtype=np.float32)  # cosine 0.6 with row 0, 0.0 with row 2
    features = pair_features(TEXTS, index(0, 0), index(1, 2), vectors)
    assert features[:, 0].tolist() == pytest.approx([0.6, 0.0])
    features[:, 1:] = features[0, 1:]  # same word overlap: only the cosine differs
    close, far = head.probability(features)
    assert close > far


@pytest.mark.parametrize(
    ("left", "right", "column", "expected"),
    [
        (0, 1, "same_negation", 1.0),
        (0, 3, "same_negation", 0.0),
        (0, 0, "word_jaccard", 1.0),
        (0, 0, "length_ratio", 1.0),
        (0, 1, "shared_stems", 3.0),  # d, take, vitamin
        (1, 2, "fewest_stems", 5.0),  # d, daili, dose, take, vitamin against six
        (2, 2, "shared_stems", 6.0),
    ],
    ids=["neither-negated", "one-negated", "identical-words", "same-length", "shared-stems", "fewest-stems",
         "identical-six"],
)
def test_lexical_features(left: int, right: int, column: str, expected: float) -> None:
    row = lexical_features(TEXTS, index(left), index(right))[0]
    assert row[LEXICAL_FEATURES.index(column)] == pytest.approx(expected)


def test_no_pairs_give_no_rows() -> None:
    features = pair_features(TEXTS, index(), index(), np.zeros((4, 3), dtype=np.float32))
    assert features.shape == (0, 1 + len(LEXICAL_FEATURES))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I have had a cough for weeks. Should I see a doctor?", "should"),
        ("My son is 4. How often can he take ibuprofen?", "how"),
        ("Please help, my knee hurts after running", ""),
    ],
    ids=["last-question-sentence", "second-sentence", "no-question-word"],
)
def test_question_word(text: str, expected: str) -> None:
    assert question_word(text) == expected


@pytest.mark.parametrize("vectors", [None, np.eye(4, dtype=np.float32)], ids=["lexical", "semantic"])
def test_probabilities_in_blocks_equal_those_of_the_whole_feature_matrix(
    vectors: np.ndarray | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import commentscope.analysis.pair_model as pair_model

    head = packaged_head("lexical" if vectors is None else "semantic")
    left, right = np.repeat(np.arange(4), 4), np.tile(np.arange(4), 4)
    whole = head.probability(pair_features(TEXTS, left, right, vectors))
    monkeypatch.setattr(pair_model, "_BLOCK", 8)
    assert np.array_equal(pair_probabilities(head, TEXTS, left, right, vectors), whole)


def reference_features(texts: list[str], a: int, b: int) -> list[float]:
    """`LEXICAL_FEATURES` of one pair, from the texts with sets, dicts and `TfidfSpace`."""
    matcher = TopicMatcher(load_taxonomy())

    def jaccard(x: set[str], y: set[str]) -> float:
        return len(x & y) / len(x | y) if x | y else 0.0

    wa, wb = set(words(texts[a])), set(words(texts[b]))
    sa, sb = set(content_terms(texts[a])), set(content_terms(texts[b]))
    ta, tb = ({t.casefold() for t in matcher.found_terms(texts[k])} for k in (a, b))
    la, lb = len(words(texts[a])), len(words(texts[b]))
    negated = [re.search(r"\b(?:not|no|never|without|cannot|\w+n't)\b", texts[k], re.I) is not None for k in (a, b)]
    return [jaccard(wa, wb), jaccard(sa, sb), TfidfSpace(texts).similarity(texts[a], texts[b]), jaccard(ta, tb),
            float(bool(ta) and bool(tb) and not ta & tb), float(question_word(texts[a]) == question_word(texts[b])),
            float(negated[0] == negated[1]), min(la, lb) / max(1, la, lb), min(len(sa & sb), SHARED_CAP),
            min(len(sa), len(sb), FEWEST_CAP)]


def test_lexical_features_equal_those_computed_from_the_texts_one_pair_at_a_time() -> None:
    texts = [*TEXTS, "I'm on warfarin. Can I take ibuprofen for my back pain?", "Is aspirin safe with warfarin?", ""]
    left, right = np.triu_indices(len(texts), k=1)
    found = lexical_features(texts, left.astype(np.int64), right.astype(np.int64))
    for row, (a, b) in enumerate(zip(left.tolist(), right.tolist(), strict=True)):
        assert found[row].tolist() == pytest.approx(reference_features(texts, a, b), abs=1e-12)


def test_row_sums_add_left_to_right_as_python_sums_a_list() -> None:
    rng = np.random.default_rng(7)
    sizes = rng.integers(0, 40, 300)
    starts = np.r_[0, np.cumsum(sizes)]
    values = rng.random(int(starts[-1])) * 10.0 ** rng.integers(-8, 8, int(starts[-1]))  # bits that order moves
    found = _row_sums(values, TermRows(starts, np.zeros(len(values), np.int32)))
    spans = list(pairwise(starts.tolist()))
    assert found.tolist() == [sum(values[s:e].tolist()) for s, e in spans]  # exactly: no pairwise summation
    assert found.tolist() != [float(np.sum(values[s:e])) for s, e in spans]


def test_tfidf_rows_order_stems_as_the_members_first_name_them() -> None:
    texts = ["Kefir or yogurt for bone loss?", "Does bone density rise with kefir kefir?", "Yogurt and strontium?",
             "Fluoride in water, bones and teeth?", ""]
    terms = QuestionTerms.of(texts)
    members = [1, 2]
    rows = terms.rows("content")
    entries = [rows.ids[rows.starts[r] : rows.starts[r + 1]].tolist() for r in range(len(texts))]
    counts = np.frombuffer(terms.counts, dtype=np.int32).tolist()
    rank: dict[int, int] = {}
    for member in members:
        for term in entries[member]:
            rank.setdefault(term, len(rank))
    frequency = np.bincount(rows.ids, minlength=len(terms.vocabulary))
    stems, weights = _tfidf(terms, np.array(members, dtype=np.int64))
    for row, terms_of_row in enumerate(entries):
        at = int(rows.starts[row])
        raw = [(1.0 + math.log(counts[at + k])) * (math.log(6 / (1.0 + frequency[t])) + 1.0)
               for k, t in enumerate(terms_of_row)]
        norm = math.sqrt(sum(r * r for r in raw))
        expected = sorted(((rank.get(t, len(rank)), t), r / norm) for t, r in zip(terms_of_row, raw, strict=True))
        span = slice(int(stems.starts[row]), int(stems.starts[row + 1]))
        assert stems.ids[span].tolist() == [key[0] for key, _ in expected]
        assert weights[span].tolist() == [w for _, w in expected]  # the same bits
    assert len(rank) < len({t for row in entries for t in row})  # some stems are unnamed by the members
