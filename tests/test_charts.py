"""Charts: titles, axis labels, plotted numbers equal to the tables, empty tables, determinism."""

from __future__ import annotations

import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.text import Text

from commentscope import charts
from commentscope.results import Analysis
from report_fixtures import make_analysis, make_empty_analysis

ChartFunction = Callable[[Analysis], Figure]


@pytest.fixture
def analysis() -> Analysis:
    return make_analysis()


def bars(ax: Axes, label: str | None = None) -> list[float]:
    """Widths of the horizontal bars of one container (the only one, or the one labelled so)."""
    containers = [c for c in ax.containers if isinstance(c, BarContainer)]
    chosen = containers[0] if label is None else next(c for c in containers
                                                      if c.get_label() == label)
    return [patch.get_width() for patch in chosen.patches]


def ticks(ax: Axes) -> list[str]:
    return [label.get_text() for label in ax.get_yticklabels()]


def topic_counts_per_page(analysis: Analysis) -> pd.DataFrame:
    rows = [(c.doc_id, t) for c in analysis.comments.itertuples() for t in c.topics.split(";") if t]
    frame = pd.DataFrame(rows, columns=["doc_id", "topic"])
    return pd.crosstab(frame["topic"], frame["doc_id"])


@pytest.mark.parametrize(
    ("draw", "title", "xlabels"),
    [
        (charts.topic_counts_chart, "Comments per topic", ["comments", "comments"]),
        (charts.topic_sentiment_chart, "Sentiment of sentences mentioning each topic",
         ["VADER compound score of the mention (−1 negative … +1 positive)"]),
        (charts.question_status_chart, "Reader questions per topic, by who answered",
         ["questions (a question with two topics counts under each)"]),
        (charts.thread_activity_chart, "Thread activity per page",
         ["comments, replies, or commenters (people)", "deepest reply (levels)"]),
        (charts.faq_gap_chart, "Questions readers keep asking",
         ["readers who asked", "share of questions unanswered"]),
    ],
    ids=["topic_counts", "topic_sentiment", "question_status", "thread_activity", "faq_gaps"],
)
def test_chart_has_title_and_axis_labels(analysis: Analysis, draw: ChartFunction, title: str,
                                         xlabels: list[str]) -> None:
    fig = draw(analysis)
    assert fig.get_suptitle() == title
    assert [ax.get_xlabel() for ax in fig.axes] == xlabels
    assert fig.get_size_inches()[0] == charts.WIDTH_INCHES
    assert fig.get_size_inches()[1] >= charts.HEIGHT_INCHES
    assert fig.dpi == charts.DPI


@pytest.mark.parametrize("name", list(charts.CHARTS), ids=list(charts.CHARTS))
def test_every_text_is_readable_at_full_size(analysis: Analysis, name: str) -> None:
    fig = charts.CHARTS[name].draw(analysis)
    charts.figure_png(fig)  # draws, creating the tick labels
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    assert texts
    assert min(t.get_fontsize() for t in texts) >= 9  # type: ignore[operator]


def test_topic_counts_match_topic_summary_and_comments(analysis: Analysis) -> None:
    total, by_page = charts.topic_counts_chart(analysis).axes
    summary = analysis.topic_summary  # already most-discussed first, ties by name
    assert ticks(total) == list(summary["topic"])
    assert bars(total) == list(summary["comments"])
    expected = topic_counts_per_page(analysis).reindex(summary["topic"]).fillna(0)
    titles = dict(zip(analysis.documents["doc_id"], analysis.documents["title"], strict=True))
    segments = [c for c in by_page.containers if isinstance(c, BarContainer)]
    for doc_id, segment in zip(sorted(expected.columns), segments, strict=True):
        assert titles[doc_id].startswith(segment.get_label().removesuffix(" …"))
        assert [p.get_width() for p in segment.patches] == list(expected[doc_id])


def test_topic_sentiment_plots_every_mention(analysis: Analysis) -> None:
    (ax,) = charts.topic_sentiment_chart(analysis).axes
    mentions = analysis.topic_mentions
    points = {c.get_label(): c for c in ax.collections if isinstance(c, PathCollection)}
    for label, group in mentions.groupby("sentiment"):
        plotted = sorted(points[str(label)].get_offsets()[:, 0])
        assert plotted == pytest.approx(sorted(group["vader_compound"]))
    order = ticks(ax)
    assert sorted(order) == sorted(set(mentions["topic"]))
    marker = points["topic score"].get_offsets()
    summary = analysis.topic_summary.set_index("topic")
    assert list(marker[:, 0]) == pytest.approx(list(summary.loc[order, "topic_vader"]))


