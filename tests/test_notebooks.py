"""The example notebooks: committed without outputs, in step with their generator, and they run."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
# notebook name -> charts it draws inline
CHARTS_DRAWN = {"explore_corpus": 4, "faq_gap_review": 1}


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_notebooks",
                                                  NOTEBOOKS / "build_notebooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", list(CHARTS_DRAWN), ids=list(CHARTS_DRAWN))
def test_notebook_is_committed_as_generated_without_outputs(name: str) -> None:
    committed = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    cells = {"explore_corpus": generator().EXPLORE, "faq_gap_review": generator().REVIEW}[name]
    assert committed == generator().build(name, cells)
    code = [c for c in committed.cells if c.cell_type == "code"]
    assert all(c.execution_count is None and c.outputs == [] for c in code)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CHARTS_DRAWN), ids=list(CHARTS_DRAWN))
def test_notebook_runs_on_the_seeds(name: str, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMENTSCOPE_NOTEBOOK_OUTPUT", str(tmp_path))  # the kernel inherits it
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == CHARTS_DRAWN[name]
    if name == "faq_gap_review":
        assert (tmp_path / "faq_shortlist.csv").read_text(encoding="utf-8").startswith("rank,")
