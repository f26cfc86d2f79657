"""The HTML report: one offline file an editor can read without opening a CSV.

The template gets plain lists and dicts built here from the tables, formatted for display only
(counts of rows, percentages, reply trees); every score and grouping comes from the tables.
Jinja2 autoescaping escapes all reader text; nothing from a page is marked safe.
"""

from __future__ import annotations

import base64
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote

import jinja2
import pandas as pd

from commentscope.analysis.language import reads_english
from commentscope.analysis.trends import ALL_TOPICS
from commentscope.charts import CHARTS, render_charts
from commentscope.results import PAGE_COMMENTS, REPORT_PAGES, Analysis

REPORT_FILENAME = "report.html"
TEMPLATE = "report.html.j2"
MAX_FAQ_GAPS = 25
MAX_QUOTES = 8
MAX_GAP_PAGES = 8  # pages named per FAQ gap; the rest are in faq_gaps.csv (a gap of a big site spans thousands)
MAX_SUGGESTED = 12
MAX_FAILED = 20  # unreadable pages listed by name; the rest are in documents.csv
MAX_OPEN_PAGES = 15  # pages listed by their unanswered questions; all are in documents.csv
MAX_SITES = 20  # sites listed by their comments; all are in sites.csv
MAX_TREND_PERIODS = 24  # the latest periods listed in the trends section; all are in trends.csv
EXCERPT_CHARS = 280
MAX_NESTING = 12  # reply levels drawn as nesting; deeper replies say whom they answer
_FRAGMENT_SAFE = "!$&'()*+,;=:@/?-._~"
_SENTIMENT_ORDER = ("negative", "mixed", "positive", "neutral")
_BADGES = frozenset(_SENTIMENT_ORDER)

