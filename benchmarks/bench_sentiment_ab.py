"""CPU per text of the sentiment scorers, this checkout's beside another checkout's, in one process.

Usage: PYTHONPATH=src python benchmarks/bench_sentiment_ab.py OTHER_SRC DIR [REPS]
       (OTHER_SRC: the other checkout's `src` folder, e.g. main's; DIR: a folder of pages, or
       `druglib`: the druglib held-out reviews, the texts of docs/quality.md's model-cost row)

On a shared machine two processes timed one after the other see different loads; here both
versions run in one process, in alternating repetitions (A B, B A, ...), so each pair meets the
same load. The other checkout's `analysis/sentiment_model.py`, `vader.py` and `pattern.py` are
loaded from their files under other names. The texts are those the map step gives each scorer
on DIR (the model: every text it predicts; the lexicons: every distinct text they score). Each
scorer's results are compared between the versions too (they must be the same floats).
"""

from __future__ import annotations

import importlib
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from _sentiment_data import druglib
from bench_sentiment import scored_texts

SCORERS = ("sentiment_model", "vader", "pattern")


def other_module(src: str, name: str) -> ModuleType:
    """`commentscope.analysis.<name>` of the checkout at `src`, loaded as `other_<name>`."""
    spec = importlib.util.spec_from_file_location(f"other_{name}", Path(src) / "commentscope/analysis" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def scorer(module: ModuleType, name: str) -> Callable[[str], Any]:
    if name == "sentiment_model":
        model = module.packaged_model()
        return lambda text: vars(model.predict(text, (0.1, 0.2, 0.3)))  # fields, not the module's class
    if name == "vader":
        return module.scorer().compound  # type: ignore[no-any-return]
    return module.polarity_subjectivity  # type: ignore[no-any-return]


def predicted_texts(folder: str) -> list[str]:
    """Every text the map step gives the model on `folder`, in order (repeats kept: each is a call)."""
    model = importlib.import_module("commentscope.analysis.sentiment_model")
    texts: list[str] = []
    predict = model.SentimentModel.predict

    def recorded(self: Any, text: str, lexicon: Any) -> Any:
        texts.append(text)
        return predict(self, text, lexicon)

    model.SentimentModel.predict = recorded
    run = importlib.import_module("commentscope.engine.run")
    for task in run.tasks([folder], run.Settings()):
        run.map_chunk(task)
    model.SentimentModel.predict = predict
    return texts


def timed_texts(folder: str) -> tuple[list[str], list[str]]:
    """The model's texts and the lexicons' distinct texts (typographic quotes made ASCII): those the
    map step gives them on `folder`, or for `druglib` the druglib held-out reviews."""
    from commentscope.analysis import sentiment
    from commentscope.analysis.sentiment import lexicon_text

    if folder == "druglib":
        texts = druglib("held_out").texts
        return texts, [lexicon_text(t) for t in dict.fromkeys(texts)]
    model_texts = predicted_texts(folder)
    sentiment._model_prediction.cache_clear()  # the second map step predicts (and so scores) every text again
    return model_texts, [lexicon_text(t) for t in scored_texts(folder)]


def cpu_us(fn: Callable[[str], Any], texts: list[str]) -> float:
    start = time.process_time()
    for text in texts:
        fn(text)
    return (time.process_time() - start) / len(texts) * 1e6


def main(other_src: str, folder: str, reps: int = 9) -> int:
    model_texts, lexicon_texts = timed_texts(folder)
    print(f"{len(model_texts):,} texts predicted, {len(lexicon_texts):,} distinct texts scored by the lexicons")
    print("| scorer | other: median (range) µs per text | this: median (range) | same results |")
    print("| --- | ---: | ---: | --- |")
    differ = 0
    for name in SCORERS:
        texts = model_texts if name == "sentiment_model" else lexicon_texts
        pair = (scorer(other_module(other_src, name), name),
                scorer(importlib.import_module(f"commentscope.analysis.{name}"), name))
        same = all(pair[0](t) == pair[1](t) for t in texts)
        differ += not same
        times: tuple[list[float], list[float]] = ([], [])
        for rep in range(reps):
            for k in (0, 1) if rep % 2 == 0 else (1, 0):
                times[k].append(cpu_us(pair[k], texts))
        cells = [f"{statistics.median(t):.1f} ({min(t):.1f}-{max(t):.1f})" for t in times]
        print(f"| {name} | {cells[0]} | {cells[1]} | {'yes' if same else 'NO'} |")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 9))
