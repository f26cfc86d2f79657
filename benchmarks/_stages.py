"""The stages of a profiled run: which functions each row of the breakdown sums, and its tables.

A row names functions as "module:qualname"; its time is their inclusive (cumulative) cProfile
time. A function that no longer exists (renamed by a refactor) gives "n/a" instead of failing.
"""

from __future__ import annotations

import importlib
import pstats
from collections.abc import Sequence
from typing import Any

import _benchutil as bu

# (row label, "module:qualname" of the functions whose inclusive time the row is)
PARTITION = (
    ("read + parse pages", ("commentscope.corpus:parse_pages",)),
    ("per-page analyzers (analyze_document)", ("commentscope.analysis.document:analyze_document",)),
    ("question grouping (group_questions)", ("commentscope.analysis.faq:group_questions",)),
    ("FAQ gap ranking (faq_gaps)", ("commentscope.analysis.faq:faq_gaps",)),
    ("suggested themes (tally_page, finish_themes)", ("commentscope.analysis.themes:tally_page",
                                                      "commentscope.analysis.themes:finish_themes")),
    ("topic summary", ("commentscope.engine.reducers:TopicSummaryReducer.add",
                       "commentscope.engine.reducers:TopicSummaryReducer.finish")),
    ("commenters table", ("commentscope.engine.reducers:CommentersReducer.add",
                          "commentscope.engine.reducers:CommentersReducer.finish")),
    ("per-page figures (page_figures)", ("commentscope.engine.page:page_figures",)),
    ("CSV tables", ("commentscope.writers:write_tables",)),
    ("charts (render + PNG)", ("commentscope.charts:render_charts", "commentscope.charts:write_chart_pngs")),
    ("HTML report", ("commentscope.report:write_report",)),
)
ANALYZERS = (
    ("sentence splitting (all callers)", ("commentscope.analysis.sentences:split_sentences",)),
    ("VADER (all calls)", ("commentscope.analysis.sentiment:VaderAnalyzer.score",)),
    ("TextBlob sentiment (all calls)", ("commentscope.analysis.sentiment:TextBlobAnalyzer.polarity_subjectivity",)),
    ("↳ sentence sentiment (score_sentences)", ("commentscope.analysis.sentiment:score_sentences",)),
    ("↳ whole-comment sentiment (comment_sentiment)", ("commentscope.analysis.sentiment:comment_sentiment",)),
    ("topic matching (TopicMatcher.match)", ("commentscope.analysis.topics:TopicMatcher.match",)),
    ("question detection (find_questions)", ("commentscope.analysis.questions:find_questions",)),
    ("relevance (relevance_scores)", ("commentscope.analysis.relevance:relevance_scores",)),
    (
        "off-topic + promotional flags",
        ("commentscope.analysis.relevance:off_topic_flags", "commentscope.analysis.relevance:promotional_flags"),
    ),
    ("staff detection (detect_staff)", ("commentscope.analysis.staff:detect_staff",)),
    ("answer status (answer_status)", ("commentscope.analysis.answers:answer_status",)),
    ("article coverage (ArticleCoverage.best)", ("commentscope.analysis.coverage:ArticleCoverage.best",)),
    ("topic mentions (_mentions)", ("commentscope.analysis.document:_mentions",)),
)

CHARTS = (
    ("thread activity chart (draw)", ("commentscope.charts:thread_activity_chart",)),
    (
        "the other four charts (draw)",
        (
            "commentscope.charts:topic_counts_chart",
            "commentscope.charts:topic_sentiment_chart",
            "commentscope.charts:question_status_chart",
            "commentscope.charts:faq_gap_chart",
        ),
    ),
    ("PNG encoding, all charts (figure_png)", ("commentscope.charts:figure_png",)),
)
GROUPS = (
    ("partition", "Where a run's time goes (cProfile, inclusive)", PARTITION),
    ("analyzers", "Inside analyze_document (inclusive; rows overlap)", ANALYZERS),
    ("charts", "Inside the charts", CHARTS),
)


def _code_key(spec: str) -> tuple[str, int, str] | None:
    """The cProfile key of a function named "module:qualname" (None when it no longer exists)."""
    module_name, qualname = spec.split(":")
    try:
        target: Any = importlib.import_module(module_name)
        for part in qualname.split("."):
            target = getattr(target, part)
    except (ImportError, AttributeError):
        return None
    code = getattr(getattr(target, "__wrapped__", target), "__code__", None)
    return (code.co_filename, code.co_firstlineno, code.co_name) if code else None


def stage_times(stats: pstats.Stats, table: Sequence[tuple[str, tuple[str, ...]]]) -> list[dict[str, Any]]:
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    rows = []
    for label, specs in table:
        keys = [_code_key(s) for s in specs]
        if any(k is None for k in keys):
            rows.append({"stage": label, "seconds": None, "calls": None})
            continue
        found = [raw.get(k) for k in keys]
        rows.append(
            {
                "stage": label,
                "seconds": sum(f[3] for f in found if f),  # cumulative (inclusive) time
                "calls": sum(f[1] for f in found if f),
            }
        )
    return rows


def profile_markdown(profiles: dict[str, dict[str, Any]]) -> str:
    """One Markdown table per stage group, a column of seconds and one of shares per corpus."""
    labels = list(profiles)
    parts = []
    for key, title, _ in GROUPS:
        headers = ["stage", *(f"{label}: s" for label in labels), *(f"{label}: share" for label in labels)]
        stages = [row["stage"] for row in profiles[labels[0]][key]]
        table = []
        for index, stage in enumerate(stages):
            seconds = [profiles[label][key][index]["seconds"] for label in labels]
            totals = [profiles[label]["seconds"] for label in labels]
            table.append(
                [
                    stage,
                    *("n/a" if s is None else f"{s:.2f}" for s in seconds),
                    *("n/a" if s is None else f"{100 * s / t:.1f}%" for s, t in zip(seconds, totals, strict=True)),
                ]
            )
        if key == "partition":
            covered = [sum(r["seconds"] or 0 for r in profiles[label][key]) for label in labels]
            totals = [profiles[label]["seconds"] for label in labels]
            table.append(
                [
                    "other (pipeline glue, frames)",
                    *(f"{t - c:.2f}" for t, c in zip(totals, covered, strict=True)),
                    *(f"{100 * (t - c) / t:.1f}%" for t, c in zip(totals, covered, strict=True)),
                ]
            )
            table.append(["**total (profiled)**", *(f"{t:.2f}" for t in totals), *("100%" for _ in labels)])
        parts.append(f"{title}\n\n{bu.markdown_table(headers, table)}")
    sizes = ", ".join(
        f"{label} = {profiles[label]['comments']:,} comments, {profiles[label]['questions']:,} questions"
        for label in labels
    )
    return f"Profiled corpora: {sizes}.\n\n" + "\n\n".join(parts)
