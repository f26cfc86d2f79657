"""The report's input, bounded: what the charts and report.html show of a corpus of any size.

Kept: every page's documents row; the `REPORT_PAGES` pages with most comments, with their first
`PAGE_COMMENTS` comments (the report's reply trees), reply and per-topic counts; per topic and
sentiment label the first two mentions (the report's examples) and a sample of `MENTION_SAMPLE`
mentions for the sentiment chart (the mentions with the smallest stable hash: the same sample
however the pages were split among workers); the comments that the examples quote.
"""

from __future__ import annotations

import heapq
import zlib
from collections import Counter
from dataclasses import dataclass, field

from commentscope.engine.page import PageOutput
from commentscope.results import (
    PAGE_COMMENTS,
    REPORT_PAGES,
    AnalysedCommentRow,
    AnalysedDocumentRow,
    TopicMentionRow,
)

MENTION_SAMPLE = 300  # mentions per topic drawn in the sentiment chart
FIRSTS = 2  # first mentions kept per topic and label (one may be the topic's own example)

Order = tuple[int, int]  # (page number, row number on the page)


@dataclass
class ShownPage:
    """One of the busiest pages: its first comments, replies and per-topic comment counts."""

    rank: tuple[int, str]  # (-comments, doc_id): smallest first
    rows: list[AnalysedCommentRow]
    replies: int
    topics: Counter[str]


@dataclass
class DigestReducer:
    """The report input reducer (see the module doc). Pages are numbered as they are added."""

    pages: int = 0
    documents: list[AnalysedDocumentRow] = field(default_factory=list)
    shown: list[ShownPage] = field(default_factory=list)
    sample: dict[str, list[tuple[int, Order, TopicMentionRow]]] = field(default_factory=dict)
    firsts: dict[tuple[str, str], list[tuple[Order, TopicMentionRow, AnalysedCommentRow]]] = field(
        default_factory=dict)

    def add(self, page: PageOutput) -> None:
        number = self.pages
        self.pages += 1
        self.documents.append(page.document)
        if page.comments:
            topics: Counter[str] = Counter()
            for row in page.comments:
                topics.update(row.analysis.topics)
            replies = sum(1 for row in page.comments if row.comment.depth > 0)
            doc_id = page.document.page.doc_id
            self._offer([ShownPage((-len(page.comments), doc_id), page.comments[:PAGE_COMMENTS], replies, topics)])
        by_id = {row.comment.comment_id: row for row in page.comments}
        for k, mention in enumerate(page.mentions):
            order = (number, k)
            firsts = self.firsts.setdefault((mention.topic, mention.sentiment), [])
            if len(firsts) < FIRSTS:
                firsts.append((order, mention, by_id[mention.comment_id]))
            key = zlib.crc32(f"{mention.comment_id}\x1f{mention.topic}".encode())
            self._sample(mention.topic, [(key, order, mention)])

    def merge(self, later: DigestReducer) -> None:
        shift = self.pages
        self.pages += later.pages
        self.documents.extend(later.documents)
        self._offer(later.shown)
        for topic, entries in later.sample.items():
            self._sample(topic, [(key, (order[0] + shift, order[1]), m) for key, order, m in entries])
        for label, firsts in later.firsts.items():
            mine = self.firsts.setdefault(label, [])
            mine.extend(((order[0] + shift, order[1]), m, row) for order, m, row in firsts[: FIRSTS - len(mine)])

    def _offer(self, pages: list[ShownPage]) -> None:
        self.shown = sorted([*self.shown, *pages], key=lambda p: p.rank)[:REPORT_PAGES]

    def _sample(self, topic: str, entries: list[tuple[int, Order, TopicMentionRow]]) -> None:
        kept = self.sample.setdefault(topic, [])
        kept.extend(entries)
        if len(kept) > 2 * MENTION_SAMPLE:
            self.sample[topic] = heapq.nsmallest(MENTION_SAMPLE, kept, key=lambda e: (e[0], e[1]))

    def mentions(self) -> list[TopicMentionRow]:
        """The sampled and first mentions, in corpus order."""
        chosen: dict[Order, TopicMentionRow] = {}
        for entries in self.sample.values():
            for _, order, mention in heapq.nsmallest(MENTION_SAMPLE, entries, key=lambda e: (e[0], e[1])):
                chosen[order] = mention
        for firsts in self.firsts.values():
            for order, mention, _ in firsts:
                chosen[order] = mention
        return [chosen[order] for order in sorted(chosen)]

    def quoted(self) -> list[AnalysedCommentRow]:
        """The comments the report shows: shown pages' first comments, then quoted examples."""
        rows = [row for page in self.shown for row in page.rows]
        rows += [row for firsts in self.firsts.values() for _, _, row in firsts]
        return rows
