"""The WXR and Disqus readers against the gold of the real exports in benchmarks/real/exports/.

Each gold document (a post, a Disqus page) is matched to the document the reader gives for the
same URL; its comments that a default read keeps (`"default": true`: approved, no pingbacks,
not deleted or spam) are scored against the reader's with benchmarks/realgold.py (text, author
and depth). Staff: of the gold comments marked staff, how many the reader marks. With
`--keep-all`, the readers keep pingbacks, pending, spam and deleted comments and every gold
comment counts.

    PYTHONPATH=src python benchmarks/real_exports.py [--corpus benchmarks/real] [--keep-all]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from realgold import Score, items, load_gold, score

from commentscope.model import Document
from commentscope.readers import ReadOptions, make_readers, reader_for
from commentscope.readers.options import KEEP_KINDS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "benchmarks" / "real"
EXPORT_KINDS = ("wxr", "disqus")


def url_key(url: str | None) -> str:
    return (url or "").strip().rstrip("/")


def predicted(doc: Document) -> list[dict[str, Any]]:
    return [{"text": c.text, "author": c.author, "depth": c.depth} for c in doc.walk()]


def score_file(record: dict[str, Any], docs: list[Document], keep_all: bool = False) -> tuple[Score, int, int]:
    """Score of one export, and (gold staff comments, of them found and marked staff)."""
    by_url = {url_key(d.url): d for d in docs}
    total, staff, staff_marked = Score(), 0, 0
    matched: set[str] = set()
    for gold_doc in record["documents"]:
        key = url_key(gold_doc.get("url"))
        doc = by_url.get(key)
        matched.add(key)
        gold = [c for c in gold_doc["comments"] if keep_all or c.get("default", True)]
        total += score(items(gold), items(predicted(doc)) if doc else [])
        if doc is not None:
            marked = {(c.author, " ".join(c.text.split())) for c in doc.comments if c.marked_staff}
            for c in gold:
                if c.get("staff"):
                    staff += 1
                    staff_marked += (c.get("author"), " ".join(str(c["text"]).split())) in marked
        else:
            staff += sum(1 for c in gold if c.get("staff"))
    for key, doc in by_url.items():  # documents the gold does not have: every comment is a false one
        if key not in matched:
            total += score([], items(predicted(doc)))
    return total, staff, staff_marked


def rows(corpus: Path = DEFAULT_CORPUS, keep_all: bool = False) -> Iterator[dict[str, Any]]:
    """One row per export file, then one per reader (all its files)."""
    readers = make_readers(ReadOptions(keep=frozenset(KEEP_KINDS) if keep_all else frozenset()))
    sums: dict[str, tuple[Score, int, int, int]] = {}
    for record in load_gold(corpus / "gold.jsonl"):
        if record["kind"] not in EXPORT_KINDS:
            continue
        path = corpus / record["file"]
        reader = reader_for(path, readers)
        docs = list(reader.read(path))
        result, staff, marked = score_file(record, docs, keep_all)
        yield _row(record["file"], reader.name, 1, result, staff, marked)
        previous = sums.get(reader.name, (Score(), 0, 0, 0))
        previous[0].__iadd__(result)
        sums[reader.name] = (previous[0], previous[1] + 1, previous[2] + staff, previous[3] + marked)
    for name, (result, files, staff, marked) in sums.items():
        yield _row(f"all {name}", name, files, result, staff, marked)


def _row(label: str, reader: str, files: int, result: Score, staff: int, marked: int) -> dict[str, Any]:
    return {
        "file": label, "reader": reader, "files": files, "gold": result.gold, "predicted": result.predicted,
        "found": result.found, "author_right": result.author_right, "depth_right": result.depth_right,
        "f1": round(result.f1, 4), "staff_gold": staff, "staff_marked": marked,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder with gold.jsonl and exports/")
    parser.add_argument("--keep-all", action="store_true", help="keep every comment kind; score all gold comments")
    args = parser.parse_args()
    print("| file | reader | gold | predicted | found | author right | depth right | F1 | staff marked |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows(args.corpus, args.keep_all):
        print(f"| {r['file']} | {r['reader']} | {r['gold']} | {r['predicted']} | {r['found']} | {r['author_right']} | "
              f"{r['depth_right']} | {r['f1']:.3f} | {r['staff_marked']}/{r['staff_gold']} |")


if __name__ == "__main__":
    main()
