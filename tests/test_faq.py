"""Grouping similar reader questions and ranking the FAQ gaps."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from commentscope.analysis.faq import average_linkage, faq_gaps, group_questions, representative
from commentscope.errors import CommentscopeError
from commentscope.results import FAQ_GAP_COLUMNS

# (doc_id, comment_id, author, question, topics, answered, answered_by, article_coverage)
ROWS = [
    ("a", "a-c1", "Ann", "How much vitamin D should I take each day?", "supplements", False, "", 0.1),
    ("a", "a-c2", "Bob", "What daily dose of vitamin D should I take?", "supplements", True,
     "reader", 0.2),
    ("b", "b-c1", "Cy", "How much vitamin D should I take daily in winter?", "supplements", False,
     "", 0.1),
    ("a", "a-c3", "Dee", "Does fluoride in tap water weaken bones?", "fluoride;water", False, "",
     0.3),
    ("b", "b-c2", "Eve", "Can fluoride in tap water weaken my bones?", "fluoride;water", True,
     "staff", 0.2),
    ("a", "a-c4", "Fay", "Is kefir better than yogurt for probiotics?", "kefir", True, "staff",
     0.1),
    ("b", "b-c3", "Gus", "Do probiotics reduce bone loss after menopause?", "probiotics", False, "",
     0.9),
]
COLUMNS = ["doc_id", "comment_id", "author", "question", "topics", "answered", "answered_by",
           "article_coverage"]


@pytest.fixture
def questions() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=COLUMNS)


def by_comment(frame: pd.DataFrame, groups: pd.Series) -> dict[str, str]:
    return dict(zip(frame["comment_id"], groups, strict=True))


def test_paraphrases_group_and_other_subjects_do_not(questions: pd.DataFrame) -> None:
    groups = by_comment(questions, group_questions(questions))
    assert groups["a-c1"] == groups["a-c2"] == groups["b-c1"]
    assert groups["a-c3"] == groups["b-c2"] != groups["a-c1"]
    assert len({groups["a-c4"], groups["b-c3"], groups["a-c1"], groups["a-c3"]}) == 4


def test_groups_are_numbered_by_rank(questions: pd.DataFrame) -> None:
    groups = by_comment(questions, group_questions(questions))
    assert groups["a-c1"] == "g001"  # three askers
    assert groups["a-c3"] == "g002"  # two askers
    assert groups["b-c3"] == "g003"  # one asker, one unanswered question
    assert groups["a-c4"] == "g004"  # one asker, answered


def test_group_ids_do_not_depend_on_row_order(questions: pd.DataFrame) -> None:
    shuffled = questions.sample(frac=1.0, random_state=7).reset_index(drop=True)
    expected = by_comment(questions, group_questions(questions))
    assert by_comment(shuffled, group_questions(shuffled)) == expected


def test_group_ids_align_with_the_input_index(questions: pd.DataFrame) -> None:
    indexed = questions.set_axis([f"r{i}" for i in range(len(questions))])
    groups = group_questions(indexed)
    assert list(groups.index) == list(indexed.index)
    assert groups.name == "group_id"


def test_average_linkage_does_not_chain() -> None:
    # a~b and b~c, but a and c share nothing: single linkage would put all three together
    similarity = np.array([[1.0, 0.5, 0.0], [0.5, 1.0, 0.5], [0.0, 0.5, 1.0]])
    assert average_linkage(similarity, 0.4) == [0, 0, 2]


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [(0.95, [0, 1, 2, 3]), (0.5, [0, 0, 2, 2]), (0.0, [0, 0, 0, 0])],
    ids=["strict", "pairs", "everything"],
)
def test_average_linkage_threshold(threshold: float, expected: list[int]) -> None:
    similarity = np.array(
        [[1, 0.9, 0.1, 0.0], [0.9, 1, 0.0, 0.1], [0.1, 0.0, 1, 0.8], [0.0, 0.1, 0.8, 1]]
    )
    assert average_linkage(similarity, threshold) == expected


def full_scan_linkage(similarity: np.ndarray, threshold: float) -> list[int]:
    """The reference: rescan the whole matrix for its first maximum before every merge."""
    n = similarity.shape[0]
    work = similarity.astype(np.float64, copy=True)
    np.fill_diagonal(work, -np.inf)
    sizes = np.ones(n)
    labels = list(range(n))
    while n > 1:
        i, j = divmod(int(np.argmax(work)), n)
        if work[i, j] < threshold:
            break
        merged = (sizes[i] * work[i] + sizes[j] * work[j]) / (sizes[i] + sizes[j])
        work[i, :] = merged
        work[:, i] = merged
        work[i, i] = work[j, :] = work[:, j] = -np.inf
        sizes[i] += sizes[j]
        labels = [i if label == j else label for label in labels]
    return labels


@pytest.mark.parametrize(
    ("seed", "size", "levels", "density", "threshold"),
    [(0, 40, 4, 0.1, 0.4), (1, 60, 3, 0.2, 0.3), (2, 80, 8, 0.1, 0.5), (3, 120, 5, 0.05, 0.25),
     (4, 30, 2, 0.2, 0.5), (5, 50, 4, 0.5, 0.0)],
    ids=["40-items", "60-coarse", "80-fine", "120-sparse", "30-binary", "50-all-merge"],
)
def test_average_linkage_merges_like_a_full_scan(seed: int, size: int, levels: int, density: float,
                                                 threshold: float) -> None:
    # Few distinct values make many exact ties, so the tie order is checked too.
    rng = np.random.default_rng(seed)
    values = rng.integers(1, levels + 1, size=(size, size)) / levels
    upper = np.triu(np.where(rng.random((size, size)) < density, values, 0.0), 1)
    similarity = upper + upper.T + np.eye(size)
    expected = full_scan_linkage(similarity, threshold)
    assert 1 <= len(set(expected)) < size  # some merges, whatever the case
    assert average_linkage(similarity, threshold) == expected


@pytest.mark.parametrize("size", [0, 1], ids=["empty", "single"])
def test_average_linkage_of_fewer_than_two_items(size: int) -> None:
    assert average_linkage(np.eye(size), 0.4) == list(range(size))


def test_faq_gaps_rank_open_weakly_covered_groups(questions: pd.DataFrame) -> None:
    gaps = faq_gaps(questions, group_questions(questions), coverage_threshold=0.35)
    assert list(gaps.columns) == FAQ_GAP_COLUMNS
    # the fluoride pair has one unanswered question; kefir is answered by staff; the
    # probiotics question is covered by the article (0.9)
    assert list(gaps["group_id"]) == ["g001", "g002"]
    assert list(gaps["rank"]) == [1, 2]
    first = gaps.iloc[0]
    assert (first["askers"], first["questions"], first["unanswered"]) == (3, 3, 2)
    assert (first["answered_by_staff"], first["answered_by_reader"]) == (0, 1)
    assert first["unanswered_share"] == pytest.approx(2 / 3)
    assert first["article_coverage"] == pytest.approx(0.4 / 3)
    assert first["doc_ids"] == "a;b"
    assert first["comment_ids"] == "a-c1;a-c2;b-c1"
    assert first["topics"] == "supplements"


def test_a_group_answered_only_by_readers_is_a_gap(questions: pd.DataFrame) -> None:
    reader_only = questions[questions["comment_id"] == "a-c2"]
    gaps = faq_gaps(reader_only, group_questions(reader_only))
    assert list(gaps["answered_by_reader"]) == [1]


@pytest.mark.parametrize(
    ("coverage", "answered_by", "expected_rows"),
    [(0.1, "staff", 0), (0.9, "", 0), (0.1, "", 1)],
    ids=["answered-by-staff", "covered-by-article", "open-and-weakly-covered"],
)
def test_gap_candidates(coverage: float, answered_by: str, expected_rows: int) -> None:
    row = ("a", "a-c1", "Ann", "Is kefir safe?", "kefir", bool(answered_by), answered_by, coverage)
    frame = pd.DataFrame([row], columns=COLUMNS)
    assert len(faq_gaps(frame, group_questions(frame))) == expected_rows


def test_ranking_prefers_more_askers_then_more_unanswered_then_lower_coverage() -> None:
    rows = [
        ("a", "c1", "Ann", "Is kefir safe for children?", "kefir", False, "", 0.30),
        ("a", "c2", "Bob", "Does magnesium help sleep at night?", "supplements", False, "", 0.10),
        ("b", "c3", "bob ", "Does magnesium help me sleep at night?", "supplements", False, "", 0.1),
        ("a", "c4", "Cy", "Can strontium cause strokes?", "strontium", False, "", 0.20),
        ("a", "c5", "Dee", "Will walking strengthen my hips?", "exercise", False, "", 0.05),
        ("a", "c6", "Eve", "Will walking strengthen the hips?", "exercise", True, "reader", 0.05),
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    gaps = faq_gaps(frame, group_questions(frame))
    assert list(gaps["askers"]) == [2, 1, 1, 1]  # "Bob" and "bob " are one asker
    assert [q.split()[0:2] for q in gaps["representative_question"]] == [
        ["Will", "walking"], ["Does", "magnesium"], ["Can", "strontium"], ["Is", "kefir"],
    ]


def test_representative_is_closest_to_the_centroid_then_shortest() -> None:
    members = [
        "Is kefir good for bones?",
        "Is kefir good for bones and for gut bacteria?",
        "Is kefir good for the bones?",
    ]
    assert representative(members) == "Is kefir good for bones?"
    assert representative(["kefir bones", "bones kefir!"]) == "kefir bones"


def test_empty_input_gives_empty_tables() -> None:
    empty = pd.DataFrame(columns=COLUMNS)
    groups = group_questions(empty)
    assert groups.empty
    assert list(faq_gaps(empty, groups).columns) == FAQ_GAP_COLUMNS


def test_a_missing_column_is_reported(questions: pd.DataFrame) -> None:
    with pytest.raises(CommentscopeError, match="article_coverage"):
        group_questions(questions.drop(columns=["article_coverage"]))
