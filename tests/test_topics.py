"""Topic taxonomy loading and lexicon matching (commentscope.analysis.topics)."""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis.lexicon import Found, Lexicon, plain, text_words
from commentscope.analysis.sentences import split_sentences
from commentscope.analysis.topics import (
    Taxonomy,
    Token,
    Topic,
    TopicMatcher,
    _lowers_alike,
    load_taxonomy,
    token_words,
    tokenize,
)
from commentscope.errors import ConfigError
from commentscope.text import WORD_PART_RE, stem, stopwords

NINE = (
    "fluoride", "strontium", "kefir", "supplements", "probiotics",
    "medication", "diet", "exercise", "water",
)


@pytest.fixture
def small() -> TopicMatcher:
    """A hand-made taxonomy, so each behaviour is tested apart from the packaged lexicon."""
    return TopicMatcher(Taxonomy((
        Topic("water", "", ("water", "filter", "reverse osmosis", "Brita"),
              ("water kefir", "coconut water")),
        Topic("kefir", "", ("kefir", "water kefir", "fermented food")),
        Topic("fluoride", "", ("fluoride",)),
        Topic("strontium", "", ("strontium",)),
        Topic("probiotics", "", ("prebiotics", "probiotic", "TrueLife PB")),
        Topic("supplements", "", ("K2", "vitamin K2", "MK-7", "TrueLife PB")),
        Topic("medication", "", ("medication", "Evenity"), ("medical",)),
    )))


@pytest.fixture
def default() -> TopicMatcher:
    return TopicMatcher(Taxonomy.default())


@pytest.mark.parametrize(("text", "expected"), [
    ("Which filters remove it?", {"water": ("filter",)}),
    ("I filtered my tap water", {"water": ("filter", "water")}),
    ("Is fluoridated water safe?", {"water": ("water",), "fluoride": ("fluoride",)}),
    ("Water fluoridation again", {"water": ("water",), "fluoride": ("fluoride",)}),
    ("Two kefirs a day", {"kefir": ("kefir",)}),
    ("Reverse osmosis systems work", {"water": ("reverse osmosis",)}),
    ("Lots of fermented foods", {"kefir": ("fermented food",)}),
    ("You need pre-biotics too", {"probiotics": ("prebiotics",)}),
    ("pro-biotic capsules", {"probiotics": ("probiotic",)}),
    ("TrueLifePB daily", {"probiotics": ("TrueLife PB",), "supplements": ("TrueLife PB",)}),
    ("True Life PB daily", {"probiotics": ("TrueLife PB",), "supplements": ("TrueLife PB",)}),
    ("k2 and MK7", {"supplements": ("K2", "MK-7")}),
    ("MK 7 is a form of K-2", {"supplements": ("K2", "MK-7")}),
    ("Vitamin k2 only", {"supplements": ("vitamin K2",)}),
    ("an ostrich egg", {}),
    ("waterproof boots and saltwater", {}),
    ("that would infiltrate", {}),
    ("K20 is not K2", {"supplements": ("K2",)}),
    ("water kefir grains", {"kefir": ("water kefir",)}),
    ("coconut water", {}),
    ("Water kefir, then tap water", {"kefir": ("water kefir",), "water": ("water",)}),
    ("Medical doctors", {}),
    ("Medications, medical advice", {"medication": ("medication",)}),
    ("Even so, Evenity injections", {"medication": ("Evenity",)}),
    ("even so", {}),
    ("", {}),
], ids=[
    "plural", "inflected-verb", "derived-adjective", "derived-noun", "plural-name-like",
    "phrase", "phrase-plural", "hyphen-squashed", "hyphen-squashed-singular", "glued-name",
    "spaced-name", "case-and-glued", "spaced-and-hyphen", "longest-evidence-wins",
    "whole-word-ostrich", "whole-word-compounds", "whole-word-prefix", "whole-word-digits",
    "exclude-vetoes-overlap", "exclude-only", "exclude-only-where-it-overlaps",
    "exclude-is-literal", "exclude-does-not-stem", "names-not-stemmed", "names-not-stemmed-2",
    "empty",
])
def test_match(small: TopicMatcher, text: str, expected: dict[str, tuple[str, ...]]) -> None:
    assert small.match(text) == expected


