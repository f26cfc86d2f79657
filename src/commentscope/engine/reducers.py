"""Mergeable reducers: one per corpus table, each with `add(page)`, `merge(later)` and `finish()`.

A reducer's state after adding pages 1..k and merging the state of pages k+1..n equals its
state after adding pages 1..n, so chunks of pages reduced by different workers combine
exactly. `merge` takes the state of the pages that come *after* this one's (ties in "first"
and "example" choices go to earlier pages). Sums of rounded scores are kept as integers of
1/10,000 (the columns' precision), so they add up exactly in any grouping.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, cast

import numpy as np
import pandas as pd

from commentscope.analysis.answers import StaffMember
from commentscope.analysis.faq import GroupingRows, canonical_order, faq_gaps, group_in_order, question_context
from commentscope.analysis.language import reads_english
from commentscope.analysis.question_terms import QuestionTerms
from commentscope.analysis.sentiment import combined_score
from commentscope.analysis.theme_tally import ThemeTally
from commentscope.analysis.themes import finish_themes
from commentscope.analysis.topics import TopicMatcher
from commentscope.engine.page import PageOutput
from commentscope.results import AnalysedCommentRow, CommenterRow, SuggestedTopicRow, TopicSummaryRow
from commentscope.summaries import TOP_TERMS, excerpt, topic_label

UNITS = 10_000  # scores are rounded to 4 decimals: sums are kept in these units
K = TypeVar("K")
M = TypeVar("M", bound="Mergeable")


class Mergeable(Protocol):
    def merge(self, later: Any) -> None: ...


def merge_each(mine: dict[K, M], later: dict[K, M]) -> None:
    """Merge each of `later`'s values into `mine`'s of the same key (taken over when new)."""
    for key, value in later.items():
        kept = mine.get(key)
        if kept is None:
            mine[key] = value
        else:
            kept.merge(value)


def _units(score: float) -> int:
    return round(score * UNITS)


@dataclass
class _Topic:
    comments: int = 0
    documents: int = 0
    scored: int = 0  # mentions with lexicon scores (of comments in English)
    labelled: int = 0  # mentions with a label (those, and any an analyzer of their language rated)
    vader: int = 0  # comment-level scores of the tagged comments, in UNITS
    textblob: int = 0
    mention_vader: int = 0  # mention-level scores, in UNITS
    mention_textblob: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    questions: int = 0
    unanswered: int = 0
    terms: Counter[str] = field(default_factory=Counter)
    example: tuple[int, str] = (1, "")  # (-commas in the evidence, comment_id): smallest wins
    example_row: AnalysedCommentRow | None = None

    def merge(self, later: _Topic) -> None:
        for name in ("comments", "documents", "scored", "labelled", "vader", "textblob", "mention_vader",
                     "mention_textblob", "questions", "unanswered"):
            setattr(self, name, getattr(self, name) + getattr(later, name))
        self.labels.update(later.labels)
        self.terms.update(later.terms)
        if later.example_row and (not self.example_row or later.example < self.example):
            self.example, self.example_row = later.example, later.example_row


@dataclass
class TopicSummaryReducer:
    """topic_summary.csv: one row per topic that readers mention, most discussed first."""

    topics: dict[str, _Topic] = field(default_factory=dict)
    comments: int = 0

    def add(self, page: PageOutput) -> None:
        self.comments += len(page.comments)
        scores = {row.comment.comment_id: row for row in page.comments}
        seen: set[str] = set()
        for mention in page.mentions:
            topic = self.topics.setdefault(mention.topic, _Topic())
            tagged = scores[mention.comment_id]
            topic.comments += 1
            if mention.vader_compound is not None and mention.textblob_polarity is not None:
                topic.scored += 1  # an English comment: its own lexicon cells are there too
                topic.vader += _units(tagged.analysis.vader_compound or 0.0)
                topic.textblob += _units(tagged.analysis.textblob_polarity or 0.0)
                topic.mention_vader += _units(mention.vader_compound)
                topic.mention_textblob += _units(mention.textblob_polarity)
            if mention.sentiment:
                topic.labelled += 1
                topic.labels[mention.sentiment] += 1
            topic.terms.update(term.strip() for term in mention.evidence if term.strip())
            key = (-(len(mention.evidence) - 1), mention.comment_id)
            if not topic.example_row or key < topic.example:
                topic.example, topic.example_row = key, tagged
            if mention.topic not in seen:
                seen.add(mention.topic)
                topic.documents += 1
        for question in page.questions:
            for name in question.topics:
                topic = self.topics.setdefault(name, _Topic())
                topic.questions += 1
                topic.unanswered += not question.answered

    def merge(self, later: TopicSummaryReducer) -> None:
        self.comments += later.comments
        merge_each(self.topics, later.topics)

    def finish(self) -> list[TopicSummaryRow]:
        rows = []
        for name, t in sorted(self.topics.items()):
            if not t.comments:
                continue  # asked about in a question only: not a topic readers mention
            rows.append(TopicSummaryRow(
                name,
                t.comments,
                round(t.comments / self.comments, 4) if self.comments else 0.0,
                t.documents,
                *_sentiment_cells(t),
                questions=t.questions,
                unanswered_questions=t.unanswered,
                top_terms=tuple(sorted(t.terms.items(), key=lambda item: (-item[1], item[0]))[:TOP_TERMS]),
                example_comment_id=t.example[1],
                example_comment=excerpt(t.example_row.comment.text) if t.example_row else "",
            ))
        rows.sort(key=lambda row: (-row.comments, row.topic))
        return rows

    def examples(self) -> list[AnalysedCommentRow]:
        """The comment each topic quotes."""
        return [t.example_row for _, t in sorted(self.topics.items()) if t.example_row]


SentimentCells = tuple[float | None, float | None, float | None, float | None, str]


def _sentiment_cells(t: _Topic) -> SentimentCells:
    """mean_vader, mean_textblob, share_negative, topic_vader and topic_sentiment of a topic: the
    lexicon means over its mentions in English, the share and the label over its labelled ones
    (None and "" when there are none: every mention is of a comment in another language)."""
    share = round(t.labels["negative"] / t.labelled, 4) if t.labelled else None
    if not t.scored:
        return None, None, share, None, topic_label(t.labels, None)
    topic_vader = t.mention_vader / (t.scored * UNITS)
    topic_textblob = t.mention_textblob / (t.scored * UNITS)
    return (round(t.vader / (t.scored * UNITS), 4), round(t.textblob / (t.scored * UNITS), 4), share,
            round(topic_vader, 4), topic_label(t.labels, combined_score(topic_vader, topic_textblob)))


@dataclass
class CommentersReducer:
    """commenters.csv: pages, comments, replies received and questions per named commenter."""

    # author -> [documents, comments, replies received, questions]
    counts: dict[str, list[int]] = field(default_factory=dict)
    staff: dict[str, StaffMember] = field(default_factory=dict)

    def add(self, page: PageOutput) -> None:
        owners: dict[str, set[str]] = {}
        for row in page.comments:
            comment = row.comment
            if comment.author:
                owners.setdefault(comment.comment_id, set()).add(comment.author)
                counts = self.counts.get(comment.author)
                if counts is None:
                    counts = self.counts[sys.intern(comment.author)] = [0, 0, 0, 0]
                counts[1] += 1
                counts[3] += row.analysis.is_question
        for author in {row.comment.author for row in page.comments if row.comment.author}:
            self.counts[author][0] += 1
        for row in page.comments:
            for owner in owners.get(row.comment.parent_id, ()):
                if owner != row.comment.author:
                    self.counts[owner][2] += 1
        self.staff.update(page.staff)

    def merge(self, later: CommentersReducer) -> None:
        for author, counts in later.counts.items():
            mine = self.counts.get(author)
            if mine is None:
                self.counts[author] = counts
            else:
                for k in range(4):
                    mine[k] += counts[k]
        self.staff.update(later.staff)

    def finish(self) -> list[CommenterRow]:
        rows = [
            CommenterRow(
                author=author, documents=c[0], comments=c[1], replies_received=c[2], questions=c[3],
                is_staff=author in self.staff,
                staff_evidence=self.staff[author].evidence if author in self.staff else "",
            )
            for author, c in self.counts.items()
        ]
        rows.sort(key=lambda row: (-row.comments, row.author))
        return rows


QUESTION_FIELDS = ("doc_id", "comment_id", "author", "question", "topics", "answered",
                   "answered_by", "asked_of", "article_coverage")


@dataclass
class QuestionsReducer:
    """Every question, small (no article passage), for grouping and FAQ gaps at the end, with
    the text grouping compares: the question and up to 200 characters of its comment before it
    (`faq.question_context`).

    Questions from promotional comments get no group; those of comments in another language than
    English keep a group of their own (the encoder, the pair model and the FAQ rules read
    English: on German pages they paired questions that share only function words, and left out
    of grouping such questions were missing from the FAQ gaps an editor labelled; docs/faq.md).
    Off-topic comments keep theirs: lexical relevance misses paraphrase, and under a neutral "ask
    us" article it flagged a fifth of genuine health questions (the FAQ-grouping work).

    The cells are kept as one list per column (`QUESTION_FIELDS`), and the table is built after
    grouping: a DataFrame copies every string into its own columns, so building it first held
    each question's strings twice through grouping's peak (docs/benchmarks.md, "Driver memory,
    eighth round").
    """

    columns: dict[str, list[object]] = field(default_factory=lambda: {name: [] for name in QUESTION_FIELDS})
    eligible: list[bool] = field(default_factory=list)  # not from a promotional comment
    alone: list[bool] = field(default_factory=list)  # from a comment in another language: grouped alone
    context: list[str] = field(default_factory=list)  # what grouping compares (`question_context`)
    terms: QuestionTerms = field(default_factory=QuestionTerms)  # the context's words, read here (the map step)

    def add(self, page: PageOutput) -> None:
        excluded = {row.comment.comment_id for row in page.comments if row.analysis.promotional}
        foreign = {row.comment.comment_id for row in page.comments if not reads_english(row.analysis.language)}
        text_of = {row.comment.comment_id: row.comment.text for row in page.comments}
        for q in page.questions:
            cells = (sys.intern(q.doc_id), q.comment_id, q.author, q.question, sys.intern(";".join(q.topics)),
                     q.answered, sys.intern(q.answered_by), sys.intern(q.asked_of), q.article_coverage)
            for column, cell in zip(self.columns.values(), cells, strict=True):
                column.append(cell)
            eligible = q.comment_id not in excluded
            self.eligible.append(eligible)
            self.alone.append(q.comment_id in foreign)
            context = question_context(text_of.get(q.comment_id, ""), q.question) if eligible else ""
            self.context.append(context)
            self.terms.add(context)

    def merge(self, later: QuestionsReducer) -> None:
        for name, column in self.columns.items():
            column.extend(later.columns[name])
        self.eligible.extend(later.eligible)
        self.alone.extend(later.alone)
        self.context.extend(later.context)
        self.terms.merge(later.terms)

    def finish(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The questions (small columns) with their group ids, and the FAQ-gap table. Ends the
        reducer: its descriptions are reordered in place for grouping."""
        group_ids = self._group_ids()
        questions = pd.DataFrame(self.columns if self.eligible else None, columns=list(QUESTION_FIELDS))
        questions["answered"] = questions["answered"].astype(bool)
        questions["group_id"] = pd.Series(group_ids, index=questions.index, dtype=object)
        grouped = questions[questions["group_id"] != ""]
        context = pd.Series(self.context, index=questions.index, dtype=object)
        return questions, faq_gaps(grouped, grouped["group_id"], context=context[grouped.index])

    def grouping_rows(self) -> tuple[GroupingRows, list[int]]:
        """What grouping reads of every question (the cells, not copies), and the positions of
        the eligible ones in canonical order (`faq.canonical_order`)."""
        cells = self.columns
        rows = GroupingRows(cast(list[str], cells["doc_id"]), cast(list[str], cells["comment_id"]),
                            cast(list[str], cells["question"]), cells["author"],
                            [bool(v) for v in cells["answered"]], np.array(cells["article_coverage"], dtype=float))
        return rows, [k for k in canonical_order(rows) if self.eligible[k]]

    def _group_ids(self) -> list[str]:
        """A group id per question ("" for a promotional comment's), grouped in canonical order."""
        rows, order = self.grouping_rows()
        self.terms = self.terms.select(order)  # the map step's order is freed before grouping
        ids = group_in_order(rows.take(order), [self.context[k] for k in order], self.terms,
                             alone=[self.alone[k] for k in order])
        group_ids = [""] * len(self.eligible)
        for position, group_id in zip(order, ids, strict=True):
            group_ids[position] = group_id
        return group_ids


@dataclass
class ThemesReducer:
    """suggested_topics.csv: the page tallies of candidate phrases, merged (see `theme_tally`)."""

    tally: ThemeTally = field(default_factory=ThemeTally)

    def add(self, page: PageOutput) -> None:
        if page.themes is not None:
            self.tally.merge(page.themes)

    def merge(self, later: ThemesReducer) -> None:
        self.tally.merge(later.tally)
        self.tally.prune()

    def finish(self, matcher: TopicMatcher) -> list[SuggestedTopicRow]:
        return finish_themes(self.tally, matcher)
