"""docs/reliability.md names tests that exist: each promise stays tied to the test that checks it."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
DOC = (TESTS.parent / "docs" / "reliability.md").read_text("utf-8")


def named_tests() -> list[tuple[str, str]]:
    """(file, test) for every `file.py::test` and `::test` (same file as the one before) in the doc."""
    found, current = [], ""
    for file, test in re.findall(r"`(test_\w+\.py)?(?:::(test_\w+))?", DOC):
        current = file or current
        if test:
            found.append((current, test))
    return found


def test_every_test_the_doc_names_exists() -> None:
    names = named_tests()
    assert len(names) > 30
    missing = []
    for file, test in names:
        tree = ast.parse((TESTS / file).read_text("utf-8"))
        defined = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        if test not in defined:
            missing.append(f"{file}::{test}")
    assert not missing, missing


def test_readme_output_run_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (TESTS.parent / "README.md").read_text("utf-8")
    [block] = [b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "OutputRun(" in b]
    (tmp_path / "seeds").symlink_to(TESTS.parent / "seeds")
    monkeypatch.chdir(tmp_path)
    setup = 'import commentscope\nanalysis = commentscope.analyze(["seeds"])\n'
    exec(compile(setup + block, "README.md", "exec"), {})
    manifest = json.loads((tmp_path / "review" / "run.json").read_text("utf-8"))
    assert manifest["command"] == "analyze" and (tmp_path / "review" / "report.html").is_file()
    assert {f["path"] for f in manifest["files"]} >= {"comments.csv", "faq_gaps.csv", "report.html"}
