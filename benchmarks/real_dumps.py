"""Text dumps of real pages (lynx, w3m, html2text, inscriptis) parsed against the gold from their HTML.

Reads `<corpus>/gold.jsonl` and `<corpus>/dumps/<converter>/<page>.txt.gz` (the real-page corpus,
`benchmarks/real/` by default) and prints, per converter, how many gold comments the text parser
finds with their text, author and depth, the F1 of comments right in all three, and the comments
it invents on pages without any. Pages are split in two halves by a hash of their name, `dev`
and `other`; both are reported as an honesty check (the first rules were developed on `dev` only;
since issue 8's second round both halves are development data, and the independent check is a
reserved set of other pages).

    PYTHONPATH=src python benchmarks/real_dumps.py [--corpus DIR] [--half dev|other|all]
    PYTHONPATH=src python benchmarks/real_dumps.py --show PAGE --converter lynx   # one dump, comment by comment
    PYTHONPATH=src python benchmarks/real_dumps.py --without time-order   # the figures without one cue
    PYTHONPATH=src python benchmarks/real_dumps.py --time-order-on-gold   # time order on the gold printed flat
    PYTHONPATH=src python benchmarks/real_dumps.py --dates   # comment dates against the gold's
    PYTHONPATH=src python benchmarks/real_dumps.py --questions   # questions as the page asks them
    PYTHONPATH=src python benchmarks/real_dumps.py --titles   # document titles against the pages' <title>
    PYTHONPATH=src python benchmarks/real_dumps.py --articles   # article words against the HTML page's article
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import commentscope.parse
from commentscope.analysis.coverage import ArticleCoverage, article_passages
from commentscope.analysis.questions import find_questions
from commentscope.chronology import Moment, nest_by_time
from commentscope.corpus import parse_pages
from commentscope.dates import relative_date
from commentscope.model import Comment, Document, LineRole
from commentscope.parse import parse_lines

ROOT = Path(__file__).resolve().parent.parent
CONVERTERS = ("lynx", "w3m", "html2text", "inscriptis")
TEXT_CHARS = 25  # a comment is found when the first 25 characters of its text agree
GOALS = {"found": 0.97, "author": 0.95, "depth": 0.95, "f1": 0.85, "false": 0}
HALVES = ("dev", "other")


@dataclass(frozen=True)
class GoldComment:
    text: str
    author: str | None
    depth: int
    date: str | None = None


@dataclass(frozen=True)
class GoldPage:
    name: str  # dump file stem, e.g. 'wordpress__lemire-json'
    system: str
    comments: tuple[GoldComment, ...]
    half: str


def norm(text: str | None) -> str:
    """Text compared as a reader would: whitespace collapsed, case folded, typographic quotes and dashes
    plain, accents dropped (html2text by default prints the entity '&uuml;' as 'u': 'für' becomes 'fur',
    and '&ndash;' as '-'; lynx prints '’' as the modifier letter 'ʼ')."""
    table = str.maketrans({"’": "'", "‘": "'", "\u02bc": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                           "\u00a0": " ", "–": "-", "—": "-"})
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(table))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split()).casefold()


def load_gold(corpus: Path) -> list[GoldPage]:
    """Every HTML page of the corpus with its gold comments, and the half it belongs to.

    The half is fixed by a hash of the page name, so adding pages never moves one between halves.
    """
    entries = [json.loads(line) for line in (corpus / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    pages = []
    for entry in sorted((e for e in entries if e.get("kind") == "html"), key=lambda e: str(e["file"])):
        name = Path(entry["file"]).name.removesuffix(".gz").removesuffix(".html")
        comments = tuple(
            GoldComment(c["text"], c.get("author"), int(c["depth"]), c.get("date"))
            for doc in entry["documents"] for c in doc["comments"]
        )
        half = HALVES[hashlib.sha256(name.encode()).digest()[0] % 2]
        pages.append(GoldPage(name, entry["system"], comments, half))
    return pages


def read_dump(corpus: Path, converter: str, page: GoldPage) -> str | None:
    path = corpus / "dumps" / converter / f"{page.name}.txt.gz"
    return gzip.decompress(path.read_bytes()).decode("utf-8") if path.is_file() else None


def match(gold: tuple[GoldComment, ...], parsed: tuple[Comment, ...]) -> list[tuple[GoldComment, Comment | None]]:
    """Pair each gold comment with the first unused parsed comment whose text starts with the gold
    text's first 25 characters (a gold text shorter than that: with all of it)."""
    free = list(parsed)
    pairs: list[tuple[GoldComment, Comment | None]] = []
    for g in gold:
        key = norm(g.text)[:TEXT_CHARS]
        hit = next((c for c in free if key and norm(c.text).startswith(key)), None)
        if hit is not None:
            free.remove(hit)
        pairs.append((g, hit))
    return pairs