def test_match_keeps_taxonomy_order_and_sorted_evidence(small: TopicMatcher) -> None:
    found = small.match("MK-7, vitamin K2 and K2; strontium in fluoridated water.")
    assert list(found) == ["water", "fluoride", "strontium", "supplements"]
    assert found["supplements"] == ("K2", "MK-7", "vitamin K2")


def test_find_gives_character_spans(small: TopicMatcher) -> None:
    text = "I use a Brita filter and True Life PB."
    found = [(m.topic, m.term, text[m.start : m.end]) for m in small.find(text)]
    assert found == [
        ("water", "Brita", "Brita"),
        ("water", "filter", "filter"),
        ("probiotics", "TrueLife PB", "True Life PB"),
        ("supplements", "TrueLife PB", "True Life PB"),
    ]


def test_match_sentences(small: TopicMatcher) -> None:
    found = small.match_sentences(["Kefir!", "Nothing here.", "Strontium?"])
    assert found == [{"kefir": ("kefir",)}, {}, {"strontium": ("strontium",)}]


READ_ONCE = [
    "I use a Brita filter and True Life PB; kefir, MK-7 and strontium in fluoridated water.",
    "İstanbul kefir: the dotted capital lower-cases to two characters",
    "Kefir’s whey, water’s fluoride",
    "",
]


@pytest.mark.parametrize("text", READ_ONCE, ids=["ascii", "dotted-capital-i", "typographic-apostrophe", "empty"])
def test_read_once_gives_match_find_and_tokens(small: TopicMatcher, text: str) -> None:
    read = small.read(text)
    assert read.topics == small.match(text)
    assert read.terms == small.find(text)
    assert read.tokens == tokenize(text)
    assert small.found_terms(text) == [m.term for m in small.find(text)]


def test_matcher_compiles_lazily() -> None:
    matcher = TopicMatcher(Taxonomy((Topic("t", "", ("x",)),)))
    assert "_lexicon" not in vars(matcher)
    matcher.match("x")
    assert "_lexicon" in vars(matcher)


@pytest.mark.parametrize(("text", "topic", "present"), [
    ("my doctor wants to put me on prolia", "medication", True),
    ("went down the road of Fosamax and HRT", "medication", True),
    ("alendronate and other bisphosphonates", "medication", True),
    ("a course of antibiotics", "medication", True),
    ("I trust Medical Doctors", "medication", False),
    ("my functional medicine doctor", "medication", False),
    ("the Food & Drug Administration rejected it", "medication", False),
    ("the Food & Drug Administration rejected it", "diet", False),
    ("I take K2 and D3 daily", "supplements", True),
    ("natural supliments", "supplements", True),
    ("bone mineral density test", "supplements", False),
    ("sparkling mineral water", "supplements", False),
    ("fish oil capsules", "diet", False),
    ("fish oil capsules", "supplements", True),
    ("sauerkraut and kimchi", "kefir", True),
    ("fermented veggie juice", "kefir", True),
    ("fermented veggie juice", "diet", False),
    ("homemade water kefir", "water", False),
    ("a Brita pitcher", "water", True),
    ("distilled water", "water", True),
    ("Lactobacillus rhamnosus GG", "probiotics", True),
    ("strontium citrate", "strontium", True),
    ("fluoridated tap water", "fluoride", True),
    ("Cipro is a fluoroquinolone", "fluoride", False),
    ("lift weights and walking", "exercise", True),
    ("a vibrating platform", "exercise", True),
    ("even so", "medication", False),
    ("processed food and sugar", "diet", True),
    ("take it before eating", "diet", False),
    # other senses of the words in general text
    ("the dress fits her well", "exercise", False),
    ("fitness classes twice a week", "exercise", True),
    ("it dominated the news cycle", "exercise", False),
    ("I go cycling on Sundays", "exercise", True),
    ("we walked out halfway through", "exercise", False),
    ("put the mugs on the coffee table", "diet", False),
    ("black coffee and toast", "diet", True),
    ("our seed investor pulled out", "diet", False),
    ("pumpkin seeds and oats", "diet", True),
    ("this only muddies the waters", "water", False),
    ("check your spam filter", "water", False),
    ("a carbon water filter", "water", True),
    ("on day 15 of my cycle", "exercise", False),
    ("a rebound headache", "exercise", False),
    ("rebounding on a mini trampoline", "exercise", True),
    ("50 mcg of Synthroid", "supplements", False),
    ("1000 mcg of B12", "supplements", True),
    ("it stings when passing water", "water", False),
], ids=lambda value: str(value) if not isinstance(value, bool) else ("yes" if value else "no"))
def test_default_lexicon(default: TopicMatcher, text: str, topic: str, present: bool) -> None:
    assert (topic in default.match(text)) is present