def test_question_status_counts_each_topic(analysis: Analysis) -> None:
    (ax,) = charts.question_status_chart(analysis).axes
    names = {"staff": "answered by staff", "reader": "answered by a reader"}
    rows = []
    for q in analysis.questions.itertuples():
        status = names[q.answered_by] if q.answered else "unanswered"
        rows += [(t, status) for t in (q.topics.split(";") if q.topics else [charts.NO_TOPIC])]
    expected = pd.crosstab(*zip(*rows, strict=True)).reindex(ticks(ax)).fillna(0)
    assert set(expected.columns) == {"answered by staff", "answered by a reader", "unanswered"}
    for status in expected.columns:
        assert bars(ax, status) == list(expected[status])
    totals = expected.sum(axis=1)
    assert list(totals) == sorted(totals, reverse=True)


def test_question_status_keeps_answers_without_a_known_responder(analysis: Analysis) -> None:
    questions = analysis.questions.copy()
    questions.loc[0, "answered"] = True  # "Where did the video go?": no topic, no responder
    changed = Analysis(**{**analysis.tables(), "questions": questions})
    (ax,) = charts.question_status_chart(changed).axes
    unknown = dict(zip(ticks(ax), bars(ax, "answered, responder unknown"), strict=True))
    assert unknown == {t: float(t == charts.NO_TOPIC) for t in ticks(ax)}


def test_thread_activity_matches_documents(analysis: Analysis) -> None:
    volume, depth = charts.thread_activity_chart(analysis).axes
    documents = analysis.documents.sort_values("comment_count", ascending=False)
    replies = analysis.comments[analysis.comments["depth"] > 0].groupby("doc_id").size()
    assert bars(volume, "comments") == list(documents["comment_count"])
    assert bars(volume, "commenters") == list(documents["commenters"])
    assert bars(volume, "replies") == list(replies[documents["doc_id"]])
    assert bars(depth) == list(documents["max_depth"])


def test_thread_activity_leaves_out_pages_without_comments(analysis: Analysis) -> None:
    silent = analysis.documents.iloc[[0]].assign(doc_id="quiet.txt", title="Quiet page",
                                                  comment_count=0, commenters=0, max_depth=pd.NA)
    documents = pd.concat([analysis.documents, silent], ignore_index=True)
    fig = charts.thread_activity_chart(Analysis(**{**analysis.tables(), "documents": documents}))
    volume, _ = fig.axes
    assert volume.get_title() == "volume (1 page without comments not shown)"
    assert "Quiet page" not in ticks(volume)
    assert len(bars(volume, "comments")) == len(analysis.documents)


def many_pages(analysis: Analysis, count: int) -> Analysis:
    """`count` pages with 1 to 40 comments (ties included), two thirds of them replies at depth 1,
    plus one page without comments; every other table as in the fixture."""
    pages, comments = [], []
    for k in range(count):
        doc_id, total = f"page{k:02d}.txt", 1 + (k * 7) % 40
        pages.append({"doc_id": doc_id, "title": f"Page {k}", "comment_count": total,
                      "commenters": total - total // 4, "max_depth": min(total // 5, 4)})
        comments += [{"doc_id": doc_id, "comment_id": f"{doc_id}:c{i}", "depth": int(i % 3 > 0)}
                     for i in range(total)]
    pages.append({"doc_id": "quiet.txt", "title": "Quiet", "comment_count": 0, "commenters": 0,
                  "max_depth": pd.NA})
    template = analysis.documents.iloc[[0] * len(pages)].reset_index(drop=True)
    documents = template.assign(**pd.DataFrame(pages).to_dict("series"))
    rows = analysis.comments.iloc[[0] * len(comments)].reset_index(drop=True)
    return Analysis(**{**analysis.tables(), "documents": documents,
                       "comments": rows.assign(**pd.DataFrame(comments).to_dict("series"))})


def test_thread_activity_shows_the_pages_with_most_comments(analysis: Analysis) -> None:
    many = many_pages(analysis, 45)
    fig = charts.thread_activity_chart(many)
    volume, depth = fig.axes
    assert fig.get_suptitle() == "Thread activity per page: the 30 of 45 with most comments"
    assert volume.get_title() == "volume (1 page without comments not shown)"
    shown = many.documents.sort_values(["comment_count", "doc_id"], ascending=[False, True]).head(30)
    replies = many.comments[many.comments["depth"] > 0].groupby("doc_id").size()
    assert ticks(volume) == list(shown["title"])
    assert bars(volume, "comments") == list(shown["comment_count"])
    assert bars(volume, "replies") == list(replies[shown["doc_id"]])
    assert bars(volume, "commenters") == list(shown["commenters"])
    assert bars(depth) == list(shown["max_depth"])
    assert png_size(charts.figure_png(fig))[1] == png_size(charts.figure_png(
        charts.thread_activity_chart(many_pages(analysis, 30))))[1]  # no taller than 30 pages


def test_thread_activity_draws_every_page_up_to_the_cap(analysis: Analysis) -> None:
    fig = charts.thread_activity_chart(many_pages(analysis, 12), top=12)
    assert fig.get_suptitle() == "Thread activity per page"
    assert len(bars(fig.axes[0], "comments")) == 12


def test_faq_gap_chart_matches_faq_gaps(analysis: Analysis) -> None:
    asked, unanswered = charts.faq_gap_chart(analysis).axes
    gaps = analysis.faq_gaps.sort_values("rank")
    assert bars(asked) == list(gaps["askers"])
    assert bars(unanswered) == pytest.approx(list(gaps["unanswered_share"]))
    labels = ticks(asked)
    assert labels[0].endswith("…")  # the long question is cut, not squeezed
    assert any(r"\$30" in label for label in labels)  # a dollar sign is not mathtext


def test_faq_gap_chart_shows_only_the_top_groups(analysis: Analysis) -> None:
    asked, _ = charts.faq_gap_chart(analysis, top=2).axes
    assert bars(asked) == list(analysis.faq_gaps.sort_values("rank")["askers"][:2])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kefir", "kefir"),
        ("no problem \U0001F600 at all", "no problem at all"),
        ("costs $30 or $12", r"costs \$30 or \$12"),
        ("  spaced\n out\ttext ", "spaced out text"),
        (None, ""),
        (pd.NA, ""),
        (float("nan"), ""),
        (" ".join(["a" * 15, "b" * 15, "c" * 15]), "a" * 15 + "\n" + "b" * 15 + " …"),
    ],
    ids=["plain", "emoji-dropped", "dollar-escaped", "whitespace", "none", "na", "nan",
         "wrapped-and-cut"],
)
def test_display_label(text: object, expected: str) -> None:
    assert charts.display_label(text, width=20, lines=2) == expected


