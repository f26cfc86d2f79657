"""What compiling the packaged topic lexicon costs one process: CPU and resident memory.

Usage: PYTHONPATH=src python benchmarks/lexicon_cost.py [--repeat N] [--without-names]

Each run is a fresh interpreter (the cost is paid once per process: the driver and each worker)
that imports the matcher, then loads the packaged taxonomy (TOML and `drug_names.txt`) and
compiles its lexicon with a first match, and prints the CPU time that took and how much the
process's resident set grew. `--without-names`: the same taxonomy with the names of
`drug_names.txt` left out, to show the list's own share. Prints one line per run, then the median.
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

from commentscope.analysis.topics import Taxonomy, Topic, TopicMatcher, load_taxonomy
from commentscope.text import stem


def _rss_kib() -> int:
    status = Path("/proc/self/status").read_text("ascii")
    return int(status.split("VmRSS:")[1].split()[0])


def _without_names(taxonomy: Taxonomy) -> Taxonomy:
    listed = resources.files("commentscope").joinpath("data/drug_names.txt").read_text("utf-8").splitlines()
    names = {line.strip() for line in listed}
    return Taxonomy(tuple(Topic(t.name, t.description, tuple(term for term in t.terms if term not in names),
                                t.exclude, t.weak, t.endings) for t in taxonomy.topics))


def one_run(without_names: bool) -> dict[str, float]:
    """CPU seconds and resident MiB of loading and compiling the packaged taxonomy, in this process."""
    stem("warming")  # the stemmer's own first-call set-up is not the lexicon's
    gc.collect()
    before, start = _rss_kib(), time.process_time()
    taxonomy = load_taxonomy()
    TopicMatcher(_without_names(taxonomy) if without_names else taxonomy).match("Prolia or metoprolol?")
    cpu = time.process_time() - start
    gc.collect()
    return {"cpu_s": cpu, "rss_mib": (_rss_kib() - before) / 1024}


def main(argv: list[str]) -> int:
    without = "--without-names" in argv
    if "--one" in argv:  # a child: one measurement
        print(json.dumps(one_run(without)))
        return 0
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    runs = []
    for _ in range(repeat):
        child = [sys.executable, __file__, "--one", *(["--without-names"] if without else [])]
        runs.append(json.loads(subprocess.run(child, check=True, capture_output=True, text=True).stdout))
        print(f"build {runs[-1]['cpu_s']:.3f} s CPU, resident +{runs[-1]['rss_mib']:.1f} MiB")
    print(f"median: build {statistics.median(r['cpu_s'] for r in runs):.3f} s CPU, "
          f"resident +{statistics.median(r['rss_mib'] for r in runs):.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
