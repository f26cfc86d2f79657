"""The HTML report: escaped reader text, section order, summary figures, offline, linked anchors."""

from __future__ import annotations

import base64
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest

from commentscope import charts, report
from commentscope.results import Analysis
from report_fixtures import IMG_TEXT, SCRIPT_TEXT, make_analysis, make_empty_analysis

NO_CHARTS: dict[str, bytes] = {}


class Outline(HTMLParser):
    """Ids, internal links, images and the comment items enclosing each comment item."""

    VOID = frozenset({"img", "meta", "br", "hr", "link", "input"})

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.ancestors: dict[str, list[str]] = {}
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag == "img":
            self.images.append(found)
        if tag == "li" and "comment" in (found.get("class") or "").split():
            self.ancestors[str(found["id"])] = [i for t, i in self._open if t == "li" and i]
        if tag not in self.VOID:
            self._open.append((tag, found.get("id")))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()[0] == tag:
                break


@pytest.fixture
def analysis() -> Analysis:
    return make_analysis()


@pytest.fixture
def html(analysis: Analysis) -> str:
    return report.render_report(analysis, charts=NO_CHARTS)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        (SCRIPT_TEXT, "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"),
        (IMG_TEXT, "&lt;img src=x onerror=&#34;document.title=&#39;pwned&#39;&#34;&gt;"),
    ],
    ids=["script", "img-onerror"],
)
def test_reader_markup_is_escaped(html: str, raw: str, escaped: str) -> None:
    assert raw not in html
    assert escaped in html


def test_no_raw_injected_markup_anywhere(html: str) -> None:
    assert "<script>document.title" not in html
    assert "<img src=x" not in html
    assert "<script" not in html.lower()  # the report needs no JavaScript at all


def test_dollar_and_ampersand_text_survive(html: str) -> None:
    assert "Is it worth paying $30 for probiotics" in html
    assert "MK-7 is what my doctor recommended &amp; it works for me." in html


def test_sections_come_in_editor_order(html: str) -> None:
    positions = [html.index(f'<section id="{name}"')
                 for name in ("summary", "faq-gaps", "open-pages", "topics", "threads", "charts")]
    assert positions == sorted(positions)


def summary_figures(html: str) -> dict[str, int]:
    block = html[html.index('<section id="summary"'):html.index("</section>")]
    return {k: int(v) for k, v in re.findall(r"<dt>(\w+)</dt><dd>(\d+)</dd>", block)}


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("pages", lambda a: len(a.documents)),
        ("comments", lambda a: len(a.comments)),
        ("commenters", lambda a: len(a.commenters)),
        ("topics", lambda a: len(a.topic_summary)),
        ("questions", lambda a: len(a.questions)),
        ("unanswered", lambda a: int((~a.questions["answered"]).sum())),
    ],
    ids=["pages", "comments", "commenters", "topics", "questions", "unanswered"],
)
def test_summary_numbers_equal_the_tables(analysis: Analysis, html: str, label: str,
                                          expected: object) -> None:
    assert callable(expected)
    assert summary_figures(html)[label] == expected(analysis)


def test_no_external_resources(html: str) -> None:
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "@import" not in html
    assert "url(" not in html


def test_faq_gaps_listed_by_rank_with_quotes_linking_to_comments(
        analysis: Analysis, html: str) -> None:
    section = html[html.index('id="faq-gaps"'):html.index('id="topics"')]
    questions = list(analysis.faq_gaps.sort_values("rank")["representative_question"])
    found = [section.index(q.replace("'", "&#39;")) for q in questions]
    assert found == sorted(found)
    for comment_id in ";".join(analysis.faq_gaps["comment_ids"]).split(";"):
        assert f'href="#c-{comment_id}"' in section


def open_pages_section(html: str) -> str:
    return html[html.index('<section id="open-pages"'):html.index('<section id="topics"')]


def test_pages_to_answer_lists_pages_with_unanswered_questions_most_first(analysis: Analysis, html: str) -> None:
    section = open_pages_section(html)
    waiting = analysis.documents[analysis.documents["unanswered"] > 0].sort_values("unanswered", ascending=False)
    assert len(waiting) >= 1
    titles = [title.replace("&", "&amp;") for title in waiting["title"]]
    found = [section.index(title) for title in titles]
    assert found == sorted(found)
    for doc_id in waiting["doc_id"]:
        assert f'href="#doc-{doc_id}"' in section  # every page is shown in this small report


def test_pages_to_answer_skips_answered_pages_and_caps_the_list() -> None:
    analysis = make_analysis()
    template = analysis.documents.iloc[0]
    extra = pd.DataFrame([template.to_dict() | {"doc_id": f"more-{k:02d}", "title": f"Page <{k:02d}>", "unanswered": k,
                                                 "comment_count": 3}
                          for k in range(report.MAX_OPEN_PAGES + 5)])
    analysis = replace(analysis, documents=pd.concat([analysis.documents, extra], ignore_index=True))
    section = open_pages_section(report.render_report(analysis, charts=NO_CHARTS))
    shown = re.findall(r"Page &lt;(\d\d)&gt;", section)
    assert shown == [f"{k:02d}" for k in range(report.MAX_OPEN_PAGES + 4, 4, -1)][:report.MAX_OPEN_PAGES]
    assert "Page &lt;00&gt;" not in section  # no unanswered question
    waiting = int((pd.to_numeric(analysis.documents["unanswered"]) > 0).sum())
    assert f"({report.MAX_OPEN_PAGES} of {waiting};" in section


