"""The tables an analysis produces: one frozen dataclass per row, column lists derived from them.

Cells hold typed values (numbers, booleans, None for missing, tuples for lists). How a list is
written in a CSV cell is the field's `cell` metadata, applied by `commentscope.writers` only:
"join:SEP" joins strings, "evidence" writes (topic, terms) pairs as "topic: a, b; other: c",
"counts" writes (term, n) pairs as "term (n); other (m)". A row may nest other row dataclasses
(a comment row is its parsed part plus its analysis); their columns follow in order.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

import pandas as pd


def joined(separator: str) -> Any:
    """A tuple-of-strings field written as its items joined by `separator`."""
    return field(default=(), metadata={"cell": f"join:{separator}"})


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One input page as parsed (documents.csv, first columns; all of `parse`'s)."""

    doc_id: str
    source: str
    format: str
    url: str
    title: str
    comment_count: int
    max_depth: int | None
    comments_closed: bool
    article_chars: int
    boilerplate_lines: int
    status: str
    error: str


@dataclass(frozen=True, slots=True)
class DocumentFigures:
    """Per-page figures of an analysis (documents.csv, last columns)."""

    commenters: int
    questions: int
    unanswered: int
    staff_replies: int
    mean_sentiment: float | None
    top_topics: tuple[str, ...] = joined("; ")
    language: str = ""  # the page's language (`analysis.language`)


@dataclass(frozen=True, slots=True)
class AnalysedDocumentRow:
    page: DocumentRow
    figures: DocumentFigures


@dataclass(frozen=True, slots=True)
class CommentRow:
    """One comment as parsed (comments.csv, first columns; all of `parse`'s)."""

    doc_id: str
    comment_id: str
    parent_id: str
    depth: int
    position: int
    author: str
    date: str
    text: str
    line_start: int | None
    line_end: int | None
    source_id: str
    marked_staff: bool


@dataclass(frozen=True, slots=True)
class CommentAnalysis:
    """What the analyzers say about one comment (comments.csv, last columns)."""

    language: str = ""  # ISO 639-1 code, "" when neither the comment nor its page says (`analysis.language`)
    topics: tuple[str, ...] = joined(";")
    topic_evidence: tuple[tuple[str, tuple[str, ...]], ...] = field(default=(), metadata={"cell": "evidence"})
    # the five sentiment cells: None and "" for a comment in another language than English
    vader_compound: float | None = 0.0
    textblob_polarity: float | None = 0.0
    textblob_subjectivity: float | None = 0.0
    sentiment: str = "neutral"
    sentiment_score: float | None = 0.0
    relevance: float = 0.0
    off_topic: bool = False
    promotional: bool = False
    is_question: bool = False
    questions: tuple[str, ...] = joined(" | ")
    answered: bool | None = None
    answered_by: str = ""


@dataclass(frozen=True, slots=True)
class AnalysedCommentRow:
    comment: CommentRow
    analysis: CommentAnalysis


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """One question a reader asked (questions.csv without its group)."""

    doc_id: str
    comment_id: str
    author: str
    question: str
    topics: tuple[str, ...] = joined(";")
    answered: bool = False
    answered_by: str = ""
    answer_evidence: str = ""
    asked_of: str = ""  # "" (the page), "staff: NAME", "reader: NAME" or "readers" (`analysis.addressee`)
    article_coverage: float | None = None  # None when the page has no article to compare with
    article_passage: str = ""
    article_line: int | None = None


@dataclass(frozen=True, slots=True)
class GroupedQuestionRow:
    question: QuestionRow
    group_id: str


@dataclass(frozen=True, slots=True)
class TopicMentionRow:
    """One topic of one comment, scored on the sentences that mention it."""

    doc_id: str
    comment_id: str
    topic: str
    sentences: int
    evidence: tuple[str, ...] = joined(", ")
    vader_compound: float | None = 0.0  # None and "": a comment in another language, not scored
    textblob_polarity: float | None = 0.0
    sentiment: str = "neutral"


@dataclass(frozen=True, slots=True)
class TopicSummaryRow:
    """One topic across the corpus."""

    topic: str
    comments: int
    share_of_comments: float
    documents: int
    mean_vader: float | None  # the sentiment cells: None and "" when no mention was scored
    mean_textblob: float | None
    share_negative: float | None
    topic_vader: float | None
    topic_sentiment: str
    questions: int
    unanswered_questions: int
    top_terms: tuple[tuple[str, int], ...] = field(default=(), metadata={"cell": "counts"})
    example_comment_id: str = ""
    example_comment: str = ""


