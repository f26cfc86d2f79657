"""Proposed replacements for the hot spots, timed against the current code on the same inputs.

Usage: python benchmarks/bench_fixes.py [--questions 2000,4000] [--page-comments 200,800] [--pages 320]

Each candidate below is a drop-in for one function of `src/` (same inputs, same outputs); the
script checks that the outputs agree and prints both timings as Markdown. They live here, not in
`src/`, until someone adopts them (docs/benchmarks.md, "Proposed fixes"):

- `average_linkage_cached`: `faq.average_linkage` with each row's maximum cached, so a merge
  rescans only the rows whose maximum pointed at the merged pair (same labels, same tie order);
- `relevance_matrix`: `relevance.relevance_scores` as one normalised-term-matrix product per page;
- `commenters_grouped`: `summaries.commenters` with one groupby instead of a scan per author;
- `textblob_direct`: TextBlob's pattern `sentiment()` without `PatternAnalyzer.analyze`, which
  creates a namedtuple class on every call;
- `_fast_words_and_emoticons`: NLTK VADER with `SentiText._words_and_emoticons` replaced by a
  per-token check equivalent to its word x punctuation dictionary;
- `_vader_package`: the vaderSentiment package's own analyzer instead of NLTK's port (faster,
  but not the same scores).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import _benchutil as bu
import bench_scaling
import make_corpus
import numpy as np
import numpy.typing as npt
import pandas as pd

import commentscope
from commentscope.analysis import faq
from commentscope.analysis.coverage import article_passages
from commentscope.analysis.relevance import OFF_TOPIC_THRESHOLD, relevance_scores
from commentscope.analysis.sentences import split_sentences
from commentscope.analysis.sentiment import VADER_LEXICON, TextBlobAnalyzer, _vader, lexicon_text
from commentscope.analysis.similarity import SparseVector, term_vector
from commentscope.analysis.topics import TopicMatcher, load_taxonomy
from commentscope.model import Document
from commentscope.results import COMMENTER_COLUMNS
from commentscope.summaries import commenters
from commentscope.tables import comments_frame

Matrix = npt.NDArray[np.float64]


def average_linkage_cached(similarity: Matrix, threshold: float) -> list[int]:
    """`faq.average_linkage` with cached row maxima: identical merges and labels."""
    n = similarity.shape[0]
    work = similarity.astype(np.float64, copy=True)
    np.fill_diagonal(work, -np.inf)
    sizes = np.ones(n)
    labels = np.arange(n)
    best = work.max(axis=1)
    arg = work.argmax(axis=1)
    while n > 1:
        i = int(np.argmax(best))  # the first row holding the global maximum, as a row-major argmax
        if best[i] < threshold:
            break
        j = int(arg[i])  # the first column of that maximum in row i
        merged = (sizes[i] * work[i] + sizes[j] * work[j]) / (sizes[i] + sizes[j])
        work[i, :] = merged
        work[:, i] = merged
        work[i, i] = work[j, :] = work[:, j] = -np.inf
        sizes[i] += sizes[j]
        labels[labels == j] = i
        best[j] = -np.inf
        stale = (arg == i) | (arg == j)  # their cached maximum may have dropped: rescan them
        stale[i], stale[j] = True, False
        column = work[:, i]
        gain = ~stale & ((column > best) | ((column == best) & (i < arg)))
        best[gain], arg[gain] = column[gain], i
        rows = np.nonzero(stale)[0]
        if rows.size:
            best[rows] = work[rows].max(axis=1)
            arg[rows] = work[rows].argmax(axis=1)
    return [int(label) for label in labels]


def relevance_matrix(doc: Document) -> dict[str, float]:
    """`relevance.relevance_scores` with one matrix product per page (memory: comments² floats)."""
    comments = doc.comments
    vectors = [term_vector(c.text) for c in comments]
    article = [term_vector(doc.article), *(term_vector(p.text) for p in article_passages(doc))]
    vocabulary = {t: k for k, t in enumerate(sorted({t for v in [*vectors, *article] for t in v}))}
    x, a = _normalised(vectors, vocabulary), _normalised(article, vocabulary)
    similarity = np.clip(x @ x.T, 0.0, 1.0)
    authors = np.array([c.author if c.author is not None else f"\0{k}" for k, c in enumerate(comments)], dtype=object)
    same = authors[:, None] == authors[None, :]
    np.fill_diagonal(same, True)
    thread = np.where(same, 0.0, similarity).max(axis=1, initial=0.0)
    index = {c.comment_id: k for k, c in enumerate(comments)}
    parent = np.array([similarity[k, index[c.parent_id]] if c.parent_id else 0.0 for k, c in enumerate(comments)])
    to_article = np.clip(x @ a.T, 0.0, 1.0).max(axis=1, initial=0.0)
    best = np.maximum(to_article, np.maximum(parent, thread))
    return {c.comment_id: float(best[k]) for k, c in enumerate(comments)}


def _normalised(vectors: Sequence[SparseVector], vocabulary: dict[str, int]) -> Matrix:
    matrix = np.zeros((len(vectors), len(vocabulary)))
    for row, vector in enumerate(vectors):
        for term, weight in vector.items():
            matrix[row, vocabulary[term]] = weight
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normalised: Matrix = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    return normalised


def commenters_grouped(comments: pd.DataFrame, staff: dict[str, Any]) -> pd.DataFrame:
    """`summaries.commenters` with one groupby; replies received via each parent's author."""
    author_of = pd.Series(comments["author"].to_numpy(), index=comments["comment_id"])
    parent_author = comments["parent_id"].map(author_of)
    received = parent_author[parent_author.notna() & (parent_author != comments["author"])].value_counts()
    named = comments[comments["author"] != ""]
    grouped = named.groupby("author", sort=True).agg(
        documents=("doc_id", "nunique"), comments=("comment_id", "size"), questions=("is_question", "sum")
    )
    frame = pd.DataFrame(
        {
            "author": grouped.index,
            "documents": grouped["documents"].to_numpy(),
            "comments": grouped["comments"].to_numpy(),
            "replies_received": received.reindex(grouped.index, fill_value=0).to_numpy(),
            "questions": grouped["questions"].astype(int).to_numpy(),
            "is_staff": [a in staff for a in grouped.index],
            "staff_evidence": [staff[a].evidence if a in staff else "" for a in grouped.index],
        },
        columns=COMMENTER_COLUMNS,
    )
    return frame.sort_values(["comments", "author"], ascending=[False, True], ignore_index=True)


