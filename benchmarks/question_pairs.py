"""CPU of the lexical question pairs (candidates and their pair-model scores) in the driver.

Usage:
  python benchmarks/question_pairs.py DUMP [--describe]

DUMP is a pickle of the merged reducers (`benchmarks/driver_split.py --dump=FILE ...`, lexical
run; since the eighth round the questions reducer keeps its cells as columns, so older dumps do
not load). The questions are taken as `QuestionsReducer.finish` hands them to grouping
(`grouping_rows`: eligible, canonical order). When the reducer stored their descriptions in the map step (`terms`), the
pairs read them; a dump without them (made before `QuestionTerms`) is tokenised here, as the
driver did then. Prints the CPU seconds of `LexicalSimilarity.pairs`, the driver's resident
memory, and a digest of the pairs (equal digests: the same pairs and probabilities, bit for
bit). --describe also times describing every question anew (what the workers now do), gives
the pickled size of the stored descriptions, and times unpickling and merging them as 125
chunks (what the driver now does).
"""

from __future__ import annotations

import hashlib
import pickle
import resource
import sys
import time
from pathlib import Path

import numpy as np

from commentscope.analysis.question_similarity import LexicalSimilarity


def _merge_cost(texts: list[str], chunks: int) -> None:
    """What the driver pays for descriptions made in `chunks` workers' chunks: unpickling and
    merging them in order (each chunk with its own vocabulary, as a worker sends it)."""
    from commentscope.analysis.question_terms import QuestionTerms

    size = -(-len(texts) // chunks)
    sent = [pickle.dumps(QuestionTerms.of(texts[s : s + size]), protocol=5) for s in range(0, len(texts), size)]
    cpu = time.process_time()
    merged = QuestionTerms()
    for blob in sent:
        merged.merge(pickle.loads(blob))
    print(f"{len(sent)} chunks' descriptions, {sum(map(len, sent)):,} bytes pickled: unpickled and merged in "
          f"{time.process_time() - cpu:.3f} s CPU")


def main(argv: list[str]) -> int:
    reducer = pickle.loads(Path(argv[0]).read_bytes()).questions
    _, order = reducer.grouping_rows()
    texts: list[str] = [reducer.context[k] for k in order]
    stored = getattr(reducer, "terms", None)
    compared: object = texts
    if stored is not None:
        from commentscope.analysis.question_terms import DescribedTexts, QuestionTerms

        compared = DescribedTexts(texts, stored.select(order))
        if "--describe" in argv:
            cpu = time.process_time()
            QuestionTerms.of(texts)
            print(f"describing {len(texts)} questions anew: {time.process_time() - cpu:.2f} s CPU; stored "
                  f"descriptions of all {len(stored)} questions: {len(pickle.dumps(stored, protocol=5)):,} bytes "
                  "pickled")
            _merge_cost(texts, chunks=125)
    similarity = LexicalSimilarity()
    similarity.head  # noqa: B018  (the packaged head, loaded before timing)
    cpu = time.process_time()
    pairs = similarity.pairs(compared)  # type: ignore[arg-type]
    spent = time.process_time() - cpu
    digest = hashlib.sha256(b"".join(np.ascontiguousarray(a).tobytes()
                                     for a in (pairs.left, pairs.right, pairs.similarity))).hexdigest()[:16]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{len(texts)} questions ({'stored descriptions' if stored is not None else 'tokenised here'}), "
          f"{len(pairs)} pairs: {spent:.2f} s CPU; peak RSS {peak} MiB; pairs digest {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
