"""Pattern's tagger and sentiment without their overheads (commentscope.analysis.pattern) give
what TextBlob's own Pattern code gives."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textblob import _text, en
from textblob.taggers import PatternTagger

from commentscope.analysis import pattern
from commentscope.analysis.themes import _tags
from commentscope.analysis.topics import tokenize


def pattern_tags(text: str) -> list[str]:
    """Tags of `text`'s words from TextBlob's own Pattern tagger, as themes join the words for it."""
    words = [text[token.start : token.end] for token in tokenize(text)]
    if not words:
        return []
    with warnings.catch_warnings():  # textblob leaves its lexicon file open while loading it
        warnings.simplefilter("ignore", ResourceWarning)
        return [str(tag) for _, tag in PatternTagger().tag(" ".join(words), tokenize=False)]


TAGGED = [
    "Bone density scans confuse me. My bone density went up.",
    "Running quickly, she found 12 tasteful X-rays in 1990's NASA report",
    "Kefir kefir KEFIR İstanbul École 3/4 12:30 fluoridated Karen's",
    "The the unknownish wordable fantabulous",
]


@pytest.mark.parametrize("text", TAGGED, ids=["plain", "mixed", "capitals-unicode", "unknown-words"])
def test_tags_are_pattern_taggers(text: str) -> None:
    assert _tags([text[token.start : token.end] for token in tokenize(text)]) == pattern_tags(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "The", "bone", "Bone", "density", "runs", "running", "quickly", "Karen",
                                 "karen", "ÉCOLE", "école", "12", "1990s", "x-ray", "it's", "fabulousish",
                                 "realize", "testify", "helped", "TV", "U.S.", "ok"]), max_size=12))
def test_tags_are_pattern_taggers_for_any_word_order(words: list[str]) -> None:
    text = " ".join(words)
    assert _tags([text[token.start : token.end] for token in tokenize(text)]) == pattern_tags(text)


# Every branch of Pattern's tokenizer: contractions, quotes, abbreviations, ellipses, emoticons,
# sarcasm marks, paragraph breaks.
TRICKY = [
    "I don't think it's good... isn't it? He'd said \"NO!\" (!) e.g. U.S. Mr. Smith etc. Fine.",
    "Great :) not bad :-( really \u201cnice\u201d \u2018ok\u2019 ;-) XD x D <3 : ) end.\n\nNext paragraph?!",
    "...wow... (really?) [sure] {ok} 'quoted' \"double\" a. b. T. De Smedt 3.5 -5 $4 #tag @you",
    "",
]


@pytest.mark.parametrize("text", TRICKY, ids=["contractions", "quotes-emoticons", "brackets-abbreviations", "empty"])
def test_tokens_are_patterns(text: str) -> None:
    assert pattern.find_tokens(text) == en.parser.find_tokens(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*"ab Ab.,;:!?()[]{}'\"`-\n\r…’“”‘:D<3_", "n't", "'s", "etc.", "U.S.",
                                 "e.g.", "...", " ", "X", "o", "8", "(!)", "\t", "\xa0", "\r\n", "  "]),
                max_size=40).map("".join))
def test_tokens_are_patterns_for_any_text(text: str) -> None:
    assert pattern.find_tokens(text) == en.parser.find_tokens(text)


def test_patterns_token_regex_needs_no_whitespace_collapsed() -> None:
    # find_tokens skips Pattern's whitespace collapse: a run of non-space characters followed by
    # one whitespace character is found the same however long the run of whitespace
    assert _text.TOKEN.pattern == r"(\S+)\s"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["good", "not", "very", "bad", "really", "!", "?", ".", "great", "never", "so",
                                 "terribly", "awful", ":)", ":-(", "(!)", "is", "a", "movie", "wow", "GOOD", "n't",
                                 "don't", "kind", "of", "\n\n"]), max_size=14))
def test_sentiment_is_patterns(words: list[str]) -> None:
    text = " ".join(words)
    expected = en.sentiment(text)
    assert pattern.polarity_subjectivity(text) == (expected[0], expected[1])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["good", "GOOD", "not", "never", "no", "n't", "isn't", "very", "really", "truly",
                                 "terribly", "awful", "surely", "a", "is", "it", "the", "!", "!!", "(!)", "( ! )",
                                 "?", ".", ",", "'", "x", "XD", "X-D", ":D", ":-d", ":o)", ":o", "<3", ":'(", "o_O",
                                 "8)", ";-)", "()", "nice", "bad", "movie", "only", "slightly", "\n\n"]),
                max_size=24).map(" ".join))
def test_sentiment_is_patterns_with_modifiers_and_moods(text: str) -> None:
    expected = en.sentiment(text)
    assert pattern.polarity_subjectivity(text) == (expected[0], expected[1])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_sentiment_is_patterns_for_any_text(text: str) -> None:
    expected = en.sentiment(text)
    assert pattern.polarity_subjectivity(text) == (expected[0], expected[1])


SENTIMENT_PIECES = ["good", "GOOD", "not", "n't", "isn't", "very", "bad", "ΟΔΟΣ", "Σ", "İ", "!", "?", ".", "...",
                    "(", ")", "(!)", "( !", "! )", ":", ":)", ": )", "o.O", "o. O", ">.>", "> . >", "XD", "<3",
                    "'", '"', "’", "“", "e.g.", "U.S.", "END-OF-SENTENCE", "\n", "\n\n", "\r\n", "\t", "\xa0",
                    "\x1c", "\u2028", "\u3000", "\x85", " "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SENTIMENT_PIECES), max_size=24).map("".join))
def test_sentiment_words_are_patterns(text: str) -> None:
    # the words joined at once (no sentences) are the words Pattern's sentences give
    assert pattern.sentiment_words(text) == [w.lower() for w in " ".join(en.parser.find_tokens(text)).split()]


def test_every_contraction_holds_an_apostrophe() -> None:
    # `_spaced` looks for contractions only in a text with an apostrophe
    assert all("'" in contraction for contraction in _text.replacements)


def test_textblob_is_left_alone() -> None:
    pattern.polarity_subjectivity("warm up")
    assert en.sentiment.tokenizer.__func__ is _text.Parser.find_tokens
    assert type(en.sentiment) is en.Sentiment
