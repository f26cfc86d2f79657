"""Which real reader questions are FAQ material, against hand labels.

Labels: benchmarks/labels/faq_material.jsonl, every question sentence that `find_questions`
reads in the gold comments of the 60 real pages of `benchmarks/real/` (213 sentences on 29
pages; English, German and one Portuguese), each labelled by hand before `is_faq_material` was
measured on it: ``faq`` is true when the sentence asks for information an editor could put in
an FAQ (what the article, the product or the subject leaves open), false for rhetorical and
argumentative questions, questions to one person about themselves, polls of other readers,
permission requests, complaints, challenges to back a claim, quotations and a school blog's
essays that open with the question they go on to answer (see benchmarks/labels/README.md).

A sentence is predicted FAQ material as the gap table decides it: `is_faq_material` holds for it
and for every other question of its comment (one question in another voice sets the comment's
voice, `faq_material.open_questions`). The anchor is every question counting as FAQ material.
Figures per half of the corpus (`dev`: where the German patterns of 2026-12-01 were chosen;
`other`: the check) and over all.

    python benchmarks/quality_material.py
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from quality_questions import precision_recall  # noqa: E402  (benchmarks/, beside this file)

from commentscope.analysis.faq_material import is_faq_material  # noqa: E402

LABELS = ROOT / "benchmarks" / "labels" / "faq_material.jsonl"
RECALL_GOAL = 0.95  # genuine questions must not be lost from the FAQ gaps


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]


def predicted(labelled: list[dict[str, Any]]) -> list[bool]:
    """`is_faq_material` of each sentence, in its comment's voice."""
    material = [is_faq_material(r["question"]) for r in labelled]
    comment: dict[tuple[str, int], list[int]] = defaultdict(list)
    for k, r in enumerate(labelled):
        comment[(r["page"], r["comment"])].append(k)
    return [material[k] and all(material[j] for j in comment[(r["page"], r["comment"])])
            for k, r in enumerate(labelled)]


def rows() -> list[dict[str, Any]]:
    labelled = load()
    pred = predicted(labelled)
    out = []
    for half in ("dev", "other", "all"):
        keep = [k for k, r in enumerate(labelled) if half == "all" or r["half"] == half]
        actual = [bool(labelled[k]["faq"]) for k in keep]
        precision, recall = precision_recall([pred[k] for k in keep], actual)
        where = "both halves" if half == "all" else f"{half} half"
        on = (f"{len(keep)} question sentences on real pages ({where}), "
              f"{sum(actual)} FAQ material (hand-labelled)")
        out += [
            {"part": "FAQ material", "measured_on": on, "metric": "precision", "value": round(precision, 3),
             "anchor": "every question counts", "anchor_value": round(sum(actual) / len(actual), 3), "goal": "—",
             "met": None},
            {"part": "FAQ material", "measured_on": on, "metric": "recall", "value": round(recall, 3),
             "anchor": "every question counts", "anchor_value": 1.0, "goal": f"≥ {RECALL_GOAL}",
             "met": recall >= RECALL_GOAL},
        ]
    return out


if __name__ == "__main__":
    for row in rows():
        print(row)
