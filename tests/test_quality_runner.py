"""The quality benchmark's runner (`benchmarks/quality.py`) and the labelled sentiment data it
reads (`benchmarks/_sentiment_data.py`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import _sentiment_data  # noqa: E402
import quality  # noqa: E402

WRITTEN = """# Quality on development data

Intro.

| part | measured_on | metric | value | anchor | anchor_value | goal | met |
| --- | --- | --- | --- | --- | --- | --- | --- |
| FAQ grouping | pairs | accuracy | 0.784 | x | 0.750 | ≥ 0.86 | **no** |
| sentiment | reviews | weighted F1 | 0.695 | VADER | 0.479 | > VADER | yes |
| sentiment | sentences | weighted F1 | 0.854 | VADER | 0.779 | > VADER | yes |
| topics | sentences | F1 | 0.917 | before | 0.714 | ≥ 0.85 | yes |

## quality_faq.py (147 s)

FAQ notes.

## quality_sentiment.py (37 s)

Old sentiment notes.

## quality_topics.py (3 s)

Topic notes.
"""


def row(part: str, measured_on: str, value: float) -> dict[str, object]:
    return {"part": part, "measured_on": measured_on, "metric": "weighted F1", "value": value, "anchor": "VADER",
            "anchor_value": 0.5, "goal": "> VADER", "met": True}


def test_only_the_measured_parts_are_replaced_where_they_stood() -> None:
    rows = [row("sentiment", "reviews", 0.7), row("sentiment", "tweets", 0.64), row("sentiment", "comments", 0.61)]
    text, notes = quality.merged(WRITTEN, rows, ["## quality_sentiment.py (30 s)\n\nNew sentiment notes."])
    lines = text.splitlines()
    assert [line.split(" | ")[0].removeprefix("| ") for line in lines[2:]] == [
        "FAQ grouping", "sentiment", "sentiment", "sentiment", "topics"]
    assert "| sentiment | tweets | weighted F1 | 0.640 |" in text
    assert "0.854" not in text and "0.784" in text and "0.917" in text
    assert [n.splitlines()[0] for n in notes] == [
        "## quality_faq.py (147 s)", "## quality_sentiment.py (30 s)", "## quality_topics.py (3 s)"]
    assert notes[1].endswith("New sentiment notes.") and notes[0].endswith("FAQ notes.")


def test_a_part_not_yet_written_is_appended() -> None:
    text, notes = quality.merged(WRITTEN, [row("language", "comments", 1.0)], ["## quality_language.py (9 s)\n\nL."])
    assert text.splitlines()[-1].startswith("| language | comments |")
    assert text.count("| sentiment |") == 2
    assert notes[-1] == "## quality_language.py (9 s)\n\nL." and len(notes) == 4


def test_labelled_comments_are_well_formed_and_folded_by_page() -> None:
    comments = _sentiment_data.reader_comments()
    assert len(comments) >= 500
    assert {c.label for c in comments} == {"negative", "neutral", "positive", "mixed"}
    assert all(c.text.strip() and c.page for c in comments)
    folds = {}
    for c in comments:
        folds.setdefault(c.page, set()).add(_sentiment_data.page_fold(c.page))
    assert all(len(f) == 1 for f in folds.values())  # a page's comments never straddle two folds
    assert {f for fs in folds.values() for f in fs} == set(range(_sentiment_data.PAGE_FOLDS))
    part = _sentiment_data.comments_part(comments, weight=3.0)
    assert "mixed" not in part.labels and part.weight == 3.0
    assert len(part.texts) == sum(c.label != "mixed" for c in comments)


def test_labelled_comments_come_from_the_real_page_gold() -> None:
    gold: dict[str, set[str]] = {}
    for path in ROOT.glob("benchmarks/real*/gold.jsonl"):
        for line in path.read_text("utf-8").splitlines():
            page = json.loads(line)
            texts = gold.setdefault(page["file"], set())
            texts.update(c["text"].strip() for d in page.get("documents", []) for c in d.get("comments", []))
    comments = _sentiment_data.reader_comments()
    assert all(c.text in gold.get(c.page, set()) for c in comments)


def test_tweets_split_into_a_training_and_a_held_out_part() -> None:
    train, held = _sentiment_data.tweets("train"), _sentiment_data.tweets("held_out")
    assert not set(train.texts) & set(held.texts)
    assert 0.15 < len(held.texts) / (len(train.texts) + len(held.texts)) < 0.25
    assert set(train.labels) == set(held.labels) == {"negative", "neutral", "positive"}
