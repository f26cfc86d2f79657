"""Throughput and peak memory of parsing, analysis and the CLI on synthetic corpora, as Markdown.

Usage:
  python benchmarks/bench_pipeline.py                                   # 20x50,100x50: parse, analyze, cli
  python benchmarks/bench_pipeline.py --sizes 200x100 --modes parse,analyze
  python benchmarks/bench_pipeline.py --sizes none --profile 20x50,100x50   # stage breakdown only

A size is PAGESxCOMMENTS_PER_PAGE; corpora come from `make_corpus.py` (seed 0) and are cached
under /tmp/commentscope-bench (COMMENTSCOPE_BENCH_CACHE). Every measurement runs in a fresh
subprocess, killed after --timeout seconds:

- parse: `commentscope.parse_pages` into a list (what `analyze` holds);
- analyze: `commentscope.analyze`, after a warm-up on seeds/ that loads the lexicons once;
- cli: `commentscope analyze DIR --out TMP -q` end to end: interpreter start, imports, lexicons,
  analysis, CSV tables, chart PNGs and report.html.

Memory: "peak" is the peak resident set (VmHWM) of the measured step, reset just before it;
"held" is what is still resident when the step has returned its result; both are above the
process's RSS after imports and warm-up ("base"). The CLI's peak is its whole-process maxrss.
--tracemalloc adds a separate run per size with the peak of traced Python/numpy allocations
(tracing slows the run, so its time is not reported).

--profile runs cProfile over parse + analyze + writing all outputs and prints where the time
goes: a partition of the run that sums to its total, then the per-comment analyzers inside
`analyze_document` (inclusive times that overlap: question detection includes sentence
splitting). cProfile adds overhead to every Python call, so shares matter, not seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import _benchutil as bu
from _stages import GROUPS, profile_markdown, stage_times

DEFAULT_SIZES = "20x50,100x50"
MODES = ("parse", "analyze", "cli")
RESULT = "RESULT "

# --- workers: run in a subprocess, print one RESULT line of JSON -------------------------------


def _count(results: Sequence[Any]) -> tuple[int, int]:
    docs = [r.document for r in results if r.document]
    return len(results), sum(len(d.comments) for d in docs)


def work_parse(folder: Path, traced: bool) -> dict[str, Any]:
    import commentscope

    list(commentscope.parse_pages([bu.SEEDS]))
    base = bu.rss_mib()
    exact = bu.reset_peak()
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    results = list(commentscope.parse_pages([folder]))
    seconds = time.perf_counter() - start
    pages, comments = _count(results)
    return _memory({"seconds": seconds, "pages": pages, "comments": comments}, base, exact, traced)


def work_analyze(folder: Path, traced: bool) -> dict[str, Any]:
    import commentscope

    bu.warm_up()
    base = bu.rss_mib()
    exact = bu.reset_peak()
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    analysis = commentscope.analyze([folder])
    seconds = time.perf_counter() - start
    row = {
        "seconds": seconds,
        "pages": len(analysis.documents),
        "comments": len(analysis.comments),
        "questions": len(analysis.questions),
        "faq_gaps": len(analysis.faq_gaps),
    }
    return _memory(row, base, exact, traced)


def _memory(row: dict[str, Any], base: float, exact_peak: bool, traced: bool) -> dict[str, Any]:
    row.update(base_mib=base, held_mib=bu.rss_mib() - base, peak_mib=bu.peak_mib() - base, exact_peak=exact_peak)
    if traced:
        row["traced_peak_mib"] = tracemalloc.get_traced_memory()[1] / bu.MIB
        tracemalloc.stop()
    return row


def work_profile(folder: Path, traced: bool) -> dict[str, Any]:
    import commentscope
    from commentscope.pipeline import analyze_results
    from commentscope.writers import write_outputs

    with tempfile.TemporaryDirectory(prefix="commentscope-bench-") as warm:
        write_outputs(commentscope.analyze([bu.SEEDS]), Path(warm))  # lexicons, fonts, templates
    with tempfile.TemporaryDirectory(prefix="commentscope-bench-") as out:
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        analysis = analyze_results(list(commentscope.parse_pages([folder])))
        write_outputs(analysis, Path(out))
        profiler.disable()
        seconds = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    return {
        "seconds": seconds,
        "comments": len(analysis.comments),
        "questions": len(analysis.questions),
        **{key: stage_times(stats, table) for key, _, table in GROUPS},
    }


WORKERS = {"parse": work_parse, "analyze": work_analyze, "profile": work_profile}


# --- the parent: one subprocess per measurement ----------------------------------------------


def _run(command: list[str], timeout: float) -> tuple[dict[str, Any] | None, str]:
    """Run a worker; (its RESULT json, "") or (None, why it failed)."""
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return None, f"timed out after {timeout:.0f} s"
    if child.returncode != 0:
        return None, f"exit {child.returncode}: {stderr.strip()[-300:]}"
    found = [json.loads(line[len(RESULT) :]) for line in stdout.splitlines() if line.startswith(RESULT)]
    return (found[0], "") if found else (None, "no result printed")


def _worker_command(mode: str, folder: Path, traced: bool = False) -> list[str]:
    command = [sys.executable, __file__, "--worker", mode, str(folder)]
    return [*command, "--tracemalloc"] if traced else command


def _cli_command(folder: Path, out: Path) -> list[str]:
    script = Path(sys.executable).with_name("commentscope")
    head = [str(script)] if script.exists() else [sys.executable, "-m", "commentscope"]
    return [*head, "analyze", str(folder), "--out", str(out), "-q"]


def _cli_run(folder: Path, timeout: float) -> dict[str, Any]:
    """The CLI end to end, timed from here; maxrss from a `wait4` on the child."""
    with tempfile.TemporaryDirectory(prefix="commentscope-bench-") as out:
        start = time.perf_counter()
        child = subprocess.Popen(_cli_command(folder, Path(out)), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                os.wait4(child.pid, 0)
                return {"error": f"timed out after {timeout:.0f} s"}
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        outputs = [p for p in Path(out).rglob("*") if p.is_file()]
        written = sum(p.stat().st_size for p in outputs) / bu.MIB
        report = sum(p.stat().st_size for p in outputs if p.name == "report.html") / bu.MIB
    if code not in (0, 1):
        return {"error": f"exit {code}"}
    return {
        "seconds": seconds,
        "maxrss_mib": usage.ru_maxrss / 1024,
        "files": len(outputs),
        "written_mib": written,
        "report_mib": report,
    }


def _parsed_comments(folder: Path) -> int:
    """Comments the parser finds under `folder` (the CLI does not print a count we could read)."""
    import commentscope

    return sum(len(r.document.comments) for r in commentscope.parse_pages([folder]) if r.document)


def measure(sizes: Sequence[tuple[int, int]], modes: Sequence[str], args: argparse.Namespace) -> list[dict[str, Any]]:
    rows = []
    if "cli" in modes:  # the fixed cost of one run: interpreter, imports, lexicons, fonts
        print("  seeds/ cli ...", file=sys.stderr, flush=True)
        fixed = _cli_run(bu.SEEDS, args.timeout)
        rows.append({"size": "seeds/", "pages": 5, "comments": _parsed_comments(bu.SEEDS), "mode": "cli", **fixed})
    for pages, per_page in sizes:
        folder = bu.corpus(pages, per_page, args.cache)
        label = bu.size_label(pages, per_page)
        for mode in modes:
            print(f"  {label} {mode} ...", file=sys.stderr, flush=True)
            if mode == "cli":
                row = {"comments": _parsed_comments(folder), **_cli_run(folder, args.timeout)}
            else:
                result, error = _run(_worker_command(mode, folder), args.timeout)
                row = result or {"error": error}
                if result and args.tracemalloc:
                    traced, _ = _run(_worker_command(mode, folder, traced=True), args.timeout)
                    row["traced_peak_mib"] = traced["traced_peak_mib"] if traced else None
            # "comments" is what the parser found (a worker's count wins over the nominal size)
            rows.append({"size": label, "pages": pages, "comments": pages * per_page, "mode": mode, **row})
    return rows


def results_markdown(rows: Sequence[dict[str, Any]], traced: bool) -> str:
    headers = [
        "size (pages x comments)",
        "comments",
        "step",
        "seconds",
        "comments/s",
        "peak MiB (above base)",
        "held MiB",
        "KiB/comment (peak)",
        "output MiB (report.html)",
    ]
    if traced:
        headers.append("traced peak MiB")
    table = []
    seeds_rss = next((r["maxrss_mib"] for r in rows if r["size"] == "seeds/" and "maxrss_mib" in r), None)
    for row in rows:
        if "error" in row:
            table.append(
                [
                    row["size"],
                    f"{row['comments']:,}",
                    row["mode"],
                    row["error"],
                    "",
                    "",
                    "",
                    "",
                    "",
                    *([""] if traced else []),
                ]
            )
            continue
        comments = row["comments"]
        if row["mode"] == "cli":
            peak, held = f"{row['maxrss_mib']:.0f} (whole process)", "-"
            marginal = row["maxrss_mib"] - seeds_rss if seeds_rss is not None and row["size"] != "seeds/" else None
            per_comment = marginal * 1024 / comments if marginal is not None else None
        else:
            peak, held = f"{row['peak_mib']:.0f}", f"{row['held_mib']:.0f}"
            per_comment = row["peak_mib"] * 1024 / comments
        line = [
            row["size"],
            f"{comments:,}",
            f"analyze ({row['questions']:,} questions)" if "questions" in row else row["mode"],
            f"{row['seconds']:.2f}",
            f"{comments / row['seconds']:,.0f}",
            peak,
            held,
            "-" if per_comment is None else f"{per_comment:.1f}",
            f"{row['written_mib']:.1f} ({row['report_mib']:.1f})" if "written_mib" in row else "-",
        ]
        if traced:
            value = row.get("traced_peak_mib")
            line.append(f"{value:.0f}" if value is not None else "-")
        table.append(line)
    notes = []
    base = next((r["base_mib"] for r in rows if "base_mib" in r), None)
    if base is not None:
        notes.append(f"Base RSS after imports and warm-up: {base:.0f} MiB (analyze worker).")
    if seeds_rss is not None:
        notes.append("KiB/comment of a CLI run is its maxrss above the seeds/ run's, per comment.")
    if any(r.get("exact_peak") is False for r in rows):
        notes.append("The kernel refused to reset the peak: peaks include the warm-up.")
    return bu.markdown_table(headers, table) + ("\n\n" + " ".join(notes) if notes else "")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n", 2)[2],
    )
    parser.add_argument(
        "--sizes", default=DEFAULT_SIZES, help=f"comma-separated PAGESxCOMMENTS, or 'none' (default {DEFAULT_SIZES})"
    )
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated subset of parse,analyze,cli")
    parser.add_argument("--profile", default="", metavar="SIZES", help="also profile these sizes (stage breakdown)")
    parser.add_argument(
        "--tracemalloc", action="store_true", help="add the traced-allocation peak (extra run per size)"
    )
    parser.add_argument(
        "--timeout", type=float, default=170.0, help="seconds before a measurement is killed (default 170)"
    )
    parser.add_argument("--cache", type=Path, default=bu.DEFAULT_CACHE, help="where generated corpora are kept")
    parser.add_argument("--json", type=Path, help="also write the raw results to this file")
    parser.add_argument("--worker", nargs=2, metavar=("MODE", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        mode, folder = args.worker
        print(RESULT + json.dumps(WORKERS[mode](Path(folder), args.tracemalloc)), flush=True)
        return 0

    try:
        sizes = [] if args.sizes == "none" else [bu.parse_size(s) for s in args.sizes.split(",")]
        profile_sizes = [bu.parse_size(s) for s in args.profile.split(",") if s.strip()]
    except ValueError as error:
        parser.error(str(error))
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if unknown := sorted(set(modes) - set(MODES)):
        parser.error(f"unknown mode(s) {unknown}; choose from {', '.join(MODES)}")

    print("## Machine\n\n" + bu.environment_markdown(bu.environment()) + "\n")
    raw: dict[str, Any] = {}
    if sizes:
        rows = measure(sizes, modes, args)
        raw["results"] = rows
        print("## Throughput and memory\n\n" + results_markdown(rows, args.tracemalloc) + "\n")
    if profile_sizes:
        profiles = {}
        for pages, per_page in profile_sizes:
            label = bu.size_label(pages, per_page)
            print(f"  {label} profile ...", file=sys.stderr, flush=True)
            result, why = _run(_worker_command("profile", bu.corpus(pages, per_page, args.cache)), args.timeout)
            if result is None:
                print(f"profile {label}: {why}", file=sys.stderr)
                continue
            profiles[label] = result
        raw["profiles"] = profiles
        if profiles:
            print("## Stage breakdown\n\n" + profile_markdown(profiles) + "\n")
    if args.json:
        args.json.write_text(json.dumps(raw, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
