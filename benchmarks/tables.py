"""Peak memory and speed of the table reader on a generated 1,000,000-row comment CSV.

The CSV has its pages scattered through the file (row n belongs to page n mod 20,000), the worst
case for grouping rows into pages, and some cells with embedded newlines and quotes. It is read
in a fresh process that reports the resident memory after imports and the peak (VmHWM).

    PYTHONPATH=src python benchmarks/tables.py --rows 1000000
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

from _benchutil import DEFAULT_CACHE, MIB, peak_mib

WORDS = "calcium bone density vitamin walking fluoride water kefir diet question study yoga balance".split()


def generate(path: Path, rows: int, pages: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["page", "comment_id", "parent_id", "author", "created_at", "text"])
        for n in range(rows):
            page, turn = n % pages, n // pages
            parent = str(n - pages) if turn % 3 else ""
            text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(8 + n % 25))
            if n % 50 == 0:
                text += '\nsecond line, "quoted"'
            out.writerow([f"page{page}", str(n), parent, f"reader{n % 700}", "2021-03-04 09:15:00", text])


def child(path: Path) -> None:
    from commentscope.readers.table import TableReader

    reader = TableReader()
    baseline = peak_mib()
    started = time.perf_counter()
    documents = comments = 0
    for doc in reader.read(path):
        documents += 1
        comments += len(doc.comments)
    print(json.dumps({"documents": documents, "comments": comments, "seconds": time.perf_counter() - started,
                      "baseline_mib": baseline, "peak_mib": peak_mib()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    args.cache.mkdir(parents=True, exist_ok=True)
    path = args.cache / f"bench-table-{args.rows}-{args.pages}.csv"
    if not path.exists():
        generate(path, args.rows, args.pages)
    run = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True)
    found = json.loads(run.stdout)
    print("| rows | pages | size (MB) | comments read | seconds | rows/s | RSS after imports (MiB) | peak RSS (MiB) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"| {args.rows:,} | {found['documents']:,} | {path.stat().st_size / MIB:,.0f} | {found['comments']:,} | "
          f"{found['seconds']:.1f} | {found['comments'] / found['seconds']:,.0f} | {found['baseline_mib']:.0f} | "
          f"{found['peak_mib']:.0f} |")


if __name__ == "__main__":
    main()
