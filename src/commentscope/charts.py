"""Charts of one analysis: each function answers one editor question and returns a Figure.

Figures are plain `matplotlib.figure.Figure` objects on an Agg canvas: no pyplot state and no
backend switching, so they work in scripts and display inline in Jupyter alike. The functions
only reshape and count table rows for display; every score comes from the tables as it is.
`save_charts` writes byte-identical PNGs for identical tables.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from commentscope.analysis.trends import ALL_TOPICS
from commentscope.chart_kit import (
    BAR_COLOUR,
    DPI,
    HEIGHT_INCHES,
    WIDTH_INCHES,
    count_bars,
    display_label,
    empty_figure,
    house_style,
    new_figure,
    stacked_barh,
)
from commentscope.results import REPORT_PAGES, Analysis

NO_TOPIC = "(no topic)"
OTHER_PAGES = "(other pages)"
THREAD_PAGES = REPORT_PAGES  # pages drawn by the thread activity chart, those with most comments
TOPIC_PAGES = 12  # pages split out in the topic chart's "by page" panel; the rest are summed
SENTIMENT_COLOURS = {
    "positive": "#1b9e77", "neutral": "#9e9e9e", "mixed": "#e6ab02", "negative": "#d95f02",
}
ANSWER_COLOURS = {
    "staff": "#1f78b4", "reader": "#a6cee3", "answered, responder unknown": "#cab2d6",
    "unanswered": "#e31a1c",
}
_ANSWER_LABELS = {
    "staff": "answered by staff", "reader": "answered by a reader",
    "answered, responder unknown": "answered, responder unknown", "unanswered": "unanswered",
}
_SPREAD = (0.0, 0.12, -0.12, 0.24, -0.24)


def _is_true(value: object) -> bool:
    return value is not pd.NA and value is not None and bool(value) and value == value


def _split(joined: object, empty: str | None = None) -> list[str]:
    """Names from a ';'-joined cell; `[empty]` (or nothing) when the cell holds none."""
    names = [] if not isinstance(joined, str) else [n for n in joined.split(";") if n]
    return names or ([empty] if empty else [])


def _by_total(table: pd.DataFrame) -> pd.DataFrame:
    """Rows ordered by their total, largest first, ties by name (a stable, readable order)."""
    totals = table.sum(axis=1)
    order = sorted(table.index, key=lambda name: (-totals[name], str(name)))
    return table.loc[order]


def _page_labels(documents: pd.DataFrame, width: int = 32, lines: int = 1) -> dict[str, str]:
    """doc_id -> a short drawable page name (its title, else its id)."""
    labels: dict[str, str] = {}
    for doc_id, title in zip(documents["doc_id"], documents["title"], strict=True):
        label = display_label(title, width, lines) or display_label(doc_id, width, lines)
        labels[str(doc_id)] = label if label not in labels.values() else f"{label} ({doc_id})"
    return labels



def topic_counts_chart(analysis: Analysis) -> Figure:
    """Which topics readers discuss most: comments per topic, over all pages and page by page."""
    title = "Comments per topic"
    summary = analysis.topic_summary
    if summary.empty:
        return empty_figure(title, "no comments mention a topic")
    topics = _by_total(summary.set_index("topic")[["comments"]].astype(float))
    by_page, pages = _topics_by_page(analysis, topics)
    palette = matplotlib.colormaps["tab20"]
    page_colours = {str(d): to_hex(palette(i % 20))
                    for i, d in enumerate(by_page.columns)}
    with house_style():
        fig, (total, split) = new_figure(title, rows=len(topics), widths=(1, 1))
        count_bars(total, [display_label(t, 28, 1) for t in topics.index],
                    topics["comments"], "comments")
        total.set_title("all pages")
        stacked_barh(split, by_page, page_colours, {str(d): pages.get(str(d), str(d))
                                                     for d in by_page.columns})
        split.set_title("by page")
        split.set_xlabel("comments")
        fig.legend(loc="outside lower center", ncols=min(3, len(by_page.columns)),
                   frameon=False)
    return fig


def _topics_by_page(analysis: Analysis, topics: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Comments per topic (rows) on each of the TOPIC_PAGES pages with most comments (columns,
    by id), plus "other pages" for the rest; and the pages' labels."""
    read = analysis.documents[analysis.documents["status"] == "ok"]
    busiest = read.sort_values(["comment_count", "doc_id"], ascending=[False, True], kind="stable")
    chosen = sorted((str(d) for d in busiest["doc_id"].head(TOPIC_PAGES)), key=str)
    if analysis.totals is not None:
        counts = pd.DataFrame(list(analysis.totals.page_topics), columns=["doc_id", "topic", "n"])
        by_page = counts.pivot_table(index="topic", columns="doc_id", values="n", aggfunc="sum")
    else:
        per_page = analysis.comments.assign(topic=analysis.comments["topics"].map(_split))
        per_page = per_page.explode("topic").dropna(subset=["topic"])
        by_page = pd.crosstab(per_page["topic"], per_page["doc_id"])
    by_page = by_page.reindex(index=topics.index, columns=chosen).fillna(0)
    by_page = by_page.loc[:, by_page.sum(axis=0) > 0]
    pages = _page_labels(analysis.documents)
    rest = topics["comments"] - by_page.sum(axis=1)
    if (rest > 0).any():
        by_page[OTHER_PAGES] = rest
        pages[OTHER_PAGES] = f"other pages ({len(read) - len(by_page.columns) + 1:,})"
    return by_page, pages


