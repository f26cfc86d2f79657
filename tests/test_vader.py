"""VADER's compound score: `analysis.vader` gives NLTK's own float on any text, NLTK left as it is."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.sentiment import vader as nltk_vader

from commentscope.analysis import vader

TRICKY = [
    "GOOD!!! bad?!? 'kind of' ,great, -meh- \"ok\" :) :-( <3 a! !a ..wow.. ?!?!great",
    "Wow!!!! It's not bad; it's 'really' good... isn't it?!",
    "I don't know,,, maybe -- maybe not. :D",
    "The food was good but the service was NOT great, never so bad, at least not the worst.",
    "That movie is the shit, kind of good, sort of bad, yeah right, cut the mustard!!",
    "It is kind of a good film, sort of a bad idea, just enough a fine plan; hand to mouth living is hard.",
    "GREAT great Great. good, good: GOOD?? not good at all, hardly good, very very good",
    "It was kind of fine, and kind people helped; Kind words, kind of.",
    "",
]
CONSTANTS = nltk_vader.VaderConstants()
# lexicon words, boosters, negations, "but", "least", idiom and bigram words, capitals, marks
VOCABULARY = ["good", "GOOD", "Good", "bad", "great", "love", "hate", "shit", "bomb", "the", "kind", "of", "sort",
              "very", "VERY", "extremely", "hardly", "not", "never", "isn't", "don't", "without", "so", "this",
              "but", "BUT", "least", "at", "yeah", "right", "cut", "mustard", "kiss", "death", "just", "enough",
              "a", "it", "is", "!", "?", "!!", "?!?", ".", ",", "good!", "bad,", ",great", "'ok'", ":)", ":-(",
              "<3", "😀", "x", "kind-of", "uh-uh", "hand", "to", "mouth", "bad ass", "\n"]


def plain_compound(text: str) -> float:
    compound: float = vader.nltk_vader().polarity_scores(text)["compound"]
    return compound


@pytest.mark.parametrize("text", TRICKY, ids=["marks", "contractions", "runs", "but-never-least", "idioms",
                                              "bigrams-three-back", "caps",
                                              "kind-of-copies", "empty"])
def test_compound_is_nltks(text: str) -> None:
    assert vader.scorer().compound(text) == plain_compound(text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), max_size=30).map(" ".join))
def test_compound_is_nltks_for_any_word_sequence(text: str) -> None:
    assert vader.scorer().compound(text) == plain_compound(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_compound_is_nltks_for_any_text(text: str) -> None:
    assert vader.scorer().compound(text) == plain_compound(text)


def test_nltk_is_left_alone() -> None:
    vader.scorer().compound("warm up")
    assert nltk_vader.SentimentIntensityAnalyzer.polarity_scores.__globals__["SentiText"] is nltk_vader.SentiText
    assert type(vader.nltk_vader()) is nltk_vader.SentimentIntensityAnalyzer


def nltk_words(text: str) -> list[str]:
    found = nltk_vader.SentiText(text, CONSTANTS.PUNC_LIST, CONSTANTS.REGEX_REMOVE_PUNCTUATION)
    words: list[str] = found.words_and_emoticons
    return words


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ’'.,!?;:-\"()#x:D) <3\n")), max_size=60))
def test_vader_words_are_nltks(text: str) -> None:
    assert vader.vader_words(text, CONSTANTS.PUNC_LIST, CONSTANTS.REGEX_REMOVE_PUNCTUATION) == nltk_words(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ’'.,!?;:-\"()#x:D) <3\n")), max_size=60))
def test_vader_words_are_nltks_with_any_remover(text: str) -> None:
    # the packaged remover (splits kept per token) and a remover of "!" only (splits read from the text)
    assert vader.vader_words(text, CONSTANTS.PUNC_LIST, vader._Remover()) == nltk_words(text)
    bangs = re.compile("!")
    expected = nltk_vader.SentiText(text, CONSTANTS.PUNC_LIST, bangs).words_and_emoticons
    assert vader.vader_words(text, CONSTANTS.PUNC_LIST, bangs) == expected


@pytest.mark.parametrize("text", TRICKY[:3], ids=["marks", "contractions", "runs"])
def test_vader_words_on_punctuated_text(text: str) -> None:
    assert vader.vader_words(text, CONSTANTS.PUNC_LIST, CONSTANTS.REGEX_REMOVE_PUNCTUATION) == nltk_words(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_punctuation_is_removed_as_nltks_pattern_does(text: str) -> None:
    assert CONSTANTS.REGEX_REMOVE_PUNCTUATION.pattern == vader._ASCII_PUNCTUATION
    assert vader._Remover().sub("", text) == CONSTANTS.REGEX_REMOVE_PUNCTUATION.sub("", text)
