"""The command line: help, defaults, per-file lines, exit codes, CSV safety, --explain."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from commentscope.cli import build_parser, main
from commentscope.results import COMMENT_COLUMNS
from gold import SEEDS


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("command", ["parse", "analyze", "report"])
def test_every_command_has_help_with_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"commentscope {command}" in out and "--out" in out


def test_python_dash_m_runs() -> None:
    done = subprocess.run([sys.executable, "-m", "commentscope", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("commentscope ")


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["parse", "--no-such-option"])
    assert exited.value.code == 2


def test_parse_seeds_writes_both_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len([line for line in out if line.startswith("ok ")]) == 5
    assert out[-1].startswith("5 pages (0 failed), 41 comments")
    documents = read_csv(tmp_path / "documents.csv")
    comments = read_csv(tmp_path / "comments.csv")
    assert [d["status"] for d in documents] == ["ok"] * 5
    assert len(comments) == 41
    assert list(comments[0]) == COMMENT_COLUMNS
    ids = {c["comment_id"] for c in comments}
    assert all(c["parent_id"] == "" or c["parent_id"] in ids for c in comments)


def test_bad_files_fail_alone_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "empty.txt").write_bytes(b"")
    (pages / "good.txt").write_text("A Title\n\nThe article text, long enough to be an article paragraph here.\n")
    assert main(["parse", str(pages), "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert f"error  {pages / 'empty.txt'}: empty file" in captured.err
    assert "error " not in captured.out
    rows = read_csv(tmp_path / "out" / "documents.csv")
    assert [(r["doc_id"], r["status"], r["error"]) for r in rows] == [
        ("empty", "error", "empty file"), ("good", "ok", "")]


def test_csv_cells_cannot_run_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "evil.txt"
    page.write_text(
        "A Title\n\nThe article text is long enough to be an article paragraph for this test.\n\n"
        "  • =HYPERLINK(\"http://x\")\n\n    +1 calls me\n\n  • @Bob\n\n    -2 is a number\n"
    )
    assert main(["parse", str(page), "--out", str(tmp_path / "out")]) == 0
    comments = read_csv(tmp_path / "out" / "comments.csv")
    assert [c["author"] for c in comments] == ["'=HYPERLINK(\"http://x\")", "'@Bob"]
    assert [c["text"] for c in comments] == ["'+1 calls me", "'-2 is a number"]
    assert all(not c["depth"].startswith("'") for c in comments)


def test_explain_gives_every_line_a_role(capsys: pytest.CaptureFixture[str]) -> None:
    seed = SEEDS / "000_6e294251f2c80030.txt"
    assert main(["parse", "--explain", str(seed)]) == 0
    out = capsys.readouterr().out.splitlines()
    body = out[1:]
    assert len(body) == len(seed.read_text("utf-8").splitlines())
    assert body[23].split()[:3] == ["24", "comment_header", "c000"]
    assert "boilerplate" in body[0]


def test_parser_lists_three_commands() -> None:
    help_text = build_parser().format_help()
    assert all(name in help_text for name in ("parse", "analyze", "report"))


ANALYZE_FILES = ["documents", "comments", "questions", "faq_gaps", "topic_summary", "topic_mentions",
                 "suggested_topics", "commenters", "trends", "sites"]


def test_analyze_writes_every_table_charts_and_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path), "-q"]) == 0
    assert sorted(p.stem for p in tmp_path.glob("*.csv")) == sorted(ANALYZE_FILES)
    assert len(list((tmp_path / "charts").glob("*.png"))) >= 5
    assert "faq-gaps" in (tmp_path / "report.html").read_text("utf-8")
    comments = read_csv(tmp_path / "comments.csv")
    assert {"topics", "sentiment", "answered_by"} <= set(comments[0])
    assert capsys.readouterr().out.strip().startswith("5 pages (0 failed), 41 comments")


def test_analyze_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for run in ("a", "b"):
        assert main(["analyze", str(SEEDS), "--out", str(tmp_path / run), "-q"]) == 0
    for first in sorted((tmp_path / "a").rglob("*.*")):
        if first.name == "run.json":  # the manifest records when the run finished
            continue
        assert first.read_bytes() == (tmp_path / "b" / first.relative_to(tmp_path / "a")).read_bytes(), first


def test_report_writes_only_charts_and_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEEDS / "001_5d2252086a8858ee.txt"), "--out", str(tmp_path), "-q"]) == 0
    assert (tmp_path / "report.html").is_file() and not list(tmp_path.glob("*.csv"))


def test_analyze_with_user_topics_and_staff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    topics = tmp_path / "topics.toml"
    topics.write_text('[topics.bone_density]\ndescription = "DEXA"\nterms = ["bone density"]\n')
    out = tmp_path / "out"
    assert main(["analyze", str(SEEDS / "000_6e294251f2c80030.txt"), "--out", str(out), "-q",
                 "--topics", str(topics), "--staff", "Sue Stantejsky"]) == 0
    summary = {row["topic"] for row in read_csv(out / "topic_summary.csv")}
    assert {"bone_density", "fluoride"} <= summary
    staff = [row["author"] for row in read_csv(out / "commenters.csv") if row["is_staff"] == "True"]
    assert staff == ["Sue Stantejsky"]


@pytest.mark.parametrize(("name", "column"), [("vader", "vader_compound"), ("textblob", "textblob_polarity")])
def test_sentiment_can_come_from_a_bare_lexicon(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                               column: str) -> None:
    page = str(SEEDS / "000_6e294251f2c80030.txt")
    assert main(["analyze", page, "--out", str(tmp_path / name), "-q", "--sentiment", name]) == 0
    assert main(["analyze", page, "--out", str(tmp_path / "model"), "-q"]) == 0
    bare, model = read_csv(tmp_path / name / "comments.csv"), read_csv(tmp_path / "model" / "comments.csv")
    assert [row[column] for row in bare] == [row[column] for row in model]  # the lexicon columns stay
    assert all(row["sentiment_score"] == row[column] for row in bare)  # the score is the lexicon's own
    assert [row["sentiment"] for row in bare] != [row["sentiment"] for row in model]
    manifest = json.loads((tmp_path / name / "run.json").read_text("utf-8"))
    assert manifest["options"]["sentiment"] == name


def test_bad_topics_file_is_a_clear_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    topics = tmp_path / "topics.toml"
    topics.write_text("[topics.x\n")
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "out"), "-q", "--topics", str(topics)]) == 2
    err = capsys.readouterr().err
    assert str(topics) in err and err.count("\n") == 1


def test_run_with_no_readable_page_keeps_earlier_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS), "--out", str(tmp_path), "-q"]) == 0
    before = (tmp_path / "comments.csv").read_bytes()
    assert main(["analyze", str(tmp_path / "missing"), "--out", str(tmp_path), "-q"]) == 1
    assert "nothing written" in capsys.readouterr().out
    assert (tmp_path / "comments.csv").read_bytes() == before


def test_explain_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"  # far more than a pipe holds, so the writer meets the closed end
    big.write_text((SEEDS / "000_6e294251f2c80030.txt").read_text("utf-8") * 30, "utf-8")
    reader = subprocess.Popen([sys.executable, "-m", "commentscope", "parse", "--explain", str(big)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stderr is not None
    first = reader.stdout.readline()  # `| head -1`: one line read, then the pipe is closed
    reader.stdout.close()
    with reader.stderr:
        err = reader.stderr.read().decode()
    assert reader.wait(timeout=120) == 0
    assert first.startswith(b"== ") and err == ""


def test_failures_reach_stderr_even_with_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text((SEEDS / "000_6e294251f2c80030.txt").read_text("utf-8"), "utf-8")
    assert main(["parse", str(tmp_path), "--out", str(tmp_path.parent / "out"), "-q"]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"error  {tmp_path / 'empty.txt'}: empty file\n"
    assert captured.out.startswith("2 pages (1 failed)")


def test_empty_staff_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["analyze", str(SEEDS), "--staff", ""])
    assert exited.value.code == 2 and "--staff needs a commenter's name" in capsys.readouterr().err


def test_staff_matching_nobody_is_named_in_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEEDS / "000_6e294251f2c80030.txt"), "--out", str(tmp_path), "-q",
                 "--staff", "Nobody Of That Name", "--staff", "Sue Stantejsky"]) == 0
    assert [r.getMessage() for r in caplog.records if "--staff" in r.getMessage()] == [
        "--staff 'Nobody Of That Name' matches no commenter"]


def test_missing_resource_exits_4(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from commentscope.errors import MissingResourceError

    def missing(*args: object, **kwargs: object) -> None:
        raise MissingResourceError("cannot load the VADER lexicon 'x'; install it with `pip install vadersentiment`")

    monkeypatch.setattr("commentscope.engine.page.analyze_document", missing)  # the map step of every page
    assert main(["analyze", str(SEEDS), "--out", str(tmp_path / "out"), "-q", "--jobs", "1"]) == 4
    assert "VADER lexicon" in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_exclude_and_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["parse", str(SEEDS), "--out", str(out), "-q", "--exclude", "000_*"]) == 0
    manifest = json.loads((out / "run.json").read_text("utf-8"))
    assert manifest["counts"] == {"pages": 4, "failed": 0, "comments": 23, "files": 2}
    assert manifest["options"] == {"exclude": ["000_*"]} and manifest["inputs"] == [str(SEEDS)]
    assert [f["path"] for f in manifest["files"]] == ["comments.csv", "documents.csv"]