def textblob_direct(text: str) -> tuple[float, float]:
    from textblob.en import sentiment

    polarity, subjectivity = sentiment(text)
    return float(polarity), float(subjectivity)


def _fast_words_and_emoticons(self: Any) -> list[str]:
    """What NLTK's SentiText._words_and_emoticons returns, without its word x punctuation dict:
    a token loses a trailing (else leading) mark of PUNC_LIST when the rest is a word of the text.
    At most one split can qualify, since the words themselves hold no punctuation."""
    words = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
    marks = frozenset(self.PUNC_LIST)
    longest = max(map(len, marks))
    found = []
    for token in (t for t in self.text.split() if len(t) > 1):
        stripped = token
        for k in range(1, min(longest, len(token) - 1) + 1):
            if token[-k:] in marks and token[:-k] in words:
                stripped = token[:-k]
                break
            if token[:k] in marks and token[k:] in words:
                stripped = token[k:]
                break
        found.append(stripped)
    return found


def compare(
    name: str, size: str, current: Callable[[], Any], proposed: Callable[[], Any], same: Callable[[Any, Any], str]
) -> list[str]:
    """Run both versions once each; a Markdown row with both times and how their outputs compare."""
    start = time.perf_counter()
    old = current()
    old_s = time.perf_counter() - start
    start = time.perf_counter()
    new = proposed()
    new_s = time.perf_counter() - start
    print(f"  {name} {size}: {old_s:.3f} s -> {new_s:.3f} s", file=sys.stderr, flush=True)
    return [name, size, f"{old_s:.3f}", f"{new_s:.3f}", f"{old_s / new_s:.1f}x" if new_s else "-", same(old, new)]


def _equal(a: object, b: object) -> str:
    return "identical" if a == b else "DIFFERENT"


def linkage_row(count: int, matcher: TopicMatcher, pool: make_corpus.TextPool) -> list[str]:
    frame = bench_scaling.question_frame(count, matcher, pool)
    matrix = faq._similarity_matrix([str(q) for q in frame["question"]], faq._topic_lists(frame))
    return compare(
        "average_linkage", f"{count:,} questions",
        partial(faq.average_linkage, matrix, faq.DEFAULT_THRESHOLD),
        partial(average_linkage_cached, matrix, faq.DEFAULT_THRESHOLD),
        _equal,
    )  # fmt: skip


