"""analyze(): parse pages, run the analyzers page by page, and assemble the corpus tables."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from commentscope.analysis.answers import StaffMember
from commentscope.analysis.document import DocumentAnalysis, analyze_document
from commentscope.analysis.faq import faq_gaps, group_questions, question_context
from commentscope.analysis.sentiment import SentimentAnalyzer
from commentscope.analysis.themes import suggest_themes
from commentscope.analysis.topics import TopicMatcher, load_taxonomy
from commentscope.corpus import PageResult, parse_pages
from commentscope.readers.options import ReadOptions
from commentscope.results import (
    COMMENT_ANALYSIS_COLUMNS,
    COMMENT_COLUMNS,
    QUESTION_COLUMNS,
    TOPIC_MENTION_COLUMNS,
    Analysis,
)
from commentscope.summaries import commenters, document_figures, topic_summary
from commentscope.tables import comments_frame, documents_frame


def analyze(
    paths: Iterable[str | Path],
    *,
    topics: Path | None = None,
    replace_topics: bool = False,
    staff: Sequence[str] = (),
    read_options: ReadOptions | None = None,
    sentiment: SentimentAnalyzer | None = None,
) -> Analysis:
    """Parse and analyse every page under `paths`; every table as a pandas DataFrame.

    `read_options` names table columns, supplies articles for tables and says what exports keep;
    `sentiment` is any `SentimentAnalyzer` to label comments (default: the packaged model).
    """
    results = list(parse_pages(paths, options=read_options))
    return analyze_results(results, topics=topics, replace_topics=replace_topics, staff=staff, sentiment=sentiment)


def analyze_results(
    results: Sequence[PageResult],
    *,
    topics: Path | None = None,
    replace_topics: bool = False,
    staff: Sequence[str] = (),
    sentiment: SentimentAnalyzer | None = None,
) -> Analysis:
    """Analyse already-parsed pages (failed pages stay in the documents table)."""
    matcher = TopicMatcher(load_taxonomy(topics, replace=replace_topics))
    per_doc = [analyze_document(r.document, matcher, tuple(staff), sentiment) for r in results if r.document]
    return combine(results, per_doc, matcher)


def combine(results: Sequence[PageResult], per_doc: list[DocumentAnalysis], matcher: TopicMatcher) -> Analysis:
    """The reduce step: corpus tables from per-document rows."""
    docs = [d.doc for d in per_doc]
    comments = _comments_table(per_doc)
    questions = pd.DataFrame([q for d in per_doc for q in d.questions], columns=QUESTION_COLUMNS[:-1])
    questions["answered"] = questions["answered"].astype(bool)
    questions["article_line"] = questions["article_line"].astype("Int64")
    questions["group_id"] = _group_ids(questions, comments)
    grouped = questions[questions["group_id"] != ""]
    mentions = pd.DataFrame([m for d in per_doc for m in d.mentions], columns=TOPIC_MENTION_COLUMNS)
    staff: dict[str, StaffMember] = {}
    for d in per_doc:
        staff.update(d.staff)
    themes = suggest_themes(
        [(d.doc.doc_id, c.comment_id, c.text) for d in per_doc for c in d.doc.comments],
        matcher,
        exclude_text="\n".join(doc.article for doc in docs),
    )
    documents = document_figures(documents_frame(results), comments, questions, staff)
    return Analysis(
        documents=documents,
        comments=comments.drop(columns=["combined"]),
        questions=questions,
        faq_gaps=faq_gaps(grouped, grouped["group_id"]),
        topic_summary=topic_summary(comments, mentions, questions),
        topic_mentions=mentions,
        suggested_topics=themes,
        commenters=commenters(comments, staff),
    )


def _group_ids(questions: pd.DataFrame, comments: pd.DataFrame) -> pd.Series:
    """Group ids of similar questions; questions from promotional comments get none.

    Off-topic comments keep their questions: lexical relevance misses paraphrase, and under a
    neutral "ask us" article it flagged a fifth of genuine health questions (docs/faq.md)."""
    excluded = comments.loc[comments["promotional"], "comment_id"]
    eligible = ~questions["comment_id"].isin(excluded)
    ids = pd.Series("", index=questions.index, dtype=object)
    if eligible.any():
        text_of = dict(zip(zip(comments["doc_id"], comments["comment_id"], strict=True), comments["text"], strict=True))
        context = pd.Series([question_context(str(text_of.get((d, c), "")), str(q)) for d, c, q in
                             zip(questions["doc_id"], questions["comment_id"], questions["question"], strict=True)],
                            index=questions.index)
        ids[eligible] = group_questions(questions[eligible], context=context[eligible])
    return ids


def _comments_table(per_doc: list[DocumentAnalysis]) -> pd.DataFrame:
    base = comments_frame(d.doc for d in per_doc)
    rows = [{k: v for k, v in row.items() if k != "comment"} for d in per_doc for row in d.comments]
    extra = pd.DataFrame(rows, columns=[*COMMENT_ANALYSIS_COLUMNS, "combined"], index=base.index)
    table = pd.concat([base, extra], axis=1)
    table["answered"] = table["answered"].astype("boolean")
    return table[[*COMMENT_COLUMNS, *COMMENT_ANALYSIS_COLUMNS, "combined"]]
