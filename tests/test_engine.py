"""The streaming engine: the same files from one process, a pool and Dask; reducers that merge
exactly; streamed tables equal to the in-memory ones; a bounded report."""

from __future__ import annotations

import copy
import gc
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

import commentscope
from analyzers import FixedScore
from commentscope.engine import FolderSink, PageOutput, Progress, Reducers, Settings, finish, run
from commentscope.engine.page import map_page
from commentscope.engine.run import DRIVER_GC_ALLOCATIONS, Streamed, _matcher, map_chunk, read_item, tasks
from commentscope.engine.runners import PoolRunner, SerialRunner, runner_for
from commentscope.outputs.run import MANIFEST, read_manifest
from commentscope.pipeline import RunOptions, analyze_to_folder
from commentscope.readers.options import ReadOptions
from commentscope.results import REPORT_PAGES, Analysis
from commentscope.summaries import commenters, topic_summary
from commentscope.writers import write_outputs
from gold import SEEDS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from make_corpus import write_corpus

PAGES = 36  # more than REPORT_PAGES, in more than one chunk


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, generated pages in the seed layouts, and one unreadable file."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, root / "seeds")
    write_corpus(root / "generated", PAGES, 6, seed=7)
    (root / "generated" / "syn_broken.txt").write_bytes(b"\xff\xfe\x00\x00" * 8)
    return root