def relevance_row(doc: Document) -> list[str]:
    def close(a: dict[str, float], b: dict[str, float]) -> str:
        worst = max((abs(a[k] - b[k]) for k in a), default=0.0)
        flips = sum((a[k] < OFF_TOPIC_THRESHOLD) != (b[k] < OFF_TOPIC_THRESHOLD) for k in a)
        return f"max difference {worst:.0e}, {flips} off-topic flag changes"

    size = f"{len(doc.comments):,} comments on one page"
    return compare("relevance_scores", size, partial(relevance_scores, doc), partial(relevance_matrix, doc), close)


def corpus_rows(docs: Sequence[Document]) -> list[list[str]]:
    comments = comments_frame(docs)
    rng = random.Random(1)
    comments["is_question"] = [rng.random() < 0.3 for _ in range(len(comments))]

    def same_table(a: pd.DataFrame, b: pd.DataFrame) -> str:
        return _equal(a.astype(str).to_dict("list"), b.astype(str).to_dict("list"))

    texts = [lexicon_text(s) for d in docs[:40] for c in d.comments for s in [*split_sentences(c.text), c.text]]
    size = f"{len(texts):,} sentences and comments"

    def textblob_now() -> list[tuple[float, float]]:
        return [TextBlobAnalyzer().polarity_subjectivity(t) for t in texts]

    def vader_now() -> list[dict[str, float]]:
        return [_vader(VADER_LEXICON).polarity_scores(t) for t in texts]

    return [
        compare("commenters", f"{len(comments):,} comments", partial(commenters, comments, {}),
                partial(commenters_grouped, comments, {}), same_table),
        compare("TextBlob polarity", size, textblob_now, lambda: [textblob_direct(t) for t in texts], _equal),
        compare("NLTK VADER", size, vader_now, partial(_with_fast_vader, texts), _equal),
        compare("VADER from vaderSentiment", size, vader_now, partial(_vader_package, texts), _compounds_differ),
    ]  # fmt: skip


def _ints(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", default="2000,4000", help="question counts for average_linkage")
    parser.add_argument("--page-comments", default="200,800", help="comments per page for relevance")
    parser.add_argument("--pages", default="320", help="pages of 50 comments for commenters and sentiment")
    parser.add_argument("--cache", type=Path, default=bu.DEFAULT_CACHE, help="where generated corpora are kept")
    args = parser.parse_args(argv)

    bu.warm_up()
    matcher = TopicMatcher(load_taxonomy())
    pool = make_corpus.TextPool.from_seeds()
    rows = [linkage_row(count, matcher, pool) for count in _ints(args.questions)]
    with tempfile.TemporaryDirectory(prefix="commentscope-bench-") as tmp:
        for count in _ints(args.page_comments):
            path = Path(tmp) / f"page_{count}.txt"
            path.write_text(make_corpus.render_page(1, 0, count, pool), encoding="utf-8")
            rows.append(relevance_row(commentscope.parse_page(path)))
    for pages in _ints(args.pages):
        results = commentscope.parse_pages([bu.corpus(pages, 50, args.cache)])
        rows += corpus_rows([r.document for r in results if r.document])
    headers = ["function", "input", "current s", "proposed s", "speed-up", "outputs"]
    print("## Proposed fixes against the current code\n\n" + bu.environment_markdown(bu.environment()) + "\n")
    print(bu.markdown_table(headers, rows))
    return 0


def _vader_package(texts: Sequence[str]) -> list[dict[str, float]]:
    """The vaderSentiment package's own analyzer (same lexicon, its own rules and tokenizer)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    return [analyzer.polarity_scores(t) for t in texts]


def _compounds_differ(a: list[dict[str, float]], b: list[dict[str, float]]) -> str:
    differ = sum(abs(x["compound"] - y["compound"]) > 1e-9 for x, y in zip(a, b, strict=True))
    return "identical" if not differ else f"{differ:,} of {len(a):,} compound scores differ"


def _with_fast_vader(texts: Sequence[str]) -> list[dict[str, float]]:
    from nltk.sentiment import vader

    original = vader.SentiText._words_and_emoticons
    vader.SentiText._words_and_emoticons = _fast_words_and_emoticons
    try:
        return [_vader(VADER_LEXICON).polarity_scores(t) for t in texts]
    finally:
        vader.SentiText._words_and_emoticons = original


if __name__ == "__main__":
    sys.exit(main())
