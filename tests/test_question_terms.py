"""Question descriptions read in the map step: stored, merged and selected without loss."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis.faq import group_questions
from commentscope.analysis.pair_model import pair_features
from commentscope.analysis.question_similarity import LexicalSimilarity
from commentscope.analysis.question_terms import DescribedTexts, Description, QuestionTerms
from commentscope.engine.page import PageOutput, Settings, map_page
from commentscope.engine.reducers import QuestionsReducer
from commentscope.engine.run import _matcher, read_item, tasks

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from make_corpus import write_corpus

TEXTS = [
    "I take warfarin every day. Can I drink alcohol with it?",
    "How much vitamin D should I take in winter?",
    "What daily dose of vitamin D should I take? I'm not sure.",
    "Is it safe not to take my blood pressure pills in summer?",
    "",
    "Does ibuprofen interact with warfarin? Never had a problem with aspirin.",
    "How much vitamin D should I take in winter?",
    "Can my child take melatonin to sleep, and how much?",
]
texts = st.lists(st.sampled_from(TEXTS), min_size=1, max_size=12)


@pytest.mark.parametrize("text", TEXTS, ids=[f"text{k}" for k in range(len(TEXTS))])
def test_a_stored_description_reads_back_as_the_text_describes(text: str) -> None:
    terms = QuestionTerms.of(["Something else first?", text])
    assert terms.description(1) == Description.of(text)


@settings(max_examples=25, deadline=None)
@given(first=texts, then=texts)
def test_merged_descriptions_equal_those_added_in_one_go(first: list[str], then: list[str]) -> None:
    merged = QuestionTerms.of(first)
    merged.merge(pickle.loads(pickle.dumps(QuestionTerms.of(then))))  # as a worker's chunk arrives
    whole = QuestionTerms.of(first + then)
    assert [merged.description(k) for k in range(len(merged))] == [Description.of(t) for t in first + then]
    assert merged.vocabulary == whole.vocabulary
    for kind in ("words", "content", "topic_terms"):
        assert np.array_equal(merged.rows(kind).ids, whole.rows(kind).ids)


def test_select_keeps_the_chosen_descriptions_in_the_given_order() -> None:
    terms = QuestionTerms.of(TEXTS)
    chosen = terms.select([5, 0, 2])
    assert [chosen.description(k) for k in range(3)] == [Description.of(TEXTS[k]) for k in (5, 0, 2)]


def test_described_texts_must_align() -> None:
    with pytest.raises(ValueError, match="3 texts but 2 descriptions"):
        DescribedTexts(TEXTS[:3], QuestionTerms.of(TEXTS[:2]))


def test_features_from_stored_descriptions_equal_those_from_the_texts() -> None:
    terms = QuestionTerms.of(TEXTS[:4])
    terms.merge(QuestionTerms.of(TEXTS[4:]))
    left, right = np.triu_indices(len(TEXTS), k=1)
    stored = pair_features(DescribedTexts(TEXTS, terms), left.astype(np.int64), right.astype(np.int64))
    fresh = pair_features(TEXTS, left.astype(np.int64), right.astype(np.int64))
    assert np.array_equal(stored, fresh)


def test_lexical_pairs_from_stored_descriptions_equal_those_from_the_texts() -> None:
    similarity = LexicalSimilarity()
    stored = similarity.pairs(DescribedTexts(TEXTS, QuestionTerms.of(TEXTS)))
    fresh = similarity.pairs(TEXTS)
    assert len(fresh) > 0
    for name in ("left", "right", "similarity", "copy_of"):
        assert np.array_equal(getattr(stored, name), getattr(fresh, name))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[PageOutput]:
    """A few generated pages with reader questions, mapped as a worker maps them."""
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root, 6, 12, seed=3)
    matcher, settings = _matcher(None, False), Settings()
    return [map_page(result, matcher, settings)
            for task in tasks([root], settings) for item in task.items for result in read_item(item)]


def test_questions_reducer_stores_what_grouping_compares(pages: list[PageOutput],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMENTSCOPE_SIMILARITY", "lexical")
    reducer, later = QuestionsReducer(), QuestionsReducer()
    for page in pages[:3]:
        reducer.add(page)
    for page in pages[3:]:
        later.add(page)
    reducer.merge(pickle.loads(pickle.dumps(later)))
    assert len(reducer.terms) == len(reducer.context) > 10
    assert [reducer.terms.description(k) for k in range(len(reducer.terms))] == [
        Description.of(text) for text in reducer.context]
    questions, _ = reducer.finish()
    eligible = pd.Series(reducer.eligible, index=questions.index)
    context = pd.Series(reducer.context, index=questions.index)
    from_texts = group_questions(questions[eligible].drop(columns="group_id"), context=context[eligible])
    assert questions.loc[eligible, "group_id"].equals(from_texts.rename("group_id"))
    assert (questions.loc[eligible, "group_id"] != "").all()


@pytest.mark.parametrize(("first", "then"), [([], []), (TEXTS[:2], []), ([], TEXTS[:2])],
                         ids=["both-empty", "later-empty", "earlier-empty"])
def test_a_chunk_without_questions_merges(first: list[str], then: list[str]) -> None:
    merged = QuestionTerms.of(first)
    merged.merge(QuestionTerms.of(then))
    assert [merged.description(k) for k in range(len(merged))] == [Description.of(t) for t in first + then]
    assert len(merged.select(list(range(len(merged))))) == len(first + then)


def test_select_gives_the_same_in_blocks_of_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    terms = QuestionTerms.of(TEXTS * 3)
    chosen = [7, 1, 1, 20, 4, 0, 13]
    whole = terms.select(chosen)
    monkeypatch.setattr("commentscope.analysis.question_terms._SELECT_BLOCK", 2)
    blocked = terms.select(chosen)
    assert [blocked.description(k) for k in range(len(chosen))] == [whole.description(k) for k in range(len(chosen))]
    for kind in ("words", "content", "topic_terms"):
        assert blocked.rows(kind).ids.dtype == np.int32
        assert np.array_equal(blocked.rows(kind).ids, whole.rows(kind).ids)
