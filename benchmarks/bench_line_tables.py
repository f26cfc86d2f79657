"""CPU of classifying one line the parser has not seen: each page-pattern table, and all of `_classify_line`.

Usage: PYTHONPATH=src python benchmarks/bench_line_tables.py DIR [PASSES]

Every distinct stripped line of the folder's pages up to `max_pattern_line` characters is tried
against each table (`PageKnowledge.header`, `meta_kind`, `first` on boilerplate and cta, ...)
and through the whole classification (`grammar._classify_line`, without the parser's memory of
lines). A page's lines seen for the first time cost this much each; best of PASSES passes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from commentscope import grammar
from commentscope.markup import clean
from commentscope.patterns import page_knowledge


def _short_lines(folder: str, longest: int) -> list[str]:
    found = {raw.strip() for path in sorted(Path(folder).iterdir()) if path.is_file()
             for raw in path.read_text("utf-8", errors="replace").splitlines()}
    return sorted(line for line in found if line and len(line) <= longest)


def _classify(text: str) -> None:
    line = grammar.Line(1, text, 0, text, rest=text)
    grammar._classify_line(line, page_knowledge(), False)


def main(folder: str, passes: int = 3) -> int:
    kb = page_knowledge()
    lines = _short_lines(folder, kb.max_pattern_line)
    steps: dict[str, Callable[[str], object]] = {
        "clean": lambda s: clean(s, kb.decorations, markdown=False),
        "marker": kb.marker,
        "header": kb.header,
        "meta_kind": kb.meta_kind,
        "boilerplate": lambda s: kb.first(kb.boilerplate, s),
        "cta": lambda s: kb.first(kb.cta, s),
        "without_avatar": kb.without_avatar,
        "_classify_line (all)": _classify,
    }
    print(f"{len(lines):,} distinct lines up to {kb.max_pattern_line} characters")
    for label, step in steps.items():
        best = float("inf")
        for _ in range(passes):
            start = time.process_time()
            for line in lines:
                step(line)
            best = min(best, time.process_time() - start)
        print(f"{label:22s} {best / max(len(lines), 1) * 1e6:7.2f} us per line")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3))
