"""Question detection: '?' questions, requests, indirect questions and rhetorical look-alikes."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis.questions import (
    QUESTION_RULES,
    Ending,
    continues_choice,
    find_questions,
    is_question,
    matching_rule,
    sentence_ending,
)
from commentscope.model import Document
from commentscope.parse import parse_page
from gold import SEEDS, gold_comments

QUESTIONS = [
    ("question_mark", "Is TrueLifePB a more complete remedy than Pro-X10?"),
    ("space_before_mark", "How does organic kefir compare to True Life PB ?"),
    ("lowercase_start", "did you remove it?"),
    ("closing_quote_after_mark", "Did she ask “is it safe?”"),
    ("surprised_interrogative", "Do you really take ten pills a day?!"),
    ("would_you_please", "Would you please share them here"),
    ("could_you_please", "Could you please comment on these two issues in regard to bone density."),
    ("can_you_send", "Can you send me a link for more info."),
    ("address_then_request", "Hi Vivian, can I keep taking it with kefir."),
    ("which_do_you_recommend", "Which brand do you recommend until I switch to true life."),
    ("what_is_the", "What is the source of the cellulose."),
    ("how_long_should_i", "How long should I take it"),
    ("i_am_wondering", "I am wondering whether it helps."),
    ("wondering_mid_sentence", "It has cellulose, and I am wondering what is the source of it."),
    ("i_wonder_if", "I wonder if kefir is enough."),
    ("please_advise", "Please advise."),
    ("any_suggestions", "Any suggestions for a good brand."),
    ("any_advice_after_clause", "My bones are thin, any advice."),
    ("does_anyone_know", "Does anyone know a good filter."),
    ("anyone_know_mid_sentence", "Just curious does anyone know the dose."),
    ("let_me_know", "Let me know if it works for you."),
    ("let_me_know_suggestions", "Let me know if you have any suggestions."),
    ("who_cares_about", "Who cares for the starter while you are away?"),
    ("advice_appreciated", "Any advice would be greatly appreciated."),
    ("is_there", "Is there a study on this"),
    # Questions without '?' (issue 9: "may i ask if...", "I wonder whether...", "any advice on...").
    ("may_i_ask_if", "may i ask if the dough can rest overnight in the fridge"),
    ("could_i_ask", "Could I ask what brand of oats you used."),
    ("i_wonder_whether", "I wonder whether the glaze would work with lime instead."),
    ("any_advice_on", "Any advice on keeping the crust from going soggy"),
    ("why_bare_verb", "Quick one: why use baking soda instead of baking powder here"),
    ("parenthetical", "I doubled the recipe (is that why it took so long to set) and it was fine."),
    ("question_then_spaced_dots", "Why would the yeast not rise at all? . . ."),
    ("tag_inside_real_question", "Is it the same dose for kids, isn't it half?"),
    # German requests and questions that look like rhetoric but ask (issue 13).
    ("german_wollte_fragen", "Hallo, ich wollte mal fragen, ob der Teig über Nacht ruhen darf ?"),
    ("german_waere_nett_wenn", "Wäre nett, wenn du das Rezept für Dinkelmehl erklärst."),
    ("german_question_after_clause", "Ich hab eine Frage, kann ich Äpfel unter den Teig heben?"),
    ("maybe_with_doubt_mark", "Maybe that is not significant for a big economy(??)"),
    ("one_word_check", "Rückfrage: Sicher?"),
    ("why_would_bare", "Why would the glaze crack overnight?"),
    ("condition_of_the_question", "Kann ich das einfrieren, wenn ich keine Zeit habe?"),
    ("fragment_with_a_condition", "Frozen berries, if I have no fresh ones?"),
    ("question_with_a_hedge", "Is it a Tobin tax, if you know what I mean?"),
    ("modal_with_its_subject", "Could it be the yeast?"),
    ("modal_with_a_named_subject", "If there hasn't, could GiveWell give a response now?"),
]

NOT_QUESTIONS = [
    ("statement", "I take it every day and have for years."),
    ("announcement", "I have a question."),
    ("isnt_that_amazing", "Isn't that amazing!"),
    ("isnt_that_amazing_question_mark", "Isn't that amazing?"),
    ("who_knew", "Who knew?!"),
    ("who_knew_question_mark", "Who knew?"),
    ("how_wonderful", "How wonderful!"),
    ("how_cool_is_that", "How cool is that?"),
    ("why_not", "Why not!"),
    ("why_not_question_mark", "Why not?"),
    ("what_a_great_article", "What a great article!"),
    ("what_a_without_mark", "What a great article."),
    ("exclamation_request_form", "Appreciate you help!!"),
    ("surprised_statement", "You take ten pills a day?!"),
    ("exclamatory_how", "How interesting it is that we see this again."),
    ("what_we_need_is", "What we need is a better filter."),
    ("parenthetical_mark", "I put a cheap ($15?) filter on my shower."),
    ("imperative_do", "Do your own research."),
    ("imperative_have", "Have a good one.."),
    ("social_invitation", "I would love to hear back from others.."),
    ("conditional_inversion", "Should you need help, please let me know."),
    ("thanks", "Thanks !"),
    ("they_let_me_know", "The lab let me know my levels were fine."),
    ("offer_want", "Let me know if you want a link."),
    ("who_cares", "But even if it isn't, who cares?"),
    ("why_bother", "Why bother?"),
    ("what_could_go_wrong", "What could possibly go wrong?"),
    ("offer_questions", "Let me know if you have any questions."),
    # Decorative, rhetorical, tag, quoted and comparative forms (issue 9).
    ("decorative_marks", "And the frosting??? Heavenly!"),
    ("decorative_marks_fragment", "Second batch, even better??"),
    ("staff_tag_doesnt_it", "A pinch of cardamom makes all the difference, doesn't it?"),
    ("tag_dont_we", "We all burn the first pancake, don't we?"),
    ("tag_eh", "Took me three tries eh?"),
    ("didnt_you_read", "Didn't you even read the recipe notes?"),
    ("are_you_serious", "Are you serious?"),
    ("do_you_really_think", "Do you really think a supplement fixes a bad diet?"),
    ("should_we_really", "So should we really trust a study paid for by the sugar industry?"),
    ("what_is_to_stop", "What is to stop them from selling our data next?"),
    ("ever_tried", "Ever tried telling a toddler to eat kale?"),
    ("how_do_we_know", "How do we know the lab didn't just make it up?"),
    ("quoted_song_title", 'We baked to the old song "Do You Believe in Magic?"'),
    ("quoted_question_in_statement", 'My aunt always asks "is it gluten free?"'),
    ("comparative_so_would", "If the price goes up, so would the demand for cheaper brands"),
    ("illustrative_for_example", "For example, what happens when the butter is too warm?"),
    # Debate and sports rhetoric (issue 13): swearing, challenges, statement order, tags, hedges.
    ("swearing", "Is that any f-ing surprise?"),
    ("german_swearing", "Was für ein scheiß Zeug schreibst du da?"),
    ("did_anyone_really", "Did anyone really think the Chargers would win?"),
    ("do_they_even", "I mean, do they even watch the game?"),
    ("why_would_you_stop", "Why would you stop running the ball?"),
    ("why_did_you_not", "Why did you not have a plan B?"),
    ("warum_man_nicht", "Warum lässt man hier nicht ehemalige Profis ran ?"),
    ("how_can_i_when", "Wie kann ich Nazi sein, wenn ich nichts davon halte?"),
    ("german_statement_order", "Du erwartest von mir, dass ich mich entschuldige?"),
    ("german_statement_order_numbered", "a) Ich himmel Nazis an?"),
    ("german_tag_oder", "Das steht bei euch nicht hoch im Kurs, oder ?"),
    ("german_tag_gell", "Die Liste sollte dir ein Begriff sein, gell?"),
    ("german_isnt_it_embarrassing", "Ist es euch nicht selbst peinlich, so zu schreiben?"),
    ("seit_wann", "@ Eras: Seit wann braucht man dafür ein Patent?"),
    ("hast_du_jemals", "hast du jemals darüber gelesen?"),
    ("alles_klar", "Alles klar?"),
    ("maybe_suggestion", "Maybe Mexico City is an option?"),
    ("hedge_on_knowing_a_word_de", 'Moos, Samen (vor allem die "Bettelmänner", wenn euch das ein Begriff ist?'),
    ("hedge_on_knowing_a_word_en", "The old tin mugs, if you know what I mean?"),
    ("elided_subject_hedge", "Could be the yeast?"),
    ("elided_subject_rhetoric", "Then, to state, would have to hold ignorance of how your premise is unmet?"),
]


@pytest.mark.parametrize("sentence", [c[1] for c in QUESTIONS], ids=[c[0] for c in QUESTIONS])
def test_is_question(sentence: str) -> None:
    assert is_question(sentence)


@pytest.mark.parametrize("sentence", [c[1] for c in NOT_QUESTIONS], ids=[c[0] for c in NOT_QUESTIONS])
def test_is_not_question(sentence: str) -> None:
    assert not is_question(sentence)


@pytest.mark.parametrize(
    ("sentence", "ending"),
    [
        ("Why?", Ending.QUESTION),
        ("Why ?)", Ending.QUESTION),
        ("Who knew?!", Ending.SURPRISED),
        ("Wow!!", Ending.EXCLAMATION),
        ("Fine. 🙂", Ending.OTHER),
        ("no mark", Ending.OTHER),
    ],
    ids=["mark", "mark_then_closer", "surprised", "exclamation", "emoji_after_period", "none"],
)
def test_sentence_ending(sentence: str, ending: Ending) -> None:
    assert sentence_ending(sentence) is ending


FIND_CASES = [
    (
        "choice_fragment_after_question",
        "When is the best time to take probiotics? Morning or evening before meals or after meals. "
        "If before meals 1 hour before or if after meals 1 hour after? thanks",
        [
            "When is the best time to take probiotics?",
            "Morning or evening before meals or after meals.",
            "If before meals 1 hour before or if after meals 1 hour after?",
        ],
    ),
    ("choice_fragment_needs_question_before", "I take probiotics. Morning or evening before meals.", []),
    ("fragment_with_verb_is_not_choice", "Is it safe? It is morning or evening for me.", ["Is it safe?"]),
    (
        "numbered_list_questions",
        "Could you please comment on these two issues.\n1. Strontium. Do you think this is true?\n"
        "2. Do you think that a platform would help?\nThank you.",
        [
            "Could you please comment on these two issues.",
            "Do you think this is true?",
            "Do you think that a platform would help?",
        ],
    ),
    (
        "lowercase_after_spaced_mark",
        "it can cause gut problems ? what is the best plan ? I walk ,what works the best?",
        ["it can cause gut problems ?", "what is the best plan ?", "I walk ,what works the best?"],
    ),
    ("no_questions", "Thank you for this. Fluoride is bad for your bones!", []),
    (
        "set_up_question_answered_by_writer",
        "Is it better to bake or to fry? The answer to this question is obvious once you try both.",
        [],
    ),
    (
        "quoted_interview_question",
        "Why do you want to leave your job? On the surface this seems a simple question, but be careful.",
        [],
    ),
    (
        "follow_up_to_rhetorical_question",
        "Ever tried freezing it? How about microwaving it? Both ruin the texture.",
        [],
    ),
    (
        "follow_up_to_real_question",
        "Can I freeze it? How about the glaze?",
        ["Can I freeze it?", "How about the glaze?"],
    ),
    ("verbless_fragment_alone", "Titans ran the ball all night. Poor game plan? They never adapted.", []),
    ("verbless_fragment_after_question", "Can I freeze it? Whole or sliced?", ["Can I freeze it?", "Whole or sliced?"]),
    ("fragment_request_asks", "My seeds get moldy. Any suggestions?", ["Any suggestions?"]),
    ("fragment_any_asks", "Any home remedies for hiccups?", ["Any home remedies for hiccups?"]),
    ("question_word_inside_asks", "Sie starb. Weiß jemand, woran das liegt?", ["Weiß jemand, woran das liegt?"]),
    ("question_word_after_a_word_asks", "The dose was doubled. Ok, but why?", ["Ok, but why?"]),
    ("ratio_is_no_label", "Is a titer of 1:40 normal for my age?", ["Is a titer of 1:40 normal for my age?"]),
    ("answered_by_then", "Schonmal eine 6 dafür bekommen? Dann weißt du, wovon ich spreche.", []),
    ("answered_by_of_course", "Did they know? Of course they did.", []),
    (
        "voice_of_a_scornful_question",
        "Ich himmel Nazis an? Nein. Als was entlarve ich mich? Komm mal runter!",
        [],
    ),
    (
        "voice_of_a_self_answered_question",
        "Why does this not surprise me? Let's see. Do you really stand by this?",
        [],
    ),
    (
        "voice_covers_statement_like_inversion",
        "Is that any f-ing surprise? last night, was the first time they had him back.",
        [],
    ),
    (
        "rhetorical_tag_keeps_real_question",
        "Isn't it great? Where can I buy it?",
        ["Where can I buy it?"],
    ),
    (
        "quoted_inside_a_real_question",
        'Did the nurse say "is it twice a day?"',
        ['Did the nurse say "is it twice a day?"'],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FIND_CASES], ids=[c[0] for c in FIND_CASES])
def test_find_questions(text: str, expected: list[str]) -> None:
    assert find_questions(text) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Morning or evening before meals or after meals.", True),
        ("Kefir or yoghurt", True),
        ("morning or evening", False),
        ("Morning or evening!", False),
        ("Morning or evening is fine.", False),
        ("Kefir and yoghurt.", False),
        ("I take kefir or yoghurt.", False),
    ],
    ids=["gold_fragment", "no_punctuation", "lowercase_start", "exclamation", "copula", "no_or", "pronoun_subject"],
)
def test_continues_choice(sentence: str, expected: bool) -> None:
    assert continues_choice(sentence) is expected


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in QUESTION_RULES]
    assert len(names) == len(set(names))


@pytest.fixture(scope="module")
def seed_documents() -> dict[str, Document]:
    return {name: parse_page(SEEDS / name) for name in {g["doc"] for g in gold_comments()}}


@pytest.mark.parametrize("gold", gold_comments(), ids=[f"{g['doc'][:3]}-{g['index']}" for g in gold_comments()])
def test_seed_questions_match_gold(seed_documents: dict[str, Document], gold: dict[str, Any]) -> None:
    comment = seed_documents[gold["doc"]].comments[gold["index"]]
    assert find_questions(comment.text) == gold["questions"]


_WORDS = ("why would you ever think that can anyone please help me i was wondering how long does it take "
          "are you serious what else is new maybe so do we know isn't it oder ne du hast jemals damn "
          "let us know any advice appreciated should we really believe this").split()


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=10),
       ending=st.sampled_from(["?", "!", ".", "?!", "", " eh?", ", doesn't it?"]))
def test_rule_lookup_skips_only_rules_that_cannot_match(words: list[str], ending: str) -> None:
    """`matching_rule` tries a rule only when its literal needs are in the sentence: the first
    rule found is the first of the whole table that matches, as a plain scan finds it."""
    sentence = " ".join(words).capitalize() + ending
    rule = matching_rule(sentence)
    if rule is not None and rule.name in {"quoted_question", "decorative_marks", "conditional_aside"}:
        return
    body = re.sub(r"^[\W_]+", "", sentence.strip()).replace("’", "'").lower()
    ending_kind = sentence_ending(sentence)
    plain = next((r for r in QUESTION_RULES if ending_kind in r.endings and r.pattern.search(body)), None)
    assert rule is plain


@pytest.mark.parametrize(("text", "expected"), [
    ("?\nWie ist deine Sicht zur Todesstrafe heute?", ["Wie ist deine Sicht zur Todesstrafe heute?"]),
    ("Great recipe!\n??", []),
    ("?!", []),
])
def test_a_question_mark_without_words_asks_nothing(text: str, expected: list[str]) -> None:
    assert find_questions(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Man sagt nicht mehr: Warst du beim Arzt.\n“Warst du schon beim Arzt?”", []),  # a line quoted as an example
    ('"Have you seen a doctor?"', []),
    ("„Warst du schon beim Arzt?“", []),
    ('Is kefir "safe" for a toddler?', ['Is kefir "safe" for a toddler?']),  # a quoted word, the writer's question
    ("“Was wäre gegen den schlichten “-innen”-Plural einzuwenden?”", []),  # a quotation nested in the quoted line
    ("„Was sagt der „Experte“ dazu?“", []),
    ('"Is the "new" kefir any good?"', []),
    ("“Is it “good” or “bad” for bones?", ["“Is it “good” or “bad” for bones?"]),  # the opening quote never closes
])
def test_a_wholly_quoted_question_is_a_quotation(text: str, expected: list[str]) -> None:
    assert find_questions(text) == expected
