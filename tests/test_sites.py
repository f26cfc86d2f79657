"""sites.csv and the report's Sites section: a page's site, figures that add up to the other
tables, a reducer that merges exactly, and site names escaped in the report."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path, PurePath
from urllib.parse import urlsplit

import pandas as pd
import pytest

from commentscope.engine import Settings
from commentscope.engine.run import map_chunk, tasks
from commentscope.engine.sites import SitesReducer, site_of
from commentscope.pipeline import RunOptions, analyze_to_folder
from commentscope.results import SITE_COLUMNS
from gold import SEEDS
from report_fixtures import SCRIPT_TEXT

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("url", "source", "site"), [
    ("https://www.Example.com:8080/a/b", "pages/a.html", "example.com"),
    ("http://example.com", "x.html", "example.com"),
    ("//cdn.example.org/post", "x.html", "cdn.example.org"),
    ("", "seeds/page.txt", "seeds/"),
    ("", "dumps/w3m/page.txt", "dumps/w3m/"),
    ("", "page.txt", "./"),
    ("http://[::1", "broken/page.html", "broken/"),  # a malformed URL names no host
    ("not a url", "notes/page.html", "notes/"),
])
def test_a_page_belongs_to_its_host_else_to_its_folder(url: str, source: str, site: str) -> None:
    assert site_of(url, source) == site


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Pages of several hosts (HTML, a WordPress export), text dumps in a folder, an unreadable file."""
    root = tmp_path_factory.mktemp("sites")
    shutil.copytree(DATA / "html", root / "html")
    shutil.copytree(DATA / "exports", root / "exports")
    shutil.copytree(SEEDS, root / "seeds")
    (root / "seeds" / "broken.txt").write_bytes(b"")
    return root


@pytest.fixture(scope="module")
def out(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    analyze_to_folder([corpus], folder, RunOptions(jobs=1))
    return folder


def _site(document: pd.Series) -> str:
    host = urlsplit(document["url"]).hostname if isinstance(document["url"], str) else None
    return host.removeprefix("www.") if host else str(PurePath(document["source"]).parent) + "/"


def test_every_site_adds_up_to_the_pages_and_comments_tables(out: Path) -> None:
    sites = pd.read_csv(out / "sites.csv", keep_default_na=False)
    documents = pd.read_csv(out / "documents.csv", keep_default_na=False)
    comments = pd.read_csv(out / "comments.csv", keep_default_na=False)
    assert list(sites.columns) == SITE_COLUMNS
    documents["site"] = documents.apply(_site, axis=1)
    assert set(sites["site"]) == set(documents["site"]) and sites["site"].is_unique
    assert len(sites) >= 6  # the hosts of the HTML pages and the export, and the seeds' folder
    ok = documents[documents["status"] == "ok"]
    comments = comments.merge(ok[["doc_id", "site"]], on="doc_id")
    by_site = sites.set_index("site")
    for site, pages in ok.groupby("site"):
        row = by_site.loc[site]
        mine = comments[comments["site"] == site]
        assert row["pages"] == len(pages) and row["comments"] == len(mine)
        assert row["questions"] == pages["questions"].sum() and row["unanswered"] == pages["unanswered"].sum()
        assert row["staff_replies"] == pages["staff_replies"].sum()
        assert row["commenters"] == mine.loc[mine["author"] != "", "author"].nunique()
        scored = pd.to_numeric(mine["sentiment_score"], errors="coerce").dropna()
        if len(scored):
            assert float(row["mean_sentiment"]) == pytest.approx(scored.mean(), abs=1e-4)
        dated = mine.loc[mine["date"] != "", "date"].str[:10]
        assert (row["first_comment"], row["last_comment"]) == ((dated.min(), dated.max()) if len(dated) else ("", ""))
        if len(mine):
            counts = mine.groupby("doc_id").size()
            assert row["busiest_page"] == min(counts.index, key=lambda doc: (-counts[doc], doc))
    failed = documents[documents["status"] != "ok"]
    assert sites["failed_pages"].sum() == len(failed) == 1
    assert sites["comments"].tolist() == sorted(sites["comments"], reverse=True)


def test_chunks_merged_in_order_give_the_reducer_of_all_pages(corpus: Path) -> None:
    results = [map_chunk(task) for task in tasks([corpus], Settings())]
    assert len(results) > 2
    whole = SitesReducer()
    for result in results:
        for page in result.pages:
            whole.add(page)
    merged = copy.deepcopy(results[0].reducers.sites)
    for result in results[1:]:
        merged.merge(copy.deepcopy(result.reducers.sites))
    assert merged.finish() == whole.finish()
    assert any(row.first_comment for row in whole.finish())  # the export's comments are dated


def test_the_report_compares_sites_and_escapes_their_names(out: Path, corpus: Path) -> None:
    html = (out / "report.html").read_text(encoding="utf-8")
    section = html[html.index('<section id="sites">'):html.index('<section id="topics">')]
    sites = pd.read_csv(out / "sites.csv", keep_default_na=False)
    assert section.count("<tr>") == len(sites) + 1  # the header, then every site (fewer than 20)
    assert sites["site"].iloc[0] in section[section.index("<tbody>"):section.index("</tr>", section.index("<tbody>"))]
    assert '<a href="#sites">' in html


def test_one_site_needs_no_sites_section(tmp_path: Path) -> None:
    analyze_to_folder([SEEDS], tmp_path, RunOptions(jobs=1))
    assert len(pd.read_csv(tmp_path / "sites.csv")) == 1
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<section id="sites">' not in html and "#sites" not in html


def test_a_folder_name_is_escaped_in_the_report(tmp_path: Path) -> None:
    for name in (SCRIPT_TEXT, "plain"):
        folder = tmp_path / "in" / name.replace("/", "_")
        folder.mkdir(parents=True)
        shutil.copy(next(SEEDS.glob("*.txt")), folder / "page.txt")
    analyze_to_folder([tmp_path / "in"], tmp_path / "out", RunOptions(jobs=1))
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    section = html[html.index('<section id="sites">'):html.index('<section id="topics">')]
    assert "&lt;script&gt;" in section and SCRIPT_TEXT.replace("/", "_") not in html


def test_sites_are_in_the_python_api(corpus: Path) -> None:
    from commentscope import analyze

    analysis = analyze([corpus / "seeds", corpus / "exports"])
    assert list(analysis.sites.columns) == SITE_COLUMNS
    assert len(analysis.sites) >= 2 and analysis.sites["comments"].sum() == len(analysis.comments)
    assert analysis.sites["pages"].sum() + analysis.sites["failed_pages"].sum() == len(analysis.documents)
