"""The FAQ-gap summaries give what a per-group pandas frame and a TF-IDF space would, bit for bit."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis.faq_material import is_faq_material
from commentscope.analysis.faq_summary import (
    GroupSummary,
    QuestionColumns,
    asker_keys,
    mean_coverage,
    representative,
    shown_once,
    stands_alone,
    topic_order,
)
from commentscope.analysis.similarity import SparseVector, TfidfSpace, cosine

WORDS = ["vitamin", "dose", "daily", "it", "this", "kefir", "bloating", "how", "much", "should", "take",
         "winter", "bones", "water", "fluoride", "yogurt", "better", "can", "I", "anyone", "else", "tried"]
question_texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9).map(lambda ws: " ".join(ws) + "?")


def _representative_by_tfidf_space(questions: Sequence[str]) -> str:
    """The representative as a `TfidfSpace` over the group and `similarity.cosine` give it."""
    space = TfidfSpace(questions)
    vectors = [space.vector(q) for q in questions]
    centroid: SparseVector = {}
    for vector in vectors:
        for term, weight in vector.items():
            centroid[term] = centroid.get(term, 0.0) + weight / len(vectors)
    closeness = [round(cosine(v, centroid), 9) for v in vectors]
    alone = [stands_alone(q) and is_faq_material(q) for q in questions]
    return questions[min(range(len(questions)), key=lambda k: (not alone[k], -closeness[k], len(questions[k]), k))]


@settings(max_examples=150, deadline=None)
@given(st.lists(question_texts, min_size=1, max_size=6).flatmap(
    lambda texts: st.lists(st.sampled_from(texts), min_size=1, max_size=15)))
def test_representative_is_the_tfidf_spaces_choice(questions: list[str]) -> None:
    """Repeated wordings (vectors made once, the centroid still summed member by member) and
    groups of one wording (no space at all) choose as the whole space would."""
    assert representative(questions) == _representative_by_tfidf_space(questions)


coverages = st.lists(st.one_of(st.just(math.nan), st.floats(0.0, 1.0)), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(coverages)
def test_mean_coverage_is_the_pandas_mean(values: list[float]) -> None:
    found, expected = mean_coverage(np.array(values)), float(pd.Series(values, dtype=float).mean())
    assert found == expected or (math.isnan(found) and math.isnan(expected))


def _gap(group_id: str, representative_question: str, doc_ids: str, comment_ids: str) -> GroupSummary:
    return GroupSummary(group_id, representative_question, "", 1, 1, 1, 0, 0, 1.0, 0.0, doc_ids, comment_ids, True)


def _shown_once_by_scanning(gaps: list[GroupSummary], asked: dict[str, list[str]]) -> list[GroupSummary]:
    kept: list[GroupSummary] = []
    for gap in gaps:
        if not any(";" not in gap.comment_ids and (shown.doc_ids, shown.comment_ids) == (gap.doc_ids, gap.comment_ids)
                   and all(q in shown.representative_question for q in asked[gap.group_id]) for shown in kept):
            kept.append(gap)
    return kept


SHOWN = ["Where did it go?", "Did you remove it?", "Now I can't find it. Where did it go?", "Is it back?"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SHOWN), st.sampled_from(["p", "q"]), st.sampled_from(["c1", "c2", "c1;c2"]),
                          st.lists(st.sampled_from(SHOWN), min_size=1, max_size=2)), max_size=12))
def test_shown_once_keeps_what_scanning_every_kept_gap_keeps(
        rows: list[tuple[str, str, str, list[str]]]) -> None:
    gaps = [_gap(f"g{k}", shown, doc, comments) for k, (shown, doc, comments, _) in enumerate(rows)]
    asked = {f"g{k}": questions for k, (*_, questions) in enumerate(rows)}
    assert shown_once(gaps, asked) == _shown_once_by_scanning(gaps, asked)


def test_one_comment_is_listed_once() -> None:
    gaps = [_gap("g1", "Now I can't find it. Where did it go?", "p", "c1"), _gap("g2", "Where did it go?", "p", "c1"),
            _gap("g3", "Where did it go?", "p", "c2")]
    asked = {"g1": [], "g2": ["Where did it go?"], "g3": ["Where did it go?"]}
    assert [g.group_id for g in shown_once(gaps, asked)] == ["g1", "g3"]


TOPIC_CASES = {
    "most-frequent-first": (["kefir;yogurt", "yogurt", "kefir ; yogurt"], ["yogurt", "kefir"]),
    "ties-by-name": (["b", "a"], ["a", "b"]),
    "once-per-question": (["a;a", "b", "b"], ["b", "a"]),
    "empty-cells": (["", " ; "], []),
}


@pytest.mark.parametrize(("cells", "expected"), TOPIC_CASES.values(), ids=TOPIC_CASES.keys())
def test_topic_order(cells: list[str], expected: list[str]) -> None:
    assert topic_order(cells) == expected


def test_asker_keys_fold_names_and_keep_anonymous_questions_apart() -> None:
    assert asker_keys([" Ann ", "ANN", None, "", math.nan], ["c1", "c2", "c3", "c4", "c5"]) == [
        "ann", "ann", "#c3", "#c4", "#c5"]


def test_columns_clean_missing_cells() -> None:
    frame = pd.DataFrame({
        "doc_id": ["p", "p"], "comment_id": ["c1", "c2"], "author": ["Ann", None], "question": ["Why?", "How?"],
        "topics": ["kefir", None], "answered": pd.Series([True, None], dtype=object), "answered_by": ["staff", None],
        "article_coverage": [0.5, math.nan],
    })
    columns = QuestionColumns.of(frame)
    assert (columns.answered, columns.answered_by, columns.topics, columns.askers, columns.asked_of) == (
        [True, False], ["staff", ""], ["kefir", ""], ["ann", "#c2"], None)
    assert Counter(np.isnan(columns.coverage).tolist()) == Counter({False: 1, True: 1})
