"""Build the L3S-GN1 comment benchmark from a checkout of a repository that holds the collection.

L3S-GN1 (Kohlschütter, Fankhauser, Nejdl, WSDM 2010) is 621 news pages from 408 sites, crawled
from Google News in 2008, whose text blocks seven human assessors labelled as headline, full text,
supplemental, related content, user comments, or not content. The labels come from the
collection; nothing here was labelled by this project. This script keeps every page with text
labelled as user comments and a seeded sample of the pages without any, and writes:

- `pages/<id>.html.gz`: the page as crawled (the collection's `original/` file, byte for byte);
- `gold.jsonl.gz`: per page its id, whether it has labelled comments, and the labelled text of two
  classes, each as the list of its text blocks in page order: `comments` (class 5, user comments)
  and `fulltext` (class 2, the article body).

Usage: python benchmarks/l3s/make_l3s.py --repo /path/to/geodrome/page-signal [--sample 120]

The repository is read with `git show` at its HEAD (or --commit), as `fetch` leaves it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import subprocess
from pathlib import Path

from lxml import html

ROOT = "L3S-GN1-20100130203947-00001"
HERE = Path(__file__).resolve().parent
LABEL = re.compile(r"\bx-nc-sel(\d)\b")
KEPT = {"5": "comments", "2": "fulltext"}


def git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={repo}", *args], check=True, capture_output=True).stdout


def labelled_blocks(annotated: bytes) -> dict[str, list[str]]:
    """The text blocks of each kept class, in page order. A block takes the class of the innermost
    labelled span around it (the annotator nests spans); invisible elements, scripts and styles
    are left out, as the collection's README says they were not shown to the assessors."""
    root = html.fromstring(annotated)
    blocks: dict[str, list[str]] = {name: [] for name in KEPT.values()}

    def label_of(element: html.HtmlElement | None) -> str | None:
        while element is not None:
            if element.tag in ("script", "style") or "x-nc-invisible" in (element.get("class") or ""):
                return None
            found = LABEL.search(element.get("class") or "") if element.tag == "span" else None
            if found:
                return found.group(1)
            element = element.getparent()
        return None

    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for text, owner in ((element.text, element), (element.tail, element.getparent())):
            text = " ".join((text or "").split())
            if not text:
                continue
            name = KEPT.get(label_of(owner) or "")
            if name:
                blocks[name].append(text)
    return blocks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, required=True, help="git directory of geodrome/page-signal")
    parser.add_argument("--commit", default="HEAD")
    parser.add_argument("--sample", type=int, default=120, help="pages without labelled comments to keep")
    parser.add_argument("--seed", type=int, default=2010)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()

    names = git(args.repo, "ls-tree", "-r", "--name-only", args.commit, f"{ROOT}/annotated/").decode().split()
    records = []
    for name in sorted(names):
        page_id = Path(name).stem
        blocks = labelled_blocks(git(args.repo, "show", f"{args.commit}:{name}"))
        records.append({"id": page_id, "has_comments": bool(blocks["comments"]), **blocks})
    without = [r for r in records if not r["has_comments"]]
    keep = {r["id"] for r in records if r["has_comments"]}
    keep |= {r["id"] for r in random.Random(args.seed).sample(without, min(args.sample, len(without)))}

    pages = args.out / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    kept = [r for r in records if r["id"] in keep]
    for record in kept:
        data = git(args.repo, "show", f"{args.commit}:{ROOT}/original/{record['id']}.html")
        (pages / f"{record['id']}.html.gz").write_bytes(gzip.compress(data, mtime=0))
        record["file"] = f"pages/{record['id']}.html.gz"
    with gzip.open(args.out / "gold.jsonl.gz", "wt", encoding="utf-8") as out:
        for record in kept:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    commit = git(args.repo, "rev-parse", args.commit).decode().strip()
    print(f"{len(kept)} of {len(records)} pages kept, {sum(r['has_comments'] for r in kept)} with labelled comments;"
          f" commit {commit}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
