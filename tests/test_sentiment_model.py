"""The packaged sentiment model's scoring (`analysis/sentiment_model.py`), checked on small
hand-made payloads against the logistic regression written out term by term."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis.sentiment_model import (
    CLASSES,
    SentimentModel,
    features,
    lexicon_inputs,
    packaged_model,
)
from commentscope.errors import CommentscopeError

PAYLOAD: dict[str, Any] = {
    "classes": list(CLASSES),
    "short_words": 3,
    "vocabulary": {  # term -> [idf, w_negative, w_neutral, w_positive]
        "worked": [1.5, -1.0, 0.0, 2.0],
        "NOT_side": [2.0, -0.5, 0.1, 1.5],
        "no NOT_side": [3.0, -0.2, 0.0, 0.8],
        "dizzy": [1.2, 2.5, 0.0, -1.0],
        "took": [1.0, 0.0, 1.0, 0.0],
    },
    "lexicon_weights": [[-1.0, 0.0, 1.0], [-0.5, 0.0, 0.5], [0.1, -0.2, 0.1],
                        [-2.0, 0.0, 2.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]],
    "intercept": [0.1, -0.3, 0.2],
}


def reference(payload: dict[str, Any], text: str, lexicon: tuple[float, float, float]) -> list[float]:
    """The model's probabilities, written out: sublinear tf times idf, unit length, then softmax."""
    short = len(text.split()) <= payload["short_words"]
    logits = [b + (shift if short else 0.0)
              for b, shift in zip(payload["intercept"], payload.get("short_intercept", [0.0] * 3), strict=True)]
    weighted = []
    for term, count in Counter(features(text)).items():
        if term in payload["vocabulary"]:
            idf, *weights = payload["vocabulary"][term]
            weighted.append(((1 + math.log(count)) * idf, weights))
    norm = math.sqrt(sum(value * value for value, _ in weighted)) or 1.0
    for value, weights in weighted:
        for k in range(3):
            logits[k] += value / norm * weights[k]
    for value, weights in zip(lexicon_inputs(text, lexicon, payload["short_words"]), payload["lexicon_weights"],
                              strict=True):
        for k in range(3):
            logits[k] += value * weights[k]
    exps = [math.exp(x) for x in logits]
    return [e / sum(exps) for e in exps]


@pytest.mark.parametrize(
    ("text", "lexicon"),
    [
        ("It worked, no side effects.", (0.4, 0.2, 0.5)),
        ("Took it, worked worked worked; then dizzy and dizzy.", (-0.1, 0.3, 0.6)),
        ("Worked", (0.6, 0.5, 0.9)),
        ("Nothing here is in the vocabulary at all.", (0.0, 0.0, 0.0)),
        ("", (0.0, 0.0, 0.0)),
        ("Took it, worked.", (0.3, -0.4, 0.7)),
        ("Took it, worked again.", (0.3, -0.4, 0.7)),
        (" ".join(["worked, no side effects; took it"] * 6), (0.3, -0.4, 0.7)),
    ],
    ids=["negation_pair", "repeated_terms", "short_text", "unknown_terms_only", "empty", "three_words_are_short",
         "four_words_are_not", "many_words"],
)
def test_predict_matches_the_written_out_model(text: str, lexicon: tuple[float, float, float]) -> None:
    prediction = SentimentModel(PAYLOAD).predict(text, lexicon)
    assert [prediction.negative, prediction.neutral, prediction.positive] == pytest.approx(
        reference(PAYLOAD, text, lexicon), abs=1e-12
    )


SHIFTED: dict[str, Any] = {**PAYLOAD, "short_intercept": [-0.4, 0.9, -0.5]}  # short texts lean neutral


@pytest.mark.parametrize(
    "text", ["Worked", "Took it, worked.", "Took it, worked again.", "It worked, no side effects; I took it daily."],
    ids=["one_word", "three_words_are_short", "four_words_are_not", "long"],
)
def test_short_texts_get_their_own_intercept_shift(text: str) -> None:
    lexicon = (0.3, -0.4, 0.7)
    prediction = SentimentModel(SHIFTED).predict(text, lexicon)
    assert [prediction.negative, prediction.neutral, prediction.positive] == pytest.approx(
        reference(SHIFTED, text, lexicon), abs=1e-12
    )
    plain = SentimentModel(PAYLOAD).predict(text, lexicon)
    assert (prediction.neutral > plain.neutral) == (len(text.split()) <= SHIFTED["short_words"])


