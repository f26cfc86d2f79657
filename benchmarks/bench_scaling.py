"""Which parts of the analysis grow faster than the corpus: timed probes and fitted exponents.

Usage:
  python benchmarks/bench_scaling.py                       # all probes, about 2-3 minutes
  python benchmarks/bench_scaling.py --probes grouping --questions 500,1000,2000

Each probe times one suspect on inputs of growing size and fits ``seconds ~ size^k`` (k = 1
linear, 2 quadratic); "peak MiB" is the rise of the resident set during the first timed call
of the row (`analyze_document`, `group_questions`; `suggest_themes` for "themes peak").

- per-page: `analyze_document` on one page of C comments (numbered layout, with staff replies),
  and inside it `relevance_scores` (each comment against every other comment of the page),
  `detect_staff` and `answer_status` (a reply-subtree scan per question comment);
- grouping: `group_questions` on Q questions drawn like the corpus's (seed questions and
  templated ones, topics from the packaged taxonomy), then `faq_gaps` on the result: dense
  Q x Q similarity matrices and average-linkage merges over the whole corpus;
- tables: corpus-level tables on N comments parsed from generated corpora (50 per page):
  `commenters` (a scan of all comments per author), `document_figures` (a scan of all
  comments per page) and `suggest_themes`.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import _benchutil as bu
import make_corpus
import numpy as np
import pandas as pd

import commentscope
from commentscope.analysis import faq
from commentscope.analysis.answers import answer_status, detect_staff
from commentscope.analysis.document import analyze_document
from commentscope.analysis.faq import faq_gaps, group_questions
from commentscope.analysis.questions import find_questions
from commentscope.analysis.relevance import relevance_scores
from commentscope.analysis.themes import suggest_themes
from commentscope.analysis.topics import TopicMatcher, load_taxonomy
from commentscope.model import Document
from commentscope.summaries import commenters, document_figures
from commentscope.tables import comments_frame, documents_frame

PROBES = ("per-page", "grouping", "tables")


def timed(call: Callable[[], Any]) -> tuple[Any, float, float]:
    """(result, seconds, peak MiB above the RSS before the call)."""
    before = bu.rss_mib()
    bu.reset_peak()
    start = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - start
    return result, seconds, max(0.0, bu.peak_mib() - before)


def probe_per_page(sizes: Sequence[int], matcher: TopicMatcher, pool: make_corpus.TextPool) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="commentscope-bench-") as tmp:
        for count in sizes:
            path = Path(tmp) / f"page_{count}.txt"
            path.write_text(make_corpus.render_page(1, 0, count, pool), encoding="utf-8")
            rows.append(_page_row(commentscope.parse_page(path), matcher))
    return rows


def _page_row(doc: Document, matcher: TopicMatcher) -> dict[str, Any]:
    asking = [c for c in doc.comments if find_questions(c.text)]
    _, whole, peak = timed(lambda: analyze_document(doc, matcher))
    staff, staff_s, _ = timed(lambda: detect_staff(doc))
    _, relevance_s, _ = timed(lambda: relevance_scores(doc))
    _, answers_s, _ = timed(lambda: [answer_status(doc, c, staff) for c in asking])
    return {
        "size": len(doc.comments),
        "analyze_document": whole,
        "relevance_scores": relevance_s,
        "detect_staff": staff_s,
        "answer_status": answers_s,
        "peak_mib": peak,
    }


def question_frame(count: int, matcher: TopicMatcher, pool: make_corpus.TextPool) -> pd.DataFrame:
    """`count` question rows with the columns `group_questions` reads, drawn like the corpus's."""
    rng = random.Random(f"questions:{count}")
    rows = []
    for k in range(count):
        text = make_corpus.question_text(rng, pool)
        doc_id = f"syn_{k // 20:05d}"
        answered = rng.random() < 0.5
        rows.append(
            {
                "doc_id": doc_id,
                "comment_id": f"{doc_id}-c{k % 20:03d}",
                "author": make_corpus.author_name(rng, pool),
                "question": text,
                "topics": ";".join(sorted(matcher.match(text))),
                "answered": answered,
                "answered_by": rng.choice(("staff", "reader")) if answered else "",
                "article_coverage": round(rng.random() * 0.6, 4),
            }
        )
    return pd.DataFrame(rows)


def probe_grouping(sizes: Sequence[int], matcher: TopicMatcher, pool: make_corpus.TextPool) -> list[dict[str, Any]]:
    rows = []
    for count in sizes:
        frame = question_frame(count, matcher, pool)
        ids, seconds, peak = timed(partial(group_questions, frame))
        _, gaps_s, _ = timed(partial(faq_gaps, frame, ids))
        row = {
            "size": count,
            "group_questions": seconds,
            "faq_gaps": gaps_s,
            "peak_mib": peak,
            "groups": ids.nunique(),
            **_grouping_parts(frame),
        }
        rows.append(row)
    return rows


def _grouping_parts(frame: pd.DataFrame) -> dict[str, Any]:
    """Time of the similarity matrix and of the clustering alone, and how the questions split
    into connected components of "similarity >= threshold" (UPGMA never merges across them)."""
    build = getattr(faq, "_similarity_matrix", None)
    topic_lists = getattr(faq, "_topic_lists", None)
    if build is None or topic_lists is None:
        return {"matrix": float("nan"), "average_linkage": float("nan"), "largest_component": "n/a"}
    texts = [str(q) for q in frame["question"]]
    matrix, matrix_s, _ = timed(lambda: build(texts, topic_lists(frame)))
    _, linkage_s, _ = timed(lambda: faq.average_linkage(matrix, faq.DEFAULT_THRESHOLD))
    return {
        "matrix": matrix_s,
        "average_linkage": linkage_s,
        "largest_component": _largest_component(matrix >= faq.DEFAULT_THRESHOLD),
    }


