"""Comment relevance to its page, off-topic flags and promotional flags."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis import relevance
from commentscope.analysis.coverage import article_passages
from commentscope.analysis.relevance import (
    PromoRules,
    default_promo_rules,
    off_topic_flags,
    promotional_flags,
    relevance_scores,
)
from commentscope.analysis.similarity import cosine, term_vector
from commentscope.errors import ConfigError
from commentscope.model import Comment, Document, LabelledLine, LineRole
from commentscope.parse import parse_page
from commentscope.text import words
from gold import SEEDS, gold_comments

ARTICLE = [
    "Probiotics and bone loss: a new study links the gut microbiome to osteoporosis.",
    "Researchers gave probiotics to mice and found that bone density stayed stable after "
    "menopause, because the gut barrier held and inflammation stayed low.",
    "Antibiotics upset the gut microbiome for a year, so probiotic supplements after a course "
    "of antibiotics may protect bone health.",
]

# (comment_id, parent_id, author, text)
THREAD = [
    ("c1", None, "Ann", "I take probiotics every day since menopause and my bone density scan "
     "improved. Does the gut microbiome really matter this much for osteoporosis?"),
    ("c2", None, "Bob", "My car broke down on the highway yesterday and the mechanic says the "
     "transmission needs replacing. Anyone know a good garage in Ohio?"),
    ("c3", "c1", "Cy", "Thanks Ann, great!"),
    ("c4", None, "Dee", "Which yogurt brands carry live cultures? My grocery store sells "
     "several kinds of kefir and plain yogurt."),
    ("c5", "c4", "Eve", "Plain kefir from the grocery store usually lists its live cultures "
     "on the label, and most plain yogurt brands do too."),
]


def make_doc(thread: list[tuple[str, str | None, str, str]] = THREAD) -> Document:
    lines = tuple(LabelledLine(n, text, LineRole.ARTICLE) for n, text in enumerate(ARTICLE, 1))
    depth: dict[str | None, int] = {None: -1}
    comments = []
    for position, (cid, parent, author, text) in enumerate(thread):
        depth[cid] = depth[parent] + 1
        line = 10 + position
        comments.append(Comment(cid, parent, depth[cid], position, author, text, line, line))
    return Document("d", "<test>", "Probiotics", lines, tuple(comments))


@pytest.fixture
def doc() -> Document:
    return make_doc()


def test_an_on_topic_comment_scores_above_an_unrelated_one(doc: Document) -> None:
    scores = relevance_scores(doc)
    assert set(scores) == {"c1", "c2", "c3", "c4", "c5"}
    assert all(0.0 <= s <= 1.0 for s in scores.values())
    assert scores["c1"] > 0.3 > 0.12 > scores["c2"]


def test_off_topic_flags_the_unrelated_comment_only(doc: Document) -> None:
    flags = off_topic_flags(doc, relevance_scores(doc))
    assert flags == {"c1": False, "c2": True, "c3": False, "c4": False, "c5": False}


def test_a_reply_on_its_parents_subject_is_relevant(doc: Document) -> None:
    # kefir and yogurt brands are not in the article, but the reply answers its parent
    scores = relevance_scores(doc)
    assert scores["c5"] > 0.3


def test_a_thread_subject_makes_a_comment_relevant_without_the_article() -> None:
    alone = make_doc([THREAD[3]])
    with_thread = make_doc(THREAD)
    assert relevance_scores(alone)["c4"] < relevance_scores(with_thread)["c4"]


def test_the_same_author_does_not_make_their_comment_relevant() -> None:
    echo = ("c6", None, "Bob", THREAD[1][3].replace("yesterday", "today"))
    scores = relevance_scores(make_doc([*THREAD, echo]))
    assert scores["c2"] < 0.12


def pairwise_relevance(doc: Document) -> dict[str, float]:
    """The module docstring's definition, one cosine at a time: the reference for the matrices."""
    vectors = {c.comment_id: term_vector(c.text) for c in doc.comments}
    article = [term_vector(doc.article), *(term_vector(p.text) for p in article_passages(doc))]
    scores = {}
    for c in doc.comments:
        links = [cosine(vectors[c.comment_id], a) for a in article]
        if c.parent_id is not None:
            links.append(cosine(vectors[c.comment_id], vectors[c.parent_id]))
        links += [cosine(vectors[c.comment_id], vectors[o.comment_id]) for o in doc.comments
                  if o.comment_id != c.comment_id and (o.author is None or o.author != c.author)]
        scores[c.comment_id] = max(links, default=0.0)
    return scores


REPLIES = [  # anonymous authors, a repeated author, a reply to an anonymous comment, an empty text
    ("c6", "c2", None, "A good garage in Ohio fixed my transmission; the mechanic was honest."),
    ("c7", None, None, "Kefir and yogurt cultures for the gut microbiome after antibiotics."),
    ("c8", "c7", "Ann", "Probiotics after antibiotics helped my gut, and my bone density too."),
    ("c9", None, "Ann", "1 2 3"),
    ("c10", "c9", None, "Live cultures in kefir: read the label at the grocery store."),
]


@pytest.mark.parametrize("block_cells", [1 << 22, 3 * 10 + 1, 1], ids=["one-block", "ragged-blocks", "row-by-row"])
def test_relevance_equals_the_pairwise_cosines(monkeypatch: pytest.MonkeyPatch, block_cells: int) -> None:
    monkeypatch.setattr(relevance, "_BLOCK_CELLS", block_cells)
    doc = make_doc([*THREAD, *REPLIES])
    scores, expected = relevance_scores(doc), pairwise_relevance(doc)
    assert list(scores) == list(expected)
    assert [scores[k] for k in expected] == pytest.approx(list(expected.values()), abs=1e-12)


