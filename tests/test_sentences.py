"""Sentence splitting: each trap readers' comments set for a rule-based splitter."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commentscope.analysis.sentences import _word_before, split_sentences

CASES = [
    (
        "title_abbreviations",
        "A welcome piece, Dr. Perlmutter. Mr. and Mrs. Smith agree. Ms. Lee too.",
        ["A welcome piece, Dr. Perlmutter.", "Mr. and Mrs. Smith agree.", "Ms. Lee too."],
    ),
    (
        "example_abbreviations",
        "Eat ferments, e.g. kefir, i.e. live food. Kefir vs. pills is approx. 5 to 1.",
        ["Eat ferments, e.g. kefir, i.e. live food.", "Kefir vs. pills is approx. 5 to 1."],
    ),
    (
        "question_mark_inside_a_web_address",
        "[1] https://celestrak.org/graph.php?CA... See (www.example.com/a?Id=3) too? Then go.",
        ["[1] https://celestrak.org/graph.php?CA...", "See (www.example.com/a?Id=3) too?", "Then go."],
    ),
    ("question_mark_glued_to_a_capital", "Is it down?Then what.", ["Is it down?", "Then what."]),
    ("etc_before_lowercase", "I eat miso, kimchi etc. and more. Done.", ["I eat miso, kimchi etc. and more.", "Done."]),
    ("etc_before_uppercase", "I eat miso, kimchi etc. Then I rest.", ["I eat miso, kimchi etc.", "Then I rest."]),
    ("unit_abbreviation", "Take 5 mg. daily. Take 5 mg. Then stop.", ["Take 5 mg. daily.", "Take 5 mg.", "Then stop."]),
    (
        "degree_and_country",
        "Ask a Ph.D. first. The U.S. Food and Drug Administration agrees.",
        ["Ask a Ph.D. first.", "The U.S. Food and Drug Administration agrees."],
    ),
    ("degree_ends_sentence", "John Smith, Ph.D. He says so.", ["John Smith, Ph.D.", "He says so."]),
    ("ellipsis_before_lowercase", "I was hurt... but did it. It worked.", ["I was hurt... but did it.", "It worked."]),
    (
        "unicode_ellipsis_before_uppercase",
        "bone density and health…We envision more.",
        ["bone density and health…", "We envision more."],
    ),
    (
        "two_dot_ellipsis",
        "it seems..then one day..Truthfully it was fine",
        ["it seems..then one day..", "Truthfully it was fine"],
    ),
    (
        "leading_ellipsis",
        "that is, …there was a deterioration. Next.",
        ["that is, …there was a deterioration.", "Next."],
    ),
    ("question_exclamation_runs", "Really?! Yes!! It works.", ["Really?!", "Yes!!", "It works."]),
    ("missing_space", "She did it twice.Then she stopped.", ["She did it twice.", "Then she stopped."]),
    ("missing_space_after_question", "Is it safe?Then tell me.", ["Is it safe?", "Then tell me."]),
    (
        "no_split_inside_initialism",
        "Try e.g.Vitamin D or E.coli free water.",
        ["Try e.g.Vitamin D or E.coli free water."],
    ),
    (
        "space_before_question_mark",
        "remove the Fluoride in my faucet ? I hope so.",
        ["remove the Fluoride in my faucet ?", "I hope so."],
    ),
    (
        "question_mark_before_lowercase",
        "Where did it go? did you remove it?",
        ["Where did it go?", "did you remove it?"],
    ),
    (
        "question_inside_parentheses",
        "I put a cheap ($15?) filter on my shower. Good.",
        ["I put a cheap ($15?) filter on my shower.", "Good."],
    ),
    (
        "exclamation_inside_parentheses",
        "I stumbled (no pun intended!) into this. Then more.",
        ["I stumbled (no pun intended!) into this.", "Then more."],
    ),
    ("closing_parenthesis_kept", "(BTW, I am 72.) I started looking.", ["(BTW, I am 72.)", "I started looking."]),
    ("closing_quote_kept", "It was “not protective.” The end.", ["It was “not protective.”", "The end."]),
    (
        "decimals",
        "Distilled water removes 99.9%. Then 2.5 mg is fine.",
        ["Distilled water removes 99.9%.", "Then 2.5 mg is fine."],
    ),
    ("number_ends_sentence", "I am now 75. But I went on.", ["I am now 75.", "But I went on."]),
    ("newline_ends_sentence", "Line without punctuation\nNext line.", ["Line without punctuation", "Next line."]),
    ("blank_lines_dropped", "First.\n\n   \nSecond.", ["First.", "Second."]),
    (
        "numbered_markers",
        "1. Strontium. I added it.\n2. Do you think so?",
        ["Strontium.", "I added it.", "Do you think so?"],
    ),
    ("parenthesis_marker", "2) Take it daily", ["Take it daily"]),
    ("bullet_and_dash_markers", "  • It is more: K2 helps.\n- dash item", ["It is more: K2 helps.", "dash item"]),
    ("emoji_joins_sentence", "Very inspiring! It lifts my spirits. 🙂", ["Very inspiring!", "It lifts my spirits. 🙂"]),
    (
        "space_before_exclamation",
        "Can you send a link for more info. Thanks !",
        ["Can you send a link for more info.", "Thanks !"],
    ),
    ("empty", "  \n ", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Hello there. How are you?\n  1. Fine… thanks!", "a.b.c. d? e! f… g", "..?!…"],
    ids=["mixed", "dense_punctuation", "punctuation_only"],
)
def test_sentences_are_verbatim_substrings(text: str) -> None:
    for sentence in split_sentences(text):
        assert sentence == sentence.strip()
        assert sentence in text


@given(st.text(alphabet=st.sampled_from(list('ab AB1.?!…)("”•-\n\t e.g'))))
def test_any_text_gives_stripped_one_line_substrings(text: str) -> None:
    for sentence in split_sentences(text):
        assert sentence
        assert sentence == sentence.strip()
        assert "\n" not in sentence
        assert sentence in text


@given(st.text(alphabet="ab1_. ,é²\t!?") | st.text(st.characters(blacklist_characters="\n")), st.integers(min_value=0))
def test_word_before_is_what_the_regex_finds(line: str, end: int) -> None:
    """The backward scan finds the run of `[\\w.]` characters `[\\w.]*$` finds (lines hold no '\\n')."""
    end = min(end, len(line))
    found = re.compile(r"[\w.]*$").search(line, 0, end)
    assert found is not None and _word_before(line, end) == found.group()
