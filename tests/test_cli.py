"""The command line: help, defaults, per-file lines, exit codes, CSV safety, --explain."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from commentscope.cli import build_parser, main
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
    assert list(comments[0]) == ["doc_id", "comment_id", "parent_id", "depth", "position", "author", "text",
                                 "line_start", "line_end"]
    ids = {c["comment_id"] for c in comments}
    assert all(c["parent_id"] == "" or c["parent_id"] in ids for c in comments)


def test_bad_files_fail_alone_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "empty.txt").write_bytes(b"")
    (pages / "good.txt").write_text("A Title\n\nThe article text, long enough to be an article paragraph here.\n")
    assert main(["parse", str(pages), "--out", str(tmp_path / "out")]) == 1
    out = capsys.readouterr().out
    assert f"error  {pages / 'empty.txt'}: empty file" in out
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
