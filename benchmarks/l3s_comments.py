"""Comment finding on L3S-GN1: 197 news pages from 2008 whose text human assessors labelled (the
collection's labels, not ours; see benchmarks/l3s/README.md), the HTML reader beside trafilatura's
comment extraction (`bare_extraction(include_comments=True)`), the plain library call a user would try.

Per reader, in one run:
- pages with readers' comments (benchmarks/l3s/reader_comments.tsv, `yes`) where it finds any;
- pages without them (`no`, and every page with no text labelled as comments) where it reports any;
- on the pages with comments, the comment words (text and author name, as bags of words) against the
  words the assessors labelled as user comments: precision, recall, F1 pooled over the words (a page
  with thousands of comments weighs most), and recall averaged over the pages. The labelled text holds the
  comment section's furniture too (bylines' dates, "Report abuse", headings), so no reader reaches
  recall 1; both readers are scored on the same labels.

Run:  PYTHONPATH=src python benchmarks/l3s_comments.py [--pages] [--no-trafilatura]
The anchor needs `pip install trafilatura lxml_html_clean`.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_pages import anchor_comments, token_overlap, tokens

from commentscope import parse_pages

CORPUS = Path(__file__).resolve().parent / "l3s"


@dataclass
class Tally:
    """One reader's figures over the corpus."""

    found_pages: int = 0
    false_pages: int = 0
    predicted_words: int = 0
    gold_words: int = 0
    overlap: int = 0
    page_recalls: list[float] = field(default_factory=list)

    def line(self, name: str, with_pages: int, without_pages: int) -> str:
        precision = self.overlap / self.predicted_words if self.predicted_words else 0.0
        recall = self.overlap / self.gold_words if self.gold_words else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        macro = sum(self.page_recalls) / len(self.page_recalls) if self.page_recalls else 0.0
        return (f"| {name} | {self.found_pages}/{with_pages} | {self.false_pages}/{without_pages} | "
                f"{precision:.3f} | {recall:.3f} | {f1:.3f} | {macro:.3f} |")


def verdicts(path: Path) -> dict[str, str]:
    """Page id prefix -> yes / no / other, from the hand check of the labelled blocks."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {row["id"]: row["reader_comments"] for row in csv.DictReader(lines, delimiter="\t")}


def ours(path: Path) -> list[str]:
    """The HTML reader's comments on a page: each comment's text and author."""
    texts: list[str] = []
    for result in parse_pages([path]):
        if result.document is not None:
            texts.extend(f"{c.author or ''} {c.text}" for c in result.document.walk())
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pages", action="store_true", help="a line per page with comments found by either reader")
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the trafilatura anchor")
    args = parser.parse_args()
    anchor = not args.no_trafilatura and importlib.util.find_spec("trafilatura") is not None

    verdict = verdicts(args.corpus / "reader_comments.tsv")
    with gzip.open(args.corpus / "gold.jsonl.gz", "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    readers = {"commentscope": Tally(), **({"trafilatura": Tally()} if anchor else {})}
    counts: Counter[str] = Counter()
    for record in records:
        kind = verdict.get(record["id"][:8], "yes" if record["has_comments"] else "no")
        if record["has_comments"] and record["id"][:8] not in verdict:
            kind = "other"  # a page labelled after the hand check: not counted until checked
        counts[kind] += 1
        if kind == "other":
            continue
        path = args.corpus / record["file"]
        predictions = {"commentscope": ours(path)}
        if anchor:
            predictions["trafilatura"] = [anchor_comments(path) or ""]
        gold = tokens(record["comments"])
        line = [record["id"][:8], kind]
        for name, texts in predictions.items():
            found = tokens(texts)
            tally = readers[name]
            if kind == "yes":
                tally.found_pages += bool(found)
                tally.predicted_words += sum(found.values())
                tally.gold_words += sum(gold.values())
                tally.overlap += token_overlap(gold, found)
                tally.page_recalls.append(token_overlap(gold, found) / max(sum(gold.values()), 1))
            else:
                tally.false_pages += bool(found)
            line.append(f"{name} {len(texts) if name == 'commentscope' else ''} {sum(found.values())}w "
                        f"{token_overlap(gold, found)}/{sum(gold.values())}")
        if args.pages and (kind == "yes" or any(tokens(texts) for texts in predictions.values())):
            print("  ".join(line))

    print(f"\nL3S-GN1: {len(records)} pages; {counts['yes']} with readers' comments, {counts['no']} without, "
          f"{counts['other']} left out")
    print("| reader | pages with comments found | pages without comments given some | word precision | "
          "word recall | word F1 | word recall, mean of pages |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, tally in readers.items():
        print(tally.line(name, counts["yes"], counts["no"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