@pytest.mark.parametrize("name", list(charts.CHARTS), ids=list(charts.CHARTS))
def test_empty_tables_give_a_figure_that_says_so(name: str) -> None:
    fig = charts.CHARTS[name].draw(make_empty_analysis())
    messages = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert messages and messages[0].startswith("no ")
    assert fig.get_suptitle()
    assert charts.figure_png(fig).startswith(b"\x89PNG")


def png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_save_charts_writes_identical_bytes_each_time(analysis: Analysis, tmp_path: Path) -> None:
    first = charts.save_charts(analysis, tmp_path / "a")
    second = charts.save_charts(make_analysis(), tmp_path / "b")
    assert [p.name for p in first] == [f"{name}.png" for name in charts.CHARTS]
    assert all(p.parent == tmp_path / "a" / "charts" for p in first)
    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes()
        assert b"Software" not in one.read_bytes()
        width, height = png_size(one.read_bytes())
        assert width == charts.WIDTH_INCHES * charts.DPI
        assert height >= charts.HEIGHT_INCHES * charts.DPI


def test_charts_do_not_touch_pyplot_or_the_backend() -> None:
    # Backends are switched only through pyplot: if it is never imported, none was switched.
    code = (
        "import sys\n"
        "from report_fixtures import make_analysis\n"
        "from commentscope import charts\n"
        "charts.render_charts(make_analysis())\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot was imported'\n"
    )
    result = subprocess.run([sys.executable, "-W", "error", "-c", code], cwd=Path(__file__).parent,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_write_chart_pngs_writes_rendered_bytes_as_they_are(tmp_path: Path) -> None:
    paths = charts.write_chart_pngs({"faq_gaps": b"\x89PNG one", "Odd name!": b"two"}, tmp_path)
    assert paths == [tmp_path / "charts" / "faq_gaps.png", tmp_path / "charts" / "odd_name_.png"]
    assert [p.read_bytes() for p in paths] == [b"\x89PNG one", b"two"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([True, False, None]), st.sampled_from(["staff", "reader", "", "asker"]),
                          st.sampled_from(["", "kefir", "kefir;water", "water;kefir;kefir", ";", None])),
                min_size=1, max_size=20))
def test_question_status_table_is_the_exploded_crosstab(rows: list[tuple[object, str, object]]) -> None:
    """Counted in one pass, the table equals the crosstab of the questions exploded by topic."""
    questions = pd.DataFrame(rows, columns=["answered", "answered_by", "topics"])
    status = [charts._answer_status(a, b) for a, b in zip(questions["answered"], questions["answered_by"], strict=True)]
    exploded = questions.assign(topic=questions["topics"].map(lambda t: charts._split(t, charts.NO_TOPIC)),
                                status=status).explode("topic")
    expected = pd.crosstab(exploded["topic"], exploded["status"])
    pd.testing.assert_frame_equal(charts.question_status_table(questions), expected)
