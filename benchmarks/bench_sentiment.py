"""CPU per text of each sentiment scorer the map step runs, beside the library calls they replace.

Usage: python benchmarks/bench_sentiment.py DIR   (a folder of pages, e.g. make_corpus.py's)

The map step runs once over DIR with `lexicon_features` recording every text it scores (whole
comments, sentences of comments with topics, a topic's sentences joined); then each scorer is
timed over those texts (typographic quotes made ASCII, as the analyzers do) and checked against
the library's own call: NLTK's `polarity_scores` for VADER, `textblob.en.sentiment` for Pattern.
"""

from __future__ import annotations

import functools
import importlib
import sys
import time
from collections.abc import Callable
from typing import Any


def scored_texts(folder: str) -> list[str]:
    """The distinct texts the map step gives both lexicons, in the order it scores them."""
    sentiment = importlib.import_module("commentscope.analysis.sentiment")
    texts: list[str] = []
    score = sentiment.lexicon_features.__wrapped__

    def recorded(text: str) -> tuple[float, float, float]:
        texts.append(text)
        return score(text)  # type: ignore[no-any-return]

    sentiment.lexicon_features = functools.lru_cache(maxsize=4096)(recorded)
    run = importlib.import_module("commentscope.engine.run")
    for task in run.tasks([folder], run.Settings()):
        run.map_chunk(task)
    return list(dict.fromkeys(texts))


def cpu_ms(fn: Callable[[str], Any], texts: list[str]) -> float:
    for text in texts[:50]:  # warm-up
        fn(text)
    start = time.process_time()
    for text in texts:
        fn(text)
    return (time.process_time() - start) / len(texts) * 1e3


def main(folder: str) -> int:
    from textblob import en

    from commentscope.analysis import pattern, vader
    from commentscope.analysis.sentiment import lexicon_text
    from commentscope.analysis.sentiment_model import packaged_model

    texts = [lexicon_text(t) for t in scored_texts(folder)]
    plain, fast = vader.nltk_vader(), vader.scorer()
    model = packaged_model()
    rows = [
        ("VADER: NLTK `polarity_scores`", cpu_ms(plain.polarity_scores, texts)),
        ("VADER: `vader.scorer().compound`", cpu_ms(fast.compound, texts)),
        ("TextBlob: `textblob.en.sentiment`", cpu_ms(en.sentiment, texts)),
        ("TextBlob: `pattern.polarity_subjectivity`", cpu_ms(pattern.polarity_subjectivity, texts)),
        ("model: `packaged_model().predict` (features given)", cpu_ms(lambda t: model.predict(t, (0.1, 0.2, 0.3)),
                                                                     texts)),
    ]
    vader_differ = sum(fast.compound(t) != plain.polarity_scores(t)["compound"] for t in texts)
    pattern_differ = sum(pattern.polarity_subjectivity(t) != tuple(en.sentiment(t)[:2]) for t in texts)
    print(f"{len(texts):,} distinct texts scored by the map step; differences from the library: "
          f"VADER {vader_differ}, TextBlob {pattern_differ}")
    print("| scorer | CPU ms per text |")
    print("| --- | ---: |")
    for label, ms in rows:
        print(f"| {label} | {ms:.4f} |")
    return 0 if vader_differ == pattern_differ == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "seeds"))
