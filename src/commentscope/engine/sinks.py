"""Where a run's rows go, and the corpus tables its reducers finish into.

`FolderSink` streams documents, comments, topic mentions and questions to CSV files at the paths
it is given, as the CSV text the workers formatted (questions without their group first; the
group column is added once grouping is done). `FrameSink` keeps every row for an in-memory
`Analysis`. `finish` turns the merged reducers into the corpus tables and the bounded report
input (`digest`).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pandas as pd

from commentscope.analysis.topics import TopicMatcher
from commentscope.analysis.trends import DEFAULT_PERIOD
from commentscope.engine.csv_rows import csv_block
from commentscope.engine.page import PageOutput
from commentscope.engine.run import ChunkResult, Reducers, Streamed
from commentscope.results import (
    AnalysedCommentRow,
    AnalysedDocumentRow,
    Analysis,
    CommentAnalysis,
    CommenterRow,
    CommentRow,
    GroupedQuestionRow,
    QuestionRow,
    SiteRow,
    SuggestedTopicRow,
    TopicMentionRow,
    TopicSummaryRow,
    Totals,
    TrendRow,
    columns,
)
from commentscope.writers import CsvTableWriter, frame, write_csv

STREAMED = ("documents", "comments", "topic_mentions")


@dataclass
class Finished:
    """The corpus tables a run's reducers give, and the questions' group ids in input order."""

    topic_summary: list[TopicSummaryRow]
    commenters: list[CommenterRow]
    suggested_topics: list[SuggestedTopicRow]
    questions: pd.DataFrame  # every question, small columns, with group_id
    faq_gaps: pd.DataFrame
    digest: Analysis
    trends: list[TrendRow] = field(default_factory=list)
    sites: list[SiteRow] = field(default_factory=list)


def finish(reducers: Reducers, matcher: TopicMatcher, period: str = DEFAULT_PERIOD) -> Finished:
    """Finish every reducer: group the questions, rank themes, put the trends into `period`s, and
    build the report input."""
    trends = reducers.trends.finish(period)
    sites = reducers.sites.finish()
    questions, gaps = reducers.questions.finish()
    topics = reducers.topics.finish()
    commenters = reducers.commenters.finish()
    themes = reducers.themes.finish(matcher)
    digest = reducers.digest
    quoted = [*digest.quoted(), *reducers.topics.examples(), *_theme_stubs(reducers, themes)]
    unique = {row.comment.comment_id: row for row in reversed(quoted)}  # the first copy wins
    shown = [page.rank[1] for page in digest.shown]
    totals = Totals(
        pages=digest.pages,
        comments=reducers.topics.comments,
        commenters=len(commenters),
        questions=len(questions),
        unanswered=int((~questions["answered"]).sum()),
        shown_pages=tuple(shown),
        replies=tuple((page.rank[1], page.replies) for page in digest.shown),
        page_topics=tuple((page.rank[1], topic, n) for page in digest.shown
                          for topic, n in sorted(page.topics.items())),
    )
    report = Analysis(
        documents=frame(digest.documents, AnalysedDocumentRow),
        comments=frame(unique.values(), AnalysedCommentRow),
        questions=questions,
        faq_gaps=gaps,
        topic_summary=frame(topics, TopicSummaryRow),
        topic_mentions=frame(digest.mentions(), TopicMentionRow),
        suggested_topics=frame(themes, SuggestedTopicRow),
        commenters=frame(commenters, CommenterRow),
        trends=frame(trends, TrendRow),
        sites=frame(sites, SiteRow),
        totals=totals,
    )
    return Finished(topics, commenters, themes, questions, gaps, report, trends, sites)


def _theme_stubs(reducers: Reducers, themes: list[SuggestedTopicRow]) -> list[AnalysedCommentRow]:
    """The example comments of the suggested themes, as far as the tally knows them."""
    wanted = {row.example_comment_id for row in themes}
    stubs = {}
    for theme in reducers.themes.tally.themes.values():
        if theme.example_id in wanted and theme.example_id not in stubs:
            comment = CommentRow(theme.example_doc, theme.example_id, "", 0, 0, theme.example_author, "",
                                 theme.example, None, None, "", False)
            stubs[theme.example_id] = AnalysedCommentRow(comment, CommentAnalysis())
    return [stubs[row.example_comment_id] for row in themes if row.example_comment_id in stubs]


class FolderSink:
    """Streams the per-page tables to CSV files in `out_dir`."""

    streamed: ClassVar[Streamed] = "csv"

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.staged = out_dir / "questions.csv.part"
        self._writers = {
            "documents": CsvTableWriter(out_dir / "documents.csv", columns(AnalysedDocumentRow)),
            "comments": CsvTableWriter(out_dir / "comments.csv", columns(AnalysedCommentRow)),
            "topic_mentions": CsvTableWriter(out_dir / "topic_mentions.csv", columns(TopicMentionRow)),
            "questions": CsvTableWriter(self.staged, columns(QuestionRow)),
        }

    def chunk(self, result: ChunkResult) -> None:
        """Append the chunk's CSV text (`streamed` "csv"), or format its pages' rows here."""
        if not result.csv:
            for page in result.pages:
                self.page(page)
            return
        for name, (text, rows) in result.csv.items():
            self._writers[name].write_text(text, rows)

    def page(self, page: PageOutput) -> None:
        """A page's rows, formatted as the workers format them (`csv_rows.csv_block`)."""
        tables: dict[str, Sequence[object]] = {"documents": [page.document], "comments": page.comments,
                                               "topic_mentions": page.mentions, "questions": page.questions}
        for name, rows in tables.items():
            self._writers[name].write_text(csv_block(rows), len(rows))

    def close(self) -> None:
        for writer in self._writers.values():
            writer.close()

    def finish(self, done: Finished) -> list[Path]:
        """Close the streamed files and write the corpus tables; every path, in table order."""
        self.close()
        paths = {name: self._writers[name].path for name in STREAMED}
        paths["questions"] = self._group_questions(done.questions["group_id"].tolist())
        for name, table in (("faq_gaps", done.faq_gaps),
                            ("topic_summary", frame(done.topic_summary, TopicSummaryRow)),
                            ("suggested_topics", frame(done.suggested_topics, SuggestedTopicRow)),
                            ("commenters", frame(done.commenters, CommenterRow)),
                            ("trends", frame(done.trends, TrendRow)),
                            ("sites", frame(done.sites, SiteRow))):
            paths[name] = write_csv(table, self.out_dir / f"{name}.csv")
        order = ("documents", "comments", "questions", "faq_gaps", "topic_summary", "topic_mentions",
                 "suggested_topics", "commenters", "trends", "sites")
        return [paths[name] for name in order]

    def _group_questions(self, group_ids: list[str]) -> Path:
        """questions.csv: the staged rows with their group id added, read back one at a time."""
        path = self.out_dir / "questions.csv"
        with self.staged.open(encoding="utf-8", newline="") as staged, \
                path.open("w", encoding="utf-8", newline="") as out:
            rows, writer = csv.reader(staged), csv.writer(out, lineterminator="\n")
            writer.writerow([*next(rows), "group_id"])
            for cells, group_id in zip(rows, group_ids, strict=True):
                writer.writerow([*cells, group_id])
        self.staged.unlink()
        return path


