"""Build src/commentscope/data/drug_names.txt from the drug names of the Druglib.com reviews.

The `urlDrugName` column of `../shared/data/druglib_train.tsv` (CC BY 4.0) names ~500 generic
and brand medications. Release and form tags are dropped ("effexor-xr" -> Effexor,
"advair-diskus" -> Advair), combinations are split ("hydrocodone-and-acetaminophen"), and the
few names that are also ordinary words (`ORDINARY`) are left out, so that they cannot tag
ordinary text. Only rows with a numeric rating are read (the others are malformed). Run from the
repository root:

    PYTHONPATH=src python benchmarks/make_drug_names.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _sentiment_data import druglib_path

OUT = Path(__file__).resolve().parent.parent / "src" / "commentscope" / "data" / "drug_names.txt"
TAGS = {"xr", "cr", "xl", "sr", "la", "er", "hfa", "diskus", "hct", "aq", "ds", "pm", "topical", "cream",
        "shampoo", "vaginal", "lo", "fe", "dot", "micro", "pro", "consta", "p", "n", "v", "t", "d", "b",
        "plus", "extended", "release", "disperdose", "lipocream", "rff", "f"}
ORDINARY = {"soma", "sonata", "triaz", "azor"}  # also a word, a piece of music, a name
HEADER = """\
# Medication names (generic and brand) for the `medication` topic, one per line; matched as names:
# case-insensitive, plural -s aside, hyphen and space alike ("Retin-A" ~ "retin a").
# Derived from the drug names of the Druglib.com drug reviews (Gräßer, Kallumadi, Malberg &
# Zaunseder 2018; UCI Machine Learning Repository; CC BY 4.0) by benchmarks/make_drug_names.py.
# Add your own in a taxonomy file of your own (see README: Topics).
"""


def names(raw: list[str]) -> list[str]:
    found: dict[str, str] = {}
    for entry in raw:
        for part in entry.lower().strip().split("-and-"):
            words = part.split("-")
            while len(words) > 1 and words[-1] in TAGS:
                words.pop()
            name = "-".join(words)
            if name in ORDINARY or len(name) < 4:
                continue
            found.setdefault(name, name.capitalize() if "-" not in name else "-".join(w.capitalize() for w in words))
    return sorted(found.values(), key=str.casefold)


def main() -> None:
    path = druglib_path()
    if path is None:
        raise SystemExit("druglib_train.tsv not found; set COMMENTSCOPE_DATA")
    frame = pd.read_csv(path, sep="\t")
    rated = frame[pd.to_numeric(frame["rating"], errors="coerce").notna()]
    listed = names(rated["urlDrugName"].dropna().astype(str).tolist())
    OUT.write_text(HEADER + "\n".join(listed) + "\n", encoding="utf-8")
    print(f"{len(listed)} names -> {OUT}")


if __name__ == "__main__":
    main()
