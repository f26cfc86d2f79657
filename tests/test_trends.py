"""Trends over time (`analysis/trends.py`, `engine/trends.py`): periods, the reducer, the outputs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from commentscope import analyze
from commentscope.analysis.trends import ALL_TOPICS, comment_day, period_of
from commentscope.corpus import PageResult
from commentscope.engine.page import Settings, map_page
from commentscope.engine.run import _matcher
from commentscope.engine.trends import TrendsReducer
from commentscope.errors import ConfigError
from commentscope.parse import parse_text
from commentscope.pipeline import RunOptions, analyze_to_folder
from commentscope.report import render_report
from commentscope.results import TREND_COLUMNS
from report_fixtures import SCRIPT_TEXT, make_analysis

PERIODS = {
    # ISO weeks run Monday to Sunday; the days around New Year belong to the week of their Thursday
    "week-monday": (date(2020, 3, 9), "week", ("2020-W11", date(2020, 3, 9))),
    "week-sunday": (date(2020, 3, 15), "week", ("2020-W11", date(2020, 3, 9))),
    "week-53": (date(2021, 1, 3), "week", ("2020-W53", date(2020, 12, 28))),
    "week-1-in-december": (date(2019, 12, 30), "week", ("2020-W01", date(2019, 12, 30))),
    "month-first-day": (date(2020, 3, 1), "month", ("2020-03", date(2020, 3, 1))),
    "month-last-day": (date(2020, 2, 29), "month", ("2020-02", date(2020, 2, 1))),
    "quarter-end": (date(2020, 3, 31), "quarter", ("2020-Q1", date(2020, 1, 1))),
    "quarter-start": (date(2020, 4, 1), "quarter", ("2020-Q2", date(2020, 4, 1))),
    "quarter-last": (date(2020, 12, 31), "quarter", ("2020-Q4", date(2020, 10, 1))),
}


@pytest.mark.parametrize(("day", "period", "expected"), PERIODS.values(), ids=PERIODS.keys())
def test_period_of(day: date, period: str, expected: tuple[str, date]) -> None:
    assert period_of(day, period) == expected


def test_an_unknown_period_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="week, month, quarter"):
        period_of(date(2020, 1, 1), "year")


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [("2019-08-03", date(2019, 8, 3)), ("2019-08-03T23:30-05:00", date(2019, 8, 3)), ("", None), (None, None),
     ("2019-13-03", None)],
    ids=["day", "zone-kept-as-printed", "empty", "none", "bad-month"],
)
def test_comment_day(stamp: str | None, expected: date | None) -> None:
    assert comment_day(stamp) == expected


def thread(name: str, comments: list[tuple[str, str, str]]) -> str:
    """A text page about kefir with (author, date, text) comments."""
    body = "".join(f"{author} says:\n{when}\n{text}\n\n" for author, when, text in comments)
    return (f"{name}\n\nKefir is a fermented milk drink. It is made with kefir grains and tastes sour.\n\n"
            f"{len(comments)} Comments\n\n{body}")


PAGES = [
    thread("Kefir at home", [
        ("Ann", "March 2, 2021 at 9:15 am", "How long should kefir ferment in winter?"),
        ("Bob", "March 3, 2021 at 10:00 am", "I love my homemade kefir, it is wonderful."),
        ("Cleo", "April 20, 2021 at 8:00 pm", "This recipe was terrible and the milk went bad."),
    ]),
    thread("Kefir grains", [
        ("Dan", "June 30, 2021 at 7:00 am", "Where can I buy kefir grains?"),
        ("Eva", "July 1, 2021 at 6:30 pm", "Great article, thank you so much."),
    ]),
    thread("No dates here", [("Fred", "3 days ago", "Nice post about kefir.")]),
]


def page_results() -> list[PageResult]:
    return [PageResult(f"page{n}.txt", f"page{n}", parse_text(text, doc_id=f"page{n}"))
            for n, text in enumerate(PAGES)]


def reducer_of(results: list[PageResult]) -> TrendsReducer:
    reducer, settings = TrendsReducer(), Settings()
    for result in results:
        reducer.add(map_page(result, _matcher(None, False), settings))
    return reducer


@pytest.mark.parametrize("split", [0, 1, 2, 3], ids=["none-first", "one-first", "two-first", "all-first"])
@pytest.mark.parametrize("period", ["week", "month", "quarter"])
def test_merge_equals_a_serial_run(split: int, period: str) -> None:
    results = page_results()
    serial = reducer_of(results)
    merged = reducer_of(results[:split])
    merged.merge(reducer_of(results[split:]))
    assert merged.finish(period) == serial.finish(period)
    assert merged.undated == serial.undated == 1
    assert serial.finish(period)


def test_a_dated_thread_end_to_end(tmp_path: Path) -> None:
    for n, text in enumerate(PAGES):
        (tmp_path / f"page{n}.txt").write_text(text, encoding="utf-8")
    trends = analyze([tmp_path], period="quarter").trends
    every = trends[trends["topic"] == ALL_TOPICS].set_index("period")
    assert list(every.index) == ["2021-Q1", "2021-Q2", "2021-Q3"]
    assert every["comments"].tolist() == [2, 2, 1]
    assert every.loc["2021-Q1", "questions"] == 1 and every.loc["2021-Q2", "questions"] == 1
    assert every.loc["2021-Q1", "period_start"] == "2021-01-01"
    assert every.loc["2021-Q2", "mean_sentiment"] < every.loc["2021-Q3", "mean_sentiment"]
    kefir = trends[trends["topic"] == "kefir"]
    assert set(kefir["period"]) <= set(every.index) and kefir["comments"].sum() >= 2
    months = analyze([tmp_path], period="month").trends
    assert sorted(set(months["period"])) == ["2021-03", "2021-04", "2021-06", "2021-07"]


def test_without_dates_the_csv_has_a_header_only_and_there_is_no_chart(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "page.txt").write_text(PAGES[-1], encoding="utf-8")
    out = tmp_path / "out"
    analyze_to_folder([pages], out, RunOptions(period="week"))
    table = pd.read_csv(out / "trends.csv")
    assert list(table.columns) == TREND_COLUMNS and table.empty
    assert not (out / "charts" / "trends.png").exists()
    assert (out / "charts" / "faq_gaps.png").exists()
    assert "No comment has a date" in (out / "report.html").read_text(encoding="utf-8")


def test_an_unknown_period_fails_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        analyze([tmp_path], period="fortnight")


def test_the_report_summarises_the_trends_and_escapes_topic_names() -> None:
    analysis = make_analysis()
    trends = analysis.trends.copy()
    trends.loc[trends["topic"] == "kefir", "topic"] = SCRIPT_TEXT
    html = render_report(replace(analysis, trends=trends), charts={})
    section = html[html.index('<section id="trends">'):html.index('<section id="threads">')]
    assert "14 of" in section and "2021-01 to 2021-04" in section  # 5 + 2 + 7 dated comments
    assert section.count("<tr>") == 4  # the header and three months
    assert SCRIPT_TEXT not in html and "&lt;script&gt;" in section
