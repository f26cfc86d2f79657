"""Article passages and how well they cover a reader's question."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis.coverage import (
    MIN_COMPOUND_PART,
    NO_COVERAGE,
    ArticleCoverage,
    Coverage,
    Passage,
    article_passages,
    coverage_text,
    sentence_windows,
)
from commentscope.analysis.function_words import content_stems
from commentscope.analysis.similarity import Bm25Index, TfidfSpace, content_terms
from commentscope.model import Document, LabelledLine, LineRole

ARTICLE = [
    "Bone health and the gut microbiome",
    "Osteoporosis affects millions of adults and bone fractures of the hip are common in old age.",
    "Probiotics taken daily with meals reduce gut permeability and protect against bone loss.",
    "Fluoride in drinking water has been linked to brittle bones in several animal studies.",
    "Till next time,",
]


def make_doc(paragraphs: list[str]) -> Document:
    lines = tuple(
        LabelledLine(number, text, LineRole.ARTICLE) for number, text in enumerate(paragraphs, 1)
    )
    return Document(doc_id="d", source="<test>", title="t", lines=lines)


@pytest.fixture
def coverage() -> ArticleCoverage:
    return ArticleCoverage(article_passages(make_doc(ARTICLE)))


def test_short_lines_join_the_paragraph_after_them_or_the_last_one() -> None:
    passages = article_passages(make_doc(ARTICLE))
    assert [p.line for p in passages] == [1, 3, 4]
    assert passages[0].text.startswith("Bone health and the gut microbiome Osteoporosis")
    assert passages[-1].text.endswith("studies. Till next time,")


def test_a_long_one_line_article_becomes_overlapping_sentence_windows() -> None:
    sentence = "Gut bacteria shape bone loss in women after menopause through immune cells."
    line = " ".join(f"{sentence[:-1]} number {i}." for i in range(20))
    passages = article_passages(make_doc([line]), window=2, max_words=160)
    assert len(passages) == 19
    assert all(p.line == 1 for p in passages)
    assert passages[0].text.endswith("number 1.") and passages[1].text.startswith(
        "Gut bacteria shape bone loss in women after menopause through immune cells number 1."
    )


@pytest.mark.parametrize(
    ("text", "window", "expected"),
    [
        ("One here. Two here. Three here.", 2, ["One here. Two here.", "Two here. Three here."]),
        ("Only one sentence.", 2, ["Only one sentence."]),
        ("", 2, []),
    ],
    ids=["sliding", "shorter-than-window", "empty"],
)
def test_sentence_windows(text: str, window: int, expected: list[str]) -> None:
    assert sentence_windows(text, window) == expected


def test_a_question_answered_in_the_article_beats_an_unrelated_one(
    coverage: ArticleCoverage,
) -> None:
    answered = coverage.best("Should probiotics be taken daily with meals?")
    unrelated = coverage.best("Which smartphone has the best camera for holiday photos?")
    assert answered.score > 0.6 > 0.2 > unrelated.score
    assert answered.line == 3 and "Probiotics taken daily" in answered.passage


def test_the_word_a_question_hinges_on_counts_more_than_page_common_words() -> None:
    cover = ArticleCoverage(
        article_passages(make_doc(ARTICLE)),
        background=["My bones ache.", "Bone density matters.", "Bones and more bones."],
    )
    marrow = cover.best("Is bone marrow good for bones?")
    assert 0.0 < marrow.score < 0.5


@pytest.mark.parametrize(
    "question",
    ["Do you think so?", "", "Where did it go?"],
    ids=["no-content-words", "empty", "one-matching-word"],
)
def test_questions_with_little_content_are_not_covered(
    coverage: ArticleCoverage, question: str
) -> None:
    assert coverage.best(question).score < 0.35


def test_an_article_without_passages_covers_nothing() -> None:
    result = ArticleCoverage([]).best("Do probiotics help?")
    assert (result.score, result.passage, result.line) == (0.0, "", None)


def test_scores_stay_in_the_unit_interval(coverage: ArticleCoverage) -> None:
    for question in ["Probiotics gut permeability bone loss?", "fluoride water brittle bones?"]:
        assert 0.0 <= coverage.best(question).score <= 1.0


def test_ties_go_to_the_first_passage() -> None:
    passages = [Passage("kefir is good", 1), Passage("kefir is good", 7)]
    assert ArticleCoverage(passages).best("kefir?").line == 1


GERMAN_RECIPE = [
    "Muffin Grundrezept",
    "Die Muffins im vorgeheizten Backofen bei 180 Grad zwischen 15 und 30 Minuten backen.",
    "Danach die Muffins abkühlen lassen und mit Puderzucker bestäuben.",
]


@pytest.mark.parametrize(
    ("question", "covered"),
    [("Auf wie viel Grad den Ofen denn?", True), ("Wie viel Kaba soll ich für Schokomuffins nehmen?", False)],
    ids=["compound-holds-the-word-and-function-words-ignored", "not-in-the-article"],
)
def test_german_question_coverage(question: str, covered: bool) -> None:
    """German function words ("wie", "den", "denn") do not dilute the share, and a compound of
    the article ("Backofen") holds the question's word ("Ofen")."""
    score = ArticleCoverage(article_passages(make_doc(GERMAN_RECIPE))).best(question).score
    assert (score >= 0.5) is covered