def topic_sentiment_chart(analysis: Analysis) -> Figure:
    """How readers feel about each topic: every mention's score, coloured by its label."""
    title = "Sentiment of sentences mentioning each topic"
    mentions = analysis.topic_mentions
    mentions = mentions[mentions["sentiment"].fillna("") != ""]  # comments in another language: not scored
    if mentions.empty:
        return empty_figure(title, "no scored comment mentions a topic")
    counts = mentions.groupby("topic").size().to_frame("mentions")
    order = list(_by_total(counts).index)
    row = {topic: i for i, topic in enumerate(order)}
    ranked = mentions.sort_values(["topic", "vader_compound", "comment_id"], kind="stable")
    # Deterministic spread: the k-th mention of a topic sits at a fixed offset from its row.
    spread = ranked.groupby("topic").cumcount().map(lambda k: _SPREAD[k % len(_SPREAD)])
    y = ranked["topic"].map(row) + spread
    with house_style():
        fig, (ax,) = new_figure(title, rows=len(order))
        ax.axvline(0.0, color="#333333", linewidth=0.8)
        others = sorted(set(ranked["sentiment"]) - SENTIMENT_COLOURS.keys())
        for label in [*SENTIMENT_COLOURS, *others]:
            chosen = (ranked["sentiment"] == label).to_numpy()
            if chosen.any():
                ax.scatter(ranked["vader_compound"].to_numpy(float)[chosen], y.to_numpy()[chosen],
                           s=36, alpha=0.8, label=label, edgecolors="white", linewidths=0.5,
                           color=SENTIMENT_COLOURS.get(label, "#6a3d9a"))
        summary = analysis.topic_summary.set_index("topic")
        if "topic_vader" in summary and not summary.empty:
            marked = [t for t in order if t in summary.index]
            ax.scatter(summary.loc[marked, "topic_vader"].to_numpy(float),
                       [row[t] for t in marked], marker="|", s=400, color="black",
                       linewidths=2, label="topic score")
        ax.set_yticks(range(len(order)), labels=[display_label(t, 28, 1) for t in order])
        ax.set_ylim(len(order) - 0.5, -0.5)
        ax.set_xlim(-1.05, 1.05)
        ax.set_xlabel("VADER compound score of the mention (−1 negative … +1 positive)")
        ax.grid(axis="y", visible=False)
        fig.legend(loc="outside lower center", ncols=5, frameon=False)
    return fig


def _answer_status(answered: object, answered_by: object) -> str:
    if not _is_true(answered):
        return "unanswered"
    return str(answered_by) if answered_by in ("staff", "reader") else "answered, responder unknown"


def question_status_table(questions: pd.DataFrame) -> pd.DataFrame:
    """Questions per topic (rows, "(no topic)" for none) and answer status (columns): the
    crosstab of the questions exploded by topic, counted without building that long frame."""
    counts = Counter(
        (topic, _answer_status(answered, by))
        for answered, by, topics in zip(questions["answered"].tolist(), questions["answered_by"].tolist(),
                                        questions["topics"].tolist(), strict=True)
        for topic in _split(topics, NO_TOPIC))
    index = pd.MultiIndex.from_tuples(sorted(counts), names=["topic", "status"])
    table = pd.Series([counts[key] for key in index], index=index, dtype="int64").unstack("status", fill_value=0)
    table.columns.name, table.index.name = "status", "topic"
    return table


def question_status_chart(analysis: Analysis) -> Figure:
    """Who answers readers' questions, topic by topic: staff, other readers, or nobody."""
    title = "Reader questions per topic, by who answered"
    questions = analysis.questions
    if questions.empty:
        return empty_figure(title, "no reader questions")
    table = _by_total(question_status_table(questions))
    table = table[[s for s in ANSWER_COLOURS if s in table.columns]]
    with house_style():
        fig, (ax,) = new_figure(title, rows=len(table))
        stacked_barh(ax, table, ANSWER_COLOURS, _ANSWER_LABELS)
        ax.set_xlabel("questions (a question with two topics counts under each)")
        fig.legend(loc="outside lower center", ncols=len(table.columns), frameon=False)
    return fig


