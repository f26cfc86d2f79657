"""The L3S-GN1 comment corpus (benchmarks/l3s/): its files, its hand check, and how its builder reads
the assessors' nested label spans."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
from pathlib import Path

L3S = Path(__file__).resolve().parent.parent / "benchmarks" / "l3s"


def records() -> list[dict]:
    with gzip.open(L3S / "gold.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def verdicts() -> dict[str, str]:
    lines = [x for x in (L3S / "reader_comments.tsv").read_text(encoding="utf-8").splitlines() if x and x[0] != "#"]
    return {row["id"]: row["reader_comments"] for row in csv.DictReader(lines, delimiter="\t")}


def builder():
    spec = importlib.util.spec_from_file_location("make_l3s", L3S / "make_l3s.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_page_has_a_file_and_every_file_a_page() -> None:
    named = sorted(r["file"] for r in records())
    on_disk = sorted(str(p.relative_to(L3S)) for p in (L3S / "pages").glob("*.html.gz"))
    assert named == on_disk


def test_the_hand_check_covers_exactly_the_pages_with_labelled_comments() -> None:
    labelled = {r["id"][:8] for r in records() if r["has_comments"]}
    checked = verdicts()
    assert set(checked) == labelled
    assert set(checked.values()) <= {"yes", "no", "other"}


def test_a_block_takes_the_class_of_its_innermost_labelled_span() -> None:
    page = b"""<html><body>
      <span class="x-nc-sel2"><p>The story.</p>
        <span class="x-nc-sel5">Inner comment <a href="#">link</a> tail</span></span>
      <span class="x-nc-sel5"><div>Reader says hi</div><span class="x-nc-sel0">Report abuse</span></span>
      <span class="x-nc-sel5 x-nc-invisible">hidden</span>
      <span class="x-nc-sel5"><script>var x = 1;</script></span>
    </body></html>"""
    blocks = builder().labelled_blocks(page)
    assert blocks["fulltext"] == ["The story."]
    assert blocks["comments"] == ["Inner comment", "link", "tail", "Reader says hi"]


def test_no_comment_is_read_on_the_pages_whose_assessors_labelled_none() -> None:
    """The 154 pages without readers' comments (by the collection's labels and the hand check): the HTML
    reader finds none on any of them (trafilatura gives 'comments' on 14)."""
    from commentscope.corpus import parse_pages

    checked = verdicts()
    kinds = {r["file"]: checked.get(r["id"][:8], "other" if r["has_comments"] else "no") for r in records()}
    without = [L3S / name for name, kind in kinds.items() if kind == "no"]
    assert len(without) == 154
    results = list(parse_pages(without))
    assert all(result.document is not None for result in results)
    assert [result.document.source for result in results if result.document and result.document.comments] == []
