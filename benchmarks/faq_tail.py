"""The driver's serial tail after the map step, step by step: FAQ gaps, group ranking, charts and report.

Usage:
  python benchmarks/faq_tail.py REDUCERS.pkl [--cache=FILE] [--compare=OUT_DIR] [--repeat=N] [--distinct=1]

REDUCERS.pkl is the merged reducers of a run (`benchmarks/driver_split.py --dump=FILE analyze ...`).
The questions are grouped once (tens of seconds at 100k comments) and the grouping is kept in
--cache=FILE, so that later runs time the tail alone. Prints the CPU seconds of `_rank_labels`
(when grouping runs), of `faq_gaps` (best of --repeat) and of `write_charts_and_report`; with
--compare=OUT_DIR, whether faq_gaps.csv, report.html and the chart PNGs equal that run's files.
--distinct=1 times faq_gaps alone with a made-up word appended to every question, the same
groups: a corpus where no two readers word a question alike (generated corpora repeat wordings).
"""

from __future__ import annotations

import filecmp
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import pandas as pd  # noqa: E402

from commentscope.analysis import faq  # noqa: E402
from commentscope.engine import reducers as reducer_module  # noqa: E402
from commentscope.engine.sinks import finish  # noqa: E402
from commentscope.pipeline import _matcher  # noqa: E402
from commentscope.writers import write_charts_and_report, write_csv  # noqa: E402


def _grouped(reducers: Any, cache: Path | None) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """(questions with group_id, grouped questions, their context): from `cache` or by grouping."""
    if cache is not None and cache.exists():
        found: tuple[pd.DataFrame, pd.DataFrame, pd.Series] = pickle.loads(cache.read_bytes())
        return found
    seen: dict[str, Any] = {}
    rank_labels, gaps = faq._rank_labels, reducer_module.faq_gaps

    def timed_rank(rows: faq.GroupingRows, labels: Any) -> dict[int, str]:
        cpu = time.process_time()
        ids = rank_labels(rows, labels)
        print(f"_rank_labels             CPU {time.process_time() - cpu:6.2f} s", file=sys.stderr)
        return ids

    def kept(grouped: pd.DataFrame, group_ids: pd.Series, *, context: pd.Series) -> pd.DataFrame:
        seen["grouped"], seen["context"] = grouped, context
        return grouped.iloc[:0]

    faq._rank_labels, reducer_module.faq_gaps = timed_rank, kept  # type: ignore[assignment]
    try:
        questions, _ = reducers.questions.finish()
    finally:
        faq._rank_labels, reducer_module.faq_gaps = rank_labels, gaps
    result = (questions, seen["grouped"], seen["context"])
    if cache is not None:
        cache.write_bytes(pickle.dumps(result, protocol=5))
    return result


def main(argv: list[str]) -> int:
    options = dict(a[2:].split("=", 1) for a in argv if a.startswith("--"))
    paths = [a for a in argv if not a.startswith("--")]
    if len(paths) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    reducers = pickle.loads(Path(paths[0]).read_bytes())
    cache = Path(options["cache"]) if "cache" in options else None
    questions, grouped, context = _grouped(reducers, cache)
    if options.get("distinct"):
        made_up = ("".join(chr(ord("a") + int(d)) for d in f"{k:07d}") for k in range(len(grouped)))
        grouped = grouped.assign(question=[f"{q} {w}?" for q, w in zip(grouped["question"], made_up, strict=True)])
    best = float("inf")
    for _ in range(int(options.get("repeat", "3"))):
        cpu = time.process_time()
        gaps = faq.faq_gaps(grouped, grouped["group_id"], context=context)
        best = min(best, time.process_time() - cpu)
    print(f"faq_gaps                 CPU {best:6.2f} s ({len(grouped)} questions, {grouped['question'].nunique()} "
          f"wordings, {grouped['group_id'].nunique()} groups, {len(gaps)} gaps)", file=sys.stderr)
    if options.get("distinct"):
        return 0
    reducer_module.QuestionsReducer.finish = lambda self: (questions, gaps)  # type: ignore[method-assign]
    digest = finish(reducers, _matcher(None, False)).digest
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        cpu = time.process_time()
        write_charts_and_report(digest, out)
        print(f"write_charts_and_report  CPU {time.process_time() - cpu:6.2f} s", file=sys.stderr)
        if "compare" in options:
            write_csv(gaps, out / "faq_gaps.csv")
            reference = Path(options["compare"])
            charts = sorted((reference / "charts").iterdir())
            names = ["faq_gaps.csv", "report.html", *(f"charts/{p.name}" for p in charts)]
            for name in names:
                same = filecmp.cmp(out / name, reference / name, shallow=False)
                print(f"  {name}: {'identical' if same else 'DIFFERENT'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
