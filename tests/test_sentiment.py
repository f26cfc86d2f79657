"""Sentiment: signs and labels on clear cases, the mixed rule, topic sentences, offline loading."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textblob.en.sentiments import PatternAnalyzer

import commentscope
from analyzers import FixedScore
from commentscope.analysis.sentences import split_sentences
from commentscope.analysis.sentiment import (
    ASKING_UNDECIDED,
    NEUTRAL_BAND,
    SCORE_BAND,
    STRONG,
    UNDECIDED,
    CommentSentiment,
    Rating,
    RatingAnalyzer,
    ReviewModelAnalyzer,
    SentenceSentiment,
    SentimentAnalyzer,
    TextBlobAnalyzer,
    VaderAnalyzer,
    aggregate_sentiment,
    comment_sentiment,
    label_for,
    leans_while_asking,
    lexicon_features,
    lexicon_text,
    rate,
    score_sentences,
)
from commentscope.analysis.sentiment_model import Prediction, SentimentModel, features
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
        ("Which brand do you take? Is it in the morning?", "neutral"),
        ("", "neutral"),
    ],
    ids=["positive", "negative", "questions_only_are_neutral", "empty"],
)
def test_comment_sentiment_label(text: str, label: str) -> None:
    assert comment_sentiment(text).label == label


def test_comment_sentiment_scores_whole_text() -> None:
    result = comment_sentiment(f"{WARM} {NEGATIVE}")
    whole = score_sentences([f"{WARM} {NEGATIVE}"])[0]
    assert (result.vader_compound, result.textblob_polarity) == (whole.vader_compound, whole.textblob_polarity)
    assert result.score == pytest.approx(ReviewModelAnalyzer().score(f"{WARM} {NEGATIVE}"))


@pytest.mark.parametrize(
    ("score", "label"),
    [(0.0, "mixed"), (UNDECIDED - 0.01, "mixed"), (UNDECIDED, "positive"), (-0.9, "negative")],
    ids=["undecided", "just_undecided", "decided_positive", "decided_negative"],
)
def test_mixed_needs_strong_sentences_and_an_undecided_analyzer(score: float, label: str) -> None:
    given = [_sentence(0.9), _sentence(-0.9)]
    assert comment_sentiment(NEUTRAL, given, FixedScore(score)).label == label


@pytest.mark.parametrize(
    ("score", "label"),
    [(SCORE_BAND, "positive"), (SCORE_BAND - 0.01, "neutral"), (-SCORE_BAND, "negative"), (0.0, "neutral")],
    ids=["band_edge_positive", "inside_band", "band_edge_negative", "zero"],
)
def test_score_only_analyzer_is_read_with_the_band(score: float, label: str) -> None:
    assert rate(FixedScore(score), "anything") == Rating(score, label)
    assert comment_sentiment("A plain statement.", analyzer=FixedScore(score)).label == label


def test_aggregate_labels_come_from_the_analyzer() -> None:
    sentences = [_sentence(0.9), _sentence(0.6)]
    assert aggregate_sentiment(sentences, FixedScore(-0.8)).label == "negative"
    assert aggregate_sentiment([_sentence(STRONG), _sentence(-STRONG)], FixedScore(0.0)).label == "mixed"
    assert aggregate_sentiment([], FixedScore(0.9)) == CommentSentiment(0.0, 0.0, 0.0, "neutral")
    given = aggregate_sentiment(sentences, FixedScore(0.9), Rating(-0.6, "negative"))  # a rating made before
    assert (given.label, given.score, given.vader_compound) == ("negative", -0.6, pytest.approx(0.75))


def test_topic_sentences_decide_topic_sentiment() -> None:
    sentences = score_sentences([WARM, "Fluoride in our water is toxic and terrible."])
    fluoride = [s for s in sentences if "fluoride" in s.sentence.lower()]
    assert aggregate_sentiment(fluoride).label == "negative"
    assert aggregate_sentiment(sentences[:1]).label == "positive"


def test_aggregate_is_mean_of_sentences() -> None:
    result = aggregate_sentiment([_sentence(0.2), _sentence(0.6)], FixedScore(0.7))
    assert isinstance(result, CommentSentiment)
    assert result.vader_compound == pytest.approx(0.4)
    assert result.textblob_polarity == pytest.approx(0.4)
    assert (result.textblob_subjectivity, result.label, result.score) == (0.5, "positive", 0.7)


def test_label_for_prefers_mixed_over_score() -> None:
    assert label_for(0.9, [_sentence(0.8), _sentence(-0.8)]) == "mixed"
    assert label_for(NEUTRAL_BAND - 0.01) == "neutral"


# Health language the lexicons misread (issue 9), as new examples in the same spirit: the
# model's score leans the right way where VADER says nothing or the opposite.
@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("No side effects at all.", 1),
        pytest.param("Not a single side effect, and my migraines are gone.", 1, marks=pytest.mark.xfail(
            strict=True, reason="a known misreading since the tweets and reader comments were trained on "
            "(docs/sentiment.md, 'Tweets and real reader comments'): 'not' and 'my migraines' outweigh the relief")),
        ("This drug gave me my life back.", 1),
        ("The itching was unbearable so I quit after a week.", -1),
        ("I gained 20 pounds on this and stopped.", -1),
        ("Worst medication I have ever taken.", -1),
    ],
    ids=["no_side_effects", "no_side_effect_and_relief", "life_back", "quit_over_itching", "gained_and_stopped",
         "worst"],
)
def test_health_reviews_lean_the_right_way(text: str, sign: int) -> None:
    assert comment_sentiment(text).score * sign > 0


@pytest.mark.parametrize(
    ("text", "label"),
    [("No side effects at all.", "positive"), ("This drug gave me my life back.", "positive"),
     ("Worst medication I have ever taken.", "negative")],
    ids=["no_side_effects", "life_back", "worst"],
)
def test_health_review_labels(text: str, label: str) -> None:
    assert comment_sentiment(text).label == label


def test_no_side_effects_beats_the_lexicons() -> None:
    text = "No side effects at all."
    vader, polarity, _ = lexicon_features(text)
    assert vader <= 0 and polarity <= 0  # the lexicons see "no" and nothing good
    assert ReviewModelAnalyzer().score(text) > 0.5


def test_model_probabilities() -> None:
    prediction = ReviewModelAnalyzer().predict(POSITIVE)
    probabilities = (prediction.negative, prediction.neutral, prediction.positive)
    assert sum(probabilities) == pytest.approx(1.0)
    assert prediction.balance == pytest.approx(prediction.positive - prediction.negative)
    assert -1.0 <= prediction.score <= 1.0
    assert prediction.label == "positive"
    assert isinstance(ReviewModelAnalyzer(), RatingAnalyzer)
    assert not isinstance(FixedScore(0.0), RatingAnalyzer)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No side effects.", ["no", "NOT_side", "NOT_effects", "no NOT_side", "NOT_side NOT_effects"]),
        ("It didn’t help, but sleep improved", ["it", "didn't", "NOT_help", "but", "sleep", "improved", "it didn't",
                                                 "didn't NOT_help", "NOT_help but", "but sleep", "sleep improved"]),
        ("", []),
    ],
    ids=["negation_until_mark", "comma_ends_negation", "empty"],
)
def test_model_features(text: str, expected: list[str]) -> None:
    assert features(text) == expected


def test_model_rejects_unknown_classes() -> None:
    with pytest.raises(CommentscopeError, match="classes"):
        SentimentModel({"classes": ["bad", "good"], "vocabulary": {}, "lexicon_weights": [], "intercept": []})


def test_each_text_is_scored_by_the_lexicons_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    score = VaderAnalyzer.score

    def counted(self: VaderAnalyzer, sentence: str) -> float:
        calls.append(sentence)
        return score(self, sentence)

    monkeypatch.setattr(VaderAnalyzer, "score", counted)
    text = "One sentence here, never scored before. Another one, quite new."
    comment_sentiment(text)
    assert len(calls) == len(set(calls))  # the model and the columns share the whole text's scores
    assert text in calls


def test_analyze_takes_any_sentiment_analyzer() -> None:
    page = Path(__file__).resolve().parent.parent / "seeds" / "000_6e294251f2c80030.txt"
    analysis = commentscope.analyze([page], sentiment=FixedScore(-0.9))
    comments = analysis.comments
    statements = comments[comments["questions"] == ""]
    assert len(statements) > 0
    assert set(statements["sentiment"]) == {"negative"}
    assert set(comments["sentiment_score"]) == {-0.9}
    assert (analysis.topic_mentions["sentiment"] != "positive").all()


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


@pytest.mark.parametrize(
    "text", [*TRICKY, POSITIVE, NEGATIVE, NEUTRAL, WARM, ""],
    ids=["marks", "contractions", "runs", "positive", "negative", "neutral", "warm", "empty"],
)
def test_textblob_scores_are_pattern_analyzers(text: str) -> None:
    expected = PatternAnalyzer().analyze(text)
    assert TextBlobAnalyzer().polarity_subjectivity(text) == (expected.polarity, expected.subjectivity)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ’‘ʼ“”'\"é…\n")), max_size=40))
def test_lexicon_text_makes_quotes_ascii(text: str) -> None:
    table = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"'})
    assert lexicon_text(text) == text.translate(table)


@dataclass(frozen=True)
class FixedModel(ReviewModelAnalyzer):
    """The packaged model's rules over fixed class probabilities."""

    probabilities: tuple[float, float, float] = (0.25, 0.1, 0.65)  # negative, neutral, positive

    def model_prediction(self, text: str) -> Prediction:
        return Prediction(*self.probabilities)


