"""Sentiment: signs and labels on clear cases, the mixed rule, topic sentences, offline loading."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.sentiment import vader
from textblob.en.sentiments import PatternAnalyzer

from commentscope.analysis import sentiment
from commentscope.analysis.sentiment import (
    LABELS,
    NEUTRAL_BAND,
    STRONG,
    CommentSentiment,
    SentenceSentiment,
    SentimentAnalyzer,
    TextBlobAnalyzer,
    VaderAnalyzer,
    aggregate_sentiment,
    comment_sentiment,
    label_for,
    score_sentences,
)
from commentscope.errors import CommentscopeError

POSITIVE = "I love this article, it is wonderful and so helpful!"
NEGATIVE = "Fluoride is terrible and toxic, it ruined my bones."
NEUTRAL = "I take it every day and have for years."
WARM = "Thank you so much, you are wonderful."


def _sentence(combined: float) -> SentenceSentiment:
    return SentenceSentiment("s", vader_compound=combined, textblob_polarity=combined, textblob_subjectivity=0.5)


@pytest.mark.parametrize("analyzer", [VaderAnalyzer(), TextBlobAnalyzer()], ids=["vader", "textblob"])
@pytest.mark.parametrize(
    ("sentence", "sign"),
    [(POSITIVE, 1), (NEGATIVE, -1), (NEUTRAL, 0)],
    ids=["positive", "negative", "neutral"],
)
def test_analyzer_signs(analyzer: SentimentAnalyzer, sentence: str, sign: int) -> None:
    score = analyzer.score(sentence)
    assert -1.0 <= score <= 1.0
    assert (score > 0) - (score < 0) == sign


def test_analyzers_have_distinct_names() -> None:
    assert {VaderAnalyzer().name, TextBlobAnalyzer().name} == {"vader", "textblob"}


def test_textblob_subjectivity_in_range() -> None:
    blob = TextBlobAnalyzer()
    assert 0.0 < blob.subjectivity(POSITIVE) <= 1.0
    assert blob.subjectivity(NEUTRAL) == 0.0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (POSITIVE, "positive"),
        (NEGATIVE, "negative"),
        (NEUTRAL, "neutral"),
        (f"{WARM} {NEGATIVE}", "mixed"),
        ("", "neutral"),
    ],
    ids=["positive", "negative", "neutral", "warm_then_alarmed_is_mixed", "empty"],
)
def test_comment_sentiment_label(text: str, label: str) -> None:
    assert comment_sentiment(text).label == label


def test_comment_sentiment_scores_whole_text() -> None:
    result = comment_sentiment(f"{WARM} {NEGATIVE}")
    whole = score_sentences([f"{WARM} {NEGATIVE}"])[0]
    assert (result.vader_compound, result.textblob_polarity) == (whole.vader_compound, whole.textblob_polarity)


def test_comment_sentiment_uses_given_sentences() -> None:
    given = [_sentence(0.9), _sentence(-0.9)]
    assert comment_sentiment(NEUTRAL, given).label == "mixed"


@pytest.mark.parametrize(
    ("scores", "label"),
    [
        ([STRONG, -STRONG], "mixed"),
        ([STRONG - 0.01, -0.9, -0.9], "negative"),
        ([0.9, 0.9, -0.3], "positive"),
        ([NEUTRAL_BAND - 0.01], "neutral"),
        ([-NEUTRAL_BAND], "negative"),
        ([], "neutral"),
    ],
    ids=[
        "strong_both_ways",
        "one_side_weak",
        "positive_with_mild_negative",
        "inside_band",
        "band_edge_negative",
        "no_sentences",
    ],
)
def test_aggregate_labels(scores: list[float], label: str) -> None:
    result = aggregate_sentiment([_sentence(x) for x in scores])
    assert result.label == label
    assert result.label in LABELS


def test_topic_sentences_decide_topic_sentiment() -> None:
    sentences = score_sentences([WARM, "Fluoride in our water is toxic and terrible."])
    fluoride = [s for s in sentences if "fluoride" in s.sentence.lower()]
    assert aggregate_sentiment(fluoride).label == "negative"
    assert aggregate_sentiment(sentences).label == "mixed"


def test_aggregate_is_mean_of_sentences() -> None:
    result = aggregate_sentiment([_sentence(0.2), _sentence(0.6)])
    assert isinstance(result, CommentSentiment)
    assert result.vader_compound == pytest.approx(0.4)
    assert result.textblob_polarity == pytest.approx(0.4)
    assert (result.textblob_subjectivity, result.label) == (0.5, "positive")


def test_label_for_prefers_mixed_over_score() -> None:
    assert label_for(0.9, [_sentence(0.8), _sentence(-0.8)]) == "mixed"


@pytest.mark.parametrize(
    "lexicon",
    ["vaderSentiment/no_such_lexicon.txt", "/abs/vader_lexicon.txt"],
    ids=["missing", "absolute"],
)
def test_bad_lexicon_raises_helpful_error(lexicon: str) -> None:
    with pytest.raises(CommentscopeError, match=r"vader_lexicon|vadersentiment"):
        VaderAnalyzer(lexicon_file=lexicon).score("good")


def test_loads_offline_without_nltk_data() -> None:
    script = textwrap.dedent(
        """
        import nltk
        nltk.data.path[:] = []
        from commentscope.analysis.sentiment import comment_sentiment
        assert comment_sentiment("I love it, wonderful!").label == "positive"
        assert not any("nltk_data" in p for p in nltk.data.path), nltk.data.path
        """
    )
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"NLTK_DATA": "", "PATH": ""},
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "sentence",
    ["I don’t like it.", "I don't like it.", "It isn’t helpful at all."],
    ids=["curly_apostrophe", "ascii_apostrophe", "curly_isnt"],
)
def test_negation_survives_typographic_apostrophes(sentence: str) -> None:
    assert VaderAnalyzer().score(sentence) < 0


def test_questions_do_not_set_the_label() -> None:
    asked = comment_sentiment("When is the best time to take probiotics? Is morning best?")
    assert asked.label == "neutral"
    assert asked.vader_compound > 0.3  # the lexicon alone would have called it positive
    stated = comment_sentiment("This is the best probiotic. Is it expensive?")
    assert stated.label == "positive"


TRICKY = [
    "GOOD!!! bad?!? 'kind of' ,great, -meh- \"ok\" :) :-( <3 a! !a ..wow.. ?!?!great",
    "Wow!!!! It's not bad; it's 'really' good... isn't it?!",
    "I don't know,,, maybe -- maybe not. :D",
]
CONSTANTS = vader.VaderConstants()


def nltk_words(text: str) -> list[str]:
    found = vader.SentiText(text, CONSTANTS.PUNC_LIST, CONSTANTS.REGEX_REMOVE_PUNCTUATION)
    words: list[str] = found.words_and_emoticons
    return words


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ’'.,!?;:-\"()#x:D) <3\n")), max_size=60))
def test_vader_words_are_nltks(text: str) -> None:
    assert sentiment._vader_words(text, CONSTANTS.PUNC_LIST, CONSTANTS.REGEX_REMOVE_PUNCTUATION) == nltk_words(text)


@pytest.mark.parametrize("text", TRICKY, ids=["marks", "contractions", "runs"])
def test_vader_words_on_punctuated_text(text: str) -> None:
    assert sentiment._vader_words(text, CONSTANTS.PUNC_LIST, CONSTANTS.REGEX_REMOVE_PUNCTUATION) == nltk_words(text)


def test_vader_scores_are_nltks_and_nltk_is_left_alone() -> None:
    fast = sentiment._vader(sentiment.VADER_LEXICON)
    plain = vader.SentimentIntensityAnalyzer(lexicon_file=sentiment.VADER_LEXICON)
    assert fast.polarity_scores.__globals__["SentiText"] is not vader.SentiText  # the fast path is on
    assert vader.SentimentIntensityAnalyzer.polarity_scores.__globals__["SentiText"] is vader.SentiText
    for text in [*TRICKY, POSITIVE, NEGATIVE, NEUTRAL, WARM]:
        assert fast.polarity_scores(text) == plain.polarity_scores(text)


@pytest.mark.parametrize(
    "text", [*TRICKY, POSITIVE, NEGATIVE, NEUTRAL, WARM, ""],
    ids=["marks", "contractions", "runs", "positive", "negative", "neutral", "warm", "empty"],
)
def test_textblob_scores_are_pattern_analyzers(text: str) -> None:
    expected = PatternAnalyzer().analyze(text)
    assert TextBlobAnalyzer().polarity_subjectivity(text) == (expected.polarity, expected.subjectivity)
