"""Quality of question detection on real reader comments labelled by hand.

Labels: benchmarks/labels/question_comments.jsonl, 239 comments from 9 real comment sections
(gardening, programming, economics, privacy, business and web-development blogs; sources in
benchmarks/labels/README.md). Each comment was labelled before the detector was run on it:
``asks`` is true when the comment asks something of the author or the readers (a request
without '?' counts; rhetorical, quoted, echo and decorative question marks do not).

A comment counts as a question when `find_questions` returns at least one sentence (the
`is_question` column of the comments table). The anchor is the plain '?' test (any sentence
of the comment ending in '?').

    python benchmarks/quality_questions.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from commentscope.analysis.questions import find_questions  # noqa: E402
from commentscope.analysis.sentences import split_sentences  # noqa: E402

LABELS = ROOT / "benchmarks" / "labels" / "question_comments.jsonl"
GOAL = 0.92


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]


def precision_recall(predicted: list[bool], actual: list[bool]) -> tuple[float, float]:
    tp = sum(p and a for p, a in zip(predicted, actual, strict=True))
    fp = sum(p and not a for p, a in zip(predicted, actual, strict=True))
    fn = sum(a and not p for p, a in zip(predicted, actual, strict=True))
    return tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0


def rows() -> list[dict[str, Any]]:
    labelled = load()
    actual = [bool(r["asks"]) for r in labelled]
    found = [bool(find_questions(r["text"])) for r in labelled]
    marks = [any(s.rstrip(" )\"'”’").endswith("?") for s in split_sentences(r["text"])) for r in labelled]
    precision, recall = precision_recall(found, actual)
    anchor_p, anchor_r = precision_recall(marks, actual)
    pages = len({r["page"] for r in labelled})
    on = f"{len(labelled)} real comments on {pages} blogs, {sum(actual)} asking (hand-labelled)"
    return [
        {"part": "question detection", "measured_on": on, "metric": "precision", "value": round(precision, 3),
         "anchor": "a sentence ends in '?'", "anchor_value": round(anchor_p, 3), "goal": f"≥ {GOAL}",
         "met": precision >= GOAL},
        {"part": "question detection", "measured_on": on, "metric": "recall", "value": round(recall, 3),
         "anchor": "a sentence ends in '?'", "anchor_value": round(anchor_r, 3), "goal": f"≥ {GOAL}",
         "met": recall >= GOAL},
    ]


if __name__ == "__main__":
    for row in rows():
        print(row)
