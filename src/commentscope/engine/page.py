"""The map step: one page in; the rows it adds to each table, and what the reducers need, out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import compress
from pathlib import Path

import numpy as np

from commentscope.analysis.answers import StaffMember
from commentscope.analysis.document import analyze_document
from commentscope.analysis.language import reads_english
from commentscope.analysis.sentiment import SentimentAnalyzer
from commentscope.analysis.theme_tally import ThemeTally
from commentscope.analysis.themes import tally_page
from commentscope.analysis.topics import TopicMatcher
from commentscope.corpus import PageResult
from commentscope.model import Document
from commentscope.readers.options import ReadOptions
from commentscope.results import (
    AnalysedCommentRow,
    AnalysedDocumentRow,
    CommentAnalysis,
    DocumentFigures,
    QuestionRow,
    TopicMentionRow,
)
from commentscope.tables import comment_row, document_row

TOP_PAGE_TOPICS = 3


@dataclass(frozen=True)
class Settings:
    """What every worker needs to read and analyse a page: the taxonomy, the named staff, the
    readers' options and the sentiment analyzer (None: the packaged model, loaded per worker;
    another must be picklable to run in worker processes)."""

    topics: Path | None = None
    replace_topics: bool = False
    staff: tuple[str, ...] = ()
    read_options: ReadOptions | None = None
    sentiment: SentimentAnalyzer | None = None


@dataclass(frozen=True)
class PageOutput:
    """One input page's rows for each table; `staff` and `themes` feed the reducers only."""

    document: AnalysedDocumentRow
    comments: list[AnalysedCommentRow]
    questions: list[QuestionRow]
    mentions: list[TopicMentionRow]
    staff: dict[str, StaffMember]
    themes: ThemeTally | None = None
    warnings: tuple[str, ...] = ()  # the parser's notes on the page


def map_page(result: PageResult, matcher: TopicMatcher, settings: Settings) -> PageOutput:
    """Analyse one page (or record why it could not be read)."""
    doc = result.document
    if doc is None:
        figures = DocumentFigures(0, 0, 0, 0, None, ())
        return PageOutput(AnalysedDocumentRow(document_row(result), figures), [], [], [], {})
    analysis = analyze_document(doc, matcher, settings.staff, settings.sentiment)
    comments = [AnalysedCommentRow(comment_row(doc, c), a)
                for c, a in zip(doc.comments, analysis.comments, strict=True)]
    figures = page_figures(doc, analysis.comments, analysis.questions, analysis.staff, analysis.combined,
                           analysis.language)
    # the theme tagger reads English: comments in another language suggest no themes
    english = [reads_english(a.language) for a in analysis.comments]
    themed = list(compress(doc.comments, english))
    themes = tally_page([(doc.doc_id, c.comment_id, c.text) for c in themed], matcher, doc.article,
                        [c.author or "" for c in themed], list(compress(analysis.texts, english)))
    return PageOutput(
        AnalysedDocumentRow(document_row(result), figures), comments, analysis.questions,
        analysis.mentions, analysis.staff, themes, doc.warnings,
    )


def page_figures(
    doc: Document,
    comments: list[CommentAnalysis],
    questions: list[QuestionRow],
    staff: dict[str, StaffMember],
    combined: list[float],
    language: str = "",
) -> DocumentFigures:
    """documents.csv's per-page figures: commenters, questions, staff replies, sentiment, topics."""
    topics: Counter[str] = Counter()
    for analysis in comments:
        topics.update(analysis.topics)
    top = sorted(topics.items(), key=lambda item: (-item[1], item[0]))[:TOP_PAGE_TOPICS]
    # numpy's pairwise sum, as pandas' Series.mean adds them
    mean = float(np.sum(np.asarray(combined, dtype=np.float64)) / len(combined)) if combined else None
    return DocumentFigures(
        commenters=len({c.author for c in doc.comments if c.author}),
        questions=len(questions),
        unanswered=sum(not q.answered for q in questions),
        staff_replies=sum(1 for c in doc.comments if c.parent_id and c.author in staff),
        mean_sentiment=round(mean, 4) if mean is not None else None,
        top_topics=tuple(topic for topic, _ in top),
        language=language,
    )