def test_a_gap_on_many_pages_names_only_the_first_few(tmp_path: Path) -> None:
    analysis = make_analysis()
    many = [f"page-{k:04d}" for k in range(report.MAX_GAP_PAGES + 40)]
    analysis.faq_gaps.loc[analysis.faq_gaps.index[0], "doc_ids"] = ";".join(many)
    html = report.write_report(analysis, tmp_path).read_text(encoding="utf-8")
    section = html[html.index('id="faq-gaps"'):html.index('id="topics"')]
    assert many[report.MAX_GAP_PAGES - 1] in section
    assert many[report.MAX_GAP_PAGES] not in section
    assert "and 40 more pages (faq_gaps.csv)" in section


def test_a_gap_asked_many_times_quotes_the_first_few_and_counts_the_rest() -> None:
    analysis = make_analysis()
    group = analysis.faq_gaps.sort_values("rank")["group_id"].iloc[0]
    asked = analysis.questions[analysis.questions["group_id"] == group]
    extra = report.MAX_QUOTES + 3
    copies = pd.concat([asked.head(1)] * extra, ignore_index=True).assign(
        question=[f"Copy {k} of the question?" for k in range(extra)])
    questions = pd.concat([analysis.questions, copies], ignore_index=True)
    html = report.render_report(Analysis(**{**analysis.tables(), "questions": questions}), charts=NO_CHARTS)
    section = html[html.index('id="faq-gaps"'):html.index('id="topics"')]
    quoted = [k for k in range(extra) if f"Copy {k} of the question?" in section]
    assert quoted == [k for k in range(report.MAX_QUOTES - len(asked))]
    assert f"and {len(asked) + extra - report.MAX_QUOTES} more (see questions.csv)" in section


def test_every_internal_link_has_a_target_and_ids_are_unique(html: str) -> None:
    outline = Outline(html)
    assert len(outline.ids) == len(set(outline.ids))
    for link in outline.links:
        assert link.startswith("#")
        assert unquote(link[1:]) in outline.ids


def test_every_comment_has_an_anchor(analysis: Analysis, html: str) -> None:
    ids = set(Outline(html).ids)
    assert {f"c-{c}" for c in analysis.comments["comment_id"]} <= ids


@pytest.mark.parametrize(
    ("comment_id", "anchor", "href"),
    [
        ("bones.txt:c3.1", "c-bones.txt:c3.1", "#c-bones.txt:c3.1"),
        ("a b", "c-a_b", "#c-a_b"),
        ('x"<y>', 'c-x"<y>', "#c-x%22%3Cy%3E"),
    ],
    ids=["colon-and-dot-kept", "space-replaced", "markup-encoded"],
)
def test_comment_anchors(comment_id: str, anchor: str, href: str) -> None:
    assert report.anchor_id("c", comment_id) == anchor
    assert report.fragment_link("c", comment_id) == href


def test_threads_nest_replies_under_their_parents(analysis: Analysis, html: str) -> None:
    ancestors = Outline(html).ancestors
    for row in analysis.comments.itertuples():
        parent = "" if pd.isna(row.parent_id) else row.parent_id
        enclosing = ancestors[f"c-{row.comment_id}"]
        assert (enclosing[-1] if enclosing else "") == (f"c-{parent}" if parent else "")
        assert len(enclosing) == row.depth


def test_a_reply_to_a_missing_comment_is_shown_at_top_level(analysis: Analysis) -> None:
    comments = analysis.comments.copy()
    comments.loc[comments["comment_id"] == "bones.txt:c3.1", "parent_id"] = "gone"
    html = report.render_report(
        Analysis(**{**analysis.tables(), "comments": comments}), charts=NO_CHARTS)
    assert Outline(html).ancestors["c-bones.txt:c3.1"] == []


def test_unreadable_pages_are_reported(analysis: Analysis) -> None:
    failed = pd.DataFrame([{"doc_id": "broken.txt", "source": "seeds/broken.txt", "title": "",
                            "status": "error", "error": "not UTF-8 & not cp1252",
                            "comment_count": 0, "comments_closed": False}])
    documents = pd.concat([analysis.documents, failed], ignore_index=True)
    html = report.render_report(Analysis(**{**analysis.tables(), "documents": documents}))
    assert summary_figures(html)["pages"] == 3
    summary = html[html.index('<section id="summary"'):html.index("</section>")]
    assert "seeds/broken.txt: not UTF-8 &amp; not cp1252" in summary
    assert html.count('<img class="chart"') == len(charts.CHARTS)


def test_empty_analysis_renders(tmp_path: Path) -> None:
    html = report.render_report(make_empty_analysis(), charts=NO_CHARTS)
    assert "No reader questions were found." in html
    assert set(summary_figures(html).values()) == {0}


def test_charts_are_embedded_as_data_uris(analysis: Analysis) -> None:
    images = Outline(report.render_report(analysis)).images
    assert [img.get("class") for img in images] == ["chart"] * len(charts.CHARTS)
    for img, chart in zip(images, charts.CHARTS.values(), strict=True):
        assert img["alt"] == chart.alt
        src = str(img["src"])
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1]).startswith(b"\x89PNG")


def test_given_charts_are_used_as_they_are(analysis: Analysis) -> None:
    png = charts.figure_png(charts.faq_gap_chart(analysis))
    html = report.render_report(analysis, charts={"faq_gaps": png})
    assert html.count('<img class="chart"') == 1
    assert base64.b64encode(png).decode() in html


def test_write_report_writes_one_self_contained_file(analysis: Analysis, tmp_path: Path) -> None:
    path = report.write_report(analysis, tmp_path / "out")
    assert path == tmp_path / "out" / "report.html"
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.count('<img class="chart"') == len(charts.CHARTS)
    assert sorted(p.name for p in path.parent.iterdir()) == ["report.html"]
