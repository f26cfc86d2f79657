"""Real pages and exports against their gold: comments right in text + author + depth, per reader
and per comment system; false comments on pages without comments; staff marks recognised; and, as
the anchor, trafilatura's comment text recall on the same HTML pages.

Run:  PYTHONPATH=src python benchmarks/real_pages.py [CORPUS_DIR] [--no-trafilatura] [--files] [--shape-only]
      PYTHONPATH=src python benchmarks/real_pages.py --scan DIR [--dump FILE]   (pages without gold)
CORPUS_DIR (default benchmarks/real/) holds gold.jsonl and the files it names (see make_gold.py).
The anchor needs `pip install trafilatura lxml_html_clean` (trafilatura imports lxml's HTML cleaner,
which lxml 5.2 and later ship as that separate package); without them, pass --no-trafilatura.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from realgold import Score, items, load_gold, norm_text, score

from commentscope import Document, UnreadableInputError, parse_pages

DEFAULT_CORPUS = Path(__file__).resolve().parent / "real"


@dataclass
class Row:
    """Totals for one group of files (a reader, a comment system, or everything)."""

    files: int = 0
    score: Score = field(default_factory=Score)
    no_comment_files: int = 0
    false_on_no_comment: int = 0
    staff_files: int = 0
    staff_right: int = 0
    token_gold: int = 0
    token_found: int = 0
    anchor_found: int = 0
    anchor_false_files: int = 0
    errors: int = 0
    seconds: float = 0.0

    def add(self, other: Row) -> None:
        for name, value in vars(other).items():
            if name == "score":
                self.score += value
            else:
                setattr(self, name, getattr(self, name) + value)


def gold_comments(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The comments a reader should return by default (exports flag spam, trash, pingbacks)."""
    return [c for c in doc["comments"] if c.get("default", True)]


def predicted_comments(doc: Document) -> list[dict[str, Any]]:
    return [{"text": c.text, "author": c.author, "depth": c.depth, "staff": c.marked_staff} for c in doc.walk()]


def pair_documents(
    gold_docs: list[dict[str, Any]], docs: list[Document]
) -> list[tuple[dict[str, Any], Document | None]]:
    """Gold documents with the predicted document for the same page (by URL, then title, then order)."""
    if len(gold_docs) == 1 and len(docs) == 1:
        return [(gold_docs[0], docs[0])]
    by_url = {(d.url or "").rstrip("/"): d for d in docs if d.url}
    by_title = {d.title: d for d in docs if d.title}
    pairs: list[tuple[dict[str, Any], Document | None]] = []
    used: set[int] = set()
    for g in gold_docs:  # the title only when the gold has no URL; each document pairs once
        d = by_url.get((g.get("url") or "").rstrip("/")) if g.get("url") else by_title.get(g.get("title"))
        if d is not None and id(d) in used:
            d = None
        if d is not None:
            used.add(id(d))
        pairs.append((g, d))
    return pairs


def tokens(texts: Iterable[str]) -> Counter[str]:
    return Counter(word for text in texts for word in norm_text(text).split())


def token_overlap(gold: Counter[str], found: Counter[str]) -> int:
    return sum(min(n, found[w]) for w, n in gold.items())


