"""Corpus tables built from per-document rows: commenters and per-page figures."""

from __future__ import annotations

import pandas as pd
import pytest

from commentscope.analysis.answers import StaffMember
from commentscope.results import COMMENTER_COLUMNS
from commentscope.summaries import commenters, document_figures

# (doc_id, comment_id, parent_id, author, is_question, topics, combined)
COMMENTS = [
    ("a", "a-1", "", "Ann", True, "kefir;diet", 0.5),
    ("a", "a-2", "a-1", "Bob", False, "kefir", 0.25),
    ("a", "a-3", "a-1", "", False, "", -0.5),  # an anonymous reply counts for Ann
    ("a", "a-4", "a-2", "Ann", False, "diet", 0.0),
    ("a", "a-5", "a-1", "Ann", False, "", 0.0),  # Ann answering herself does not
    ("b", "b-1", "", "Bob", True, "water", -0.25),
    ("b", "b-2", "b-1", "Sue Staff", False, "water", 0.75),
]
STAFF = {"Sue Staff": StaffMember("Sue Staff", "named with --staff")}


@pytest.fixture
def comments() -> pd.DataFrame:
    columns = ["doc_id", "comment_id", "parent_id", "author", "is_question", "topics", "combined"]
    return pd.DataFrame(COMMENTS, columns=columns)


def test_commenters_count_documents_comments_replies_and_questions(comments: pd.DataFrame) -> None:
    table = commenters(comments, STAFF)
    assert list(table.columns) == COMMENTER_COLUMNS
    assert table.to_dict("records") == [
        {"author": "Ann", "documents": 1, "comments": 3, "replies_received": 2, "questions": 1,
         "is_staff": False, "staff_evidence": ""},
        {"author": "Bob", "documents": 2, "comments": 2, "replies_received": 2, "questions": 1,
         "is_staff": False, "staff_evidence": ""},
        {"author": "Sue Staff", "documents": 1, "comments": 1, "replies_received": 0, "questions": 0,
         "is_staff": True, "staff_evidence": "named with --staff"},
    ]


def test_a_comment_id_on_two_pages_counts_replies_for_both_authors(comments: pd.DataFrame) -> None:
    # Parsed ids are unique; in a table that reuses one (Bob's b-1 renamed a-1, like Ann's), a
    # reply to that id counts for each author who wrote one: a-3 and a-5 now count for Bob too,
    # and Sue's b-2 for Ann.
    reused = comments.replace({"b-1": "a-1"})
    received = commenters(reused, STAFF).set_index("author")["replies_received"]
    assert received.to_dict() == {"Ann": 3, "Bob": 4, "Sue Staff": 0}


def test_document_figures_per_page(comments: pd.DataFrame) -> None:
    documents = pd.DataFrame({"doc_id": ["a", "b", "quiet"], "title": ["A", "B", "Quiet"]})
    questions = pd.DataFrame({"doc_id": ["a", "b", "b"], "answered": [True, False, None]})
    table = document_figures(documents, comments, questions, STAFF)
    assert list(table["doc_id"]) == ["a", "b", "quiet"]
    assert list(table["commenters"]) == [2, 2, 0]
    assert list(table["questions"]) == [1, 2, 0]
    assert list(table["unanswered"]) == [0, 2, 0]
    assert list(table["staff_replies"]) == [0, 1, 0]
    assert list(table["mean_sentiment"][:2]) == [0.05, 0.25]
    assert table["mean_sentiment"].isna().tolist() == [False, False, True]
    assert list(table["top_topics"]) == ["diet; kefir", "water", ""]
