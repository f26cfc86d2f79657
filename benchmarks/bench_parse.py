"""CPU of parsing alone: `parse_page` over every page of a folder, best of N passes.

Usage: PYTHONPATH=src python benchmarks/bench_parse.py DIR [PASSES]

Before each pass the parser's memory of line classes (`grammar._KNOWN`) is emptied, so only
lines repeated within the folder are read from it (a long run of a site's pages reuses more).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from commentscope import grammar
from commentscope.parse import parse_page


def main(folder: str, passes: int = 5) -> int:
    pages = sorted(p for p in Path(folder).iterdir() if p.is_file())
    comments = sum(len(parse_page(p).comments) for p in pages)  # warm-up: compiles the pattern tables
    best = float("inf")
    for _ in range(passes):
        getattr(grammar, "_KNOWN", {}).clear()  # (main before this branch had no such memory)
        start = time.process_time()
        for page in pages:
            parse_page(page)
        best = min(best, time.process_time() - start)
    print(f"{len(pages)} pages, {comments:,} comments: parsing best of {passes} {best:.3f} s CPU, "
          f"{best / max(comments, 1) * 1e3:.4f} ms per comment")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5))
