"""Topic tagging against the seed gold: micro-F1 over the nine lexicon topics, P/R/F1 per topic.

Usage: python benchmarks/topic_eval.py [--topics FILE] [--replace-topics] [--errors]

Comments come from `commentscope.parse.parse_page` on `seeds/`, paired with the gold rows of
`tests/data/gold/seed_comments.jsonl` by page and position (a pair whose text does not start
like the gold's is reported and left out). `off_topic` is not a lexicon topic (another analyzer
decides it), so it is left out of both sides here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from commentscope.analysis.topics import TopicMatcher, load_taxonomy
from commentscope.parse import parse_page

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold" / "seed_comments.jsonl"
SEEDS = ROOT / "seeds"
FOCUS = ("fluoride", "strontium", "kefir", "supplements")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def pairs() -> list[tuple[dict[str, object], str]]:
    """(gold row, parsed comment text) for every gold comment the parser found."""
    gold = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    texts: dict[str, list[str]] = {}
    for name in sorted({str(row["doc"]) for row in gold}):
        texts[name] = [comment.text for comment in parse_page(SEEDS / name).comments]
    result = []
    for row in gold:
        found = texts[str(row["doc"])]
        index = int(str(row["index"]))
        text = found[index] if index < len(found) else ""
        if not _collapse(text).startswith(str(row["text_start"])):
            print(f"skipped {row['doc']} #{index}: parsed text differs from gold", file=sys.stderr)
            continue
        result.append((row, text))
    return result


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=Path, help="a user taxonomy laid over the packaged one")
    parser.add_argument("--replace-topics", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    matcher = TopicMatcher(load_taxonomy(args.topics, replace=args.replace_topics))
    labels = matcher.taxonomy.names
    counts: Counter[tuple[str, str]] = Counter()
    evaluated = pairs()
    for row, text in evaluated:
        found = matcher.match(text)
        gold = set(row["topics"]) & set(labels)  # type: ignore[call-overload]
        for label in labels:
            outcome = {(True, True): "tp", (True, False): "fp", (False, True): "fn"}.get(
                (label in found, label in gold)
            )
            if outcome:
                counts[label, outcome] += 1
        if args.errors and set(found) != gold:
            extra = {t: found[t] for t in set(found) - gold}
            missing = sorted(gold - set(found))
            print(f"{row['doc']} #{row['index']}: extra {extra} missing {missing}")
    print(f"{len(evaluated)} comments, {len(labels)} topics")
    print(f"{'topic':<12} {'P':>5} {'R':>5} {'F1':>5}   tp  fp  fn")
    for label in labels:
        tp, fp, fn = (counts[label, kind] for kind in ("tp", "fp", "fn"))
        p, r, f = _prf(tp, fp, fn)
        mark = " *" if label in FOCUS else ""
        print(f"{label:<12} {p:5.2f} {r:5.2f} {f:5.2f}  {tp:3d} {fp:3d} {fn:3d}{mark}")
    totals = [sum(counts[label, kind] for label in labels) for kind in ("tp", "fp", "fn")]
    p, r, f = _prf(*totals)
    print(f"{'micro':<12} {p:5.2f} {r:5.2f} {f:5.2f}  {totals[0]:3d} {totals[1]:3d} {totals[2]:3d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
