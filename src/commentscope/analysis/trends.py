"""Trends over time: comments, questions, unanswered questions and mean sentiment per period and topic.

Counts are kept per calendar day (and topic) while pages are read, so that any grouping of pages
adds up to the same totals; the days are put into periods (ISO weeks, months, quarters) only at the
end. A comment's day is the date part of its `date` as the page printed it (no time zone shift).
Comments without a date (the page gives none, or only "3 days ago") are counted apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from commentscope.errors import ConfigError
from commentscope.results import TrendRow

PERIODS = ("week", "month", "quarter")
DEFAULT_PERIOD = "month"
ALL_TOPICS = "(all)"  # the row of every dated comment of a period, whatever its topics
SCORE_UNITS = 10_000  # sentiment scores are rounded to 4 decimals: sums are kept in these units


def check_period(period: str) -> str:
    """`period` when it is one of PERIODS; else a ConfigError that lists them."""
    if period not in PERIODS:
        raise ConfigError(f"unknown period {period!r}: use one of {', '.join(PERIODS)}")
    return period


def comment_day(stamp: str | None) -> date | None:
    """The calendar day of an ISO 8601 date (`2019-08-03`, `2019-08-03T16:11+02:00`); None without one."""
    if not stamp or len(stamp) < 10:
        return None
    try:
        return date.fromisoformat(stamp[:10])
    except ValueError:
        return None


def period_of(day: date, period: str) -> tuple[str, date]:
    """The period a day falls in: its label (`2020-W01`, `2020-03`, `2020-Q1`) and first day.

    Weeks are ISO weeks (Monday to Sunday; 2021-01-03 is in 2020-W53)."""
    if period == "week":
        year, week, weekday = day.isocalendar()
        return f"{year}-W{week:02d}", day - timedelta(days=weekday - 1)
    if period == "quarter":
        quarter = (day.month - 1) // 3 + 1
        return f"{day.year}-Q{quarter}", date(day.year, 3 * quarter - 2, 1)
    if period == "month":
        return f"{day.year}-{day.month:02d}", date(day.year, day.month, 1)
    raise ConfigError(f"unknown period {period!r}: use one of {', '.join(PERIODS)}")


@dataclass
class DayCounts:
    """What one day (for one topic, or all comments) adds to its period."""

    comments: int = 0
    scored: int = 0  # comments with a sentiment score (not in another language)
    sentiment: int = 0  # sum of their sentiment scores, in SCORE_UNITS
    questions: int = 0
    unanswered: int = 0

    def merge(self, other: DayCounts) -> None:
        self.comments += other.comments
        self.scored += other.scored
        self.sentiment += other.sentiment
        self.questions += other.questions
        self.unanswered += other.unanswered


def trend_rows(days: Mapping[tuple[date, str], DayCounts], period: str) -> list[TrendRow]:
    """One row per (period, topic) with a dated comment or question, oldest period first; in each
    period the row of all comments first, then the topics by name."""
    check_period(period)
    totals: dict[tuple[date, str, str], DayCounts] = {}
    for (day, topic), counts in days.items():
        label, start = period_of(day, period)
        totals.setdefault((start, label, topic), DayCounts()).merge(counts)
    rows = []
    for (start, label, topic), t in sorted(totals.items(), key=lambda item: (item[0][0], item[0][2] != ALL_TOPICS,
                                                                             item[0][2])):
        mean = round(t.sentiment / (t.scored * SCORE_UNITS), 4) if t.scored else None
        rows.append(TrendRow(period=label, period_start=start.isoformat(), topic=topic, comments=t.comments,
                             questions=t.questions, unanswered_questions=t.unanswered, mean_sentiment=mean))
    return rows