Row = dict[str, Any]


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("commentscope", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _text(value: object) -> str:
    """A cell as display text; '' for a missing value."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a count in a column that pandas widened to float
    return str(value)


def _flag(value: object) -> bool:
    """A True/False/NA cell as a plain bool (NA counts as False)."""
    return _text(value) != "" and bool(value)


def _badge(sentiment: object) -> str:
    """CSS class for a sentiment label (labels outside the known four share one style)."""
    return f"s-{sentiment}" if sentiment in _BADGES else "s-other"


def _number(value: object) -> float | None:
    return None if _text(value) == "" else float(cast(float, value))


def _percent(value: object) -> str:
    number = _number(value)
    return "" if number is None else f"{number:.0%}"


def _score(value: object) -> str:
    number = _number(value)
    return "" if number is None else f"{number:+.2f}"


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def _names(joined: object) -> list[str]:
    """Names from a ';'-joined cell."""
    return [name.strip() for name in _text(joined).split(";") if name.strip()]


def anchor_id(prefix: str, key: object) -> str:
    """An HTML id for a thing with a table key: `c-<comment_id>`, whitespace made '_'."""
    return f"{prefix}-" + re.sub(r"\s", "_", _text(key))


def fragment_link(prefix: str, key: object) -> str:
    """The href of `anchor_id(prefix, key)`: its fragment, percent-encoded where needed."""
    return "#" + quote(anchor_id(prefix, key), safe=_FRAGMENT_SAFE)


def _answer_label(answered: object, answered_by: object) -> str:
    if not _flag(answered):
        return "unanswered"
    by = _text(answered_by)
    return {"staff": "answered by staff", "reader": "answered by a reader"}.get(by, "answered")


def _records(frame: pd.DataFrame) -> list[Row]:
    return [dict(zip(frame.columns, values, strict=True))
            for values in frame.itertuples(index=False, name=None)]


def _summary(analysis: Analysis) -> dict[str, Any]:
    documents = analysis.documents
    questions = analysis.questions
    failed = documents[documents["status"] != "ok"]
    totals = analysis.totals
    return {
        "figures": [
            ("pages", len(documents)),
            ("comments", totals.comments if totals else len(analysis.comments)),
            ("commenters", len(analysis.commenters)),
            ("topics", len(analysis.topic_summary)),
            ("questions", len(questions)),
            ("unanswered", sum(not _flag(a) for a in questions["answered"])),
        ],
        "failed": [{"source": _text(d["source"]) or _text(d["doc_id"]), "error": _text(d["error"])}
                   for d in _records(failed.head(MAX_FAILED))],
        "failed_total": len(failed),
        "other_languages": _other_languages(documents),
    }


def _other_languages(documents: pd.DataFrame) -> list[tuple[str, int]]:
    """Pages read in a language other than English, per language (most pages first): the
    report says that their sentiment and themes read English."""
    if "language" not in documents:
        return []
    languages = [_text(language) for language in documents["language"]]
    counts = Counter(language for language in languages if not reads_english(language))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


class _Lookup:
    """Display facts about pages and comments, by id, for linking one table to another."""

    def __init__(self, analysis: Analysis) -> None:
        self.titles = {_text(d["doc_id"]): _text(d["title"]) or _text(d["doc_id"])
                       for d in _records(analysis.documents)}
        self.comments = {_text(c["comment_id"]): c for c in _records(analysis.comments)}
        commenters = analysis.commenters
        self.staff = {_text(author) for author, staff
                      in zip(commenters["author"], commenters["is_staff"], strict=True)
                      if _flag(staff)}

    def text(self, comment_id: object) -> str:
        return _text(self.comments.get(_text(comment_id), {}).get("text"))

    def author(self, comment_id: object) -> str:
        return _text(self.comments.get(_text(comment_id), {}).get("author")) or "(no name)"

    def quote(self, comment_id: object, text: object, doc_id: object) -> Row:
        """A quotation of reader text, with where it came from and a link to the comment."""
        return {"text": _text(text), "author": self.author(comment_id),
                "href": fragment_link("c", comment_id), "page": self.titles.get(_text(doc_id), "")}


def _faq_gaps(analysis: Analysis, lookup: _Lookup) -> list[Row]:
    gaps = analysis.faq_gaps.sort_values(["rank", "group_id"], kind="stable").head(MAX_FAQ_GAPS)
    questions = analysis.questions
    shown_groups = questions[questions["group_id"].isin(set(gaps["group_id"]))]  # not every group's rows
    # the first MAX_QUOTES questions of each shown group, and how many it has
    by_group = {group: (_records(rows.head(MAX_QUOTES)), len(rows)) for group, rows in shown_groups.groupby("group_id")}
    shown = []
    for gap in _records(gaps):
        asked, asked_total = by_group.get(gap["group_id"], ([], 0))
        pages = _names(gap["doc_ids"])
        one_page = len(pages) <= 1  # then the page is named once, not per quote
        quotes = [lookup.quote(q["comment_id"], q["question"], "" if one_page else q["doc_id"])
                  | {"status": _answer_label(q["answered"], q["answered_by"]),
                     "author": _text(q["author"]) or "(no name)"} for q in asked]
        shown.append({
            "id": anchor_id("gap", gap["group_id"]), "rank": _text(gap["rank"]),
            "question": _text(gap["representative_question"]), "topics": _names(gap["topics"]),
            "askers": _text(gap["askers"]), "questions": _text(gap["questions"]),
            "unanswered": _text(gap["unanswered"]), "staff": _text(gap["answered_by_staff"]),
            "reader": _text(gap["answered_by_reader"]),
            "unanswered_share": _percent(gap["unanswered_share"]),
            "coverage": _coverage(gap["article_coverage"]),
            "pages": [lookup.titles.get(d, d) for d in pages[:MAX_GAP_PAGES]],
            "more_pages": max(0, len(pages) - MAX_GAP_PAGES),
            "quotes": quotes, "more_quotes": max(0, asked_total - MAX_QUOTES),
        })
    return shown


def _coverage(value: object) -> str:
    """The article-coverage score (0..1) as a percentage, "no article" when there was none."""
    if _text(value) == "":
        return "no article"
    is_score = isinstance(value, int | float) and not isinstance(value, bool)
    return _percent(value) if is_score else _text(value)


def _examples(mentions: pd.DataFrame, lookup: _Lookup, skip: object) -> list[Row]:
    """One mention per sentiment label (negative first), so the examples show the spread."""
    others = mentions[mentions["comment_id"] != skip]
    firsts = others.drop_duplicates("sentiment")
    order = {label: i for i, label in enumerate(_SENTIMENT_ORDER)}
    rows = sorted(_records(firsts), key=lambda m: order.get(_text(m["sentiment"]), len(order)))
    return [lookup.quote(m["comment_id"], _excerpt(lookup.text(m["comment_id"])), m["doc_id"])
            | {"sentiment": _text(m["sentiment"]), "badge": _badge(m["sentiment"]),
               "score": _score(m["vader_compound"]), "evidence": _text(m["evidence"])}
            for m in rows]


def _topics(analysis: Analysis, lookup: _Lookup) -> list[Row]:
    mentions = {topic: rows for topic, rows in analysis.topic_mentions.groupby("topic")}
    shown = []
    for topic in _records(analysis.topic_summary):
        example_id = topic["example_comment_id"]
        example = lookup.comments.get(_text(example_id), {})
        shown.append({
            "id": anchor_id("topic", topic["topic"]), "name": _text(topic["topic"]),
            "comments": _text(topic["comments"]), "share": _percent(topic["share_of_comments"]),
            "documents": _text(topic["documents"]),
            "sentiment": _text(topic["topic_sentiment"]), "badge": _badge(topic["topic_sentiment"]),
            "score": _score(topic["topic_vader"]),
            "share_negative": _percent(topic["share_negative"]),
            "questions": _text(topic["questions"]),
            "unanswered": _text(topic["unanswered_questions"]),
            "terms": _names(topic["top_terms"]),
            "example": lookup.quote(example_id, topic["example_comment"], example.get("doc_id"))
            if _text(topic["example_comment"]) else None,
            "mentions": _examples(mentions[topic["topic"]], lookup, skip=example_id)
            if topic["topic"] in mentions else [],
        })
    return shown


def _suggested(analysis: Analysis, lookup: _Lookup) -> list[Row]:
    return [{"term": _text(s["term"]), "comments": _text(s["comments"]),
             "documents": _text(s["documents"]),
             "example": lookup.quote(s["example_comment_id"], s["example"],
                                     lookup.comments.get(_text(s["example_comment_id"]),
                                                         {}).get("doc_id"))}
            for s in _records(analysis.suggested_topics.head(MAX_SUGGESTED))]


def _trends(analysis: Analysis, comments: int) -> Row:
    """The trends in brief: how many comments are dated, and the latest periods' figures."""
    trends = analysis.trends
    every = _records(trends[trends["topic"] == ALL_TOPICS])
    topics = trends[(trends["topic"] != ALL_TOPICS) & (trends["comments"] > 0)]
    topics = topics.sort_values(["period_start", "comments", "topic"], ascending=[True, False, True], kind="stable")
    busiest = {_text(p): _text(t) for p, t in topics.drop_duplicates("period_start")[["period", "topic"]].values}
    label = _text(every[0]["period"]) if every else ""
    return {
        "dated": sum(int(row["comments"]) for row in every), "comments": comments,
        "unit": "ISO week" if "-W" in label else "quarter" if "-Q" in label else "month",
        "periods": len(every), "first": label, "last": _text(every[-1]["period"]) if every else "",
        "rows": [{"period": _text(row["period"]), "comments": _text(row["comments"]),
                  "questions": _text(row["questions"]), "unanswered": _text(row["unanswered_questions"]),
                  "score": _score(row["mean_sentiment"]), "topic": busiest.get(_text(row["period"]), "")}
                 for row in every[-MAX_TREND_PERIODS:]],
    }


def _node(comment: Row, lookup: _Lookup) -> Row:
    author = _text(comment["author"])
    asked = _flag(comment["is_question"])
    return {
        "id": anchor_id("c", comment["comment_id"]), "comment_id": _text(comment["comment_id"]),
        "author": author or "(no name)", "staff": author in lookup.staff,
        "text": _text(comment["text"]), "sentiment": _text(comment["sentiment"]),
        "badge": _badge(comment["sentiment"]),
        "score": _score(comment["vader_compound"]), "topics": _names(comment["topics"]),
        "question": _answer_label(comment["answered"], comment["answered_by"]) if asked else "",
        "off_topic": _flag(comment["off_topic"]), "promotional": _flag(comment["promotional"]),
        "reply_to": None,
    }


def _reply_tree(comments: Iterable[Row], lookup: _Lookup) -> list[Row]:
    """Comments of one page in thread order, flat, each with the nesting to open or close after it.

    A reply goes under its parent (one whose parent is not above it goes on top); below
    MAX_NESTING levels replies stay at that level and say whom they answer, so any depth renders
    without recursion and stays readable. After a node the template opens one list (`opens`) or
    closes `closes` levels.
    """
    nodes: dict[str, Row] = {}
    children: dict[str, list[Row]] = {}
    roots: list[Row] = []
    for comment in comments:
        node = _node(comment, lookup)
        parent = nodes.get(_text(comment["parent_id"]))
        if parent is None:
            roots.append(node)
        else:
            children.setdefault(parent["comment_id"], []).append(node)
            node["reply_to"] = {"author": parent["author"], "href": fragment_link("c", parent["comment_id"])}
        nodes[node["comment_id"]] = node
    ordered: list[Row] = []
    stack = [(node, 0) for node in reversed(roots)]
    while stack:
        node, depth = stack.pop()
        node["level"] = min(depth, MAX_NESTING)
        if depth <= MAX_NESTING:
            node["reply_to"] = None  # the nesting shows it
        ordered.append(node)
        stack.extend((child, depth + 1) for child in reversed(children.get(node["comment_id"], [])))
    for node, after in zip(ordered, [*ordered[1:], None], strict=True):
        next_level = after["level"] if after is not None else 0
        node["opens"] = next_level > node["level"]
        node["closes"] = max(0, node["level"] - next_level)
    return ordered


def shown_pages(documents: pd.DataFrame) -> pd.DataFrame:
    """The pages the report shows: all of them, or the REPORT_PAGES with most comments (in
    input order), so that the report stays a few MB however big the corpus."""
    if len(documents) <= REPORT_PAGES:
        return documents
    counts = pd.to_numeric(documents["comment_count"])
    ranked = documents.assign(_n=counts).sort_values(["_n", "doc_id"], ascending=[False, True], kind="stable")
    return documents.loc[sorted(ranked.index[:REPORT_PAGES])]


def _pages(analysis: Analysis, lookup: _Lookup) -> list[Row]:
    shown = shown_pages(analysis.documents)
    wanted = set(shown["doc_id"])
    kept = analysis.comments[analysis.comments["doc_id"].isin(wanted)]
    by_doc = {doc: rows for doc, rows in kept.groupby("doc_id", sort=False)}
    pages = []
    for doc in _records(shown):
        comments = by_doc.get(doc["doc_id"])
        more = 0
        if comments is not None:
            comments = comments.sort_values("position", kind="stable")
            more = int(doc["comment_count"]) - min(len(comments), PAGE_COMMENTS)
            comments = comments.head(PAGE_COMMENTS)
        pages.append({
            "id": anchor_id("doc", doc["doc_id"]), "title": lookup.titles[_text(doc["doc_id"])],
            "source": _text(doc["source"]), "ok": _text(doc["status"]) == "ok",
            "error": _text(doc["error"]), "comments": _text(doc["comment_count"]),
            "commenters": _text(doc.get("commenters")), "questions": _text(doc.get("questions")),
            "unanswered": _text(doc.get("unanswered")),
            "closed": _flag(doc["comments_closed"]), "topics": _names(doc.get("top_topics")),
            "tree": _reply_tree(_records(comments), lookup) if comments is not None else [],
            "more": more,
        })
    return pages


def _open_pages(analysis: Analysis, lookup: _Lookup) -> tuple[list[Row], int]:
    """The pages with most unanswered questions (then most comments), the site's to-do list, and
    how many pages have any; each links to its thread when the report shows it."""
    documents = analysis.documents
    if "unanswered" not in documents or documents.empty:
        return [], 0
    unanswered = pd.to_numeric(documents["unanswered"]).fillna(0)
    waiting = documents.assign(_u=unanswered, _n=pd.to_numeric(documents["comment_count"]))[unanswered > 0]
    ranked = waiting.sort_values(["_u", "_n", "doc_id"], ascending=[False, False, True], kind="stable")
    shown = set(shown_pages(documents)["doc_id"])
    rows = [{"title": lookup.titles[_text(doc["doc_id"])],
             "href": fragment_link("doc", doc["doc_id"]) if doc["doc_id"] in shown else "",
             "comments": _text(doc["comment_count"]), "questions": _text(doc["questions"]),
             "unanswered": _text(doc["unanswered"]), "staff": _text(doc["staff_replies"]),
             "score": _score(doc["mean_sentiment"]), "topics": _names(doc["top_topics"]),
             "language": _text(doc.get("language"))}
            for doc in _records(ranked.head(MAX_OPEN_PAGES))]
    return rows, len(waiting)


def _sites(analysis: Analysis) -> list[Row]:
    """The sites with most comments, when the corpus spans more than one (else nothing to compare)."""
    if len(analysis.sites) < 2:
        return []
    return [{"site": _text(site["site"]), "pages": _text(site["pages"]), "comments": _text(site["comments"]),
             "commenters": _text(site["commenters"]), "questions": _text(site["questions"]),
             "unanswered": _text(site["unanswered"]), "share": _percent(site["share_unanswered"]),
             "staff": _text(site["staff_replies"]), "score": _score(site["mean_sentiment"]),
             "topics": [name.rsplit(" (", 1)[0] for name in _names(site["top_topics"])],
             "dates": " – ".join(dict.fromkeys(d for d in (_text(site["first_comment"]),
                                                          _text(site["last_comment"])) if d))}
            for site in _records(analysis.sites.head(MAX_SITES))]


def _charts(pngs: Mapping[str, bytes]) -> list[Row]:
    return [{"name": name, "id": anchor_id("chart", name),
             "alt": CHARTS[name].alt if name in CHARTS else name.replace("_", " "),
             "src": "data:image/png;base64," + base64.b64encode(png).decode("ascii")}
            for name, png in pngs.items()]


def render_report(analysis: Analysis, charts: Mapping[str, bytes] | None = None) -> str:
    """The report as one self-contained HTML page; `charts` maps name -> PNG (None: draw all)."""
    lookup = _Lookup(analysis)
    summary = _summary(analysis)
    return _environment().get_template(TEMPLATE).render(
        summary=summary,
        trends=_trends(analysis, int(summary["figures"][1][1])),
        gaps=_faq_gaps(analysis, lookup),
        gap_total=len(analysis.faq_gaps),
        topics=_topics(analysis, lookup),
        suggested=_suggested(analysis, lookup),
        pages=_pages(analysis, lookup),
        open_pages=_open_pages(analysis, lookup),
        sites=_sites(analysis),
        site_total=len(analysis.sites),
        pages_left_out=len(analysis.documents) - len(shown_pages(analysis.documents)),
        charts=_charts(render_charts(analysis) if charts is None else charts),
    )


def write_report(analysis: Analysis, out_dir: str | Path,
                 charts: Mapping[str, bytes] | None = None) -> Path:
    """Write `out_dir/report.html` with the charts embedded (None: draw all); its path."""
    path = Path(out_dir) / REPORT_FILENAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(analysis, charts), encoding="utf-8")
    return path