def _files(folder: Path) -> dict[str, bytes]:
    """Every output file's bytes, but the manifest's (it records when the run started)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != MANIFEST}


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("serial")
    analyze_to_folder([corpus], out, RunOptions(jobs=1))
    return _files(out)


def test_serial_run_writes_every_table_chart_and_report(serial: dict[str, bytes]) -> None:
    assert {name for name in serial if name.endswith(".csv")} == {
        f"{name}.csv" for name in ("documents", "comments", "questions", "faq_gaps", "topic_summary",
                                   "topic_mentions", "suggested_topics", "commenters", "trends", "sites")}
    assert "report.html" in serial and len([n for n in serial if n.endswith(".png")]) == 5
    assert serial["documents.csv"].count(b"\n") == PAGES + 5 + 1 + 1  # pages, seeds, broken, header


def test_pool_gives_the_same_bytes(corpus: Path, serial: dict[str, bytes], tmp_path: Path) -> None:
    analyze_to_folder([corpus], tmp_path, RunOptions(jobs=2))
    assert _files(tmp_path) == serial


def test_dask_local_cluster_gives_the_same_bytes(corpus: Path, serial: dict[str, bytes], tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    analyze_to_folder([corpus], tmp_path, RunOptions(jobs=2, engine="dask"))
    assert _files(tmp_path) == serial


@pytest.fixture(scope="module")
def analysis(corpus: Path) -> Analysis:
    return commentscope.analyze([corpus])


def test_streamed_files_equal_the_in_memory_analysis_written(analysis: Analysis, serial: dict[str, bytes],
                                                              tmp_path: Path) -> None:
    write_outputs(analysis, tmp_path)
    assert _files(tmp_path) == serial


@pytest.fixture(scope="module")
def pages(corpus: Path) -> list[PageOutput]:
    matcher, settings = _matcher(None, False), Settings()
    return [map_page(result, matcher, settings)
            for task in tasks([corpus], settings) for item in task.items for result in read_item(item)]


@pytest.mark.parametrize("cut", [1, 17, 40], ids=["first-page", "middle", "near-end"])
def test_reducers_merge_exactly(pages: list[PageOutput], cut: int) -> None:
    whole, left, right = Reducers(), Reducers(), Reducers()
    for page in copy.deepcopy(pages):  # reducers take over the pages' theme tallies
        whole.add(page)
    for page in copy.deepcopy(pages[:cut]):
        left.add(page)
    for page in copy.deepcopy(pages[cut:]):
        right.add(page)
    left.merge(right)
    matcher = _matcher(None, False)
    a, b = finish(whole, matcher), finish(left, matcher)
    assert (a.topic_summary, a.commenters, a.suggested_topics, a.trends) == (
        b.topic_summary, b.commenters, b.suggested_topics, b.trends)
    assert a.questions.equals(b.questions) and a.faq_gaps.equals(b.faq_gaps)
    for name, table in a.digest.tables().items():
        assert table.equals(getattr(b.digest, name)), name


def test_topic_summary_reducer_matches_the_table_computation(analysis: Analysis) -> None:
    # summaries.topic_summary computes the same table from the whole comment and mention tables
    reference = topic_summary(analysis.comments, analysis.topic_mentions, analysis.questions)
    assert analysis.topic_summary.drop(columns="top_terms").equals(reference.drop(columns="top_terms"))
    assert list(analysis.topic_summary["top_terms"]) == list(reference["top_terms"])


def test_commenters_reducer_matches_the_table_computation(analysis: Analysis) -> None:
    staff = {row.author: row for row in analysis.commenters.itertuples() if row.is_staff}
    from commentscope.analysis.answers import StaffMember

    members = {name: StaffMember(name, row.staff_evidence) for name, row in staff.items()}
    assert analysis.commenters.equals(commenters(analysis.comments, members))


def test_report_shows_the_busiest_pages_only(serial: dict[str, bytes]) -> None:
    report = serial["report.html"].decode()
    assert report.count('<article class="page"') == REPORT_PAGES
    assert "more pages are in documents.csv" in report


def test_progress_counts_pages_and_comments_across_workers(corpus: Path, analysis: Analysis,
                                                           tmp_path: Path) -> None:
    seen: list[int] = []
    progress = Progress(callback=lambda p, chunk: seen.append(len(chunk.pages)))
    done = analyze_to_folder([corpus, corpus / "missing.txt"], tmp_path, RunOptions(jobs=2), charts=False,
                             progress=progress)
    assert sum(seen) == done.pages == PAGES + 5 + 1 + 1 and done.failed == 1
    assert done.comments == len(analysis.comments) > PAGES


def test_runner_choice() -> None:
    assert isinstance(runner_for("local", 1), SerialRunner)
    assert isinstance(runner_for("local", 3), PoolRunner)
    with pytest.raises(commentscope.CommentscopeError):
        runner_for("spark", 2)


def test_folder_sink_streams_pages_as_they_come(corpus: Path, tmp_path: Path) -> None:
    sink = FolderSink(tmp_path)
    reducers = run([corpus / "seeds"], Settings(), SerialRunner(), sink)
    sink.close()
    assert reducers.digest.pages == 5 == (tmp_path / "documents.csv").read_text().count("\n") - 1
    assert (tmp_path / "questions.csv.part").exists()  # grouped only when the run finishes


def test_run_collects_less_often_and_puts_the_collector_back(corpus: Path, tmp_path: Path) -> None:
    during: list[tuple[int, int, int]] = []
    progress = Progress(callback=lambda p, chunk: during.append(gc.get_threshold()))
    before = gc.get_threshold()
    sink = FolderSink(tmp_path)
    run([corpus / "seeds"], Settings(), SerialRunner(), sink, progress)
    sink.close()
    assert during == [(max(before[0], DRIVER_GC_ALLOCATIONS), *before[1:])]
    assert gc.get_threshold() == before


@pytest.mark.parametrize("streamed", ["rows", "csv", "none"], ids=["rows", "csv", "none"])
def test_workers_send_the_rows_their_csv_text_or_nothing(corpus: Path, tmp_path: Path, streamed: Streamed) -> None:
    task = replace(next(tasks([corpus / "seeds"], Settings())), streamed=streamed)
    by_rows, sent = map_chunk(replace(task, streamed="rows")), map_chunk(task)
    assert sent.comments == by_rows.comments > 0
    assert [page.document for page in sent.pages] == [page.document for page in by_rows.pages]
    assert any(page.comments for page in sent.pages) == (streamed == "rows")
    written = {}
    for name, result in (("rows", by_rows), (streamed, sent)):
        sink = FolderSink(tmp_path / name)
        sink.chunk(result)
        sink.close()
        written[name] = _files(tmp_path / name)
    if streamed == "none":
        assert not sent.csv
    else:
        assert written[streamed] == written["rows"]
        assert written["rows"]["comments.csv"].count(b"\n") > sent.comments


@pytest.mark.parametrize("argv", [["--jobs", "0"], ["--scheduler", "tcp://127.0.0.1:8786"], ["--engine", "spark"]],
                         ids=["no-workers", "scheduler-without-dask", "unknown-engine"])
def test_cli_rejects_bad_engine_options(argv: list[str], tmp_path: Path) -> None:
    from commentscope.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(SEEDS), "--out", str(tmp_path), "-q", *argv])
    assert exit_.value.code == 2


def test_cli_jobs_two_writes_what_jobs_one_writes(tmp_path: Path) -> None:
    from commentscope.cli import main

    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "one"), "-q", "--jobs", "1"]) == 0
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "two"), "-q", "--jobs", "2"]) == 0
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    one, two = read_manifest(tmp_path / "one"), read_manifest(tmp_path / "two")
    assert one is not None and two is not None
    assert one["counts"] == two["counts"] and one["counts"]["comments"] > 0
    assert [f["sha256"] for f in one["files"]] == [f["sha256"] for f in two["files"]]



def test_reader_options_sentiment_and_exclude_reach_the_workers(tmp_path: Path) -> None:
    """What main's readers and sentiment work added goes through the engine: the same in one
    process as in a pool."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "thread.csv").write_text(
        "pid,cid,re,who,txt\n"
        "p1,c1,,Ann,\"Does the dough need to rest overnight? I never know.\"\n"
        "p1,c2,c1,Bo,\"Yes, overnight in the fridge works best.\"\n"
        "p2,c3,,Cy,\"Great bread, thank you so much.\"\n", encoding="utf-8")
    shutil.copy(SEEDS / "000_6e294251f2c80030.txt", folder / "skipped.txt")
    read = ReadOptions(columns={"page": "pid", "id": "cid", "parent": "re", "author": "who", "text": "txt"})
    written = {}
    for jobs in (1, 2):
        options = RunOptions(jobs=jobs, read_options=read, sentiment=FixedScore(-0.9), exclude=("skipped*",))
        out = tmp_path / f"jobs{jobs}"
        analyze_to_folder([folder], out, options, charts=False)
        written[jobs] = _files(out)
    assert written[1] == written[2]
    comments = pd.read_csv(tmp_path / "jobs1" / "comments.csv")
    assert comments["author"].tolist() == ["Ann", "Bo", "Cy"]  # the table read by its named columns
    assert set(comments["sentiment_score"]) == {-0.9}
    questions = pd.read_csv(tmp_path / "jobs1" / "questions.csv", keep_default_na=False)
    assert [e.split(":")[0] for e in questions["answer_evidence"]] == ["reply"]  # Bo answered Ann