def test_default_taxonomy_has_the_nine_topics() -> None:
    taxonomy = Taxonomy.default()
    assert taxonomy.names == NINE
    assert all(topic.description and topic.terms for topic in taxonomy.topics)
    assert load_taxonomy() is taxonomy


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "topics.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_user_file_extends_and_adds(tmp_path: Path) -> None:
    path = _write(tmp_path, """
[topics.kefir]
terms = ["tibicos"]
exclude = ["kefir soap"]

[topics.sleep]
description = "Sleep"
terms = ["insomnia", "sleep"]
""")
    taxonomy = load_taxonomy(path)
    kefir = dict(zip(taxonomy.names, taxonomy.topics, strict=True))["kefir"]
    default_kefir = dict(zip(NINE, Taxonomy.default().topics, strict=True))["kefir"]
    assert taxonomy.names == (*NINE, "sleep")
    assert kefir.terms == (*default_kefir.terms, "tibicos")
    assert kefir.exclude[-1] == "kefir soap"
    assert kefir.description == default_kefir.description
    found = TopicMatcher(taxonomy).match("Tibicos and insomnia; kefir soap")
    assert found == {"kefir": ("tibicos",), "sleep": ("insomnia",)}


def test_user_topic_can_replace_one_topic(tmp_path: Path) -> None:
    path = _write(tmp_path, '[topics.water]\nreplace = true\nterms = ["H2O"]\n')
    taxonomy = load_taxonomy(path)
    water = taxonomy.topics[taxonomy.names.index("water")]
    assert water.terms == ("H2O",)
    assert water.exclude == ()
    assert taxonomy.names == NINE


def test_replace_uses_only_the_user_file(tmp_path: Path) -> None:
    path = _write(tmp_path, '[topics.sleep]\nterms = ["sleep"]\n')
    assert load_taxonomy(path, replace=True).names == ("sleep",)
    assert Taxonomy.from_toml(path).names == ("sleep",)


def test_extension_may_add_only_excludes(tmp_path: Path) -> None:
    path = _write(tmp_path, '[topics.water]\nexclude = ["rose water"]\n')
    matcher = TopicMatcher(load_taxonomy(path))
    assert matcher.match("rose water") == {}
    assert matcher.match("tap water") == {"water": ("tap water",)}