def staff_right(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> bool:
    """Every staff comment of the gold is marked staff, and no other comment is."""
    gold_staff = sorted(norm_text(c["text"])[:40] for c in gold if c.get("staff"))
    pred_staff = sorted(norm_text(c["text"])[:40] for c in predicted if c["staff"])
    return gold_staff == pred_staff


def anchor_comments(path: Path) -> str | None:
    """trafilatura's comment text for an HTML page (the anchor), or None when it is not installed."""
    import gzip

    import trafilatura

    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    result = trafilatura.bare_extraction(data, include_comments=True, with_metadata=False)
    if result is None:
        return ""
    return getattr(result, "comments", None) or ""


def shape_only(path: Path) -> Document:
    """An HTML page read with no rule of the selector table: its comments found by their shape alone
    (`readers.html_records`), as on a site whose markup no rule names."""
    from commentscope.readers.html import decode_html, parse_html, to_document
    from commentscope.sources import page_stem, read_bytes

    text, encoding = decode_html(read_bytes(path), str(path))
    return to_document(parse_html(text, str(path), ()), page_stem(path), str(path), encoding)


def evaluate(corpus: Path, anchor: bool, show_files: bool, shapes: bool = False) -> dict[str, dict[str, Row]]:
    gold = load_gold(corpus / "gold.jsonl")
    groups: dict[str, dict[str, Row]] = {name: defaultdict(Row) for name in ("reader", "system", "all")}
    for record in gold:
        path = corpus / record["file"]
        if shapes and record["kind"] != "html":
            continue
        start = time.perf_counter()
        if shapes:
            docs = [shape_only(path)]
            row = Row(files=1, seconds=time.perf_counter() - start)
        else:
            results = list(parse_pages([path]))
            row = Row(files=1, seconds=time.perf_counter() - start)
            docs = [r.document for r in results if r.document is not None]
            row.errors = sum(r.document is None for r in results)
        reader = docs[0].reader if docs else "error"
        gold_all: list[dict[str, Any]] = []
        for g, d in pair_documents(record["documents"], docs):
            want = gold_comments(g)
            got = predicted_comments(d) if d is not None else []
            gold_all.extend(want)
            row.score += score(items(want), items(got))
            row.token_gold += sum(tokens(c["text"] for c in want).values())
            row.token_found += token_overlap(tokens(c["text"] for c in want), tokens(c["text"] for c in got))
            if any(c.get("staff") for c in want):
                row.staff_files += 1
                row.staff_right += staff_right(want, got)
        if not record.get("has_comments", bool(gold_all)):
            row.no_comment_files = 1
            row.false_on_no_comment = sum(len(d.comments) for d in docs)
        if anchor and record["kind"] == "html":
            text = anchor_comments(path) or ""
            row.anchor_found = token_overlap(tokens(c["text"] for c in gold_all), tokens([text]))
            row.anchor_false_files = int(row.no_comment_files == 1 and bool(text.strip()))
        system = record["system"] if record["kind"] == "html" else f"{record['system']} ({record['kind']} export)"
        for group, key in (("reader", f"{record['kind']} -> {reader}"), ("system", system), ("all", "all")):
            groups[group][key].add(row)
        if show_files:
            s = row.score
            print(f"{record['file']:58} {reader:7} gold {s.gold:4} pred {s.predicted:4} found {s.found:4} "
                  f"right {s.right:4} F1 {s.f1:.3f}")  # fmt: skip
    return groups


def print_table(title: str, rows: dict[str, Row], anchor: bool) -> None:
    print(f"\n{title}")
    head = ("| group | files | gold | predicted | found | author ok | depth ok | **F1** | text recall "
            "| false on no-comment pages | staff pages right |")  # fmt: skip
    if anchor:
        head += " trafilatura text recall | trafilatura false pages |"
    print(head)
    print("|" + " --- |" * (head.count("|") - 1))
    for key, row in sorted(rows.items()):
        s = row.score
        cells = [
            key, row.files, s.gold, s.predicted, s.found,
            f"{s.author_right / s.found:.3f}" if s.found else "-", f"{s.depth_right / s.found:.3f}" if s.found else "-",
            f"**{s.f1:.3f}**", f"{row.token_found / row.token_gold:.3f}" if row.token_gold else "-",
            f"{row.false_on_no_comment} on {row.no_comment_files}" if row.no_comment_files else "-",
            f"{row.staff_right}/{row.staff_files}" if row.staff_files else "-",
        ]  # fmt: skip
        if anchor:
            cells += [f"{row.anchor_found / row.token_gold:.3f}" if row.token_gold else "-",
                      f"{row.anchor_false_files} of {row.no_comment_files}" if row.no_comment_files else "-"]
        print("| " + " | ".join(str(c) for c in cells) + " |")


def compare_parsers_and_articles(corpus: Path) -> None:
    """Parse time of lxml and lexbor on every HTML page, and the article body against trafilatura's
    (token recall and precision of ours against its main text; gold comment words leaking in)."""
    import gzip

    import trafilatura
    from lxml import html as lxml_html
    from selectolax.lexbor import LexborHTMLParser

    from commentscope.readers.html import decode_html, parse_html

    timing = {"lxml": 0.0, "lexbor": 0.0, "commentscope article+comments": 0.0, "trafilatura article": 0.0}
    overlap = ours_total = theirs_total = leak_ours = leak_theirs = comment_total = pages = 0
    for record in load_gold(corpus / "gold.jsonl"):
        if record["kind"] != "html":
            continue
        pages += 1
        data = (corpus / record["file"]).read_bytes()
        data = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
        text, _ = decode_html(data, record["file"])
        for name, parse in (("lxml", lxml_html.fromstring), ("lexbor", LexborHTMLParser)):
            start = time.perf_counter()
            parse(text)
            timing[name] += time.perf_counter() - start
        start = time.perf_counter()
        our_text = " ".join(parse_html(text, record["file"]).article)
        timing["commentscope article+comments"] += time.perf_counter() - start
        start = time.perf_counter()
        their_text = trafilatura.extract(text, include_comments=False) or ""
        timing["trafilatura article"] += time.perf_counter() - start
        ours, theirs = tokens([our_text]), tokens([their_text])
        overlap += token_overlap(theirs, ours)
        ours_total += sum(ours.values())
        theirs_total += sum(theirs.values())
        # a comment leaks into the article when its first eight words stand there in a row
        openings = [" ".join(norm_text(c["text"]).split()[:8]) for d in record["documents"] for c in d["comments"]]
        openings = [o for o in openings if len(o.split()) == 8]
        comment_total += len(openings)
        leak_ours += sum(o in " ".join(norm_text(our_text).split()) for o in openings)
        leak_theirs += sum(o in " ".join(norm_text(their_text).split()) for o in openings)
    print(f"\nParsers and article body on {pages} HTML pages (mean ms per page)")
    print("| step | ms per page |\n| --- | --- |")
    for name, seconds in timing.items():
        print(f"| {name} | {1000 * seconds / pages:.1f} |")
    print(f"\narticle words: ours {ours_total}, trafilatura {theirs_total}; of trafilatura's, ours has "
          f"{overlap / theirs_total:.3f}; of ours, trafilatura has {overlap / ours_total:.3f}")
    print(f"gold comments (of {comment_total} with 8+ words) whose opening stands in the article: "
          f"ours {leak_ours}, trafilatura {leak_theirs}")


def scan(folder: Path, dump: Path | None = None) -> None:
    """Pages without gold: how many each rule reads, and the pages, to read by eye. With `dump`, each
    page's comments (author, date, parent, start of text) as a JSON line: `diff` two dumps, made
    before and after a change, to see every comment it moved."""
    from commentscope.readers.html import decode_html, parse_html
    from commentscope.sources import read_bytes

    by_rule: dict[str, list[tuple[str, int]]] = defaultdict(list)
    errors = 0
    start = time.perf_counter()
    lines = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in (".html", ".htm", ".gz")):
        try:
            text, _ = decode_html(read_bytes(path), str(path))
        except UnreadableInputError:
            errors += 1
            continue
        page = parse_html(text, str(path))
        rule = page.extraction.rule if page.extraction else "none"
        found = [c.record for c in page.extraction.comments] if page.extraction else []
        by_rule[rule].append((path.name, len(found)))
        rows = [[c.author, c.date, c.parent_id, c.text[:60]] for c in found]
        lines.append(json.dumps({"file": path.name, "rule": rule, "comments": rows}, ensure_ascii=False))
    if dump is not None:
        dump.write_text("".join(line + "\n" for line in lines), "utf-8")
    pages = sum(len(v) for v in by_rule.values())
    print(f"{pages} pages read ({errors} unreadable) in {time.perf_counter() - start:.1f} s")
    for rule, found in sorted(by_rule.items(), key=lambda kv: -len(kv[1])):
        print(f"{rule:16} {len(found):4} pages {sum(n for _, n in found):5} comments")
        if rule != "none":
            print("    " + ", ".join(f"{name} ({n})" for name, n in found))


