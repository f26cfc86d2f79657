"""The seed threads as CSV, JSON Lines and Parquet tables, with the seed pages as articles, give the
same analysis as the seed pages themselves (line numbers, source path and format aside)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import commentscope
from commentscope.corpus import iter_documents
from commentscope.readers import ReadOptions
from commentscope.results import Analysis
from commentscope.tables import comments_frame
from commentscope.writers import write_csv
from gold import SEEDS

IGNORED = {"documents": ["source", "format"], "comments": ["line_start", "line_end"],
           "sites": ["site"]}  # a page's site without a URL is the folder it was read from, as its source


def seed_pages_with_comments() -> list[Path]:
    """A table holds comments, so only pages with comments can round-trip through one."""
    return sorted(Path(d.source) for d in iter_documents([SEEDS]) if d.comments)


def convert(frame: pd.DataFrame, path: Path) -> Path:
    """The seed comments table written as CSV (commentscope's own writer), JSON Lines or Parquet."""
    if path.suffix == ".csv":
        write_csv(frame, path)
    elif path.suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        frame.to_parquet(path, index=False)
    return path


@pytest.fixture(scope="module")
def seed_analysis() -> Analysis:
    return commentscope.analyze(seed_pages_with_comments())


@pytest.fixture(scope="module")
def seed_comments() -> pd.DataFrame:
    return comments_frame(iter_documents(seed_pages_with_comments()))


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_table_with_articles_gives_the_seed_analysis(
    tmp_path: Path, seed_analysis: Analysis, seed_comments: pd.DataFrame, suffix: str
) -> None:
    assert len(seed_comments) > 20
    table = convert(seed_comments, tmp_path / f"comments{suffix}")
    analysis = commentscope.analyze([table], read_options=ReadOptions(articles=SEEDS))
    for name, expected in seed_analysis.tables().items():
        got = analysis.tables()[name]
        drop = IGNORED.get(name, [])
        pd.testing.assert_frame_equal(
            got.drop(columns=drop).reset_index(drop=True), expected.drop(columns=drop).reset_index(drop=True),
            obj=name,
        )
    assert set(analysis.documents["format"]) == {"table"}


def test_without_articles_the_threads_still_match(tmp_path: Path, seed_comments: pd.DataFrame) -> None:
    table = convert(seed_comments, tmp_path / "comments.csv")
    got = comments_frame(iter_documents([table]))
    pd.testing.assert_frame_equal(
        got.drop(columns=["line_start", "line_end"]), seed_comments.drop(columns=["line_start", "line_end"])
    )


def test_a_table_without_articles_says_no_article(tmp_path: Path) -> None:
    from commentscope import analyze
    from commentscope.report import _coverage

    table = tmp_path / "comments.csv"
    table.write_text(
        "page,comment_id,parent_id,author,text\n"
        "p1,1,,Ann,How much vitamin K2 should I take with my calcium supplement each day?\n"
        "p1,2,,Bob,How much vitamin K2 should I take with my calcium supplement every day?\n",
        encoding="utf-8",
    )
    result = analyze([table])
    assert len(result.questions) == 2
    assert result.questions["article_coverage"].isna().all()  # not 0 %: there is nothing to cover it
    assert not result.faq_gaps.empty  # an unanswered group with no article is still a gap
    assert result.faq_gaps["article_coverage"].isna().all()
    assert _coverage(result.faq_gaps["article_coverage"].iloc[0]) == "no article"
