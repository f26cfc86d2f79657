"""The whole analysis against the gold labels of the seed pages (targets from the analysis issue)."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

import commentscope
from commentscope.results import Analysis
from gold import SEEDS, gold_comments

TOPICS = ["fluoride", "strontium", "kefir", "supplements", "probiotics", "medication", "diet", "exercise",
          "water", "off_topic"]
USER_TOPICS = ["fluoride", "strontium", "kefir", "supplements"]


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return commentscope.analyze([SEEDS])


@pytest.fixture(scope="module")
def paired(analysis: Analysis) -> list[tuple[dict[str, object], pd.Series]]:
    """Gold comment and our comments.csv row, matched by page and position."""
    rows = analysis.comments.set_index(["doc_id", "position"])
    return [(g, rows.loc[(str(g["doc"]).removesuffix(".txt"), g["index"])]) for g in gold_comments()]


def predicted_topics(row: pd.Series) -> set[str]:
    topics = {t for t in str(row["topics"]).split(";") if t}
    return topics | ({"off_topic"} if row["off_topic"] else set())


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def topic_counts(paired: list[tuple[dict[str, object], pd.Series]]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {t: Counter() for t in TOPICS}
    for gold, row in paired:
        want, got = set(gold["topics"]), predicted_topics(row)  # type: ignore[arg-type]
        for topic in TOPICS:
            key = "tp" if topic in want & got else "fp" if topic in got - want else "fn" if topic in want else None
            if key:
                counts[topic][key] += 1
    return counts


def test_topic_micro_f1_at_least_090(paired: list[tuple[dict[str, object], pd.Series]]) -> None:
    total = sum(topic_counts(paired).values(), Counter())
    assert f1(total["tp"], total["fp"], total["fn"]) >= 0.90


@pytest.mark.parametrize("topic", USER_TOPICS)
def test_user_topic_f1_at_least_090(paired: list[tuple[dict[str, object], pd.Series]], topic: str) -> None:
    c = topic_counts(paired)[topic]
    assert f1(c["tp"], c["fp"], c["fn"]) >= 0.90


def test_is_question_precision_and_recall(paired: list[tuple[dict[str, object], pd.Series]]) -> None:
    tp = sum(bool(g["is_question"]) and bool(r["is_question"]) for g, r in paired)
    fp = sum(not g["is_question"] and bool(r["is_question"]) for g, r in paired)
    fn = sum(bool(g["is_question"]) and not r["is_question"] for g, r in paired)
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.95


def test_answered_and_answered_by_accuracy(paired: list[tuple[dict[str, object], pd.Series]]) -> None:
    asked = [(g, r) for g, r in paired if g["is_question"]]
    answered = sum(bool(r["answered"]) == g["answered"] for g, r in asked)
    by = sum((r["answered_by"] or None) == g["answered_by"] for g, r in asked)
    assert answered / len(asked) >= 0.95
    assert by / len(asked) >= 0.95


def test_staff_detected_on_001_and_nobody_on_000(analysis: Analysis) -> None:
    staff = analysis.commenters[analysis.commenters["is_staff"]]
    assert list(staff["author"]) == ["Vivian Goldschmidt, MA"]
    assert "different readers" in staff["staff_evidence"].iloc[0]
    page_000 = analysis.comments[analysis.comments["doc_id"].str.startswith("000")]
    assert not page_000["author"].isin(staff["author"]).any()


def test_every_table_is_present_and_consistent(analysis: Analysis) -> None:
    assert len(analysis.comments) == 41
    assert set(analysis.questions["comment_id"]) <= set(analysis.comments["comment_id"])
    asked = analysis.comments[analysis.comments["is_question"]]
    assert set(asked["comment_id"]) == set(analysis.questions["comment_id"])
    assert analysis.comments.loc[~analysis.comments["is_question"], "answered"].isna().all()
    assert set(analysis.faq_gaps["group_id"]) <= set(analysis.questions["group_id"])
    assert analysis.topic_summary["comments"].is_monotonic_decreasing
    assert len(analysis.suggested_topics) > 0