SYNTHETIC_ITEM = (
    '<li class="comment depth-1" id="comment-{n}"><article class="comment-body"><footer class="comment-meta">'
    '<div class="comment-author vcard"><b class="fn">User {n}</b> <span class="says">says:</span></div>'
    '<div class="comment-metadata"><time datetime="2021-03-04T09:15:00+00:00">March 4</time></div></footer>'
    '<div class="comment-content"><p>Some text of comment {n} with a few words.</p></div>'
    '<div class="reply"><a class="comment-reply-link">Reply</a></div></article>'
)


def scaling() -> None:
    """Reading time of synthetic WordPress pages: many threads (each with one reply), and one reply chain."""
    from commentscope.readers.html import parse_html, to_document

    def timed(html: str) -> tuple[int, float]:
        start = time.perf_counter()
        doc = to_document(parse_html(html, "synthetic"), "synthetic", "synthetic")
        return len(doc.comments), time.perf_counter() - start

    print("| page | KB | comments | seconds |\n| --- | --- | --- | --- |")
    for threads in (1_000, 5_000, 20_000):
        body = "".join(
            SYNTHETIC_ITEM.format(n=n) + '<ul class="children">' + SYNTHETIC_ITEM.format(n=f"r{n}") + "</li></ul></li>"
            for n in range(threads)
        )
        html = f'<html><body><ol class="comment-list">{body}</ol></body></html>'
        comments, seconds = timed(html)
        print(f"| {threads:,} threads | {len(html) // 1024:,} | {comments:,} | {seconds:.2f} |")
    for depth in (2_000, 5_000, 10_000):
        chain = "".join(SYNTHETIC_ITEM.format(n=n) + '<ul class="children">' for n in range(depth))
        html = f'<html><body><ol class="comment-list">{chain}{"</ul></li>" * depth}</ol></body></html>'
        comments, seconds = timed(html)
        print(f"| reply chain {depth:,} deep | {len(html) // 1024:,} | {comments:,} | {seconds:.2f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the trafilatura anchor")
    parser.add_argument("--files", action="store_true", help="one line per file as well")
    parser.add_argument("--article", action="store_true",
                        help="also compare parse speed (lxml, lexbor) and the article body with trafilatura's")
    parser.add_argument("--scan", type=Path, metavar="DIR",
                        help="instead: count, per rule, the comments found in a folder of pages without gold")
    parser.add_argument("--dump", type=Path, metavar="FILE", help="with --scan: each page's comments as JSON lines")
    parser.add_argument("--scaling", action="store_true", help="instead: time synthetic pages of growing size")
    parser.add_argument("--shape-only", action="store_true",
                        help="read the HTML pages with no rule of the selector table: comments found by their shape")
    args = parser.parse_args()
    if args.scaling:
        scaling()
        return 0
    if args.scan:
        scan(args.scan, args.dump)
        return 0
    if not (args.corpus / "gold.jsonl").is_file():
        parser.error(f"{args.corpus}/gold.jsonl not found (build it with make_gold.py)")
    anchor = not args.no_trafilatura and importlib.util.find_spec("trafilatura") is not None
    start = time.perf_counter()
    groups = evaluate(args.corpus, anchor and not args.shape_only, args.files, args.shape_only)
    print_table("Per reader (gold kind -> reader that read the file)", groups["reader"], anchor)
    print_table("Per comment system", groups["system"], anchor)
    print_table("All files", groups["all"], anchor)
    if args.article and anchor:
        compare_parsers_and_articles(args.corpus)
    total = groups["all"]["all"]
    print(f"\n{total.files} files, commentscope {total.seconds:.1f} s; whole run {time.perf_counter() - start:.1f} s")
    dumps = Path(__file__).resolve().parent / "real_dumps.py"
    if dumps.is_file():
        spec = importlib.util.spec_from_file_location("real_dumps", dumps)
        if spec and spec.loader:
            module = importlib.util.module_from_spec(spec)
            sys.modules["real_dumps"] = module  # dataclasses look their module up while it loads
            spec.loader.exec_module(module)
            if hasattr(module, "rows"):
                print("\nText dumps (benchmarks/real_dumps.py; goals: found 0.97, author 0.95, depth 0.95, "
                      "F1 0.85, 0 false)")
                print("| converter | dumps | gold | found | author | depth | **F1** | false | goals met |")
                print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
                for r in module.rows():
                    met = "yes" if r["meets_goals"] else "no"
                    print(f"| {r['input']} | {r['dumps']} | {r['gold_comments']} | {r['found']:.3f} "
                          f"| {r['author']:.3f} | {r['depth']:.3f} | **{r['f1']:.3f}** | {r['false']} | {met} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
