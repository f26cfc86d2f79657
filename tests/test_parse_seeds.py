"""The parser against the hand-checked gold labels of the five seed pages."""

from __future__ import annotations

import pytest

from commentscope.model import Document
from commentscope.parse import parse_page
from gold import SEEDS, collapse, gold_comments, gold_documents

DOCS = [d["doc"] for d in gold_documents()]


@pytest.fixture(scope="module")
def parsed() -> dict[str, Document]:
    return {name: parse_page(SEEDS / name) for name in DOCS}


@pytest.mark.parametrize("name", DOCS)
def test_document_matches_gold(parsed: dict[str, Document], name: str) -> None:
    gold = next(d for d in gold_documents() if d["doc"] == name)
    doc = parsed[name]
    doc.check_integrity()
    assert doc.title == gold["title"]
    assert len(doc.comments) == gold["comment_count"]
    assert doc.max_depth == gold["max_depth"]
    assert doc.comments_closed is gold["comments_closed"]
    article = doc.article_lines
    assert article[0].text.strip() == gold["article_first_line"]
    assert article[-1].text.strip() == gold["article_last_line"]
    assert doc.boilerplate == gold["boilerplate_lines"]


@pytest.mark.parametrize("name", [n for n in DOCS if any(c["doc"] == n for c in gold_comments())])
def test_comments_match_gold(parsed: dict[str, Document], name: str) -> None:
    doc = parsed[name]
    gold = [c for c in gold_comments() if c["doc"] == name]
    got = [
        {
            "author": c.author,
            "depth": c.depth,
            "parent": None if c.parent_id is None else doc.comment(c.parent_id).position,
            "line": c.line_start,
            "text_start": collapse(c.text)[:50],
            "text_end": collapse(c.text)[-30:],
        }
        for c in doc.comments
    ]
    want = [{k: g[k] for k in ("author", "depth", "parent", "line", "text_start", "text_end")} for g in gold]
    assert got == want


def test_comment_ids_unique_and_stable() -> None:
    first = [c.comment_id for name in DOCS for c in parse_page(SEEDS / name).comments]
    again = [c.comment_id for name in DOCS for c in parse_page(SEEDS / name).comments]
    assert first == again
    assert len(set(first)) == len(first) == 41
