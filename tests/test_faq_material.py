"""Which reader questions are FAQ material (issue 13): rhetorical questions, polls of other
readers, pointers and permission requests are not, and never become FAQ gaps."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis import faq_material
from commentscope.analysis.faq import faq_gaps, group_questions
from commentscope.analysis.faq_material import has_open_faq_question, is_faq_material
from commentscope.analysis.question_similarity import LexicalSimilarity

MATERIAL = {
    "recipe-amount": ("How many grams of berries should I add?", True),
    "oven-temperature-de": ("Wie lange müssen Minimuffins backen und bei wieviel Grad?", True),
    "negative-but-genuine": ("Is it not a Tobin tax, and what would the difference be?", True),
    "why-my-own-trouble": ("Why doesn't my starter rise in a cold kitchen?", True),
    "are-you-insane": ("Are u insane?", False),
    "did-anyone-really-think": ("Did anyone really think the Chargers would win?", False),
    "any-surprise": ("Is that any f-ing surprise?", False),
    "do-they-even": ("I mean, do they even watch Rivers during the game?", False),
    "maybe": ("Maybe Mexico City is an option?", False),
    "why-did-you-not": ("Why did you not have a plan to bench Rivers, just in case?", False),
    "german-tag-question": ("Ausreichend Zeit für die Artikel steht nicht hoch im Kurs, oder ?", False),
    "german-schon-klar": ("Dir ist schon klar, dass das ein anderes Deutschland ist?", False),
    "german-seit-wann": ("Seit wann braucht man für geistiges Eigentum ein Patent?", False),
    "fragment": ("Sicher?", False),
    "handle-to-one-reader": ("@Eras: braucht man dafür ein Patent?", False),
    "poll-of-readers-de": ("Wie sieht es mit Dreck bei Euren Freigängern aus?", False),
    "poll-of-readers-en": ("Has anyone else tried it with almond milk?", False),
    "poll-of-opinions": ("What does everyone think of the new forum software?", False),
    "opinion-of-the-author": ("What do you think about kefir for bone loss?", True),
    "pointer": ("Have you read the NIH fact sheet on vitamin K2?", False),
    "permission-de": ("Darf ich den Text auf meine Homepage stellen?", False),
    "personal-to-the-author": ("Mike, what ever happened to the book you were writing?", False),
    "german-modal-ja": ("Dann ist es ja wirklich komisch?", False),
    "venting": ("Wo zur Hölle bleibt die Übertragung?", False),
    "complaint-passive-de": ("Warum werden die Übertragungszeiten nicht aktualisiert?", False),
    "complaint-passive-en": ("Why aren't the broadcast times updated?", False),
    "challenge-to-back-a-claim": ('Do you have data/reasoning for this claim "the US can fund itself"?', False),
    "why-not-adjective-de": ("Warum wird der Teig nicht fest?", True),
    "permission-ob-ich-de": ("Ich wollte dich bitten, ob ich diesen Text und die Bilder kopieren und auf "
                             "meine Seite stellen kann.", False),
    "accusation-of-copying": ("Was #6 stolen from the Python guide?", False),
    "copying-rules-asked-genuinely": ("Heißt das, dass ich die Karte nicht mal privat kopieren darf?", True),
    "source-for-the-recipe": ("Do you have a source for the recipe?", True),
    "point-made-de": ("Und was sagt uns das?", False),
    "what-then-with-more-is-genuine-de": ("Was macht man dann mit dem restlichen Teig?", True),
    "nothing-more-to-say-de": ("Tja, was soll man da noch sagen?", False),
    "no-business-there-de": ("Was hat Zucker in einem Brotrezept zu suchen?", False),
    "verb-then-nicht-de": ("Aber hat nicht jeder das Recht auf eine eigene Meinung?", False),
    "nicht-later-is-genuine-de": ("Ist das nicht zu viel Backpulver für 12 Muffins?", True),
    "nicht-mehr-is-genuine-de": ("Ist nicht mehr genug Hefe im Teig, wenn ich ihn halbiere?", True),
    "how-do-you-know-that": ("How do you know that the trial was not paid for by the maker?", False),
    "woher-wissen-sie-dass": ("Woher wissen Sie, dass die Zahlen stimmen?", False),
    "how-do-you-know-if": ("How do you know if your bone density is too low?", True),
    "a-statement-with-a-question-mark": (" ".join(["Das Argument, das hier"] + ["immer wieder"] * 30)
                                         + " vorgebracht wird, greift zu kurz?", False),
}


@pytest.mark.parametrize(("question", "material"), MATERIAL.values(), ids=MATERIAL.keys())
def test_faq_material(question: str, material: bool) -> None:
    assert is_faq_material(question) is material


def test_rhetorical_question_is_no_gap() -> None:
    """Unanswered and not covered by the article, a rhetorical question is still no FAQ gap;
    the genuine question beside it is."""
    columns = ["doc_id", "comment_id", "author", "question", "topics", "answered", "answered_by",
               "article_coverage"]
    rows = [
        ("p", "c1", "joe", "Did anyone really think the Chargers would win this season?", "", False, "", 0.05),
        ("p", "c2", "ann", "When does the team announce the new quarterback?", "", False, "", 0.05),
    ]
    frame = pd.DataFrame(rows, columns=columns)
    gaps = faq_gaps(frame, group_questions(frame, similarity=LexicalSimilarity()))
    assert list(gaps["comment_ids"]) == ["c2"]


VOICE_CASES = {
    "genuine-and-unanswered": ([("c1", "How many grams of berries should I add?", False)], True),
    "answered": ([("c1", "How many grams of berries should I add?", True)], False),
    "comment-with-a-rhetorical-question": (
        [("c1", "Lol, are you kidding?", False), ("c1", "Does the copyright cover the game's maps?", False)],
        False),
    "another-comment-keeps-the-group-open": (
        [("c1", "Are u insane?", False), ("c2", "Does the copyright cover the game's maps?", False)], True),
}


@pytest.mark.parametrize(("rows", "open_"), VOICE_CASES.values(), ids=VOICE_CASES.keys())
def test_open_faq_question_in_a_group(rows: list[tuple[str, str, bool]], open_: bool) -> None:
    comment_ids, questions, answered = zip(*rows, strict=True)
    assert has_open_faq_question(comment_ids, questions, answered) is open_


def test_question_resolved_by_its_asker_is_not_open() -> None:
    """"ups, schon gesehen": unanswered, but the asker found it (answered_by "asker"): no gap."""
    question = "Für wie viele Muffins ist das Rezept?"
    assert has_open_faq_question(["c1"], [question], [False], ["asker"]) is False
    assert has_open_faq_question(["c1"], [question], [False], [""]) is True


GAP_COLUMNS = ["doc_id", "comment_id", "author", "question", "topics", "answered", "answered_by", "asked_of",
               "article_coverage"]
GAP_CASES = {
    "asked-of-the-page": (("p", "c1", "ann", "Can a frozen starter be revived after a year?", "", False, "", "",
                           0.05), True),
    "asked-of-staff": (("p", "c1", "ann", "Can a frozen starter be revived after a year?", "", False, "",
                        "staff: Marta Lind", 0.05), True),
    "asked-of-one-reader": (("p", "c1", "ann", "Can a frozen starter be revived after a year?", "", False, "",
                             "reader: Bob Rivers", 0.05), False),
    "staff-asks-the-readers": (("p", "c1", "marta", "Can a frozen starter be revived after a year?", "", False,
                                "", "readers", 0.05), False),
    "covered-by-the-article": (("p", "c1", "ann", "Can a frozen starter be revived after a year?", "", False, "",
                                "", 0.9), False),
}


@pytest.mark.parametrize(("row", "gap"), GAP_CASES.values(), ids=GAP_CASES.keys())
def test_whom_a_question_asks_decides_its_gap(row: tuple[object, ...], gap: bool) -> None:
    frame = pd.DataFrame([row], columns=GAP_COLUMNS)
    assert len(faq_gaps(frame, pd.Series(["g1"], index=frame.index))) == int(gap)


def test_question_covered_alone_leaves_its_group_to_the_others() -> None:
    """A group's mean coverage is low, but its one unanswered question is covered by the article
    on its own (the oven temperature the recipe gives): no gap; with an uncovered member, a gap."""
    covered = ("p", "c1", "lisa", "How hot should the oven be?", "", False, "", "", 0.6)
    answered = ("p", "c2", "ann", "At what temperature and for how long?", "", True, "reader", "", 0.0)
    frame = pd.DataFrame([covered, answered], columns=GAP_COLUMNS)
    assert faq_gaps(frame, pd.Series(["g1", "g1"], index=frame.index)).empty
    uncovered = ("p", "c3", "jo", "How long do mini muffins bake?", "", False, "", "", 0.1)
    frame = pd.DataFrame([covered, answered, uncovered], columns=GAP_COLUMNS)
    assert list(faq_gaps(frame, pd.Series(["g1"] * 3, index=frame.index))["comment_ids"]) == ["c1;c2;c3"]


def test_voice_spans_the_comment_across_groups() -> None:
    """"Why not Python? What alternative would you propose?": the counter-question sets the voice
    of the comment, so its other question opens no gap in a group of its own."""
    rows = [("p", "c1", "adam", "Why not Python?", "", False, "", "", 0.0),
            ("p", "c1", "adam", "What alternative language would you propose?", "", False, "", "", 0.0)]
    frame = pd.DataFrame(rows, columns=GAP_COLUMNS)
    assert faq_gaps(frame, pd.Series(["g1", "g2"], index=frame.index)).empty


_ONE_ALTERNATION = re.compile("|".join(faq_material._POINTER + faq_material._POLL + faq_material._PERMISSION
                                       + faq_material._RHETORICAL + faq_material._COMPLAINT), re.IGNORECASE)


def _material_by_one_alternation(question: str) -> bool:
    """`is_faq_material` as one regex of every pattern, tried at each character."""
    return (len(re.findall(r"\w+", question)) >= faq_material.MIN_WORDS
            and len(question.split()) <= faq_material.MAX_WORDS
            and _ONE_ALTERNATION.search(question) is None)


# words of the patterns, so that generated questions match some of them
_PATTERN_WORDS = sorted({w for w in re.findall(r"[^\W\d_]{2,}", _ONE_ALTERNATION.pattern)} | {"?", "@", ",", "’t"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PATTERN_WORDS) | st.text(max_size=6), max_size=12),
       st.sampled_from(["", "?", " ?", "??", ", oder?"]))
def test_literal_pretest_decides_as_the_whole_alternation(parts: list[str], end: str) -> None:
    """Running only the patterns whose literals the question holds decides as running them all,
    in any case ("WHY" as "why", "ſ" as "s")."""
    question = " ".join(parts) + end
    for text in (question, question.upper(), question.title()):
        assert is_faq_material(text) is _material_by_one_alternation(text)


@pytest.mark.parametrize("question", [q for q, _ in MATERIAL.values()], ids=list(MATERIAL))
def test_literal_pretest_on_the_table(question: str) -> None:
    assert is_faq_material(question) is _material_by_one_alternation(question)
