"""The sites reducer: what each site's pages add up to, for a corpus that spans several sites.

A page's site is its URL's host (`www.` left out, so `www.example.com` and `example.com` are
one site); a page without a URL (a text dump, an unreadable file) belongs to the folder it was
read from, as given on the command line and with a trailing slash (`seeds/`, `dumps/w3m/`), so
that it never reads as a host.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlsplit

from commentscope.analysis.trends import SCORE_UNITS, comment_day
from commentscope.engine.page import PageOutput
from commentscope.engine.reducers import merge_each
from commentscope.results import SiteRow

TOP_SITE_TOPICS = 3


def site_of(url: str, source: str) -> str:
    """The site of a page with this `url` (may be empty) read from `source` (its path)."""
    try:
        host = urlsplit(url.strip()).hostname if url.strip() else None
    except ValueError:  # a malformed URL ("http://[::1") names no host
        host = None
    if host:
        return host.removeprefix("www.")
    return str(PurePath(source).parent).rstrip("/") + "/"


@dataclass
class _Site:
    pages: int = 0
    failed: int = 0
    comments: int = 0
    authors: set[str] = field(default_factory=set)
    questions: int = 0
    unanswered: int = 0
    staff_replies: int = 0
    scored: int = 0  # comments with a sentiment score (not in another language)
    sentiment: int = 0  # their sum, in SCORE_UNITS
    topics: Counter[str] = field(default_factory=Counter)  # comments per topic
    first: str = ""  # ISO day of the earliest and the latest dated comment
    last: str = ""
    busiest: tuple[int, str] = (1, "")  # (-comments, doc_id) of the page with most comments: smallest wins

    def merge(self, later: _Site) -> None:
        for name in ("pages", "failed", "comments", "questions", "unanswered", "staff_replies", "scored",
                     "sentiment"):
            setattr(self, name, getattr(self, name) + getattr(later, name))
        self.authors |= later.authors
        self.topics.update(later.topics)
        self.dated(later.first, later.last)
        self.busiest = min(self.busiest, later.busiest)

    def dated(self, first: str, last: str) -> None:
        """Widen the site's span of comment days to take in `first` and `last` ("" counts as none)."""
        if first and (not self.first or first < self.first):
            self.first = first
        if last and last > self.last:
            self.last = last


@dataclass
class SitesReducer:
    """sites.csv: one row per site, most comments first (see the module doc)."""

    sites: dict[str, _Site] = field(default_factory=dict)

    def add(self, page: PageOutput) -> None:
        document = page.document.page
        site = self.sites.setdefault(site_of(document.url, document.source), _Site())
        if document.status != "ok":
            site.failed += 1
            return
        site.pages += 1
        site.comments += len(page.comments)
        site.questions += page.document.figures.questions
        site.unanswered += page.document.figures.unanswered
        site.staff_replies += page.document.figures.staff_replies
        if page.comments:
            site.busiest = min(site.busiest, (-len(page.comments), document.doc_id))
        for row in page.comments:
            if row.comment.author:
                site.authors.add(row.comment.author)
            score = row.analysis.sentiment_score
            if score is not None:
                site.scored += 1
                site.sentiment += round(score * SCORE_UNITS)
            site.topics.update(row.analysis.topics)
            day = comment_day(row.comment.date)
            if day is not None:
                iso = day.isoformat()
                site.dated(iso, iso)

    def merge(self, later: SitesReducer) -> None:
        merge_each(self.sites, later.sites)

    def finish(self) -> list[SiteRow]:
        rows = []
        for name, s in self.sites.items():
            top = sorted(s.topics.items(), key=lambda item: (-item[1], item[0]))[:TOP_SITE_TOPICS]
            rows.append(SiteRow(
                site=name, pages=s.pages, failed_pages=s.failed, comments=s.comments,
                commenters=len(s.authors), questions=s.questions, unanswered=s.unanswered,
                share_unanswered=round(s.unanswered / s.questions, 4) if s.questions else None,
                staff_replies=s.staff_replies,
                mean_sentiment=round(s.sentiment / (s.scored * SCORE_UNITS), 4) if s.scored else None,
                top_topics=tuple(top), first_comment=s.first, last_comment=s.last, busiest_page=s.busiest[1],
            ))
        return sorted(rows, key=lambda row: (-row.comments, -row.pages, row.site))