@dataclass
class Tally:
    gold: int = 0
    parsed: int = 0
    found: int = 0
    author: int = 0
    depth: int = 0
    right: int = 0
    false: int = 0
    dumps: int = 0
    gold_dated: int = 0  # found comments whose gold has a date
    date_right: int = 0  # ... parsed with a date on the gold's day
    date_wrong: int = 0  # ... parsed with a date on another day
    date_relative: int = 0  # found comments without a date whose header gives a relative one ('3 days ago')

    def add(self, page: GoldPage, doc: Document) -> None:
        parsed = doc.comments
        relative = _relative_comments(doc)
        self.dumps += 1
        self.gold += len(page.comments)
        self.parsed += len(parsed)
        if not page.comments:
            self.false += len(parsed)
        for g, c in match(page.comments, parsed):
            if c is None:
                continue
            author_ok = norm(c.author) == norm(g.author)
            self.found += 1
            self.author += author_ok
            self.depth += c.depth == g.depth
            self.right += author_ok and c.depth == g.depth
            self.date_relative += not c.date and c.comment_id in relative
            if g.date:
                self.gold_dated += 1
                self.date_right += bool(c.date) and c.date[:10] == g.date[:10]
                self.date_wrong += bool(c.date) and c.date[:10] != g.date[:10]

    def figures(self) -> dict[str, float]:
        share = (lambda n: n / self.gold) if self.gold else (lambda n: 0.0)
        precision = self.right / self.parsed if self.parsed else 0.0
        recall = share(self.right)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"found": share(self.found), "author": share(self.author), "depth": share(self.depth),
                "f1": f1, "false": self.false}


def tallies(corpus: Path, half: str) -> Iterator[tuple[str, Tally]]:
    pages = [p for p in load_gold(corpus) if half == "all" or p.half == half]
    for converter in CONVERTERS:
        tally = Tally()
        for page in pages:
            text = read_dump(corpus, converter, page)
            if text is not None:
                tally.add(page, parse_lines(text, doc_id=page.name))
        yield converter, tally


def rows(corpus: Path | None = None, half: str = "all") -> list[dict[str, Any]]:
    """One row per converter: the figures, the goals, the counts behind them (for other benchmarks)."""
    corpus = corpus or ROOT / "benchmarks" / "real"
    out = []
    for converter, tally in tallies(corpus, half):
        figures = tally.figures()
        out.append({"input": f"{converter} dumps ({half})", "dumps": tally.dumps, "gold_comments": tally.gold,
                     "parsed_comments": tally.parsed, **figures, "goals": GOALS,
                     "meets_goals": _meets(figures)})
    return out


def _meets(figures: dict[str, float]) -> bool:
    return all(figures[k] <= v if k == "false" else figures[k] >= v for k, v in GOALS.items())


def print_table(corpus: Path, half: str) -> None:
    print(f"\n{half} pages ({corpus})")
    print(f"{'converter':<11} {'dumps':>5} {'gold':>5} {'found':>7} {'author':>7} {'depth':>7} {'F1':>6} {'false':>5}")
    for row in rows(corpus, half):
        name = row["input"].split()[0]
        print(f"{name:<11} {row['dumps']:>5} {row['gold_comments']:>5} {row['found']:>7.1%} {row['author']:>7.1%}"
              f" {row['depth']:>7.1%} {row['f1']:>6.2f} {row['false']:>5}{'' if row['meets_goals'] else '  (short)'}")
    g = GOALS
    print(f"{'goal':<11} {'':>5} {'':>5} {g['found']:>7.0%} {g['author']:>7.0%} {g['depth']:>7.0%} {g['f1']:>6.2f}"
          f" {g['false']:>5}")


def _relative_comments(doc: Document) -> set[str]:
    """The comments whose header or metadata lines give a relative date."""
    roles = (LineRole.COMMENT_HEADER, LineRole.COMMENT_META)
    return {ln.comment_id for ln in doc.lines if ln.comment_id and ln.role in roles and relative_date(ln.text)}