CONTEXT_CASES = {
    "stands-alone": ("I bake weekly. How long does rye dough rest?", "How long does rye dough rest?", True,
                     "How long does rye dough rest?"),
    "pointing-question-takes-the-statement-before": (
        "My code printed the error. The name e is only visible inside the except block. How to explain this?",
        "How to explain this?", False,
        "The name e is only visible inside the except block. How to explain this?"),
    "quoted-article-words-left-out": (
        'I was surprised by "like a Tobin tax". Is it not one? Which would be the difference?',
        "Which would be the difference?", False, "I was surprised by . Which would be the difference?"),
    "nothing-before": ("Where did it go?", "Where did it go?", False, "Where did it go?"),
}


@pytest.mark.parametrize(("comment", "question", "alone", "expected"), CONTEXT_CASES.values(),
                         ids=CONTEXT_CASES.keys())
def test_coverage_text(comment: str, question: str, alone: bool, expected: str) -> None:
    assert " ".join(coverage_text(comment, question, alone).split()) == " ".join(expected.split())


def test_pointing_question_is_covered_through_its_statement() -> None:
    """"How to explain this phenomenon?" alone shares nothing with the article; with the
    statement it points to, the article's passage on except scope covers it."""
    coverage = ArticleCoverage([Passage("In Python 3 the name bound by except ... as e is only accessible "
                                        "inside the except block scope and deleted after it.", 3),
                                Passage("Default arguments are evaluated once, when the function is defined.", 5)])
    comment = ("However, as the article says, the name e is only accessible inside that except scope. "
               "How to explain this phenomenon?")
    question = "How to explain this phenomenon?"
    assert coverage.best(question).score == 0.0
    assert coverage.best(coverage_text(comment, question, stands_alone=False)).score >= 0.35


def _best_by_scanning(cover: ArticleCoverage, question: str) -> Coverage:
    """The passage search `ArticleCoverage.best` implements, written as the scan of every
    passage and every passage word (compounds included) that it replaced."""
    terms = sorted(set(content_stems(question)))
    if not terms or not cover.passages:
        return NO_COVERAGE
    space = TfidfSpace([p.text for p in cover.passages] + list(cover.background))
    passage_terms = [frozenset(content_terms(p.text)) for p in cover.passages]
    weights = {t: space.idf(t) for t in terms}
    total = sum(weights.values()) + max(0, cover.min_terms - len(terms)) * space.unseen_idf

    def holds(index: int, term: str) -> bool:
        return term in passage_terms[index] or (len(term) >= MIN_COMPOUND_PART and any(
            p.endswith(term) and len(p) >= len(term) + MIN_COMPOUND_PART for p in passage_terms[index]))

    def share(index: int) -> float:
        return sum(w for t, w in weights.items() if holds(index, t)) / total

    bm25 = Bm25Index([p.text for p in cover.passages]).scores(question)
    top = sorted(range(len(cover.passages)), key=lambda i: (-share(i), -bm25[i], i))[0]
    if share(top) == 0.0:
        return NO_COVERAGE
    return Coverage(share(top), cover.passages[top].text, cover.passages[top].line)


_VOCABULARY = ("ofen backofen backofenblech blech kefir milk milkshake bone bones marrow water "
               "the is a of how long warm warmer stone oven ovens").split()
_sentence = st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=8).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(passages=st.lists(_sentence, min_size=1, max_size=5), background=st.lists(_sentence, max_size=3),
       question=_sentence)
def test_best_finds_the_passage_a_scan_of_every_passage_finds(passages: list[str], background: list[str],
                                                              question: str) -> None:
    """The term -> passages index (and BM25 read only to break ties) ranks as the full scan does,
    to the last bit of the score."""
    cover = ArticleCoverage([Passage(text, k + 1) for k, text in enumerate(passages)], background=background)
    assert cover.best(question) == _best_by_scanning(cover, question)