@dataclass(frozen=True, slots=True)
class SuggestedTopicRow:
    """A theme readers share that the taxonomy misses."""

    term: str
    comments: int
    documents: int
    mentions: int
    example_comment_id: str
    example: str


@dataclass(frozen=True, slots=True)
class CommenterRow:
    """One named commenter across the corpus."""

    author: str
    documents: int
    comments: int
    replies_received: int
    questions: int
    is_staff: bool
    staff_evidence: str


@dataclass(frozen=True, slots=True)
class TrendRow:
    """One period and topic: its dated comments, their questions and mean sentiment (trends.csv)."""

    period: str
    period_start: str
    topic: str
    comments: int
    questions: int
    unanswered_questions: int
    mean_sentiment: float | None


@dataclass(frozen=True, slots=True)
class SiteRow:
    """One site (a page URL's host, else the folder its pages were read from) across the corpus."""

    site: str
    pages: int
    failed_pages: int
    comments: int
    commenters: int
    questions: int
    unanswered: int
    share_unanswered: float | None  # None when the site's readers asked nothing
    staff_replies: int
    mean_sentiment: float | None  # None when no comment was scored (all in another language)
    top_topics: tuple[tuple[str, int], ...] = field(default=(), metadata={"cell": "counts"})
    first_comment: str = ""  # ISO days of the earliest and latest dated comment ("" when none is dated)
    last_comment: str = ""
    busiest_page: str = ""  # doc_id of the page with most comments


@cache
def row_fields(row_type: type) -> tuple[tuple[str, Any, str], ...]:
    """(column, type, cell format) of each column of a row dataclass, nested rows flattened."""
    hints = typing.get_type_hints(row_type)
    found: list[tuple[str, Any, str]] = []
    for f in fields(row_type):
        kind = hints[f.name]
        if dataclasses.is_dataclass(kind):
            found.extend(row_fields(kind))  # type: ignore[arg-type]
        else:
            found.append((f.name, kind, f.metadata.get("cell", "")))
    return tuple(found)


def columns(row_type: type) -> list[str]:
    """The column names of a row dataclass, in order."""
    return [name for name, _, _ in row_fields(row_type)]


DOCUMENT_COLUMNS = columns(DocumentRow)
DOCUMENT_ANALYSIS_COLUMNS = columns(DocumentFigures)
COMMENT_COLUMNS = columns(CommentRow)
COMMENT_ANALYSIS_COLUMNS = columns(CommentAnalysis)
QUESTION_COLUMNS = columns(GroupedQuestionRow)
FAQ_GAP_COLUMNS = [
    "rank", "group_id", "representative_question", "topics", "askers", "questions",
    "unanswered", "answered_by_staff", "answered_by_reader", "unanswered_share",
    "article_coverage", "doc_ids", "comment_ids",
]
TOPIC_SUMMARY_COLUMNS = columns(TopicSummaryRow)
TOPIC_MENTION_COLUMNS = columns(TopicMentionRow)
SUGGESTED_TOPIC_COLUMNS = columns(SuggestedTopicRow)
COMMENTER_COLUMNS = columns(CommenterRow)
TREND_COLUMNS = columns(TrendRow)
SITE_COLUMNS = columns(SiteRow)


REPORT_PAGES = 30  # pages with most comments shown in the thread chart and the report
PAGE_COMMENTS = 60  # comments per page shown in the report's reply trees


@dataclass(frozen=True)
class Totals:
    """Corpus counts for a report built from bounded tables (`Analysis.totals`)."""

    pages: int
    comments: int
    commenters: int
    questions: int
    unanswered: int
    shown_pages: tuple[str, ...] = ()  # pages whose comments the tables hold in full
    replies: tuple[tuple[str, int], ...] = ()  # replies per shown page
    page_topics: tuple[tuple[str, str, int], ...] = ()  # (doc_id, topic, comments) per shown page


@dataclass(frozen=True)
class Analysis:
    """Every table of one analysis run, as pandas DataFrames (one row per thing).

    `totals` is set when some tables are bounded extracts (a streamed run's report input):
    then `comments` holds the shown pages' comments and examples, `topic_mentions` a sample.
    `trends` is empty (header only) when no comment has a date; `sites` has a row per site.
    """

    documents: pd.DataFrame
    comments: pd.DataFrame
    questions: pd.DataFrame
    faq_gaps: pd.DataFrame
    topic_summary: pd.DataFrame
    topic_mentions: pd.DataFrame
    suggested_topics: pd.DataFrame
    commenters: pd.DataFrame
    trends: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TREND_COLUMNS))
    sites: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SITE_COLUMNS))
    totals: Totals | None = None

    def tables(self) -> dict[str, pd.DataFrame]:
        """Table name -> DataFrame, in the order they are written."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "totals"}
