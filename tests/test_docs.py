"""README stays true to the code: its Python example runs, and every command and column is documented."""

from __future__ import annotations

import os
import re

import pytest

from commentscope import results
from commentscope.cli import build_parser
from gold import ROOT, gold_documents

README = (ROOT / "README.md").read_text("utf-8")


def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    [block] = [b for b in re.findall(r"```python\n(.*?)```", README, re.S) if "commentscope.analyze" in b]
    monkeypatch.chdir(ROOT)
    pages = ROOT / "seeds"
    code = block.replace('["pages"]', repr([str(pages)])).replace('Path("my_topics.toml")', "None")
    exec(compile(code, "README.md", "exec"), {})


@pytest.mark.parametrize("name", [n for n in dir(results) if n.endswith("_COLUMNS")])
def test_every_output_column_is_documented(name: str) -> None:
    missing = [c for c in getattr(results, name) if f"`{c}`" not in README]
    assert not missing, f"{name}: not in README: {missing}"


def test_every_command_is_in_readme() -> None:
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert all(f"`commentscope {name}" in README for name in commands)


def test_readme_commands_match_ci() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    test_command = next(line for line in ci.splitlines() if line.startswith("python3 -m venv"))
    assert test_command in README
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def test_outputs_folder_only_has_its_note_in_git() -> None:
    assert (ROOT / "outputs" / "README.md").is_file()
    assert "outputs/*" in (ROOT / ".gitignore").read_text("utf-8")


def test_gold_names_every_seed() -> None:
    gold_docs = {d["doc"] for d in gold_documents()}
    assert gold_docs == {p.name for p in (ROOT / "seeds").iterdir()}
