"""The real-page corpora (benchmarks/real/, and the later batches benchmarks/real2/ to real34/): their
gold is consistent and the first meets its targets."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest

REAL = Path(__file__).resolve().parent.parent / "benchmarks" / "real"
CORPORA = [REAL, *(REAL.parent / f"real{n}" for n in range(2, 35))]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?")


def load_gold(corpus: Path = REAL) -> list[dict[str, Any]]:
    with (corpus / "gold.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


GOLD = load_gold()
DOCUMENTS = [(rec, doc) for corpus in CORPORA for rec in load_gold(corpus) for doc in rec["documents"]]


def default_view(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """What a reader should return by default (exports: approved comments only)."""
    return [c for c in doc["comments"] if c.get("default", True)]


def html_with_comments() -> list[dict[str, Any]]:
    return [rec for rec in GOLD if rec["kind"] == "html" and rec["has_comments"]]


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.name)
def test_every_corpus_file_has_gold_and_a_source_row(corpus: Path) -> None:
    sources = (corpus / "SOURCES.md").read_text(encoding="utf-8")
    on_disk = sorted(str(p.relative_to(corpus)) for p in corpus.glob("*/*.gz") if p.parent.name in ("pages", "exports"))
    in_gold = sorted(rec["file"] for rec in load_gold(corpus))
    assert on_disk == in_gold
    missing = [name for name in on_disk if f"`{name}`" not in sources]
    assert not missing, f"not listed in SOURCES.md: {missing}"


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.name)
def test_gold_is_what_make_gold_derives_from_the_markup(corpus: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_gold", REAL / "make_gold.py")
    assert spec is not None and spec.loader is not None
    make_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_gold)
    make_gold.ROOT = corpus
    sites = make_gold.load_sites(corpus / "sites.toml")
    derived = [{k: v for k, v in rec.items() if not k.startswith("_")} for rec in make_gold.all_gold(sites)]
    assert derived == load_gold(corpus)


@pytest.mark.parametrize(("rec", "doc"), DOCUMENTS, ids=[f"{r['file']}#{d['key']}" for r, d in DOCUMENTS])
def test_thread_is_consistent(rec: dict[str, Any], doc: dict[str, Any]) -> None:
    view = default_view(doc)
    by_id = {c["id"]: c for c in view if c["id"] is not None}
    assert len(by_id) == sum(c["id"] is not None for c in view), "duplicate comment ids"
    for c in view:
        if c["id"] is None:  # a page without comment ids names no parent: its depth is the nesting's alone
            continue
        parent = by_id.get(c["parent"]) if c["parent"] is not None else None
        expected = 0 if parent is None else parent["depth"] + 1
        assert c["depth"] == expected, f"comment {c['id']}: depth {c['depth']}, parent says {expected}"
        if rec["kind"] == "html":  # on a page every stated parent is on the page
            assert c["parent"] is None or parent is not None
    for c in doc["comments"]:
        assert c["text"], f"empty text in comment {c['id']}"
        lines = c["text"].split("\n")
        assert all(line and line == " ".join(line.split()) for line in lines), f"unnormalised text in {c['id']}"
        assert c["date"] is None or ISO_DATE.fullmatch(c["date"]), c["date"]
        assert c["author"] is None or c["author"] == " ".join(c["author"].split())
        assert isinstance(c["staff"], bool)


def test_pages_without_comments_have_none() -> None:
    empty = [rec for rec in GOLD if rec["kind"] == "html" and not rec["has_comments"]]
    assert empty
    assert all(not c for rec in empty for doc in rec["documents"] for c in doc["comments"])


def test_corpus_meets_the_issue_targets() -> None:
    with_comments = html_with_comments()
    without = [rec for rec in GOLD if rec["kind"] == "html" and not rec["has_comments"]]
    systems = {rec["system"] for rec in with_comments}
    deep = [rec for rec in with_comments if max(c["depth"] for d in rec["documents"] for c in d["comments"]) >= 2]
    staff = [rec for rec in with_comments if any(c["staff"] for d in rec["documents"] for c in d["comments"])]
    assert len(with_comments) >= 40
    assert len(systems) >= 8, systems
    assert len(without) >= 10
    assert len(deep) >= 3
    assert any(rec["system"] == "wordpress" for rec in staff)
    assert {rec["kind"] for rec in GOLD if rec["has_comments"]} >= {"html", "wxr", "disqus"}


@pytest.mark.parametrize("kind", ["wxr", "disqus"])
def test_exports_hold_comments_the_default_view_leaves_out(kind: str) -> None:
    comments = [c for rec in GOLD if rec["kind"] == kind for d in rec["documents"] for c in d["comments"]]
    assert any(c["default"] for c in comments)
    assert any(not c["default"] for c in comments), "no pingback, pending, trash, deleted or spam case"
    assert all(c["default"] == (c["type"] == "comment" and c["status"] == "approved") for c in comments)