def thread_activity_chart(analysis: Analysis, *, top: int = THREAD_PAGES) -> Figure:
    """How lively each page's thread is: comments, replies, distinct commenters, reply depth.

    Only the `top` pages with most comments are drawn (the title says so when pages are left
    out): one bar group per page would make the PNG grow without bound with the corpus.
    """
    title = "Thread activity per page"
    read = analysis.documents[analysis.documents["status"] == "ok"]
    documents = read[pd.to_numeric(read["comment_count"]) > 0]
    if documents.empty:
        return empty_figure(title, "no comments")
    documents = documents.sort_values(["comment_count", "doc_id"], ascending=[False, True])
    silent = len(read) - len(documents)
    if len(documents) > top:
        title = f"Thread activity per page: the {top} of {len(documents):,} with most comments"
        documents = documents.head(top)
    if analysis.totals is not None:
        replies = pd.Series(dict(analysis.totals.replies), dtype="int64")
    else:
        depth = pd.to_numeric(analysis.comments["depth"])
        replies = analysis.comments[depth > 0].groupby("doc_id").size()
    ids = [str(d) for d in documents["doc_id"]]
    table = pd.DataFrame({
        "comments": documents["comment_count"].to_numpy(float),
        "replies": replies.reindex(ids).fillna(0).to_numpy(float),
        "commenters": documents["commenters"].fillna(0).to_numpy(float),
    }, index=ids)
    pages = _page_labels(documents, width=24, lines=2)
    colours = {"comments": BAR_COLOUR, "replies": "#55a868", "commenters": "#c44e52"}
    with house_style():
        fig, (counts, levels) = new_figure(title, rows=len(ids) * 2, widths=(2, 1))
        height = 0.8 / len(table.columns)
        for i, column in enumerate(table.columns):
            bars = counts.barh(np.arange(len(ids)) - 0.4 + height * (i + 0.5), table[column],
                               height=height, label=column, color=colours[column])
            counts.bar_label(bars, fmt="%d", padding=2, fontsize=9)
        counts.set_yticks(np.arange(len(ids)), labels=[pages[d] for d in ids])
        counts.set_title("volume" + (f" ({silent} page{'s' * (silent > 1)} without comments "
                                     "not shown)" if silent else ""))
        counts.set_ylim(len(ids) - 0.5, -0.5)
        counts.set_xlim(0, max(1.0, float(table.to_numpy().max())) * 1.15)
        counts.xaxis.set_major_locator(MaxNLocator(integer=True))
        counts.set_xlabel("comments, replies, or commenters (people)")
        fig.legend(loc="outside lower center", ncols=3, frameon=False)
        deepest = documents["max_depth"].fillna(0).to_numpy(float)
        count_bars(levels, [pages[d] for d in ids], deepest, "deepest reply (levels)")
        levels.set_title("reply depth")
    return fig


def faq_gap_chart(analysis: Analysis, *, top: int = 10) -> Figure:
    """Which questions keep coming back: readers asking each FAQ gap, and the share unanswered."""
    title = "Questions readers keep asking"
    gaps = analysis.faq_gaps
    if gaps.empty:
        return empty_figure(title, "no reader questions")
    shown = gaps.sort_values(["rank", "group_id"], kind="stable").head(top)
    labels = [display_label(q, 36, 2) for q in shown["representative_question"]]
    with house_style():
        fig, (asked, open_) = new_figure(title, rows=2 * len(shown), widths=(1, 1))
        count_bars(asked, labels, shown["askers"], "readers who asked")
        asked.set_title("readers asking")
        share = shown["unanswered_share"].astype(float).fillna(0.0).to_numpy()
        bars = open_.barh(np.arange(len(shown)), share, color=ANSWER_COLOURS["unanswered"],
                          height=0.7)
        open_.bar_label(bars, labels=[f"{v:.0%}" for v in share], padding=2, fontsize=9)
        open_.set_xlim(0, 1.15)
        open_.xaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        open_.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
        open_.set_xlabel("share of questions unanswered")
        open_.set_title("still unanswered")
    return fig


TREND_TOPICS = 4  # topics drawn in the trends chart's sentiment panel, those with most dated comments