def print_dates(corpus: Path, half: str) -> None:
    """Comment dates against the gold's, per converter: of the found comments the gold dates, how many
    the dump dates on the same day, on another day or not at all; and of all found comments, how many are
    left without a date because their header gives a relative one."""
    print(f"\n{half} pages ({corpus}): comment dates")
    print(f"{'converter':<11} {'found dated':>11} {'right':>6} {'dates right':>11} {'wrong':>5} {'empty':>5}"
          f" {'relative':>8}")
    for converter, t in tallies(corpus, half):
        empty = t.gold_dated - t.date_right - t.date_wrong
        share = t.date_right / t.gold_dated if t.gold_dated else 0.0
        print(f"{converter:<11} {t.gold_dated:>11} {t.date_right:>6} {share:>11.1%} {t.date_wrong:>5} {empty:>5}"
              f" {t.date_relative:>8}")


def show(corpus: Path, name: str, converter: str) -> None:
    """Every gold comment of one dump beside what the parser made of it."""
    page = next(p for p in load_gold(corpus) if p.name == name)
    text = read_dump(corpus, converter, page)
    if text is None:
        sys.exit(f"no {converter} dump for {name}")
    parsed = parse_lines(text, doc_id=name).comments
    print(f"{name} [{page.half}] {converter}: gold {len(page.comments)}, parsed {len(parsed)}")
    used = set()
    for g, c in match(page.comments, parsed):
        if c is None:
            print(f"  MISSED  d{g.depth} {g.author!r:24.24} {norm(g.text)[:50]!r}")
            continue
        used.add(c.comment_id)
        flags = ("" if norm(c.author) == norm(g.author) else f" author={c.author!r}") + (
            "" if c.depth == g.depth else f" depth={c.depth}")
        print(f"  {'ok' if not flags else 'WRONG':<7} d{g.depth} {g.author!r:24.24} {norm(g.text)[:40]!r}{flags}")
    for c in parsed:
        if c.comment_id not in used:
            print(f"  EXTRA   d{c.depth} {c.author!r:24.24} line {c.line_start}: {norm(c.text)[:50]!r}")


def per_page(corpus: Path, half: str) -> None:
    """One line per page: gold comments and, per converter, found / all right / parsed."""
    print(f"{'page':<44} {'gold':>4}  " + "  ".join(f"{c:>14}" for c in CONVERTERS))
    for page in load_gold(corpus):
        if half not in ("all", "both", page.half):
            continue
        cells = []
        for converter in CONVERTERS:
            text = read_dump(corpus, converter, page)
            if text is None:
                cells.append(f"{'-':>14}")
                continue
            tally = Tally()
            tally.add(page, parse_lines(text, doc_id=page.name))
            cells.append(f"{tally.found:>4}/{tally.right:>3}/{tally.parsed:>4}")
        print(f"{page.name[:44]:<44} {len(page.comments):>4}  " + "  ".join(cells))


CUES = ("time-order", "unwrap")  # parser cues the benchmark can switch off, to measure each alone
QUESTIONS_GOAL = 0.95
_WORD_RE = re.compile(r"\w+")  # the words --articles compares


def without(cue: str) -> None:
    """Switch one cue of the parser off for this run (an ablation: the figures without it)."""
    if cue == "time-order":
        commentscope.parse.nest_by_time = lambda comments, moments: list(comments)  # type: ignore[attr-defined]
    if cue == "unwrap":
        commentscope.parse.wrap_width = lambda lines: None  # type: ignore[attr-defined]


@dataclass
class QuestionTally:
    asked: int = 0  # questions the gold comments ask (`find_questions` on the HTML page's comment text)
    kept: int = 0  # ... that a comment parsed from the dump asks word for word (compared as `norm` reads)
    coverage_gap: float = 0.0  # sum over them of |article coverage on the dump - on the HTML page|

    def figures(self) -> tuple[float, float]:
        return (self.kept / self.asked, self.coverage_gap / self.asked) if self.asked else (0.0, 0.0)