ASKING_CASES = pytest.mark.parametrize(
    ("text", "probabilities", "label"),
    [
        ("Lovely post. Can I freeze it?", (0.25, 0.1, 0.65), "neutral"),  # asks, leans +0.4
        ("Lovely post. I froze it.", (0.25, 0.1, 0.65), "positive"),  # the same lean, asks nothing
        ("Lovely post. Can I freeze it?", (0.05, 0.05, 0.9), "positive"),  # asks, leans +0.85
        ("Awful. Why would anyone post this?", (0.65, 0.1, 0.25), "neutral"),
        ("Awful. Why would anyone post this?", (0.9, 0.05, 0.05), "negative"),
        ("Can I freeze it? How long?", (0.05, 0.05, 0.9), "neutral"),  # questions only, however strong
    ],
    ids=["asks_leaning", "states_leaning", "asks_strongly", "asks_leaning_negative", "asks_strongly_negative",
         "questions_only"],
)


@ASKING_CASES
def test_a_comment_that_asks_and_leans_a_little_is_neutral(
        text: str, probabilities: tuple[float, float, float], label: str) -> None:
    assert comment_sentiment(text, analyzer=FixedModel(probabilities=probabilities)).label == label


@ASKING_CASES
def test_a_topic_mention_is_labelled_by_a_comments_rules(
        text: str, probabilities: tuple[float, float, float], label: str) -> None:
    """The sentences that mention a topic (here: all of them, rated afresh) are read as a comment is."""
    mention = score_sentences(split_sentences(text))
    assert aggregate_sentiment(mention, FixedModel(probabilities=probabilities)).label == label


def test_only_the_packaged_models_labels_are_read_so() -> None:
    parts = ["Lovely post.", "Can I freeze it?"]
    leaning = Rating(ASKING_UNDECIDED - 0.1, "positive")
    assert leans_while_asking(ReviewModelAnalyzer(), leaning, parts)
    assert not leans_while_asking(ReviewModelAnalyzer(), Rating(ASKING_UNDECIDED, "positive"), parts)
    assert not leans_while_asking(ReviewModelAnalyzer(), leaning, ["Lovely post.", "I froze it."])
    assert not leans_while_asking(VaderAnalyzer(), leaning, parts)
    assert comment_sentiment("Lovely post! Can I freeze it?", analyzer=FixedScore(0.4)).label == "positive"