def trends_chart(analysis: Analysis, *, topics: int = TREND_TOPICS) -> Figure:
    """How reader activity and mood change: dated comments, questions and unanswered questions per
    period on a time axis (a period without dated comments is a gap), and the mean sentiment of the
    busiest topics."""
    title = "Comments, questions and sentiment over time"
    trends = analysis.trends
    every = trends[trends["topic"] == ALL_TOPICS]
    if every.empty:
        return empty_figure(title, "no comment has a date")
    starts = {str(p): np.datetime64(str(d), "D")
              for p, d in zip(every["period"], every["period_start"], strict=True)}
    x = np.array(list(starts.values()))
    bar_days = _period_days(next(iter(starts)))
    busiest = (trends[trends["topic"] != ALL_TOPICS].groupby("topic")["comments"].sum()
               .sort_values(ascending=False, kind="stable"))
    shown = sorted(busiest.index[:topics], key=lambda t: (-busiest[t], str(t)))
    with house_style(), matplotlib.rc_context({"date.converter": "concise"}):
        fig = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES * 1.4), dpi=DPI, layout="constrained")
        FigureCanvasAgg(fig)
        fig.suptitle(title, fontweight="bold")
        counts, mood = fig.subplots(2, 1, sharex=True)
        for column, label, colour, width in (("comments", "comments", BAR_COLOUR, 0.8),
                                             ("questions", "questions", "#e6ab02", 0.5),
                                             ("unanswered_questions", "unanswered questions",
                                              ANSWER_COLOURS["unanswered"], 0.25)):
            counts.bar(x, every[column].astype(float).to_numpy(), width=width * bar_days, color=colour,
                       label=label)
        counts.set_ylabel("per period")
        counts.yaxis.set_major_locator(MaxNLocator(integer=True))
        counts.grid(axis="y", alpha=0.3)
        counts.legend(loc="upper left", frameon=False)
        for n, topic in enumerate(shown):
            rows = trends[trends["topic"] == topic]
            mood.plot([starts[str(p)] for p in rows["period"]], rows["mean_sentiment"].astype(float).to_numpy(),
                      marker="o", color=to_hex(matplotlib.colormaps["tab10"](n)), label=display_label(topic, 24, 1))
        mood.axhline(0, color="#555555", linewidth=0.8)
        mood.set_ylim(-1.05, 1.05)
        mood.set_ylabel("mean sentiment score (−1..1)")
        mood.grid(axis="y", alpha=0.3)
        if shown:
            mood.legend(loc="upper left", frameon=False, ncols=min(4, len(shown)))
        mood.set_xlabel("period start (periods without dated comments stay empty)")
    return fig


def _period_days(label: str) -> int:
    """About how many days a period of `trends.csv` spans, from its label's form."""
    return 7 if "-W" in label else 91 if "-Q" in label else 30


@dataclass(frozen=True)
class Chart:
    """A chart the report and `save_charts` draw: its function, a text alternative, and whether
    the analysis has anything for it (a chart of nothing is left out)."""

    draw: Callable[[Analysis], Figure]
    alt: str
    applies: Callable[[Analysis], bool] = lambda analysis: True


CHARTS: dict[str, Chart] = {
    "faq_gaps": Chart(faq_gap_chart, "Bar chart: the questions readers ask most, how many "
                      "readers asked each, and the share still unanswered."),
    "topic_counts": Chart(topic_counts_chart, "Bar charts: comments per topic over all pages "
                          "and split by page."),
    "topic_sentiment": Chart(topic_sentiment_chart, "Strip plot: sentiment score of every "
                             "sentence mentioning each topic, coloured by label."),
    "question_status": Chart(question_status_chart, "Stacked bars: reader questions per topic "
                             "answered by staff, by readers, or unanswered."),
    "thread_activity": Chart(thread_activity_chart, "Bar charts: comments, replies, "
                             "commenters and deepest reply level per page (the 30 busiest when there are more)."),
    "trends": Chart(trends_chart, "Bar and line charts: dated comments, questions and unanswered "
                    "questions per period, and the mean sentiment of the busiest topics.",
                    lambda analysis: not analysis.trends.empty),
}


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG bytes at the house resolution, with no metadata that varies."""
    buffer = BytesIO()
    with house_style():
        fig.savefig(buffer, format="png", dpi=DPI, facecolor="white",
                    metadata={"Software": None})
    return buffer.getvalue()


def render_charts(analysis: Analysis) -> dict[str, bytes]:
    """Every chart of `CHARTS` that applies, as PNG bytes, by chart name (in memory, nothing written)."""
    return {name: figure_png(chart.draw(analysis)) for name, chart in CHARTS.items() if chart.applies(analysis)}


def chart_filename(name: str) -> str:
    """File name of a chart inside the charts folder."""
    return re.sub(r"[^a-z0-9_]+", "_", name.lower()) + ".png"


def write_chart_pngs(pngs: Mapping[str, bytes], out_dir: str | Path) -> list[Path]:
    """Write already rendered charts as `out_dir/charts/<name>.png`; the paths, in order."""
    folder = Path(out_dir) / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, png in pngs.items():
        path = folder / chart_filename(name)
        path.write_bytes(png)
        written.append(path)
    return written


def save_charts(analysis: Analysis, out_dir: str | Path) -> list[Path]:
    """Draw and write every chart as `out_dir/charts/<name>.png`; the paths, in `CHARTS` order."""
    return write_chart_pngs(render_charts(analysis), out_dir)
