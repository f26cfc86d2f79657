"""The literal needs of a regex: every match holds one of them, so skipping the regex where none
occurs never changes a result (the question rules, promotional and page patterns rely on it)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commentscope.analysis.questions import QUESTION_RULES
from commentscope.analysis.relevance import default_promo_rules
from commentscope.literals import MAX_STRINGS, fold, needs_of
from commentscope.patterns import page_knowledge


def _page_patterns() -> list[re.Pattern[str]]:
    kb = page_knowledge()
    tables = (kb.avatars, kb.roles, kb.markers, kb.headers, kb.meta, kb.boilerplate, kb.cta)
    return [p.regex for table in tables for p in table]


# every match of these is sampled (the page patterns only in the test after: sampling them is slow)
SAMPLED = len(QUESTION_RULES) + len(default_promo_rules().patterns)
PATTERNS = ([rule.pattern for rule in QUESTION_RULES] + [p.regex for p in default_promo_rules().patterns]
            + _page_patterns())
NEEDS = [(regex, needs) for regex in PATTERNS if (needs := needs_of(regex)) is not None]


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"\bplease\s+(?:advise|help)\b", 0, ("please",)),
        (r"\b(?:wonder|wondering)\b", 0, ("wonder",)),  # "wondering" holds "wonder"
        (r"(?:so|and)\s+(?:maybe|perhaps)", 0, ("maybe", "perhaps")),  # the longer of two branches
        (r"\w+\s+eh$", 0, ("eh",)),
        (r"(?:maybe)?\s*\?", 0, ("?",)),
        (r"(?:ab){2,}c", 0, ("ab",)),  # a repeat needs its own literal once
        (r"\w+", 0, None),
        (r"(?:a|\w)b", 0, ("b",)),
        (r"", 0, None),
        (r"Bitte", re.IGNORECASE, ("bitte",)),
        (r"(?i:staff):|[A-Z]{3}:", 0, (":",)),  # the case rule changes inside: only ':' is certain
    ],
    ids=["word", "redundant-longer", "branches", "anchor", "optional-group", "repeat", "class-only",
         "branch-with-class", "empty", "ignorecase-folded", "inline-ignorecase"],
)
def test_needs_of_reads_the_literals_every_match_holds(pattern: str, flags: int,
                                                       expected: tuple[str, ...] | None) -> None:
    needs = needs_of(re.compile(pattern, flags))
    assert (needs.strings if needs else None) == expected


@pytest.mark.parametrize(
    ("pattern", "text"),
    [("kilo", "\u212aILO"), ("sis", "ſIS"), ("fix", "FıX"), ("iri", "\u0130rİ"), ("straße", "STRASSE straße")],
    ids=["kelvin-sign", "long-s", "dotless-i", "dotted-capital-i", "sharp-s"],
)
def test_folded_needs_see_every_text_ignorecase_matches(pattern: str, text: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    needs = needs_of(regex)
    assert needs is not None and needs.folded
    assert regex.search(text) is not None
    assert needs.possible(text)


def test_fold_is_lower_case_on_ascii_and_identical_characters_under_ignorecase() -> None:
    assert fold("Hello WORLD 12") == "hello world 12"
    assert fold("ÄÖÜ ſ ı K") == fold("äöü s i k")
    assert fold("ΣΑΣ σας") == fold("σας ΣΑΣ")  # a final sigma is the same letter


def test_fold_gives_every_character_its_representative_under_ignorecase() -> None:
    """Two characters that `re.IGNORECASE` takes as one fold alike, and only those: the
    regex engine's own lower case (`_sre.unicode_tolower`) and its table of extra cases."""
    from _sre import unicode_tolower  # type: ignore[import-not-found]
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]

    def representative(code: int) -> str:
        low = unicode_tolower(code)
        return chr(min((low, *_EXTRA_CASES.get(low, ()))))

    codes = [c for c in range(0x30000) if not 0xD800 <= c < 0xE000]
    assert [fold(chr(c)) for c in codes] == [representative(c) for c in codes]


@pytest.mark.parametrize("regex", PATTERNS[:SAMPLED], ids=lambda r: r.pattern[:30])
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_of_the_packaged_patterns_holds_a_need(regex: re.Pattern[str], data: st.DataObject) -> None:
    needs = needs_of(regex)
    if needs is None:
        return
    text = data.draw(st.from_regex(regex))
    assert regex.search(text) is not None
    assert needs.possible(text), (text, needs.strings)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("aeiouAEIOU ſıİ\u212a?!.,'-nrstdwhylk"), max_size=40))
def test_a_text_without_the_needs_never_matches(text: str) -> None:
    for regex, needs in NEEDS:
        if not needs.possible(text):
            assert regex.search(text) is None, (regex.pattern, text)


def test_strings_holding_others_do_not_count_against_the_limit() -> None:
    """Forty words and their longer forms ('wordsa' holds 'words') test as forty strings; a list of more
    words than the limit has no needs (testing them would be slower than the regex)."""
    words = [f"{chr(97 + n % 26)}{chr(97 + n // 26)}q" for n in range(MAX_STRINGS)]
    needs = needs_of(re.compile("(?:" + "|".join(words + [w + "x" for w in words[:8]]) + ")"))
    assert needs is not None and sorted(needs.strings) == sorted(words)
    more = [f"{chr(97 + n % 26)}{chr(97 + n // 26)}v" for n in range(MAX_STRINGS + 1)]
    assert needs_of(re.compile("(?:" + "|".join(more) + ")")) is None