@pytest.mark.parametrize(("body", "problem"), [
    ("[topics.kefir\nterms = []", "not valid TOML"),
    ('title = "x"', "expected only [topics.NAME]"),
    ("topics = 3", "expected only [topics.NAME]"),
    ('topics = { sleep = "x" }', "must be a table"),
    ('[topics.sleep]\nterms = "sleep"', "'terms' must be a list of strings"),
    ("[topics.sleep]\nterms = [1, 2]", "'terms' must be a list of strings"),
    ('[topics.sleep]\nterms = ["ok"]\nexclude = "no"', "'exclude' must be a list of strings"),
    ('[topics.sleep]\nterm = ["sleep"]', "unknown key(s) ['term']"),
    ('[topics.sleep]\ndescription = 3\nterms = ["a"]', "'description' must be a str"),
    ('[topics.sleep]\nreplace = "yes"\nterms = ["a"]', "'replace' must be a bool"),
    ('[topics.sleep]\nterms = ["!!!"]', "has no words"),
    ('[topics.sleep]\ndescription = "Sleep"', "has no terms"),
    ('[topics.water]\nreplace = true\nexclude = ["x"]', "has no terms"),
], ids=[
    "bad-toml", "stray-key", "topics-not-table", "topic-not-table", "terms-not-list",
    "terms-not-strings", "exclude-not-list", "unknown-key", "description-type", "replace-type",
    "term-without-words", "new-topic-without-terms", "replaced-topic-without-terms",
])
def test_malformed_files_raise_config_error(tmp_path: Path, body: str, problem: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(ConfigError) as error:
        load_taxonomy(path)
    assert str(path) in str(error.value)
    assert problem in str(error.value)


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_taxonomy(tmp_path / "nope.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ConfigError, match="not UTF-8"):
        Taxonomy.from_toml(binary)


# Real health language (issue 9): drug names beyond a hand list, and the false hits it found.
@pytest.mark.parametrize(("text", "expected"), [
    ("My cardiologist put me on landiolol and imidapril last spring.",  # names the list lacks: endings
     {"medication": ("imidapril", "landiolol")}),
    ("Cerivastatin gave me leg cramps within a week.", {"medication": ("cerivastatin",)}),
    ("Switched from Zoloft to Wellbutrin and feel clearer.", {"medication": ("Wellbutrin", "Zoloft")}),
    ("The Humira shots cleared my skin.", {"medication": ("Humira",)}),
    ("I swallow the tablet with a big glass of water.", {"medication": ("tablet",), "water": ("water",)}),
    ("Forgot a dose twice this week.", {"medication": ("dose",)}),
    ("Honestly no side effects so far.", {"medication": ("side effect",)}),
    ("I take the pill at the same time every night.", {"medication": ("pill",)}),
    ("My vitamin D pill is tiny.", {"supplements": ("pill", "vitamin D")}),
    ("Our daughter swims and plays water polo.", {"exercise": ("swimming",)}),
    ("A warm salt water gargle soothes the throat.", {}),
    ("With three kids I barely keep my head above water.", {}),
    ("Her cholesterol was high, so she cut out cheese.", {"diet": ("cheese",)}),
    ("Take it with food in the morning.", {}),
    ("After the surgery I was unable to walk for a month.", {}),
    ("We walk five miles every morning.", {"exercise": ("walking",)}),
    ("After the zelbrovir the cold sores healed; pour servir le gâteau, attendre.", {"medication": ("zelbrovir",)}),
], ids=[
    "generic-endings", "statin-ending", "brand-names", "brand-name-plural", "tablet-is-medication",
    "dose", "side-effects", "pill-alone-is-medication", "pill-beside-vitamin-is-supplements",
    "water-polo-not-water", "salt-water-not-water", "idiom-not-water", "cholesterol-not-a-drug",
    "with-food-is-timing", "mobility-not-exercise", "walking-is-exercise", "short-ending-needs-five-letters",
])
def test_health_language(default: TopicMatcher, text: str, expected: dict[str, tuple[str, ...]]) -> None:
    assert default.match(text) == expected


@pytest.fixture
def senses() -> TopicMatcher:
    return TopicMatcher(Taxonomy((
        Topic("medication", "", ("pill", "drug"), endings=("olol",)),
        Topic("supplements", "", ("magnesium", "pill"), weak=("pill",)),
    )))


@pytest.mark.parametrize(("text", "expected"), [
    ("one pill", {"medication": ("pill",)}),
    ("one magnesium pill", {"supplements": ("magnesium", "pill")}),
    ("a magnesium pill and a drug pill", {"medication": ("drug", "pill"), "supplements": ("magnesium", "pill")}),
    ("atenolol daily", {"medication": ("atenolol",)}),
    ("olol and xolol", {}),
    ("Atenolol's effect", {"medication": ("atenolol",)}),
], ids=["plain-term-wins-alone", "weak-term-follows-company", "both-have-company", "ending",
        "ending-needs-three-letters", "ending-case-and-possessive"])
def test_weak_terms_and_endings(senses: TopicMatcher, text: str, expected: dict[str, tuple[str, ...]]) -> None:
    assert senses.match(text) == expected


def test_weak_term_alone_in_its_topic_counts_nowhere() -> None:
    matcher = TopicMatcher(Taxonomy((Topic("supplements", "", ("zinc", "capsule"), weak=("capsule",)),)))
    assert matcher.match("two capsules a day") == {}
    assert matcher.match("two zinc capsules a day") == {"supplements": ("capsule", "zinc")}


def test_term_files_are_read_beside_the_user_file(tmp_path: Path) -> None:
    (tmp_path / "sleep_aids.txt").write_text("# sleep aids\nZolpidem\nmelatonin\n", encoding="utf-8")
    path = _write(tmp_path, '[topics.sleep]\nterms = ["insomnia"]\nterm_files = ["sleep_aids.txt"]\n'
                            'endings = ["-zepam"]\n')
    sleep = Taxonomy.from_toml(path).topics[0]
    assert sleep.terms == ("insomnia", "Zolpidem", "melatonin")
    assert sleep.endings == ("zepam",)
    assert TopicMatcher(Taxonomy((sleep,))).match("zolpidem, then temazepam") == {"sleep": ("temazepam", "Zolpidem")}


def test_missing_term_file_is_a_config_error(tmp_path: Path) -> None:
    path = _write(tmp_path, '[topics.sleep]\nterms = ["insomnia"]\nterm_files = ["nowhere.txt"]\n')
    with pytest.raises(ConfigError, match=r"nowhere\.txt"):
        Taxonomy.from_toml(path)


def test_packaged_drug_names_are_medication(default: TopicMatcher) -> None:
    medication = Taxonomy.default().topics[NINE.index("medication")]
    assert len(medication.terms) > 400  # the packaged drug_names.txt is read
    assert default.match("lamotrigine") == {"medication": ("Lamotrigine",)}
    assert default.match("Zoloft made me dizzy") == {"medication": ("Zoloft",)}


@pytest.mark.parametrize("text", ["Modus operandi, as usual.", "Wir rufen morgen an.", "Too much alcohol and iron."],
                         ids=["latin phrase", "german verb", "common nouns"])
def test_drug_name_list_leaves_common_words_alone(default: TopicMatcher, text: str) -> None:
    # the list's source names nimodipine "Modus" and ibuprofen "Rufen"; common words are left out
    assert "medication" not in default.match(text)


# Packaged drug names as readers write them (the name table is the lexicon's largest)
DRUG_NAMES_WRITTEN = [
    ("I was on Abilify for a year", ("Abilify",)),
    ("ABILIFY and ZYRTEC", ("Abilify", "Zyrtec")),
    ("two Advils and my lipitor's price", ("Advil", "Lipitor")),
    ("aspirin and codeine for the pain", ("Aspirin and codeine",)),  # multi-word, outermost
    ("Aspirin today, codeine later", ("aspirin", "Codeine")),  # two terms, not the phrase
    ("ab vancomycin or Ab-vancomycin", ("Ab-vancomycin",)),  # hyphen and space alike
    ("abvancomycin", ("Ab-vancomycin",)),  # a multi-word name glued
    ("lipi tor", ("Lipitor",)),  # a one-word name split
    ("Abx-egf monoclonal antibody trial", ("Abx egf monoclonal antibody",)),  # equal: the first listed
    ("the Advillage and Lipitorx, preprolia", None),  # names inside longer words
    ("prolia the tor, lipi the tor", ("Prolia",)),  # never glued across a function word
]


@pytest.mark.parametrize(("text", "expected"), DRUG_NAMES_WRITTEN, ids=[text for text, _ in DRUG_NAMES_WRITTEN])
def test_drug_names_as_written(default: TopicMatcher, text: str, expected: tuple[str, ...] | None) -> None:
    assert default.match(text).get("medication") == expected
    words = token_words(text)
    assert default._lexicon.found(words)[2] == _found_table_by_table(default._lexicon, words)


# The matcher reads a comment once (`read`) and finds each sentence's terms in that reading
# (`match_sentences(..., within=read)`); both must give what reading every text afresh gives.
TERM_WORDS = ["water", "kefir", "coconut", "filters", "vitamin", "K2", "True", "Life", "PB", "MK", "7", "magnesium",
              "pill", "drug", "Medical", "medication", "atenolol", "Atenolol's", "İstanbul", "Kefir’s", "ΣΑΣ", "the",
              "quality", "of"]
MARKS = [".", "?", "!", ",", "-", "\n", "1.", "e.g.", "..."]
WORDS_AND_MARKS = st.lists(st.one_of(st.sampled_from(TERM_WORDS), st.sampled_from(MARKS)), max_size=24).map(" ".join)
# a term, veto or weak term's company on both sides of a sentence break
ACROSS = ["Coconut. Water kefir!", "water. Kefir", "Vitamin. K2 daily", "True. Life PB", "a magnesium. Pill",
          "one pill? A magnesium pill", "MK. 7", "Medical\nmedication", "1. kefir\n2. water kefir", "atenolol. Olol"]


@cache
def _both() -> TopicMatcher:
    """The `small` taxonomy and the `senses` one together: vetoes, names, glued forms, weak
    terms and endings in one matcher."""
    return TopicMatcher(Taxonomy((
        Topic("water", "", ("water", "filter", "reverse osmosis", "Brita"), ("water kefir", "coconut water")),
        Topic("kefir", "", ("kefir", "water kefir", "fermented food")),
        Topic("fluoride", "", ("fluoride",)),
        Topic("strontium", "", ("strontium", "quality of life")),
        Topic("probiotics", "", ("prebiotics", "probiotic", "TrueLife PB")),
        Topic("supplements", "", ("K2", "vitamin K2", "MK-7", "TrueLife PB", "magnesium", "pill"), weak=("pill",)),
        Topic("medication", "", ("medication", "Evenity", "pill", "drug"), ("medical",), endings=("olol",)),
    )))


def _tokenize_one_by_one(text: str) -> list[Token]:
    """`tokenize` as it was first written: one regular-expression match at a time."""
    return [Token(word := m.group().lower().replace("’", "'"), stem(word), m.start(), m.end())
            for m in WORD_PART_RE.finditer(text)]


@pytest.mark.parametrize("text", ACROSS, ids=ACROSS)
def test_terms_across_a_sentence_break(text: str) -> None:
    _assert_reading_once_agrees(text)


@settings(max_examples=400, deadline=None)
@given(WORDS_AND_MARKS)
def test_reading_once_matches_reading_each_sentence(text: str) -> None:
    _assert_reading_once_agrees(text)


def _assert_reading_once_agrees(text: str) -> None:
    matcher = _both()
    read = matcher.read(text)
    sentences = split_sentences(text)
    assert matcher.match_sentences(sentences, read) == [matcher.match(s) for s in sentences]
    assert read.topics == matcher.match(text)
    assert read.tokens == _tokenize_one_by_one(text)
    assert read.words == [token.text for token in read.tokens]
    assert [text[start:end] for start, end in read.spans] == read.pieces[1::2]


@settings(max_examples=200, deadline=None)
@given(WORDS_AND_MARKS, st.lists(WORDS_AND_MARKS, max_size=4))
def test_sentences_from_elsewhere_are_read_afresh(text: str, others: list[str]) -> None:
    matcher = _both()
    read = matcher.read(text)
    parts = [*split_sentences(text)[::-1], *others]  # out of order, and not all from the text
    assert matcher.match_sentences(parts, read) == [matcher.match(part) for part in parts]
    assert [matcher.match(part, read) for part in parts] == [matcher.match(part) for part in parts]


# `match_sentences` finds a sentence of the read text by its characters; pieces that cut a word,
# repeat, or come out of order must still match as read afresh
CUT_PIECES = [("water kefir", ["water ke", "fir"]), ("Kefir. Kefir.", ["Kefir.", "Kefir."]),
              ("water kefir", ["kefir", "water"]), ("water", ["coconut water"]), ("True Life PB", ["True Li", "fe PB"]),
              ("Kefir’s water", ["Kefir’", "s water"]), ("İstanbul water kefir", ["İstanbul water", "kefir"])]


@pytest.mark.parametrize(("text", "pieces"), CUT_PIECES, ids=[" | ".join(p) for _, p in CUT_PIECES])
def test_pieces_that_cut_words_or_repeat_are_matched_as_read_afresh(text: str, pieces: list[str]) -> None:
    matcher = _both()
    assert matcher.match_sentences(pieces, matcher.read(text)) == [matcher.match(piece) for piece in pieces]


@settings(max_examples=300, deadline=None)
@given(WORDS_AND_MARKS, st.lists(st.integers(min_value=0, max_value=200), max_size=5))
def test_any_cut_of_the_text_is_matched_as_read_afresh(text: str, cuts: list[int]) -> None:
    matcher = _both()
    bounds = [0, *sorted(cut % (len(text) + 1) for cut in cuts), len(text)]
    pieces = [text[start:end] for start, end in itertools.pairwise(bounds)]
    assert matcher.match_sentences(pieces, matcher.read(text)) == [matcher.match(piece) for piece in pieces]


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=40) | st.lists(st.sampled_from(
    ["İ", "Σ", "ΟΔΟΣ", "·", "Α", "’", "'", "-", " ", "ǅ", "ẞ", "ﬁ", "K", "é", "x"]), max_size=12).map("".join))
