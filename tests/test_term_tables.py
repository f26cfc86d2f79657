"""The lean term tables (commentscope.analysis.term_tables) against plain sets and dicts."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis.term_tables import GluedForms, GluedTable, PhraseTable

# few letters, so that forms share beginnings and short forms ("a", "ab") sit beside long ones
FORMS = st.lists(st.text("abc", min_size=1, max_size=7), max_size=30)
PROBES = st.lists(st.text("abcd", max_size=8), max_size=30)
PHRASES = st.lists(st.lists(st.sampled_from("abcd"), min_size=1, max_size=4).map(tuple), max_size=12)
WORDS = st.lists(st.sampled_from("abcde"), max_size=14)


def _beginnings(forms: list[str], proper: bool) -> set[str]:
    """Every beginning of every form (`proper`: shorter than the form), as a set."""
    return {form[:n] for form in forms for n in range(1, len(form) + (0 if proper else 1))}


@settings(max_examples=300, deadline=None)
@given(FORMS, PROBES)
def test_glued_forms_answer_as_the_set_of_every_beginning(forms: list[str], probes: list[str]) -> None:
    index = GluedForms()
    for form in forms:
        index.add(form)
    heads, inner = _beginnings(forms, proper=False), _beginnings(forms, proper=True)
    for probe in [*probes, *heads]:
        assert index.begins(probe) == (probe in heads), probe
        assert index.continues(probe) == (probe in inner), probe


def test_glued_forms_of_packaged_kinds() -> None:
    index = GluedForms()
    for form in ("k2", "mk7", "truelifepb", "retina", "retin"):
        index.add(form)
    assert index.begins("k") and index.begins("k2") and not index.continues("k2")
    assert index.begins("truelife") and index.continues("truelife") and not index.begins("truelifepbs")
    assert index.continues("retin") and not index.continues("retina") and not index.begins("xretin")


@settings(max_examples=300, deadline=None)
@given(PHRASES, WORDS)
def test_phrase_table_scan_finds_every_run_that_is_a_phrase(phrases: list[tuple[str, ...]], words: list[str]) -> None:
    table: PhraseTable[int] = PhraseTable()
    plain: dict[tuple[str, ...], list[int]] = {}
    for value, phrase in enumerate(phrases):
        table.add(phrase, value)
        plain.setdefault(phrase, []).append(value)
    expected = {(i, j, value) for i, j in itertools.combinations(range(len(words) + 1), 2)
                for value in plain.get(tuple(words[i:j]), [])}
    assert set(table.scan(words)) == expected
    assert len(list(table.scan(words))) == len(expected)  # each once


@settings(max_examples=200, deadline=None)
@given(PHRASES, WORDS)
def test_phrase_table_walk_from_each_word_finds_the_same(phrases: list[tuple[str, ...]], words: list[str]) -> None:
    table: PhraseTable[int] = PhraseTable()
    for value, phrase in enumerate(phrases):
        table.add(phrase, value)
    walked = {(i, i + 1, value) for i, word in enumerate(words) for value in table.alone(word)}
    for i, word in enumerate(words):
        if table.continues(word):
            walked.update(table.extend(words, i))
    assert walked == set(table.scan(words))


def test_glued_table_finds_split_and_glued_writings() -> None:
    table: GluedTable[str] = GluedTable(str)
    table.add(["true", "life", "pb"], "truelifepb", "TrueLife PB")
    table.add(["prebiotics"], "prebiotics", "prebiotics")
    assert table.alone("truelifepb", "truelifepb") == ("TrueLife PB",)  # a multi-word term glued
    assert table.alone("prebiotics", "prebiotics") == ()  # a one-word term alone: not glued
    assert list(table.extend(["pre", "biotics", "help"], 0)) == [(0, 2, "prebiotics")]
    assert list(table.extend(["true", "lifepb"], 0)) == [(0, 2, "TrueLife PB")]
    assert list(table.extend(["pre", "the", "biotics"], 0)) == []  # never across a function word
    assert list(table.extend(["pre", "bio", "tic", "s"], 0)) == [(0, 4, "prebiotics")]
    assert list(table.extend(["pr", "e", "bio", "tic", "s"], 0)) == []  # at most four words glued


def test_tables_answer_for_phrases_added_after_a_search() -> None:
    phrases: PhraseTable[str] = PhraseTable()
    phrases.add(("salt", "water"), "salt water")
    assert list(phrases.scan(["coconut", "water"])) == []
    phrases.add(("coconut", "water"), "coconut water")
    assert list(phrases.scan(["coconut", "water"])) == [(0, 2, "coconut water")]
    glued: GluedTable[str] = GluedTable(str)
    glued.add(["pre", "natal"], "prenatal", "prenatal")
    assert list(glued.extend(["pre", "biotics"], 0)) == []
    glued.add(["prebiotics"], "prebiotics", "prebiotics")
    assert list(glued.extend(["pre", "biotics"], 0)) == [(0, 2, "prebiotics")]
