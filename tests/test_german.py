"""German comments' sentiment from the packaged polarity lexicon (`analysis/german.py`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commentscope.analysis.german import (
    BAND,
    GermanLexiconAnalyzer,
    GermanModelAnalyzer,
    german_lexicon,
    german_model,
    german_polarity,
    lexicon_scores,
    polarity_of,
)
from commentscope.analysis.sentiment import reads_language


def test_the_packaged_lexicon_holds_lower_cased_forms_with_a_polarity() -> None:
    lexicon = german_lexicon()
    assert len(lexicon) > 7000
    assert all(form == form.lower() and -1.0 <= value <= 1.0 and value != 0 for form, value in lexicon.items())
    assert lexicon["schön"] > 0 > lexicon["enttäuschend"]
    assert lexicon["enttäuschung"] < 0  # nouns too, though written capitalised


@pytest.mark.parametrize(
    ("word", "stem"),
    [("tolles", "toll"), ("schönen", "schön"), ("schlechte", "schlecht"), ("enttäuschenden", "enttäuschend")],
)
def test_an_inflected_word_is_read_as_its_stem(word: str, stem: str) -> None:
    lexicon = german_lexicon()
    assert word not in lexicon
    assert polarity_of(word, lexicon) == lexicon[stem]


def test_a_short_stem_is_not_guessed() -> None:
    lexicon = {"gut": 1.0, "ab": -1.0}
    assert polarity_of("abe", lexicon) is None  # 'ab' + 'e': stems under three letters are not tried
    assert polarity_of("gute", lexicon) == 1.0
    assert polarity_of("tisch", lexicon) is None


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Ein tolles Rezept, vielen Dank!", "positive"),
        ("Leider ist der Kuchen total misslungen, sehr enttäuschend.", "negative"),
        ("Der Teig ruht eine Stunde im Kühlschrank.", "neutral"),
        ("", "neutral"),
    ],
    ids=["praise", "failure", "instruction", "empty"],
)
def test_labels(text: str, label: str) -> None:
    assert GermanLexiconAnalyzer().rate(text).label == label


def test_a_negation_turns_and_halves_the_words_after_it() -> None:
    plain, negated = german_polarity("Das war schlecht."), german_polarity("Das war nicht schlecht.")
    assert plain < 0 and negated == pytest.approx(-0.5 * plain)
    # it reaches three words: the fourth is read as it stands
    assert german_polarity("nicht eins zwei drei schlecht") == german_polarity("schlecht")


def test_the_score_is_the_mean_of_the_words_found() -> None:
    lexicon = german_lexicon()
    assert german_polarity("schön und enttäuschend") == pytest.approx((lexicon["schön"] + lexicon["enttäuschend"]) / 2)


@given(st.text(max_size=200))
def test_any_text_scores_within_bounds(text: str) -> None:
    assert -1.0 <= german_polarity(text) <= 1.0


def test_it_reads_german_only() -> None:
    analyzer = GermanLexiconAnalyzer()
    assert reads_language(analyzer, "de") and not reads_language(analyzer, "fr")
    assert analyzer.rate("Sehr gut!").score == analyzer.score("Sehr gut!") >= BAND


def test_the_german_model_reads_the_lexicon_score_as_its_input() -> None:
    text = "Leider total misslungen."
    assert lexicon_scores(text) == (german_polarity(text), 0.0, 0.0)
    model = german_model()
    assert len(model.index) > 1000
    prediction = GermanModelAnalyzer().predict(text)
    assert prediction == model.predict(text, lexicon_scores(text))


@pytest.mark.parametrize(
    ("text", "label"),
    [("Ein tolles Rezept, vielen Dank!", "positive"), ("Sehr lecker, hat allen geschmeckt!", "positive"),
     ("Der Teig ruht eine Stunde im Kühlschrank.", "neutral"), ("", "neutral")],
    ids=["praise", "taste", "instruction", "empty"],
)
def test_german_model_labels(text: str, label: str) -> None:
    assert GermanModelAnalyzer().rate(text).label == label


def test_the_german_model_reads_german_only() -> None:
    analyzer = GermanModelAnalyzer()
    assert reads_language(analyzer, "de") and not reads_language(analyzer, "en")
    assert analyzer.name == "model_de"
    rating = analyzer.rate("Ein tolles Rezept, vielen Dank!")
    assert rating.score == analyzer.score("Ein tolles Rezept, vielen Dank!") > 0.5