def question_tally(corpus: Path, half: str, converter: str) -> QuestionTally:
    """The gold comments' questions: how many a dump's comments ask word for word, and how far the
    article coverage of each (`coverage.ArticleCoverage` over the article's passages, the page's
    comments as background) read from the dump is from the same read from the HTML page."""
    tally = QuestionTally()
    for page in load_gold(corpus):
        text = read_dump(corpus, converter, page)
        html = corpus / "pages" / f"{page.name}.html.gz"
        if text is None or not html.is_file() or not (half == "all" or page.half == half):
            continue
        dump = parse_lines(text, doc_id=page.name)
        original = next(r.document for r in parse_pages([html]) if r.document)
        found = {norm(q) for c in dump.comments for q in find_questions(c.text)}
        gold = [q for g in page.comments for q in find_questions(g.text)]
        dumped, saved = (ArticleCoverage(article_passages(d), background=[c.text for c in d.comments])
                         for d in (dump, original))
        tally.asked += len(gold)
        tally.kept += sum(norm(q) in found for q in gold)
        tally.coverage_gap += sum(abs(dumped.best(q).score - saved.best(q).score) for q in gold)
    return tally


def print_questions(corpus: Path, half: str) -> None:
    """Per converter: the share of the gold comments' questions that the dump's comments ask word for
    word, and the mean difference of their article coverage between dump and HTML page; beside them,
    in the same run, the same with the text as the converter wrapped it (`--without unwrap`: every
    line break ends a sentence, and each wrapped article line is a passage of its own)."""
    print(f"\n{half} pages ({corpus}): questions as the page asks them (goal {QUESTIONS_GOAL:.0%})")
    print(f"{'converter':<11} {'gold questions':>14} {'kept':>7} {'as wrapped':>10} {'coverage gap':>12}"
          f" {'as wrapped':>10}")
    unwrapping = commentscope.parse.wrap_width  # type: ignore[attr-defined]
    for converter in CONVERTERS:
        tally = question_tally(corpus, half, converter)
        without("unwrap")
        try:
            wrapped = question_tally(corpus, half, converter)
        finally:
            commentscope.parse.wrap_width = unwrapping  # type: ignore[attr-defined]
        (kept, gap), (kept_wrapped, gap_wrapped) = tally.figures(), wrapped.figures()
        print(f"{converter:<11} {tally.asked:>14} {kept:>7.1%} {kept_wrapped:>10.1%} {gap:>12.3f} {gap_wrapped:>10.3f}"
              f"{'' if kept >= QUESTIONS_GOAL else '  (short)'}")


def print_titles(corpus: Path, half: str) -> None:
    """Per converter, the dumps whose document title is mostly words of the HTML page's <title>
    (at least 60 % of the title's words; a dump prints the page's headings, not its <title>, so
    a right title may still differ in its site name)."""
    titles = {Path(e["file"]).name.removesuffix(".html.gz"): e.get("title") or "" for e in _gold_entries(corpus)}
    print(f"\n{half} pages ({corpus}): titles mostly of the page's <title> words")
    for converter in CONVERTERS:
        right = dumps = 0
        for page in load_gold(corpus):
            text = read_dump(corpus, converter, page)
            if text is None or not titles.get(page.name) or not (half == "all" or page.half == half):
                continue
            dumps += 1
            title, wanted = _title_words(parse_lines(text, doc_id=page.name).title), _title_words(titles[page.name])
            right += bool(title) and len(title & wanted) >= 0.6 * len(title)
        print(f"{converter:<11} {right:>3} of {dumps}")


def print_articles(corpus: Path, half: str) -> None:
    """Per converter, the article's words against those of the article the HTML reader takes from
    the saved page (word counts compared as multisets, so a word twice counts twice): precision (the
    dump's article words the page's article holds) and recall; beside them, in the same run, the
    article's source lines as the converter printed them (lynx's `[12]` link numbers, Markdown's
    `[text](address)` and `**`), which the article was read as before 2026-12-01."""
    print(f"\n{half} pages ({corpus}): article words against the HTML page's article")
    print(f"{'converter':<11} {'precision':>9} {'recall':>7} {'as printed':>10} {'recall':>7}")
    saved: dict[str, Counter[str]] = {}
    for page in load_gold(corpus):
        html = corpus / "pages" / f"{page.name}.html.gz"
        if (half == "all" or page.half == half) and html.is_file():
            original = next((r.document for r in parse_pages([html]) if r.document), None)
            saved[page.name] = _word_bag(original.article if original else "")
    for converter in CONVERTERS:
        seen, printed = [0, 0, 0], [0, 0, 0]  # words in both, in the dump's article, in the page's
        for page in load_gold(corpus):
            text = read_dump(corpus, converter, page)
            if text is None or page.name not in saved:
                continue
            doc = parse_lines(text, doc_id=page.name)
            raw = " ".join(line.text for line in doc.article_lines)
            for tally, bag in ((seen, _word_bag(doc.article)), (printed, _word_bag(raw))):
                tally[0] += sum((bag & saved[page.name]).values())
                tally[1] += sum(bag.values())
                tally[2] += sum(saved[page.name].values())
        (both, ours, theirs), (both_raw, ours_raw, _) = seen, printed
        print(f"{converter:<11} {both / ours:>9.3f} {both / theirs:>7.3f} {both_raw / ours_raw:>10.3f}"
              f" {both_raw / theirs:>7.3f}")


