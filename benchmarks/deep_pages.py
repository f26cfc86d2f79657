"""Parse time of pages indented thousands of levels deep: the text parser must stay linear.

Builds threads of 1,000, 2,000 and 4,000 nested replies (each reply indented one column deeper,
4,000 levels is about 16 MB) and prints size, comments, depth and seconds per MB for each.

    PYTHONPATH=src python benchmarks/deep_pages.py [LEVELS ...]
"""

from __future__ import annotations

import sys
import time

from commentscope.parse import parse_lines

ARTICLE = "A Title\n\nSome article prose that goes on for long enough to count as a real sentence here today.\n\n"


def deep_page(levels: int) -> str:
    """A thread where each reply answers the one before it, one indentation step deeper."""
    parts = [ARTICLE, f"{levels} Comments\n\n"]
    for k in range(levels):
        indent = " " * k
        parts.append(f"{indent}• Person {k}\n\n{indent}  I think so too, and here is why it matters to me.\n\n")
    return "".join(parts)


def main() -> None:
    levels_list = [int(a) for a in sys.argv[1:]] or [1000, 2000, 4000]
    print(f"{'levels':>7} {'MB':>6} {'comments':>9} {'max depth':>9} {'seconds':>8} {'s/MB':>6}")
    for levels in levels_list:
        text = deep_page(levels)
        started = time.perf_counter()
        doc = parse_lines(text, doc_id="deep")
        seconds = time.perf_counter() - started
        mb = len(text.encode()) / 1e6
        print(f"{levels:>7} {mb:>6.1f} {len(doc.comments):>9} {doc.max_depth:>9} {seconds:>8.2f} {seconds / mb:>6.3f}")


if __name__ == "__main__":
    main()