@dataclass
class FrameSink:
    """Keeps every row, for an in-memory `Analysis` of a corpus that fits in memory."""

    documents: list[AnalysedDocumentRow] = field(default_factory=list)
    comments: list[AnalysedCommentRow] = field(default_factory=list)
    questions: list[QuestionRow] = field(default_factory=list)
    mentions: list[TopicMentionRow] = field(default_factory=list)
    streamed: ClassVar[Streamed] = "rows"

    def chunk(self, result: ChunkResult) -> None:
        for page in result.pages:
            self.page(page)

    def page(self, page: PageOutput) -> None:
        self.documents.append(page.document)
        self.comments.extend(page.comments)
        self.questions.extend(page.questions)
        self.mentions.extend(page.mentions)

    def analysis(self, done: Finished) -> Analysis:
        group_ids = done.questions["group_id"].tolist()
        grouped = [GroupedQuestionRow(q, g) for q, g in zip(self.questions, group_ids, strict=True)]
        return Analysis(
            documents=frame(self.documents, AnalysedDocumentRow),
            comments=frame(self.comments, AnalysedCommentRow),
            questions=frame(grouped, GroupedQuestionRow),
            faq_gaps=done.faq_gaps,
            topic_summary=frame(done.topic_summary, TopicSummaryRow),
            topic_mentions=frame(self.mentions, TopicMentionRow),
            suggested_topics=frame(done.suggested_topics, SuggestedTopicRow),
            commenters=frame(done.commenters, CommenterRow),
            trends=frame(done.trends, TrendRow),
            sites=frame(done.sites, SiteRow),
        )