def _word_bag(text: str) -> Counter[str]:
    return Counter(word.casefold() for word in _WORD_RE.findall(text))


def _title_words(text: str | None) -> set[str]:
    return set(norm(text).replace("-", " ").split()) - {"|", "»", "-", "–", "•", ":"}


def _gold_entries(corpus: Path) -> list[dict[str, Any]]:
    rows = (corpus / "gold.jsonl").read_text("utf-8").splitlines()
    return [entry for entry in (json.loads(row) for row in rows if row.strip()) if entry.get("kind") == "html"]


def _gold_moment(date: str | None) -> Moment | None:
    if not date or len(date) < 10:
        return None
    day = (int(date[:4]), int(date[5:7]), int(date[8:10]))
    return (*day, int(date[11:13]), int(date[14:16])) if len(date) >= 16 else (*day, None, None)


def time_order_on_gold(corpus: Path) -> None:
    """Time order alone on the gold threads printed flat (every comment at depth 0, dated as the gold says):
    how many depths it gets right, and how many top-level comments it wrongly makes replies."""
    print(f"{'half':<6} {'pages':>5} {'comments':>8} {'flat right':>10} {'time right':>10} {'false replies':>13}")
    for half in (*HALVES, "all"):
        pages = [p for p in load_gold(corpus) if p.comments and (half == "all" or p.half == half)]
        counts = [0, 0, 0, 0]
        for page in pages:
            flat = [Comment(f"c{n}", None, 0, n, g.author, g.text) for n, g in enumerate(page.comments)]
            nested = nest_by_time(flat, [_gold_moment(g.date) for g in page.comments])
            counts[0] += len(flat)
            counts[1] += sum(g.depth == 0 for g in page.comments)
            counts[2] += sum(g.depth == c.depth for g, c in zip(page.comments, nested, strict=True))
            counts[3] += sum(g.depth == 0 < c.depth for g, c in zip(page.comments, nested, strict=True))
        print(f"{half:<6} {len(pages):>5} {counts[0]:>8} {counts[1]:>10} {counts[2]:>10} {counts[3]:>13}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "benchmarks" / "real")
    parser.add_argument("--half", choices=(*HALVES, "all", "both"), default="both")
    parser.add_argument("--show", metavar="PAGE", help="one page's dump, comment by comment")
    parser.add_argument("--converter", choices=CONVERTERS, default="lynx")
    parser.add_argument("--pages", action="store_true", help="one line per page: found/right/parsed per converter")
    parser.add_argument("--without", choices=CUES, action="append", default=[], help="switch a parser cue off")
    parser.add_argument("--time-order-on-gold", action="store_true", help="time order on the gold printed flat")
    parser.add_argument("--dates", action="store_true", help="comment dates against the gold's, per converter")
    parser.add_argument("--questions", action="store_true",
                        help="the gold comments' questions that the dump's comments ask word for word")
    parser.add_argument("--titles", action="store_true", help="document titles against the pages' <title>")
    parser.add_argument("--articles", action="store_true", help="article words against the HTML page's article")
    args = parser.parse_args()
    for cue in args.without:
        without(cue)
    if args.time_order_on_gold:
        time_order_on_gold(args.corpus)
        return
    if args.pages:
        per_page(args.corpus, args.half)
        return
    if args.show:
        show(args.corpus, args.show, args.converter)
        return
    report = (print_questions if args.questions else print_titles if args.titles
              else print_articles if args.articles
              else print_dates if args.dates else print_table)
    for half in (*HALVES, "all") if args.half == "both" else (args.half,):
        report(args.corpus, half)


if __name__ == "__main__":
    main()