def test_a_page_without_comments_has_no_scores() -> None:
    assert relevance_scores(make_doc([])) == {}


@pytest.mark.parametrize(
    ("threshold", "min_terms", "flagged"),
    [(0.12, 5, {"c2"}), (0.12, 50, set()), (0.0, 1, set()), (1.01, 1, {"c1", "c2", "c3", "c4",
                                                                         "c5"})],
    ids=["defaults", "too-few-words-to-judge", "zero-threshold", "everything-below"],
)
def test_off_topic_options(doc: Document, threshold: float, min_terms: int, flagged: set[str]) -> None:
    flags = off_topic_flags(doc, relevance_scores(doc), threshold=threshold, min_terms=min_terms)
    assert {cid for cid, flag in flags.items() if flag} == flagged


SPAM = "Buy cheap probiotics at www.pillshop.com! Use coupon code SAVE20 for 20% off. Click here."
PROMO_CASES = [
    (SPAM, True),
    ("Great article! Visit my blog www.guthealth.example.com for recipes.", True),
    ("DM me for wholesale prices, call 555-123-4567 or write to sales@pills.com", True),
    ("Here is the study I mentioned: https://pubmed.ncbi.nlm.nih.gov/12345/ worth a read.", False),
    ("I buy distilled water for my kefir. " + "My doctor says my bone density improved a lot "
     "since I started walking every morning and eating fermented food. " * 4
     + "You can also buy a distiller online.", False),
    ("Thanks, great info!", False),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    PROMO_CASES,
    ids=["coupon-spam", "visit-my-blog", "contact-details", "one-link", "long-comment-buying",
         "thanks"],
)
def test_promotional_flags(text: str, expected: bool) -> None:
    doc = make_doc([("c1", None, "Ann", text)])
    assert promotional_flags(doc) == {"c1": expected}


def test_promo_score_is_capped_per_pattern() -> None:
    rules = default_promo_rules()
    three = " ".join(["https://x.example.org/a"] * 3)
    ten = " ".join(["https://x.example.org/a"] * 10)
    assert rules.score(three) > 0
    assert rules.score(ten) < rules.score(three)  # same capped evidence, longer text


@pytest.mark.parametrize(
    "text",
    ["threshold = [", "[[pattern]]\nname = 'x'\nregex = '('\nweight = 1", "[[pattern]]\nname='x'"],
    ids=["bad-toml", "bad-regex", "missing-keys"],
)
def test_a_malformed_promo_table_is_a_config_error(text: str) -> None:
    with pytest.raises(ConfigError, match=r"user\.toml: .*promo_patterns\.toml"):
        PromoRules.from_toml(text, "user.toml")


def test_custom_rules_replace_the_packaged_ones() -> None:
    rules = PromoRules.from_toml("threshold = 0.5\n[[pattern]]\nname='k'\nregex='kefir'\nweight=1")
    doc = make_doc([("c1", None, "Ann", "kefir kefir")])
    assert promotional_flags(doc, rules) == {"c1": True}
    assert promotional_flags(doc) == {"c1": False}


@pytest.mark.parametrize(
    "name", ["000_6e294251f2c80030.txt", "001_5d2252086a8858ee.txt"], ids=["seed-000", "seed-001"]
)
def test_seed_off_topic_flags_match_gold(name: str) -> None:
    doc = parse_page(SEEDS / name)
    flags = off_topic_flags(doc, relevance_scores(doc))
    gold = [c for c in gold_comments() if c["doc"] == name]
    expected = ["off_topic" in c["topics"] for c in gold]
    assert [flags[c.comment_id] for c in doc.comments] == expected
    assert not any(promotional_flags(doc).values())


_PROMO_WORDS = ("Visit my BLOG at www.shop.example.com click HERE buy now 50% off free shipping "
                "contact me on WhatsApp +1 555 123 4567 mail@example.org promo code SAVE cheap ſhop").split()


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(_PROMO_WORDS), max_size=12).map(" ".join))
def test_promo_score_skipping_patterns_without_their_words_equals_every_pattern_run(text: str) -> None:
    """`PromoRules.score` counts 0 matches for a pattern whose literal needs are not in the text
    without running it: the same score, to the last bit, as running every pattern."""
    rules = default_promo_rules()
    evidence = sum(p.weight * min(len(p.regex.findall(text)), rules.max_count) for p in rules.patterns)
    expected = evidence / (1.0 + len(words(text)) / rules.words_per_unit)
    assert rules.score(text) == expected


PROMO_NEEDS = [p for p in relevance.default_promo_rules().patterns if p.needs is not None]
PROMO_SAMPLES = ["call 555-123-4567", "(555) 123 4567", "+1 555.123.4567", "get 20% off", "20 % off today",
                 "see www.shop.example", "http://x.io/a", "my-site.com/page", "ACME.CO rocks", "a.co.uk", "50%off"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PROMO_SAMPLES),
                          st.text(alphabet="0123456789 ().+-%/:wWhHtTpPsS.cCoOmMnNeE", max_size=20)),
                max_size=4).map(" ".join))
def test_promo_needs_never_skip_a_match(text: str) -> None:
    assert {p.name for p in PROMO_NEEDS} >= {"link", "phone_number", "percent_off"}
    for pattern in PROMO_NEEDS:
        if pattern.regex.search(text):
            assert pattern.needs is not None and pattern.needs.search(text)
