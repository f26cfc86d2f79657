"""Build src/commentscope/data/drug_names.txt from the dictionary of `drug-named-entity-recognition`.

That package (Fast Data Science, MIT licence) ships a dictionary of drug names and their variants
(brand names, international spellings) drawn from DrugBank's open data (CC0), MeSH, MedlinePlus,
the NHS medicines pages and Wikipedia. Kept here: the variants of the ~1,600 medicines that have a
MedlinePlus or NHS page (the drugs patients take and write about; the rest of the dictionary is
research chemicals, reagents and proteins such as "DIDS" or "Protein S"), written in letters,
hyphens and spaces, 5+ characters (shorter ones are abbreviations: "DALA"). Left out: variants
that are common words in general text of one of six languages (wordfreq Zipf frequency >=
COMMON: "modus" is nimodipine's, "rufen" ibuprofen's, "alcohol", "calcium", "vitamin d"), and
variants that are terms of another packaged topic (supplements and diet own "magnesium").

The list comes from a source independent of the labelled sentences in
benchmarks/data/topics (Druglib.com reviews), so `quality_topics.py` measures it honestly. Both
packages are needed only here, at build time:

    pip install drug-named-entity-recognition wordfreq
    PYTHONPATH=src python benchmarks/make_drug_names.py
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from commentscope.analysis.taxonomy import Taxonomy

OUT = Path(__file__).resolve().parent.parent / "src" / "commentscope" / "data" / "drug_names.txt"
LANGUAGES = ("en", "de", "fr", "es", "it", "nl")
COMMON = 3.5  # Zipf frequency: 3.5 is about once in 300,000 words ("aspirin" 3.3 stays, "insulin" 3.8 goes)
NAME_RE = re.compile(r"[a-z][a-z -]{4,40}")  # 5+ characters: shorter variants are abbreviations ("dala")
HEADER = """\
# Medication names (generic and brand) for the `medication` topic, one per line; matched as names:
# case-insensitive, plural -s aside, hyphen and space alike ("Retin-A" ~ "retin a").
# Derived by benchmarks/make_drug_names.py from the dictionary of drug-named-entity-recognition {version}
# (Fast Data Science, MIT licence; its names come from DrugBank open data, CC0, MeSH, MedlinePlus, the
# NHS medicines pages and Wikipedia, CC BY-SA 3.0): the variants of medicines with a MedlinePlus or NHS
# page, without common words of general text and without other topics' terms.
# Add your own in a taxonomy file of your own (see README: Topics).
"""


def consumer_names() -> set[str]:
    """Lower-case variants of the dictionary's medicines that have a MedlinePlus or NHS page."""
    from drug_named_entity_recognition import drugs_finder  # build time only

    medicines = {name for name, data in drugs_finder.drug_canonical_to_data.items()
                 if data.get("medline_plus_id") or data.get("nhs_url")}
    return {variant for variant, canonical in drugs_finder.drug_variant_to_canonical.items()
            if NAME_RE.fullmatch(variant) and medicines.intersection(canonical)}


def is_common(name: str) -> bool:
    """Whether `name` is a frequent word (or phrase) of general text in one of LANGUAGES."""
    from wordfreq import zipf_frequency  # build time only

    return any(zipf_frequency(name, language) >= COMMON for language in LANGUAGES)


def other_topics_terms() -> set[str]:
    taxonomy = Taxonomy.default()
    return {term.lower() for topic in taxonomy.topics if topic.name != "medication" for term in topic.terms}


def names(candidates: set[str], taken: set[str]) -> list[str]:
    """The kept names, capitalised as names ("Retin-a" -> "Retin-A" is not attempted), sorted."""
    kept = {name for name in candidates if name not in taken and not is_common(name)}
    return sorted((name.capitalize() for name in kept), key=str.casefold)


def main() -> None:
    listed = names(consumer_names(), other_topics_terms())
    header = HEADER.format(version=version("drug-named-entity-recognition"))
    OUT.write_text(header + "\n".join(listed) + "\n", encoding="utf-8")
    print(f"{len(listed)} names -> {OUT}")


if __name__ == "__main__":
    main()
