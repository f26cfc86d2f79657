"""The export readers against the real WXR and Disqus exports of the development corpus (issue 7's
goal: F1 of text + author + depth at least 0.99, every staff mark found)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "real"
sys.path.insert(0, str(ROOT / "benchmarks"))

pytestmark = pytest.mark.skipif(not (CORPUS / "gold.jsonl").exists(), reason="development corpus not in this checkout")


@pytest.fixture(scope="module")
def totals() -> dict[str, dict[str, object]]:
    import real_exports

    return {str(r["reader"]): r for r in real_exports.rows(CORPUS) if str(r["file"]).startswith("all ")}


@pytest.mark.parametrize("reader", ["wxr", "disqus"])
def test_export_f1_at_least_099_and_staff_found(totals: dict[str, dict[str, object]], reader: str) -> None:
    row = totals[reader]
    assert row["gold"], f"no {reader} export with comments in the corpus"
    assert float(row["f1"]) >= 0.99  # type: ignore[arg-type]
    assert row["staff_marked"] == row["staff_gold"]
