"""The trends reducer: per day and topic, what the dated comments of the pages add up to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from commentscope.analysis.trends import ALL_TOPICS, SCORE_UNITS, DayCounts, comment_day, trend_rows
from commentscope.engine.page import PageOutput
from commentscope.engine.reducers import merge_each
from commentscope.results import TrendRow


@dataclass
class TrendsReducer:
    """trends.csv: per (day, topic) counts while pages are added, put into periods by `finish`.

    A question counts on its comment's day, for its topics, as in topic_summary.csv; comments
    without a date are only counted (`undated`)."""

    days: dict[tuple[date, str], DayCounts] = field(default_factory=dict)
    undated: int = 0

    def add(self, page: PageOutput) -> None:
        day_of: dict[str, date] = {}
        for row in page.comments:
            day = comment_day(row.comment.date)
            if day is None:
                self.undated += 1
                continue
            day_of[row.comment.comment_id] = day
            score = row.analysis.sentiment_score  # None: a comment in another language, not scored
            units = 0 if score is None else round(score * SCORE_UNITS)
            for topic in (ALL_TOPICS, *row.analysis.topics):
                counts = self._counts(day, topic)
                counts.comments += 1
                counts.scored += score is not None
                counts.sentiment += units
        for question in page.questions:
            day = day_of.get(question.comment_id)
            if day is None:
                continue
            for topic in (ALL_TOPICS, *question.topics):
                counts = self._counts(day, topic)
                counts.questions += 1
                counts.unanswered += not question.answered

    def _counts(self, day: date, topic: str) -> DayCounts:
        counts = self.days.get((day, topic))
        if counts is None:
            counts = self.days[(day, topic)] = DayCounts()
        return counts

    def merge(self, later: TrendsReducer) -> None:
        merge_each(self.days, later.days)
        self.undated += later.undated

    def finish(self, period: str) -> list[TrendRow]:
        return trend_rows(self.days, period)