def test_more_of_a_negative_term_lowers_the_score() -> None:
    model = SentimentModel(PAYLOAD)
    once = model.predict("It worked but I was dizzy.", (0.0, 0.0, 0.0))
    twice = model.predict("It worked but I was dizzy, so dizzy.", (0.0, 0.0, 0.0))
    assert twice.score < once.score


HEADED: dict[str, Any] = {  # PAYLOAD plus a rating head: a fourth weight per term, lexicon score and bias
    **PAYLOAD,
    "rating_head": {"blend": 0.25},
    "vocabulary": {term: [*row, weight] for (term, row), weight
                   in zip(PAYLOAD["vocabulary"].items(), [0.9, 0.6, 0.3, -1.5, 0.0], strict=True)},
    "lexicon_weights": [[*row, 0.2] for row in PAYLOAD["lexicon_weights"]],
    "intercept": [*PAYLOAD["intercept"], 0.3],
}


def reference_rating(text: str, lexicon: tuple[float, float, float]) -> float:
    """The rating head written out: sublinear tf-idf at unit length, lexicon inputs, clipped to -1..1."""
    counts = Counter(t for t in features(text) if t in HEADED["vocabulary"])
    values = {t: (1 + math.log(n)) * HEADED["vocabulary"][t][0] for t, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    raw = HEADED["intercept"][3] + sum(v / norm * HEADED["vocabulary"][t][4] for t, v in values.items())
    raw += sum(x * w[3] for x, w in zip(lexicon_inputs(text, lexicon, 3), HEADED["lexicon_weights"], strict=True))
    return max(-1.0, min(1.0, raw))


@pytest.mark.parametrize(
    ("text", "lexicon"),
    [
        ("It worked, no side effects.", (0.4, 0.2, 0.5)),
        ("Took it, worked worked worked; then dizzy and dizzy.", (-0.1, 0.3, 0.6)),
        ("Then I was dizzy, dizzy, dizzy and dizzy again.", (-0.9, -0.5, 0.8)),
    ],
    ids=["negation_pair", "repeated_terms", "clipped_at_minus_one"],
)
def test_rating_head_is_blended_into_the_score(text: str, lexicon: tuple[float, float, float]) -> None:
    prediction = SentimentModel(HEADED).predict(text, lexicon)
    assert [prediction.negative, prediction.neutral, prediction.positive] == pytest.approx(
        reference(PAYLOAD, text, lexicon), abs=1e-12
    )
    assert prediction.rating == pytest.approx(reference_rating(text, lexicon), abs=1e-12)
    assert prediction.score == pytest.approx(0.75 * prediction.balance + 0.25 * reference_rating(text, lexicon))


def test_rating_head_counts_in_proportion_to_a_short_texts_length() -> None:
    model = SentimentModel({**HEADED, "rating_head": {"blend": 0.4, "full_words": 8}})
    text, lexicon = "It worked, no side effects.", (0.4, 0.2, 0.5)  # 5 words of 8
    short = model.predict(text, lexicon)
    assert short.blend == pytest.approx(0.4 * 5 / 8)
    assert short.score == pytest.approx(0.75 * short.balance + 0.25 * reference_rating(text, lexicon))
    assert model.predict("It worked, no side effects, and I took it for a year.", lexicon).blend == pytest.approx(0.4)


def test_without_a_rating_head_the_score_is_the_balance_of_the_classes() -> None:
    prediction = SentimentModel(PAYLOAD).predict("It worked, no side effects.", (0.4, 0.2, 0.5))
    assert prediction.rating is None
    assert prediction.score == prediction.balance == prediction.positive - prediction.negative


def test_short_text_copy_of_the_lexicon_scores() -> None:
    lexicon = (0.5, 0.25, 0.75)
    assert lexicon_inputs("one two three", lexicon, 3) == [0.5, 0.25, 0.75, 0.5, 0.25, 0.75]
    assert lexicon_inputs("one two three four", lexicon, 3) == [0.5, 0.25, 0.75, 0.0, 0.0, 0.0]


@pytest.mark.parametrize(
    "change",
    [{"classes": ["positive", "negative", "neutral"]}, {"vocabulary": {"good": [1.0, 0.5]}}, {"intercept": [0.0]},
     {"rating_head": {"blend": 0.5}}, {"short_intercept": [0.5]}],
    ids=["class_order", "short_vocabulary_row", "short_intercept", "rating_head_without_its_weights",
         "short_texts_shift_of_one_class"],
)
def test_a_payload_of_another_shape_is_refused(change: dict[str, Any]) -> None:
    with pytest.raises(CommentscopeError):
        SentimentModel({**PAYLOAD, **change})


def test_packaged_model_reads_health_language() -> None:
    model = packaged_model()
    good = model.predict("It finally worked and I had no side effects at all.", (0.0, 0.0, 0.0))
    bad = model.predict("It did nothing for my pain and I was dizzy all day.", (0.0, 0.0, 0.0))
    assert good.score > 0 > bad.score


def reference_features(text: str) -> list[str]:
    """`features` as first written: one pass over words and marks, a mark ending a negation."""
    words: list[str] = []
    negated = False
    for token in re.findall(r"[^\W_]+(?:'[^\W_]+)*|[.,!?;:]", text.lower().replace("’", "'")):
        if token in ".,!?;:":
            negated = False
            continue
        words.append("NOT_" + token if negated else token)
        if token in {"not", "no", "never", "without", "nothing", "none", "cannot", "nor"} or token.endswith("n't"):
            negated = True
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


TRICKY_TEXTS = {
    "clauses": "It did not help. Then it did, no doubt; never again, nor ever.",
    "contractions": "I don’t think it didn't work: not not good",
    "lone_negation": "No", "lone_nt": "n't", "nt_inside_word": "won'tX isn't",
    "non_ascii": "Café NOT_good naïve, not café", "underscores": "under_score no_way no-way",
    "apostrophes": "rock'n'roll isn''t 'quoted' it's", "accents": "Ünïcödé Straße not ÉCOLE",
    "full_width": "ＮＯ full-width, ｎｏｔ good", "whitespace": "no\nline break; not\tat all!",
    "digits": "took 2 pills, not 30mg", "unknown_nt": "It mightn't be good; shan't ab. good",
    "repeated_pairs": "ab b ab b, ab b; not ab b ab b", "marks_only": ".,!",
    "marks_between_words": "good.good,,good!?good", "empty": "",
}
ANY_TEXT = st.lists(st.sampled_from([*"abnotwr'’_.,!?;: \nÉé1ß", "not ", "no ", "n't ", "never "]), max_size=40).map(
    "".join)


@pytest.mark.parametrize("text", TRICKY_TEXTS.values(), ids=TRICKY_TEXTS.keys())
def test_features_match_the_one_pass_reading(text: str) -> None:
    assert features(text) == reference_features(text)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_features_match_the_one_pass_reading_on_any_text(text: str) -> None:
    assert features(text) == reference_features(text)


def every_term(words: list[str]) -> dict[str, list[float]]:
    """A vocabulary of every word, negated word and pair of them: any feature of those words is known."""
    forms = [*words, *(f"NOT_{word}" for word in words)]
    terms = [*forms, *(f"{first} {second}" for first in forms for second in forms)]
    return {term: [1.0 + k % 7, 0.0, 0.0, 0.0] for k, term in enumerate(terms)}


def dense_model() -> SentimentModel:
    """A model that knows every feature of the tricky texts' and the generated texts' usual words."""
    words = "a b ab t w 1 é ß good café école isn no not never n't didn't".split()
    return SentimentModel({**PAYLOAD, "vocabulary": every_term(words)})


def known_rows(model: SentimentModel, text: str) -> list[int]:
    """The vocabulary rows of the one-pass reading's features, ascending, repeats kept."""
    return sorted(model.index[term] for term in reference_features(text) if term in model.index)


@pytest.mark.parametrize("text", TRICKY_TEXTS.values(), ids=TRICKY_TEXTS.keys())
@pytest.mark.parametrize("make_model", [dense_model, packaged_model], ids=["every_term", "packaged"])
def test_feature_rows_match_the_one_pass_reading(make_model: Callable[[], SentimentModel], text: str) -> None:
    model = make_model()
    assert model.feature_rows(text).tolist() == known_rows(model, text)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_feature_rows_match_the_one_pass_reading_on_any_text(text: str) -> None:
    model = dense_model()
    assert model.feature_rows(text).tolist() == known_rows(model, text)


@pytest.mark.parametrize(
    "text",
    ["It worked, no side effects.", "no side no side effects", "Took it, worked worked worked; then dizzy.", ""],
    ids=["negation_pair", "repeated_pair", "repeated_word", "empty"],
)
def test_feature_rows_are_the_known_features(text: str) -> None:
    model = SentimentModel(PAYLOAD)
    known = [model.index[term] for term in features(text) if term in model.index]
    assert Counter(model.feature_rows(text)) == Counter(known)


def test_packaged_model_rows_are_its_known_features() -> None:
    model = packaged_model()
    text = ("I was not sure at first, but the side effects were mild and it worked well. "
            "No side effects at all after a week; I'd take it again.")
    known = [model.index[term] for term in features(text) if term in model.index]
    assert len(known) > 20  # words and word pairs both found
    assert Counter(model.feature_rows(text)) == Counter(known)