def _largest_component(linked: np.ndarray) -> int:
    """Size of the largest connected component of a boolean adjacency matrix (union-find)."""
    parent = list(range(linked.shape[0]))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(linked, k=1)), strict=True):
        a, b = root(int(i)), root(int(j))
        if a != b:
            parent[max(a, b)] = min(a, b)
    sizes = Counter(root(i) for i in range(len(parent)))
    return max(sizes.values(), default=0)


def probe_tables(page_counts: Sequence[int], per_page: int, matcher: TopicMatcher, cache: Path) -> list[dict[str, Any]]:
    rows = []
    for pages in page_counts:
        results = list(commentscope.parse_pages([bu.corpus(pages, per_page, cache)]))
        docs = [r.document for r in results if r.document]
        comments = comments_frame(docs)
        rng = random.Random(f"tables:{pages}")
        comments["is_question"] = [rng.random() < 0.3 for _ in range(len(comments))]
        comments["topics"] = [rng.choice(("", "kefir", "fluoride;water", "probiotics")) for _ in range(len(comments))]
        comments["combined"] = [rng.uniform(-1, 1) for _ in range(len(comments))]
        questions = pd.DataFrame({"doc_id": comments["doc_id"], "answered": comments["is_question"]})
        documents = documents_frame(results)
        records = [(d.doc_id, c.comment_id, c.text) for d in docs for c in d.comments]
        articles = "\n".join(d.article for d in docs)
        _, commenters_s, _ = timed(partial(commenters, comments, {}))
        _, figures_s, _ = timed(partial(document_figures, documents, comments, questions, {}))
        _, themes_s, themes_peak = timed(partial(suggest_themes, records, matcher, exclude_text=articles))
        authors = comments.loc[comments["author"] != "", "author"].nunique()
        rows.append(
            {
                "size": len(comments),
                "pages": pages,
                "authors": authors,
                "commenters": commenters_s,
                "document_figures": figures_s,
                "suggest_themes": themes_s,
                "themes_peak_mib": themes_peak,
            }
        )
    return rows


def series_markdown(
    title: str, unit: str, rows: Sequence[dict[str, Any]], timed_columns: Sequence[str], extra: Sequence[str] = ()
) -> str:
    headers = [unit, *(e.replace("_mib", " MiB").replace("_", " ") for e in extra), *(f"{c} s" for c in timed_columns)]
    table = [[f"{r['size']:,}", *(_cell(r[e]) for e in extra), *(f"{r[c]:.3f}" for c in timed_columns)] for r in rows]
    fits = []
    for column in timed_columns:
        k = bu.exponent([r["size"] for r in rows], [r[column] for r in rows])
        last = (rows[-1][column] / rows[-2][column]) / (rows[-1]["size"] / rows[-2]["size"]) if len(rows) > 1 else None
        if k is not None:
            fits.append(f"`{column}` ~ size^{k:.2f}" + (f" (last step: time per item x{last:.2f})" if last else ""))
    return f"### {title}\n\n{bu.markdown_table(headers, table)}\n\nFitted: " + "; ".join(fits) + "."


def _cell(value: object) -> str:
    return f"{value:,.0f}" if isinstance(value, float) else f"{value:,}" if isinstance(value, int) else str(value)


def _ints(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n", 2)[2],
    )
    parser.add_argument("--probes", default=",".join(PROBES), help=f"comma-separated subset of {','.join(PROBES)}")
    parser.add_argument("--comments", default="50,100,200,400,800", help="comments per page for the per-page probe")
    parser.add_argument("--questions", default="250,500,1000,2000,4000", help="question counts for the grouping probe")
    parser.add_argument("--pages", default="20,80,320", help="pages (of 50 comments) for the tables probe")
    parser.add_argument("--cache", type=Path, default=bu.DEFAULT_CACHE, help="where generated corpora are kept")
    args = parser.parse_args(argv)
    probes = [p.strip() for p in args.probes.split(",") if p.strip()]
    if unknown := sorted(set(probes) - set(PROBES)):
        parser.error(f"unknown probe(s) {unknown}; choose from {', '.join(PROBES)}")

    bu.warm_up()
    matcher = TopicMatcher(load_taxonomy())
    pool = make_corpus.TextPool.from_seeds()
    print("## Machine\n\n" + bu.environment_markdown(bu.environment()) + "\n")
    print("## Scaling probes\n")
    if "per-page" in probes:
        print("  per-page ...", file=sys.stderr, flush=True)
        rows = probe_per_page(_ints(args.comments), matcher, pool)
        print(
            series_markdown(
                "One page of C comments",
                "comments on the page",
                rows,
                ("analyze_document", "relevance_scores", "detect_staff", "answer_status"),
                ("peak_mib",),
            )
            + "\n"
        )
    if "grouping" in probes:
        print("  grouping ...", file=sys.stderr, flush=True)
        rows = probe_grouping(_ints(args.questions), matcher, pool)
        print(
            series_markdown(
                "Question grouping across the corpus",
                "questions",
                rows,
                ("group_questions", "matrix", "average_linkage", "faq_gaps"),
                ("groups", "largest_component", "peak_mib"),
            )
            + "\n"
        )
    if "tables" in probes:
        print("  tables ...", file=sys.stderr, flush=True)
        rows = probe_tables(_ints(args.pages), 50, matcher, args.cache)
        print(
            series_markdown(
                "Corpus tables over N comments",
                "comments",
                rows,
                ("commenters", "document_figures", "suggest_themes"),
                ("pages", "authors", "themes_peak_mib"),
            )
            + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
