"""Every accuracy figure of the analysis on the seed pages, against the hand-checked gold.

Usage: python benchmarks/gold_eval.py      (from the repository root; prints Markdown)

Runs `commentscope.analyze(["seeds"])` and compares comments.csv with
tests/data/gold/seed_comments.jsonl, paired by page and position.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import commentscope

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold" / "seed_comments.jsonl"
TOPICS = ["fluoride", "strontium", "kefir", "supplements", "probiotics", "medication", "diet", "exercise",
          "water", "off_topic"]
LABELS = ["positive", "negative", "neutral", "mixed"]


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> None:
    gold = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    analysis = commentscope.analyze([ROOT / "seeds"])
    rows = analysis.comments.set_index(["doc_id", "position"])
    pairs = [(g, rows.loc[(g["doc"].removesuffix(".txt"), g["index"])]) for g in gold]

    counts = {t: Counter() for t in TOPICS}
    for g, r in pairs:
        got = {t for t in str(r["topics"]).split(";") if t} | ({"off_topic"} if r["off_topic"] else set())
        for t in TOPICS:
            if t in got and t in g["topics"]:
                counts[t]["tp"] += 1
            elif t in got:
                counts[t]["fp"] += 1
            elif t in g["topics"]:
                counts[t]["fn"] += 1
    total = sum(counts.values(), Counter())
    print("## Topics (comment level)\n\n| topic | tp | fp | fn | F1 |\n| --- | --- | --- | --- | --- |")
    for t in TOPICS:
        c = counts[t]
        print(f"| {t} | {c['tp']} | {c['fp']} | {c['fn']} | {f1(c['tp'], c['fp'], c['fn']):.2f} |")
    print(f"| **micro** | {total['tp']} | {total['fp']} | {total['fn']} | "
          f"**{f1(total['tp'], total['fp'], total['fn']):.2f}** |\n")

    tp = sum(bool(g["is_question"]) and bool(r["is_question"]) for g, r in pairs)
    fp = sum(not g["is_question"] and bool(r["is_question"]) for g, r in pairs)
    fn = sum(bool(g["is_question"]) and not r["is_question"] for g, r in pairs)
    want = Counter((g["doc"], q) for g in gold for q in g["questions"])
    got = Counter((g["doc"], q) for g, r in pairs for q in str(r["questions"]).split(" | ") if q)
    exact = sum((want & got).values())
    print("## Questions\n")
    print(f"- is_question per comment: precision {tp / (tp + fp):.2f}, recall {tp / (tp + fn):.2f} "
          f"({tp + fn} gold question comments)")
    print(f"- question sentences, verbatim: {exact} of {sum(want.values())} gold found, "
          f"{sum(got.values()) - exact} extra")
    asked = [(g, r) for g, r in pairs if g["is_question"]]
    answered = sum(bool(r["answered"]) == g["answered"] for g, r in asked)
    by = sum((r["answered_by"] or None) == g["answered_by"] for g, r in asked)
    print(f"- answered accuracy {answered}/{len(asked)} = {answered / len(asked):.2f}; "
          f"answered_by accuracy {by}/{len(asked)} = {by / len(asked):.2f}")
    staff = analysis.commenters[analysis.commenters["is_staff"]]
    print(f"- staff detected: {', '.join(staff['author']) or 'nobody'} "
          f"({'; '.join(staff['staff_evidence'])})\n")

    confusion = Counter((g["sentiment"], r["sentiment"]) for g, r in pairs)
    agree = sum(n for (a, b), n in confusion.items() if a == b)
    print(f"## Sentiment (reported, not asserted)\n\naccuracy {agree}/{len(pairs)} = {agree / len(pairs):.2f}\n")
    print("| gold \\ predicted | " + " | ".join(LABELS) + " |\n| --- |" + " --- |" * len(LABELS))
    for a in LABELS:
        print(f"| {a} | " + " | ".join(str(confusion[a, b]) for b in LABELS) + " |")


if __name__ == "__main__":
    main()
