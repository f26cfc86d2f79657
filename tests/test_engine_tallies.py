"""Reducer states that must merge exactly: theme tallies and the article n-gram counts."""

from __future__ import annotations

import random
from collections import Counter

import pandas as pd
import pytest

import commentscope
from commentscope.analysis import theme_tally
from commentscope.analysis.theme_tally import ArticleCounts, Theme, ThemeTally
from commentscope.report import render_report
from gold import SEEDS


def _stems(rng: random.Random, n: int) -> list[str]:
    return [f"w{rng.randrange(5000)}" for _ in range(n)]


def test_article_counts_are_exact_before_the_sketch() -> None:
    counts = ArticleCounts()
    counts.add_text_stems(["bone", "density", "bone", "density", "scan"], max_words=3)
    assert counts.sketch is None
    assert (counts.count(("bone", "density")), counts.count(("density",)), counts.count(("kefir",))) == (2, 2, 0)
    assert counts.words == 5


def test_the_sketch_never_undercounts_and_merging_in_any_split_gives_the_same(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(theme_tally, "EXACT_HASHES", 2_000)  # flush into the sketch early
    rng = random.Random(3)
    pages = [_stems(rng, 400) for _ in range(30)]
    exact: dict[tuple[str, ...], int] = {}
    for stems in pages:
        for n in (1, 2, 3):
            for i in range(len(stems) - n + 1):
                key = tuple(stems[i : i + n])
                exact[key] = exact.get(key, 0) + 1

    def folded(split: int) -> ArticleCounts:
        total, part = ArticleCounts(), ArticleCounts()
        for k, stems in enumerate(pages):
            if k and k % split == 0:
                total.merge(part)
                part = ArticleCounts()
            part.add_text_stems(stems, 3)
        total.merge(part)
        return total

    one, other = folded(1), folded(7)
    assert one.sketch is not None
    sample = list(exact)[:: max(1, len(exact) // 500)]
    assert all(one.count(key) >= exact[key] for key in sample)
    assert sum(one.count(key) == exact[key] for key in sample) / len(sample) > 0.99
    assert [one.count(k) for k in sample] == [other.count(k) for k in sample]


def test_theme_merge_adds_counts_and_keeps_the_earlier_example_on_ties() -> None:
    first = ThemeTally({("kefir",): Theme(1, 1, 2, Counter({"kefir": 2}), 2, "a-c1", "a", "Ann", "…kefir…")})
    later = ThemeTally({("kefir",): Theme(2, 1, 3, Counter({"Kefir": 3}), 2, "b-c4", "b", "Bob", "…Kefir…")})
    first.merge(later)
    theme = first.themes[("kefir",)]
    assert (theme.comments, theme.documents, theme.mentions) == (3, 2, 5)
    assert theme.example_id == "a-c1"  # two mentions each: the earlier page keeps it
    assert theme.surfaces == {"kefir": 2, "Kefir": 3}


def test_prune_drops_single_mentions_only_over_the_limit() -> None:
    tally = ThemeTally({(f"w{k}",): Theme(1, 1, 1 + k % 2, Counter({f"w{k}": 1})) for k in range(10)})
    tally.prune(limit=20)
    assert len(tally.themes) == 10
    tally.prune(limit=5)
    assert len(tally.themes) == 5 and all(t.mentions > 1 for t in tally.themes.values())


def test_report_lists_at_most_twenty_unreadable_pages_by_name() -> None:
    analysis = commentscope.analyze([SEEDS])
    failed = pd.DataFrame([{"doc_id": f"bad{k}", "source": f"bad{k}.txt", "status": "error", "error": "empty file",
                            "comment_count": 0, "title": "", "comments_closed": False} for k in range(25)])
    documents = pd.concat([analysis.documents, failed], ignore_index=True)
    html = render_report(type(analysis)(**{**analysis.tables(), "documents": documents}), charts={})
    summary = html[: html.index('<section id="faq-gaps"')] if '<section id="faq-gaps"' in html else html[:5000]
    assert "25 pages could not be read" in summary
    assert "bad19.txt" in summary and "bad20.txt" not in summary
    assert "and 5 more" in summary