def test_lowers_alike_tells_when_both_splits_agree(text: str) -> None:
    if _lowers_alike(text):
        assert token_words(text) == text_words(text)


@pytest.mark.parametrize("text", ["İstanbul", "ΟΔΟΣ·Α"], ids=["dotted-capital-i", "sigma-before-middle-dot"])
def test_lowers_alike_is_false_where_the_splits_differ(text: str) -> None:
    assert token_words(text) != text_words(text)
    assert not _lowers_alike(text)


def _found_table_by_table(lexicon: Lexicon, words: list[str]) -> set[Found]:
    """Every term occurrence as the tables were first walked: each table over every word, every
    run of words looked up (glued forms: while the glued letters begin a form)."""
    stems, plains = [stem(w) for w in words], [plain(w) for w in words]
    found: set[Found] = set()
    for table, keys in ((lexicon.words, stems), (lexicon.names, plains)):
        for i, j in itertools.combinations(range(len(keys) + 1), 2):
            found.update((i, j, value) for value in table.get(tuple(keys[i:j])))
    stop = stopwords()
    for glued_table, keys in ((lexicon.glued_words, stems), (lexicon.glued_names, plains)):
        begins = glued_table.forms.begins
        for i, word in enumerate(words):
            if not begins(word) or word in stop:
                continue
            found.update((i, i + 1, value) for value in glued_table.alone(word, keys[i]))
            glued, j = word, i + 1
            while begins(glued) and j < min(len(words), i + 4) and words[j] not in stop:
                glued, j = glued + words[j], j + 1
                if begins(glued[: max(len(glued) - 3, len(word) + 1)]):
                    found.update((i, j, value) for value in glued_table.get(glued_table._normal(glued)))
    for i, word in enumerate(plains):
        found.update((i, i + 1, entry) for entry in lexicon._by_ending(word))
    return found


@settings(max_examples=300, deadline=None)
@given(WORDS_AND_MARKS)
def test_found_word_by_word_is_found_table_by_table(text: str) -> None:
    lexicon = _both()._lexicon
    words = token_words(text)
    assert lexicon.found(words)[2] == _found_table_by_table(lexicon, words)


FOUND = ["quality of life", "water kefir", "True Life PB", "MK 7", "vitamin K2", "Atenolol's"]


@pytest.mark.parametrize("text", FOUND, ids=FOUND)
def test_found_word_by_word_for_each_kind_of_term(text: str) -> None:
    lexicon = _both()._lexicon
    words = token_words(text)
    assert lexicon.found(words)[2] == _found_table_by_table(lexicon, words) != set()


def test_found_word_by_word_in_the_packaged_lexicon(default: TopicMatcher) -> None:
    lexicon = default._lexicon
    words = token_words("My vitamin D pill, MK 7 and fish oil; pre-biotics, metoprolol and prolia")
    assert lexicon.found(words)[2] == _found_table_by_table(lexicon, words)
    assert len(_found_table_by_table(lexicon, words)) >= 5
