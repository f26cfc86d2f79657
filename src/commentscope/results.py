"""The tables an analysis produces: names and column orders, one place for writers and readers."""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

DOCUMENT_COLUMNS = [
    "doc_id", "source", "format", "url", "title", "comment_count", "max_depth", "comments_closed",
    "article_chars", "boilerplate_lines", "status", "error",
]
DOCUMENT_ANALYSIS_COLUMNS = [
    "commenters", "questions", "unanswered", "staff_replies", "mean_sentiment", "top_topics",
]
COMMENT_COLUMNS = [
    "doc_id", "comment_id", "parent_id", "depth", "position", "author", "date", "text",
    "line_start", "line_end", "source_id", "marked_staff",
]
COMMENT_ANALYSIS_COLUMNS = [
    "topics", "topic_evidence", "vader_compound", "textblob_polarity", "textblob_subjectivity",
    "sentiment", "sentiment_score", "relevance", "off_topic", "promotional", "is_question", "questions",
    "answered", "answered_by",
]
QUESTION_COLUMNS = [
    "doc_id", "comment_id", "author", "question", "topics", "answered", "answered_by",
    "answer_evidence", "article_coverage", "article_passage", "article_line", "group_id",
]
FAQ_GAP_COLUMNS = [
    "rank", "group_id", "representative_question", "topics", "askers", "questions",
    "unanswered", "answered_by_staff", "answered_by_reader", "unanswered_share",
    "article_coverage", "doc_ids", "comment_ids",
]
TOPIC_SUMMARY_COLUMNS = [
    "topic", "comments", "share_of_comments", "documents", "mean_vader", "mean_textblob",
    "share_negative", "topic_vader", "topic_sentiment", "questions", "unanswered_questions",
    "top_terms", "example_comment_id", "example_comment",
]
TOPIC_MENTION_COLUMNS = [
    "doc_id", "comment_id", "topic", "sentences", "evidence", "vader_compound",
    "textblob_polarity", "sentiment",
]
SUGGESTED_TOPIC_COLUMNS = [
    "term", "comments", "documents", "mentions", "example_comment_id", "example",
]
COMMENTER_COLUMNS = [
    "author", "documents", "comments", "replies_received", "questions", "is_staff",
    "staff_evidence",
]


@dataclass(frozen=True)
class Analysis:
    """Every table of one analysis run, as pandas DataFrames (one row per thing)."""

    documents: pd.DataFrame
    comments: pd.DataFrame
    questions: pd.DataFrame
    faq_gaps: pd.DataFrame
    topic_summary: pd.DataFrame
    topic_mentions: pd.DataFrame
    suggested_topics: pd.DataFrame
    commenters: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """Table name -> DataFrame, in the order they are written."""
        return {f.name: getattr(self, f.name) for f in fields(self)}
