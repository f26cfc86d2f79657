"""Contexts embedded per second of CPU time on one thread: `embeddings.embed` on a run's questions.

Usage:
  python benchmarks/bench_embed.py SOURCE [--sample N] [--seed S] [--engine onnx|numpy|int8] [--save FILE.npy]

SOURCE is a pickle of a run's merged reducers (`benchmarks/driver_split.py --dump=FILE analyze
...`): its grouped questions' contexts (`question_context`, what semantic grouping embeds) are
read, and N distinct ones (default 3,000) drawn at random with seed S, so that the token lengths
are those of a real run (48-53 tokens on average on the 100k corpus). SOURCE may also be a JSON
list of texts. The weights are loaded and the session built before the clock starts; the CPU
time is the process's (`process_time`), one thread, so the machine's load counts little. Run two
trees side by side by their PYTHONPATH, alternately. --save writes the vectors, to compare
engines or branches (`python -c` with numpy: cosine per row). `--engine int8` is the graph
quantised to int8 (`_faq_engines.int8_model`, one text per batch), measured but not used.
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import numpy as np

from commentscope.analysis import embeddings

Embed = Callable[[Sequence[str]], np.ndarray]


def contexts(source: Path) -> list[str]:
    """The distinct texts grouping would embed: from a reducers dump, or a JSON list."""
    if source.suffix == ".json":
        return sorted(set(json.loads(source.read_text(encoding="utf-8"))))
    questions = pickle.loads(source.read_bytes()).questions  # a dump this project's benchmark wrote
    return sorted({text for text, eligible in zip(questions.context, questions.eligible, strict=True) if eligible})


def embedder(engine: str) -> Embed:
    """`embed` on one thread with `engine`'s session built (so that building it is not timed)."""
    if engine == "int8":
        from _faq_engines import int8_model

        from commentscope.analysis import onnx_encoder

        hidden = partial(onnx_encoder.hidden_states, onnx_encoder.session_of(int8_model(), threads=1))
        return partial(embeddings.encode, hidden=hidden, batch_size=1)
    embeddings.embed(["warm up"], engine=engine, threads=1)
    return partial(embeddings.embed, engine=engine, threads=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--sample", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--engine", choices=("onnx", "numpy", "int8"), default="onnx")
    parser.add_argument("--save", type=Path)
    args = parser.parse_args()
    texts = contexts(args.source)
    picked = [texts[k] for k in np.random.default_rng(args.seed).choice(len(texts), min(args.sample, len(texts)),
                                                                         replace=False)]
    tokens = np.mean([len(e.ids) for e in embeddings._load()[0].encode_batch(picked)])
    embed = embedder(args.engine)
    start = time.process_time()
    vectors = embed(picked)
    spent = time.process_time() - start
    if args.save:
        np.save(args.save, vectors)
    print(f"{len(picked)} contexts ({tokens:.1f} tokens on average), engine {args.engine}, one thread: "
          f"{len(picked) / spent:.1f} contexts per CPU second ({spent:.1f} s)")


if __name__ == "__main__":
    main()
