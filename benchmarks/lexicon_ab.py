"""Another checkout's compiled lexicon against this one's, in one process, alternating text by text.

Usage: PYTHONPATH=src python benchmarks/lexicon_ab.py OTHER_SRC DIR [--pages N] [--passes N]
       (OTHER_SRC: e.g. a `git archive main src` export's src; DIR: a folder of pages)

The stage benchmarks move by more between two runs of one checkout than a change to the term
tables can; here `OTHER_SRC`'s `commentscope/analysis/lexicon.py` is loaded beside this checkout's
(both over this checkout's taxonomy and text helpers), and the paragraphs of the first `--pages`
pages (default 30) go through both in turn, text by text, so that the machine's load falls on
both alike. Prints the CPU per paragraph of `Lexicon.found`, `veto_spans` and `decide` for each,
after a warm-up pass (the per-word caches filled, as in a worker), over `--passes` passes (5).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import re
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from commentscope.analysis import lexicon
from commentscope.analysis.topics import load_taxonomy, token_words

STEPS = ("found", "veto_spans", "decide")


def other_lexicon(src: Path) -> ModuleType:
    """`OTHER_SRC`'s lexicon module, under a name of its own."""
    spec = importlib.util.spec_from_file_location("other_lexicon", src / "commentscope/analysis/lexicon.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["other_lexicon"] = module
    spec.loader.exec_module(module)
    return module


def step_times(compiled: Any, words: list[str]) -> tuple[int, int, int]:
    """CPU nanoseconds of each step of reading one text's words."""
    clock = time.process_time_ns
    start = clock()
    _, plains, found = compiled.found(words)
    found_at = clock()
    vetoes = compiled.veto_spans(plains) if found else []
    vetoes_at = clock()
    compiled.decide(found, vetoes)
    return found_at - start, vetoes_at - found_at, clock() - vetoes_at


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other_src", type=Path)
    parser.add_argument("pages", type=Path)
    parser.add_argument("--pages", dest="count", type=int, default=30)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy()
    compiled = {"other": other_lexicon(args.other_src).Lexicon(taxonomy), "this": lexicon.Lexicon(taxonomy)}
    paths = sorted(args.pages.glob("*.txt"))[: args.count]
    texts = [part for path in paths for part in re.split(r"\n\s*\n", path.read_text("utf-8")) if part.strip()]
    words = [token_words(text) for text in texts]
    for one in compiled.values():  # warm-up
        for text_words in words:
            step_times(one, text_words)
    gc.collect()
    gc.freeze()
    totals = {name: [0, 0, 0] for name in compiled}
    for turn in range(args.passes):
        for k, text_words in enumerate(words):
            for name in (("other", "this") if (k + turn) % 2 else ("this", "other")):
                for n, ns in enumerate(step_times(compiled[name], text_words)):
                    totals[name][n] += ns
    per_text = len(words) * args.passes * 1000
    print(f"{len(words):,} paragraphs of {len(paths)} pages, {args.passes} passes; µs of CPU per paragraph")
    for name, steps in totals.items():
        print(f"{name}: " + ", ".join(f"{step} {ns / per_text:.2f}" for step, ns in zip(STEPS, steps, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
