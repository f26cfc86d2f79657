"""Any reply depth: iterative walks, and a report that caps the visual nesting."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from commentscope import report
from commentscope.cli import main
from commentscope.model import CommentRecord, Thread
from commentscope.parse import parse_text
from commentscope.results import PAGE_COMMENTS
from test_report import Outline

DEEPER_THAN_PYTHON = sys.getrecursionlimit() + 500


def chain_page(depth: int) -> str:
    """A page whose comments each reply to the one before, plus one late top-level comment."""
    lines = ["A Deep Thread", "", "This article is long enough to be an article paragraph about bones and calcium.",
             "", "Comments", ""]
    for level in range(depth):
        indent = "  " * level
        lines += [f"{indent}• Reader{level}", "", f"{indent}    Reply number {level}: I agree with the above.", ""]
    return "\n".join([*lines, "• Latecomer", "", "    A comment at the top level again.", ""])


def test_walk_and_subtree_at_any_depth() -> None:
    records = [CommentRecord(str(n), str(n - 1) if n else None, f"r{n}", f"text {n}")
               for n in range(DEEPER_THAN_PYTHON)]
    thread = Thread.from_records("deep", reversed(records))  # record order does not matter
    assert [c.depth for c in thread.comments] == list(range(DEEPER_THAN_PYTHON))
    doc = replace(parse_text("Title\n", doc_id="deep"), comments=thread.comments, lines=())
    assert len(list(doc.walk())) == DEEPER_THAN_PYTHON
    assert len(doc.subtree(thread.comments[0].comment_id)) == DEEPER_THAN_PYTHON - 1
    doc.check_integrity()


def test_report_tree_at_any_depth_is_flat_with_capped_levels() -> None:
    rows = [{"comment_id": f"c{n}", "parent_id": f"c{n - 1}" if n else "", "author": f"r{n}", "text": "t",
             "sentiment": "", "vader_compound": None, "topics": "", "is_question": False, "answered": None,
             "answered_by": "", "off_topic": False, "promotional": False} for n in range(DEEPER_THAN_PYTHON)]
    lookup = report._Lookup.__new__(report._Lookup)
    lookup.staff, lookup.comments, lookup.titles = set(), {}, {}
    nodes = report._reply_tree(rows, lookup)
    assert [n["level"] for n in nodes] == [min(n, report.MAX_NESTING) for n in range(DEEPER_THAN_PYTHON)]
    opened = sum(n["opens"] for n in nodes)
    assert opened == sum(n["closes"] for n in nodes) == report.MAX_NESTING  # every list is closed
    assert [n["reply_to"]["author"] if n["reply_to"] else None for n in nodes[: report.MAX_NESTING + 2]] == [
        *[None] * (report.MAX_NESTING + 1), f"r{report.MAX_NESTING}"]


@pytest.mark.parametrize("depth", [PAGE_COMMENTS - 1, 240], ids=["all-shown", "240-deep"])
def test_a_deep_reply_chain_through_the_whole_report(tmp_path: Path, depth: int,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "deep.txt"
    page.write_text(chain_page(depth), encoding="utf-8")
    doc = parse_text(page.read_text("utf-8"), doc_id="deep")
    assert doc.max_depth == depth - 1 and len(doc.comments) == depth + 1
    out = tmp_path / "out"
    assert main(["report", str(page), "--out", str(out), "-q"]) == 0
    html = (out / "report.html").read_text("utf-8")
    ancestors = Outline(html).ancestors
    shown = doc.comments[:PAGE_COMMENTS]  # the report's reply tree is bounded; the rest is in comments.csv
    assert len(ancestors) == len(shown)
    by_id = {c.comment_id: c for c in doc.comments}
    for comment in shown:
        enclosing = ancestors[f"c-{comment.comment_id}"]
        assert len(enclosing) == min(comment.depth, report.MAX_NESTING)
        if comment.parent_id and comment.depth <= report.MAX_NESTING:
            assert enclosing[-1] == f"c-{comment.parent_id}"
        elif comment.parent_id:  # below the cap: it says whom it answers, with a link
            assert f'replying to <a href="#c-{comment.parent_id}">{by_id[comment.parent_id].author}</a>' in html
    if len(doc.comments) <= PAGE_COMMENTS:
        assert ancestors[f"c-{doc.comments[-1].comment_id}"] == []  # the late top-level comment
    else:
        assert f"{len(doc.comments) - PAGE_COMMENTS} more comments on this page in comments.csv" in html
