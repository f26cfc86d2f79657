"""How druglib_sentences.jsonl was sampled (run once, before labelling; prints JSON lines to label).

70 random sentences of 25-300 characters from the three text fields of the rated rows of
druglib_train.tsv, plus 40 random ones among the rest that name food, drink, water, exercise or
supplement words (so that the smaller topics occur). Seed 9. Run from the repository root:

    PYTHONPATH=src python benchmarks/data/topics/sample_sentences.py
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pandas as pd

from commentscope.analysis.sentences import split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from _sentiment_data import SHARED

FIELDS = ("benefitsReview", "sideEffectsReview", "commentsReview")
SMALL_TOPICS = re.compile(
    r"\b(water|drink\w*|eat\w*|food|diet|walk\w*|exercis\w*|gym|vitamin\w*|supplement\w*|calcium|yogh?urt"
    r"|probiotic\w*|alcohol|coffee|pool|swim\w*|salt|fluorid\w*|fiber|sugar)\b",
    re.IGNORECASE,
)


def main() -> None:
    frame = pd.read_csv(SHARED / "druglib_train.tsv", sep="\t")
    frame["rating"] = pd.to_numeric(frame["rating"], errors="coerce")
    frame = frame.dropna(subset=["rating"])
    found = []
    for _, row in frame.iterrows():
        for field in FIELDS:
            text = row[field]
            if isinstance(text, str):
                sentences = split_sentences(" ".join(text.split()))
                found += [(row.iloc[0], field, s) for s in sentences if 25 <= len(s) <= 300]
    rng = random.Random(9)
    picked = rng.sample(found, 70)
    rest = [x for x in found if SMALL_TOPICS.search(x[2]) and x not in picked]
    picked += rng.sample(rest, 40)
    for i, (row_id, field, sentence) in enumerate(picked):
        print(json.dumps({"id": i, "row": str(row_id), "field": field, "text": sentence}))


if __name__ == "__main__":
    main()
