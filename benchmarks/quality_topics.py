"""Topics: per-topic precision, recall and F1 of the default taxonomy on real patient text.

`benchmarks/data/topics/druglib_sentences.jsonl`: 110 sentences from Druglib.com drug reviews,
labelled by hand before the tagger was run (conventions in that folder's README). A topic gets a
row when the labels or the tagger name it at least once. The anchor is the taxonomy as it was
before issue 9's work (`benchmarks/data/topics/topics_before.toml`): no drug-name lexicon, no
suffix rules, no senses. Goal: F1 ≥ 0.85 for every topic. The drug-name list (`drug_names.txt`)
comes from a source independent of these reviews (the dictionary of drug-named-entity-recognition,
`make_drug_names.py`); one more row, for information, shows medication with the list taken out
(endings and words only): what to expect on text about drugs the list does not hold. The labels were
committed before the tagger ran on them, but the taxonomy was then changed while looking at its
errors here (terms, excludes, weak terms): these are development figures, optimistic, and a
topic with one to seven labelled sentences (kefir, probiotics, supplements, water, exercise)
moves a lot with one sentence. The seed gold (`benchmarks/topic_eval.py`) was checked to stay
where it was (micro-F1 0.92).

Other Druglib sentences, drawn at random per topic among the tagger's hits and labelled by hand
before any figure was read (2026-12-02). First draw (`data/topics/druglib_hits.jsonl`, 222 hits,
up to 40 per topic): supplements 0.50 ("mcg" doses of drugs, potassium as a blood level),
exercise 0.58 ("cycling" stems like the menstrual "cycle"), water 0.65 (dehydration as a
symptom, "passing water"), diet 0.85, medication 0.98: the 110 sentences had been too few to
show it. Excludes and a weak term were then chosen on its errors ("cycle", "rebound", "passing
water"; "mcg" counts only beside a supplement), so that draw became development data. The second
draw (`data/topics/druglib_hits_check.jsonl`, 140 hits, 30 per topic, 20 of medication, drawn
after those changes) is the check: exercise 0.80, supplements 0.60, water 0.70, diet 0.80,
medication 1.00. What is left there: nutrients as body levels ("B12 levels", "low potassium"),
dehydration as a symptom, "rapid cycling" (bipolar), "eyes didn't water".

Real reader comments: every hit of the tagger in the 1,295 English comments of
`labels/comment_sentiment.jsonl` (blogs on cooking, gardening, programming, finance, film: not
health sites) was labelled by hand as the topic's sense or another one ("seed investor", "news
cycle", "water" as a cooking ingredient), `labels/topic_mentions.jsonl`. Precision per topic;
recall is not labelled there. Hits new since the labels are counted, not scored. After the first
run (diet 0.854, exercise 0.276, water 0.069, medication 0.143, supplements 0.375, kefir 1.000)
the taxonomy got excludes for other senses common in general text ("news cycle", "coffee
table", "seed investor", "muddy the waters", "spam filter", and "fit", "fits": "fitness" stems
to "fit"), written after reading these errors: the figures since are development figures. On
all 3,107 Druglib reviews those excludes drop 17 hits, 13 of them other senses ("coughing fits",
"fit into my clothes", "dog food") and 4 of them fitness ("I became more fit and active"); the
labelled Druglib sentences and the seed gold do not move. Measured and not kept: matching a
derived term only in its own forms ("fitness" not "fit", "injection" not "inject"; a key of the
stem plus the derivation the stemmer removed): on the Druglib reviews it lost far more right
hits than wrong ones ("injected" 22, "self medicate" 15, "antidepression" 10, "inhalants" 9).
What is left on these pages is mostly water as a cooking ingredient and gardening ("lemon
seeds"): senses a list of phrases cannot tell apart. Measured and not kept (2026-12-02): bare
"water" as a weak term (counting only beside another water term, with "drink water", "glass of
water", "water intake" ... added): precision on these comments 0.080 -> 0.333, but Druglib's water
F1 1.000 -> 0.286 and 24 and 19 right hits of the two draws lost: patients write "drink lots of
water" with no other water word.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from _sentiment_data import COMMENTS, MENTIONS, text_key

from commentscope.analysis.topics import Taxonomy, Topic, TopicMatcher

HERE = Path(__file__).resolve().parent
LABELS = HERE / "data" / "topics" / "druglib_sentences.jsonl"
DRUGLIB_HITS = HERE / "data" / "topics" / "druglib_hits.jsonl"  # first draw: excludes were chosen on it
DRUGLIB_CHECK = HERE / "data" / "topics" / "druglib_hits_check.jsonl"  # second draw, after them
BEFORE = HERE / "data" / "topics" / "topics_before.toml"
GOAL = 0.85


def labelled() -> list[tuple[str, set[str]]]:
    rows = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines() if line.strip()]
    return [(row["text"], set(row["topics"])) for row in rows]


def scores(matcher: TopicMatcher, data: list[tuple[str, set[str]]]) -> dict[str, tuple[float, float, float, int]]:
    """Topic -> (precision, recall, F1, gold count)."""
    found = [set(matcher.match(text)) for text, _ in data]
    topics = sorted({t for _, gold in data for t in gold} | {t for got in found for t in got})
    out = {}
    for topic in topics:
        tp = sum(topic in got and topic in gold for got, (_, gold) in zip(found, data, strict=True))
        fp = sum(topic in got and topic not in gold for got, (_, gold) in zip(found, data, strict=True))
        fn = sum(topic not in got and topic in gold for got, (_, gold) in zip(found, data, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[topic] = (precision, recall, f1, tp + fn)
    return out


def errors(matcher: TopicMatcher) -> list[str]:
    """Sentences where the tagger and the labels disagree (for `python quality_topics.py`)."""
    lines = []
    for text, gold in labelled():
        got = set(matcher.match(text))
        if got != gold:
            lines.append(f"missed {sorted(gold - got)} extra {sorted(got - gold)}: {text}")
    return lines


def without_name_list() -> Taxonomy:
    """The default taxonomy without the packaged drug-name list (drawn from the same reviews)."""
    from importlib import resources

    listed = resources.files("commentscope").joinpath("data/drug_names.txt").read_text("utf-8").splitlines()
    names = {line.strip() for line in listed if line.strip() and not line.startswith("#")}
    return Taxonomy(tuple(
        Topic(t.name, t.description, tuple(x for x in t.terms if x not in names), t.exclude, t.weak, t.endings)
        for t in Taxonomy.default().topics
    ))


def comment_hits(matcher: TopicMatcher) -> dict[str, Counter[str]]:
    """Topic -> counts of the tagger's hits in the real reader comments of
    `labels/comment_sentiment.jsonl`, by their label in `labels/topic_mentions.jsonl` (made from
    the tagger's hits when they were labelled): `true` (the comment speaks of the topic), `false`
    (another sense of the word: "seed investor"), `unlabelled` (a hit new since), and `lost`
    (a true mention the tagger no longer finds)."""
    comments = [json.loads(line) for line in COMMENTS.read_text("utf-8").splitlines() if line.strip()]
    labels = {(m["text_sha1"], m["topic"]): m["on_topic"]
              for m in map(json.loads, MENTIONS.read_text("utf-8").splitlines())}
    counts: dict[str, Counter[str]] = {}
    found = set()
    for c in comments:
        for topic in matcher.match(c["text"]):
            key = (text_key(c["text"]), topic)
            found.add(key)
            label = labels.get(key)
            counts.setdefault(topic, Counter())["unlabelled" if label is None else str(label).lower()] += 1
    for (comment, topic), on_topic in labels.items():
        if on_topic and (comment, topic) not in found:
            counts.setdefault(topic, Counter())["lost"] += 1
    return counts


def comment_rows() -> list[dict[str, Any]]:
    """Precision of each topic's hits in real reader comments (blogs on cooking, programming,
    business...: other senses of health words abound); recall is not labelled there."""
    out = []
    for topic, count in sorted(comment_hits(TopicMatcher(Taxonomy.default())).items()):
        labelled_hits = count["true"] + count["false"]
        unlabelled = f"; {count['unlabelled']} new hits not labelled" if count["unlabelled"] else ""
        out.append({
            "part": "topics",
            "measured_on": f"{labelled_hits + count['unlabelled']} {topic} hits in 1,295 real reader comments "
                           f"(hand-labelled{unlabelled})",
            "metric": f"{topic}: precision (hits in another sense: {count['false']}; labelled mentions no longer "
                      f"found: {count['lost']})",
            "value": count["true"] / labelled_hits if labelled_hits else 0.0,
            "anchor": "—",
            "anchor_value": None,
            "goal": "—",
            "met": None,
        })
    return out


def druglib_hit_rows(path: Path, drawn: str) -> list[dict[str, Any]]:
    """Precision of each topic's hits in Druglib review sentences outside the 110 labelled ones
    (`path`: hits drawn at random per topic, then labelled by hand); hits the tagger no longer
    makes are left out and counted."""
    labelled = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    matcher = TopicMatcher(Taxonomy.default())
    out = []
    for topic in sorted({h["topic"] for h in labelled}):
        hits = [h for h in labelled if h["topic"] == topic]
        kept = [h for h in hits if topic in matcher.match(h["text"])]
        right = sum(h["on_topic"] for h in kept)
        gone = len(hits) - len(kept)
        out.append({
            "part": "topics",
            "measured_on": f"{len(kept)} {topic} hits in other Druglib sentences, {drawn} (hand-labelled"
                           f"{f'; {gone} labelled hits no longer made' if gone else ''})",
            "metric": f"{topic}: precision (hits in another sense: {len(kept) - right})",
            "value": right / len(kept) if kept else 0.0,
            "anchor": "—",
            "anchor_value": None,
            "goal": "—",
            "met": None,
        })
    return out


def rows() -> list[dict[str, Any]]:
    data = labelled()
    now = scores(TopicMatcher(Taxonomy.default()), data)
    before = scores(TopicMatcher(Taxonomy.from_toml(BEFORE)), data)
    out: list[dict[str, Any]] = []
    for topic, (precision, recall, f1, count) in now.items():
        old = before.get(topic, (0.0, 0.0, 0.0, count))
        out.append({
            "part": "topics",
            "measured_on": f"{len(data)} Druglib sentences, hand-labelled ({count} {topic})",
            "metric": f"{topic}: F1 (precision {precision:.2f}, recall {recall:.2f})",
            "value": f1,
            "anchor": f"taxonomy before: P {old[0]:.2f}, R {old[1]:.2f}",
            "anchor_value": old[2],
            "goal": f"≥ {GOAL}",
            "met": f1 >= GOAL,
        })
    precision, recall, f1, count = scores(TopicMatcher(without_name_list()), data)["medication"]
    out.append({
        "part": "topics",
        "measured_on": f"{len(data)} Druglib sentences, hand-labelled ({count} medication)",
        "metric": f"medication without drug_names.txt: F1 (precision {precision:.2f}, recall {recall:.2f})",
        "value": f1,
        "anchor": "taxonomy before (as above)",
        "anchor_value": before["medication"][2],
        "goal": "—",
        "met": None,
    })
    return (out + druglib_hit_rows(DRUGLIB_HITS, "first draw (excludes chosen on it)")
            + druglib_hit_rows(DRUGLIB_CHECK, "second draw (after them: the check)") + comment_rows())


if __name__ == "__main__":
    print("\n".join(errors(TopicMatcher(Taxonomy.default()))))
