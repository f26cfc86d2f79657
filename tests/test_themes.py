"""Themes the taxonomy misses (commentscope.analysis.themes)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis.pattern import word_tag
from commentscope.analysis.themes import (
    _ADDRESSED,
    _FIRST_TAGS,
    _NOUN_TAGS,
    MAX_WORDS,
    THEME_COLUMNS,
    _candidates,
    _content,
    suggest_themes,
)
from commentscope.analysis.topics import Taxonomy, Topic, TopicMatcher, tokenize

PAGE = [
    ("page", "c1", "I started taking boron for my joints. Boron helped my joints a lot."),
    ("page", "c2", "Has anyone tried a Power Plate? My friend says the Power Plate helps."),
    ("page", "c3", "Thank you for the great article! Boron is in prunes. My bone density is OK."),
    ("page", "c4", "Hi Karen, boron with water? Karen says it works. Thank you, great article."),
    ("page", "c5", "Bone density scans confuse me. My bone density went up."),
    ("other", "c1", "Drinking water helped my joints, and bone density scans are cheap."),
]
ARTICLE = "Bone density matters. Bone density scans show bone density. Bone density again."


@pytest.fixture
def matcher() -> TopicMatcher:
    return TopicMatcher(Taxonomy((Topic("water", "", ("water", "drinking water")),)))


def _rows(frame: pd.DataFrame) -> dict[str, dict[str, object]]:
    return {str(row["term"]): dict(row) for _, row in frame.iterrows()}


def test_columns_and_counts(matcher: TopicMatcher) -> None:
    frame = suggest_themes(PAGE, matcher)
    assert list(frame.columns) == THEME_COLUMNS
    boron = _rows(frame)["boron"]
    assert (boron["comments"], boron["documents"], boron["mentions"]) == (3, 1, 4)
    assert boron["example_comment_id"] == "c1"  # the comment that mentions it most
    joints = _rows(frame)["joints"]
    assert (joints["comments"], joints["documents"], joints["mentions"]) == (2, 2, 3)


@pytest.mark.parametrize("term", ["water", "drinking", "karen", "thank", "article", "great"],
                         ids=["taxonomy-term", "inside-taxonomy-match", "addressed-name",
                              "generic-thank", "generic-article", "generic-adjective"])
def test_dropped_terms(matcher: TopicMatcher, term: str) -> None:
    terms = {str(t).lower() for t in suggest_themes(PAGE, matcher, top=100)["term"]}
    assert term not in terms
    assert "boron" in terms


CODE_PAGE = [
    ("code", "c1", 'Use <pre><code class="python">numbers = [n for n in range(10)]</code></pre> instead of the loop.'),
    ("code", "c2", "My loop was slow: `range(10)` again, and a <span class=\"note\">loop</span> again."),
    ("code", "c3", "The loop is fine.\n>>> numbers = sorted(range(10))\nIn [2]: numbers"),
]


def test_code_and_markup_hold_no_themes(matcher: TopicMatcher) -> None:
    terms = {str(t).lower() for t in suggest_themes(CODE_PAGE, matcher, top=100)["term"]}
    assert "loop" in terms  # prose around the code still counts (inside a tag's text too)
    assert not terms & {"pre", "code", "code class", "class", "python", "range", "numbers", "span", "note"}


def test_vague_nouns_are_no_themes(matcher: TopicMatcher) -> None:
    page = [("p", f"c{n}", f"A bit of stuff at the end, but the boron {n} helped. The rest was fun.") for n in range(3)]
    terms = {str(t).lower() for t in suggest_themes(page, matcher, top=100)["term"]}
    assert "boron" in terms
    assert not terms & {"bit", "stuff", "end", "rest", "fun"}


def test_phrase_subsumes_parts_with_the_same_counts(matcher: TopicMatcher) -> None:
    terms = set(suggest_themes(PAGE, matcher, top=100)["term"])
    assert "Power Plate" in terms  # always capitalised by its writers, so shown that way
    assert not {"power", "plate", "Power", "Plate"} & terms
    assert "bone density scans" in terms
    assert "bone density" in terms  # more mentions than the longer phrase: kept


def test_article_text_pushes_its_own_subject_down(matcher: TopicMatcher) -> None:
    plain = list(suggest_themes(PAGE, matcher, top=100)["term"])
    weighed = list(suggest_themes(PAGE, matcher, top=100, exclude_text=ARTICLE)["term"])
    assert plain.index("bone density") < plain.index("joints")
    assert weighed.index("bone density") > weighed.index("joints")
    assert weighed.index("bone density") > weighed.index("boron")


def test_example_is_a_short_excerpt_around_the_term(matcher: TopicMatcher) -> None:
    long_text = "Words before. " * 30 + "Hip fractures worry me. " + "Words after. " * 30
    frame = suggest_themes([("d", "long", long_text), ("d", "x", "Hip fractures?")],
                           matcher)
    example = str(_rows(frame)["Hip fractures"]["example"])
    assert "Hip fractures worry me" in example
    assert example.startswith("…") and example.endswith("…")
    assert len(example) < 160


def test_top_and_determinism(matcher: TopicMatcher) -> None:
    first = suggest_themes(PAGE, matcher, top=3)
    assert len(first) == 3
    pd.testing.assert_frame_equal(first, suggest_themes(list(PAGE), matcher, top=3))
    assert first["comments"].is_monotonic_decreasing


def test_no_comments(matcher: TopicMatcher) -> None:
    frame = suggest_themes([], matcher, exclude_text=ARTICLE)
    assert frame.empty
    assert list(frame.columns) == THEME_COLUMNS



# Theme candidates are found from the comment's one reading (`_candidates`); the walk they
# replaced went token by token, clause by clause. Both must find the same phrases.
THEME_WORDS = ["bone", "Bone", "density", "mineral", "bone-density", "quality", "of", "life", "vibrating", "platform",
               "Power", "Plate", "Karen", "the", "a", "is", "great", "quickly", "water", "drinking", "12", "it's",
               "Karen's", "scans", "İstanbul", "école", "-", " - ", ",", ".", "?", "\n", "(", ")", ":"]


def _candidates_clause_by_clause(matcher: TopicMatcher, text: str) -> list[tuple[int, int]]:
    tokens = tokenize(text)
    terms = matcher.find(text)
    covered = {i for i, t in enumerate(tokens) for m in terms if t.start < m.end and m.start < t.end}
    runs: list[list[int]] = []
    run: list[int] = []
    for i, token in enumerate(tokens):
        joined = bool(run) and text[tokens[run[-1]].end : token.start].strip() in ("", "-")
        if run and (i in covered or not joined):
            runs.append(run)
            run = []
        if i not in covered:
            run.append(i)
    runs.append(run)
    found = []
    for run in runs:
        tags = [word_tag(text[tokens[i].start : tokens[i].end], i == 0) for i in run]
        content = [_content(tokens[i].text) for i in run]
        ends = [c and tag in _NOUN_TAGS for c, tag in zip(content, tags, strict=True)]
        inner = [tag in _FIRST_TAGS or tokens[i].text == "of" for i, tag in zip(run, tags, strict=True)]
        for start in range(len(run)):
            if not content[start] or tags[start] not in _FIRST_TAGS:
                continue
            if tags[start] in _NOUN_TAGS:
                found.append((run[start], run[start] + 1))
            for end in range(start + 2, min(start + MAX_WORDS, len(run)) + 1):
                if ends[end - 1] and all(inner[start + 1 : end - 1]):
                    found.append((run[start], run[end - 1] + 1))
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(THEME_WORDS), max_size=30).map(" ".join))
def test_candidates_are_those_of_the_clause_by_clause_walk(text: str) -> None:
    matcher = TopicMatcher(Taxonomy((Topic("water", "", ("water", "drinking water", "Power Plate")),)))
    assert _candidates(matcher.read(text)) == _candidates_clause_by_clause(matcher, text)


# The greeting pattern is written for speed (`_GREETING`); it must find what the plain list of
# greetings finds
PLAIN_GREETING = re.compile(r"\b(?i:hi|hello|hey|dear|thanks|thank\s+you|dr|mr|mrs|ms)\.?,?\s+([A-Z][a-z]+)\b")
GREETING_TEXTS = ["Hi Karen", "hello,  Bob and", "THANK  you Sue", "Thank\nyou Al", "mrs. Smith", "xhi Karen",
                  "dR. Who", "Dear Ann", "MS, Jo", "Mr.Bo", "_hi Ann", "éhi Ann", "1hi Ann", "hey Joe", "heyHo Jo",
                  "Thanks Tom", "Oh hi Mark", "this Hi Ann", "thanks, Dr Lee"]
GREETING_PARTS = ["hi", "Hi", "hello", "hey", "dear", "thank", "you", "thanks", "dr", "Dr", "mr", "mrs", "Ms", "Karen",
                  "Sue", "x", "é", "_", ".", ",", " ", "\n", "  "]


@pytest.mark.parametrize("text", GREETING_TEXTS)
def test_greeting_pattern_finds_what_the_plain_list_finds(text: str) -> None:
    assert _ADDRESSED[0].findall(text) == PLAIN_GREETING.findall(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(GREETING_PARTS), max_size=12).map("".join))
def test_greeting_pattern_agrees_on_any_text(text: str) -> None:
    assert _ADDRESSED[0].findall(text) == PLAIN_GREETING.findall(text)
