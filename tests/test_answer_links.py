"""Answers in flat threads, inline staff answers, staff without markup, answer kinds (issue 13)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis import answer_cues as cues
from commentscope.analysis.answer_links import AnswerFinder
from commentscope.analysis.answers import AnswerKind, answer_kind, detect_staff
from commentscope.analysis.document import analyze_document
from commentscope.analysis.inline_answer import _BRACKETED, _LINE_MARKERS, InlineAnswer, split_inline_answer
from commentscope.analysis.staff import first_name
from commentscope.analysis.topics import TopicMatcher, load_taxonomy
from commentscope.model import Comment, Document, LabelledLine, LineRole
from commentscope.text import words
from threads import flat_page

ARTICLE = ("Sourdough starter basics", "Posted by Marta Lind", "Feed your starter flour and water daily.")


def flat(*comments: tuple[str, str], opening: tuple[str, ...] = ARTICLE) -> Document:
    return flat_page(*comments, opening=opening)


def status_of(doc: Document, index: int, staff: tuple[str, ...] = ()) -> tuple[bool, str, str]:
    found = AnswerFinder(doc, detect_staff(doc, staff)).status(doc.comments[index])
    return found.answered, found.answered_by, found.evidence.split(":")[0]


EVIDENCE_CASES = {
    "names-the-asker": (
        flat(("Rebecca", "Can I use whole wheat flour for the starter?"),
             ("Tom", "Lovely photos."),
             ("Jo", "Rebecca, yes, whole wheat works and ferments faster than white flour.")),
        (True, "reader", "names the asker"),
    ),
    "at-handle": (
        flat(("quietbaker", "How warm should the kitchen be for the first rise?"),
             ("Lee", "@quietbaker around 24 degrees is ideal for a lively rise.")),
        (True, "reader", "names the asker"),
    ),
    "quotes-the-question": (
        flat(("Ann", "Does the starter need to be refrigerated between feedings?"),
             ("Bo", "I baked twice this week."),
             ("Cy", "\"Does the starter need to be refrigerated between feedings\" only if you bake weekly.")),
        (True, "reader", "quotes the question"),
    ),
    "next-staff-comment": (
        flat(("Ann", "How long does a new starter take to become active?"),
             ("Marta Lind", "Usually five to seven days of regular feeding in a warm spot.")),
        (True, "staff", "next staff comment"),
    ),
    "topical-overlap": (
        flat(("Ann", "Why does my starter smell like nail polish remover?"),
             ("Cy", "Lovely blog, greetings from Leeds."),
             ("Bo", "That acetone smell of the starter means it is hungry: feed it more often.")),
        (True, "reader", "topical overlap"),
    ),
    "next-comment-opens-like-an-answer": (
        flat(("Teodora", "Could I add food colouring to the batter?"),
             ("Jo", "Yes, tried it last week.")),
        (True, "reader", "next comment"),
    ),
    "next-comment-that-asks-is-no-answer": (
        flat(("Ann", "Why does my starter smell like nail polish remover?"),
             ("Bo", "Does the starter smell change with rye flour?")),
        (False, "", "no later comment answers it"),
    ),
    "asker-spoke-again": (
        flat(("Claire", "How would the tax treat central banks that peg?"),
             ("claire", "Also, why would the Fed run it rather than the Treasury?"),
             ("Marta Lind", "Claire, the Fed has the tools and the modelling staff for it.")),
        (False, "", "no later comment answers it"),
    ),
    "at-handle-prefix": (
        flat(("Yuppiedeadhead", "Is a rant the right form for a debate like this one?"),
             ("Lee", "Nice."),
             ("Marta Lind", "@Yuppie: measured against the quotes, a rant is mild.")),
        (True, "staff", "names the asker"),
    ),
    "quote-of-the-article-is-not-a-quote-of-the-question": (
        flat(("Dan", "Is it true that feed your starter flour and water daily is enough in winter?"),
             ("Ed", "Nice post."),
             ("Fay", "Nice read."),
             ("Gil", "I quit baking."),
             ("Ivy", "Great photos."),
             ("Hal", "The post says feed your starter flour and water daily, and I never do.")),
        (False, "", "no later comment answers it"),
    ),
    "earlier-comment-never-answers": (
        flat(("Ann", "Which flour is best for a cold kitchen?")),
        (False, "", "no later comment answers it"),
    ),
    "answer-to-another-reader-is-not-ours": (
        flat(("Ann", "Can I freeze the dough overnight?"),
             ("Bo", "Is rye flour better than spelt?"),
             ("Cy", "Bo, rye ferments faster than spelt and suits a sluggish starter.")),
        (False, "", "no later comment answers it"),
    ),
    "german-function-words-are-no-shared-subject": (
        flat(("Dolphin", "Ich habe das Rezept gefunden und wollte fragen wie viel Kakao ich nehmen soll?"),
             ("Kiwi", "Ich habe gerade die doppelte Menge gebacken und sie sind mir zu fettig, schade.")),
        (False, "", "no later comment answers it"),
    ),
    "next-comment-shares-a-word-no-one-else-uses": (
        flat(("Lisa", "Könnt ihr mir sagen, ob die Silikonform daran schuld war?"),
             ("Sarah", "Ich hab heute zwei Bleche gebacken, beim zweiten Schub in der Silikonform "
                       "brauchten die Muffins fünf Minuten länger im Ofen, mach den Stäbchentest."),
             ("Tom", "Ein tolles Rezept, die Muffins waren schnell weg.")),
        (True, "reader", "next comment"),
    ),
    "later-staff-comment-on-the-question-words": (
        flat(("Ann", "Any reason why you keep the starter jar half open while it ferments?"),
             ("Ann", "Love the crumb on that loaf."),
             ("Bo", "Great photos."), ("Cy", "Baking this weekend."), ("Dee", "Thanks for sharing."),
             ("Eve", "My kids loved it."),
             ("Marta Lind", "A half open jar lets the gases of the starter escape while it ferments, "
                            "a closed jar can crack.")),
        (True, "staff", "later staff comment"),
    ),
    "later-staff-comment-on-another-subject": (
        flat(("Ann", "Any reason why you keep the starter jar half open while it ferments?"),
             ("Bo", "Great photos."), ("Cy", "Baking this weekend."), ("Dee", "Thanks for sharing."),
             ("Eve", "My kids loved it."),
             ("Marta Lind", "The next post will be about rye crackers and seeded rolls.")),
        (False, "", "no later comment answers it"),
    ),
    "resolved-by-the-asker": (
        flat(("Anna", "For how many muffins is the recipe?"),
             ("Bo", "Baked them today, lovely."),
             ("Anna", "oops, just saw it")),
        (False, "asker", "resolved by the asker"),
    ),
    "asker-resolution-outweighs-a-weak-link": (
        flat(("Matze", "Is the final round not shown on TV today?"),
             ("Eugen", "If the final round is not shown today the channel has lost me."),
             ("Matze", "Never mind, found it: channel 2 shows the final round.")),
        (False, "asker", "resolved by the asker"),
    ),
    "thanks-confirm-an-answer-not-a-resolution": (
        flat(("Ann", "Which flour suits a cold kitchen?"),
             ("Marta Lind", "Rye, it ferments fastest in the cold."),
             ("Ann", "Thanks Marta, found it in the shop today.")),
        (True, "staff", "next staff comment"),
    ),
    "a-commenter-named-like-a-function-word-is-not-addressed": (
        flat(("Taika", "Where is the fabric trader on the map?"),
             ("Ich", "Great guide."),
             ("Taika", "Ich habe selber die Lösung gefunden: the trader stands in the west town.")),
        (False, "asker", "resolved by the asker"),
    ),
    "a-reply-that-also-asks-answers-with-what-it-states": (
        flat(("Pepe", "How much dirt do your outdoor cats bring in at night?"),
             ("Kit", "Could it be ear mites? Our outdoor cats never bring in much dirt at night, "
                     "only a few leaves.")),
        (True, "reader", "topical overlap"),
    ),
    "a-reply-that-asks-and-states-something-else": (
        flat(("Pepe", "How much dirt do your outdoor cats bring in at night?"),
             ("Kit", "Could it be ear mites? We moved house last spring and the kids love it.")),
        (False, "", "no later comment answers it"),
    ),
    "staff-quoting-another-reader-answers-them": (
        flat(("Ann", "Was the second photo taken from another blog?"),
             ("Bo", "Honestly, rye is always too sour for me."),
             ("Marta Lind", 'I do not agree that "rye is always too sour", it depends on the feeding.')),
        (False, "", "no later comment answers it"),
    ),
    "short-next-comment-gives-the-time-asked-for": (
        flat(("Laura", "Wann mische ich die Schokostückchen unter?"),
             ("Lara", "ganz am Schluss in den fertigen Teig")),
        (True, "reader", "next comment"),
    ),
    "short-next-comment-gives-a-duration-asked-for": (
        flat(("Ann", "How long should the loaf rest?"),
             ("Bo", "Leave it about 20 minutes on a cooling rack.")),
        (True, "reader", "next comment"),
    ),
    "a-count-is-no-duration": (
        flat(("Ann", "How long should the mini muffins bake?"),
             ("Libby", "Way more than 12 portions, I filled 24 cups!")),
        (False, "", "no later comment answers it"),
    ),
    "german-word-forms-overlap": (
        flat(("Pepe", "Kann Kot von Milben sich auch rot verfärben bei Wasserkontakt?"),
             ("Moe", "Wir hatten letzten Sommer auch Flöhe, seither ist zum Glück Ruhe."),
             ("Lehmann", "Sich rot verfärbende Krümel sind Flohkot, gegen Milben hilft ein Spot-on mit "
                         "Selamectin.")),
        (True, "reader", "topical overlap"),
    ),
}


@pytest.mark.parametrize(("doc", "expected"), EVIDENCE_CASES.values(), ids=EVIDENCE_CASES.keys())
def test_answer_evidence_in_flat_threads(doc: Document, expected: tuple[bool, str, str]) -> None:
    assert status_of(doc, 0) == expected


def test_refusal_from_staff_is_no_answer() -> None:
    doc = flat(("Ann", "Can I give the bread to my toddler with a wheat allergy?"),
               ("Marta Lind", "Sorry, I can't help here, please ask your doctor."))
    assert status_of(doc, 0) == (False, "", "no later comment answers it")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sorry, I can't help here.", AnswerKind.REFUSAL),
        ("I'm afraid I don't know, never tried it.", AnswerKind.REFUSAL),
        ("Thank you so much Ann!", AnswerKind.THANKS),
        ("Thanks for your question!", AnswerKind.THANKS),
        (":) !!", AnswerKind.NOISE),
        ("I sure will, Ann, tomorrow!", AnswerKind.ANSWER),
        ("Yes, it freezes well.", AnswerKind.ANSWER),
        ("Ask your doctor first: gluten changes how the medicine is absorbed in the gut.", AnswerKind.ANSWER),
        ("Rye ferments faster than spelt and wheat.", AnswerKind.ANSWER),
        ("No problem, glad you liked it!", AnswerKind.THANKS),
        ("Just wanted to say thanks!", AnswerKind.THANKS),
        ("Same problem here since the update, the boss cannot be attacked at all and the quest is lost.",
         AnswerKind.ME_TOO),
        ("Same problem here, the fix was to leave the party and rejoin it before the teleport.", AnswerKind.ANSWER),
        ("Das weiß ich leider auch nicht, sorry!", AnswerKind.REFUSAL),
        ("@pyro hab heute die Quest gemacht und genau den gleichenmist Fehler bekommen, die Quest geht nicht mehr",
         AnswerKind.ME_TOO),
        ("Jap, habs probiert.", AnswerKind.ANSWER),
    ],
    ids=["sorry-cant-help", "dont-know", "bare-thanks", "thanks-for-question", "emoticons", "i-sure-will",
         "short-yes", "doctor-plus-content", "plain-content", "no-problem", "just-thanks", "me-too",
         "me-too-with-a-fix", "german-dont-know", "german-me-too-compound", "german-short-yes"],
)
def test_answer_kind(text: str, kind: AnswerKind) -> None:
    assert answer_kind(text, "Ann") is kind


@pytest.mark.parametrize(
    ("text", "label", "reader_text"),
    [
        ("Can I proof it in the fridge?\nMARTA: Yes, overnight in the fridge works well.", "MARTA",
         "Can I proof it in the fridge?"),
        ("Is spelt okay?\n[Editor's note: spelt works, but add less water.]", "Editor's note", "Is spelt okay?"),
        ("Is spelt okay? [Editor's note: spelt works, but add less water.]", "Editor's note", "Is spelt okay?"),
        ("How hot should the oven be?\nReply from Marta: 250 degrees with a lid for twenty minutes.",
         "Reply from Marta", "How hot should the oven be?"),
    ],
    ids=["name-in-capitals", "editors-note-line", "editors-note-bracket", "reply-from"],
)
def test_inline_answer_is_split_out(text: str, label: str, reader_text: str) -> None:
    inline = split_inline_answer(text, ("Marta Lind",))
    assert inline is not None
    assert (inline.label, inline.reader_text) == (label, reader_text)


def test_no_inline_answer_in_a_plain_comment() -> None:
    assert split_inline_answer("Can I proof it in the fridge? It looks great.", ()) is None


def test_inline_answer_counts_as_staff_answer_in_the_tables() -> None:
    doc = flat(("Ann", "Can I proof it in the fridge?\nMARTA: Yes, overnight in the fridge works well."),
               ("Bo", "Great recipe."))
    rows = analyze_document(doc, TopicMatcher(load_taxonomy())).questions
    assert [(r.question, r.answered_by, r.answer_evidence) for r in rows] == [
        ("Can I proof it in the fridge?", "staff", "inline answer (MARTA)")]


READERS = ("Anna", "Boris", "Carla", "Dina")


def test_staff_without_markup_answers_most_readers() -> None:
    comments = []
    for reader in READERS:
        comments += [(reader, f"My loaf from {reader}'s oven is flat, what went wrong?"),
                     ("breadlady", f"{reader}, the starter was probably past its peak when you mixed.")]
    staff = detect_staff(flat(*comments, opening=("Flat loaves", "Tips for a better rise.")))
    assert list(staff) == ["breadlady"] and "4 different readers" in staff["breadlady"].evidence


def test_one_word_byline_name_is_staff_in_a_flat_thread() -> None:
    doc = flat(("Ann", "Can I use honey?"), ("Marta", "Yes, a spoon of honey feeds the yeast."),
               opening=("Honey bread", "Posted by Marta", "A soft loaf."))
    assert list(detect_staff(doc)) == ["Marta"]


def test_named_staff_override_detection() -> None:
    doc = flat(("Ann", "Can I use honey?"), ("Marta", "Yes, a spoon of honey feeds the yeast."),
               opening=("Honey bread", "Posted by Marta", "A soft loaf."))
    assert list(detect_staff(doc, ["Ann"])) == ["Ann"]


def test_rhetorical_question_is_no_question_and_no_gap() -> None:
    doc = flat(("Ann", "Who would have thought bread could be this easy? Thanks for the recipe."),
               ("Bo", "Didn't you read the part about the starter? It makes all the difference."))
    analysis = analyze_document(doc, TopicMatcher(load_taxonomy()))
    assert analysis.questions == []


def test_an_earlier_comment_never_answers() -> None:
    doc = flat(("Bo", "Rye flour makes the starter very active in cold kitchens."),
               ("Ann", "Which flour is best for a starter in a cold kitchen?"))
    assert status_of(doc, 1) == (False, "", "no later comment answers it")


@pytest.mark.parametrize(
    ("text", "staff"),
    [("Fixed the typo, thanks! [Site editor]", True), ("Good catch, updated. - the author", True),
     ("I edited my post above (sorry).", False), ("My favourite author is Le Guin.", False)],
    ids=["bracketed-editor", "dash-author", "no-signature", "author-mid-sentence"],
)
def test_a_signed_comment_makes_its_writer_staff(text: str, staff: bool) -> None:
    doc = flat(("Ann", "There is a typo in step 3."), ("Kim", text))
    assert ("Kim" in detect_staff(doc)) is staff


def _split_by_trying_every_line(text: str, staff_names: tuple[str, ...]) -> InlineAnswer | None:
    """`split_inline_answer` as it was: every marker pattern tried on every line."""
    lines = text.split("\n")
    names = [n for n in (first_name(s) for s in staff_names) if n]
    staff_alternative = ("(?i:" + "|".join(re.escape(n) for n in names) + r")\b[^:\n]{0,20}|") if names else ""
    name_marker = re.compile(r"^\s*(" + staff_alternative + r"[A-Z][A-Z'’. -]{2,30})\s*:\s*(.*)$")
    for k in range(1, len(lines)):
        for pattern in (*_LINE_MARKERS, name_marker):
            found = pattern.match(lines[k])
            if found and found.group(2).strip():
                answer = "\n".join([found.group(2), *lines[k + 1 :]]).strip()
                return InlineAnswer("\n".join(lines[:k]).strip(), answer, found.group(1).strip(" ["))
    return _bracketed_only(text)


def _bracketed_only(text: str) -> InlineAnswer | None:
    bracketed = _BRACKETED.search(text)
    if bracketed and bracketed.start() > 0:
        return InlineAnswer(text[: bracketed.start()].strip(), bracketed.group(2).strip(), bracketed.group(1).strip())
    return None


_INLINE_PARTS = ["Thanks!", "Editor's note: yes", "A: use rye", "ANNA: 20 minutes", "anna - yes",
                 "Reply from Anna – no", "(Ed: fixed)", "[Editor: see above]", "plain line", "—", "Anna: ", "x: y"]


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.sampled_from(_INLINE_PARTS), min_size=1, max_size=4),
       staff=st.sampled_from([(), ("Anna Berg",)]))
def test_split_inline_answer_skips_only_lines_no_marker_can_match(lines: list[str], staff: tuple[str, ...]) -> None:
    text = "\n".join(lines)
    assert split_inline_answer(text, staff) == _split_by_trying_every_line(text, staff)


def _quotes_by_scanning(finder: AnswerFinder, candidate: Comment, question: Comment) -> bool:
    """`AnswerFinder._quotes_another` as a scan of every earlier comment (the index must agree)."""
    keys = finder._keys
    excluded = {k for k in (keys[question.comment_id], keys[candidate.comment_id]) if k is not None}
    grams = finder._grams(candidate)
    quoted = [" ".join(words(q)) for q in cues.QUOTED.findall(candidate.text) if len(words(q)) >= 3]
    return any(not grams.isdisjoint(finder._grams(c)) or any(q in " ".join(finder._words(c)) for q in quoted)
               for c in finder.doc.comments[: candidate.position]
               if (key := keys[c.comment_id]) is None or key not in excluded)


QUOTABLE = ["Feed your starter flour and water daily.", "The loaf rose well after three days of feeding it rye.",
            '"feed your starter flour" she said', "Mine smells of acetone when it is hungry, so feed it.", "Yes."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([None, "Ann", "ann ", "Bo", "Cy"]),
                          st.lists(st.sampled_from(QUOTABLE), min_size=1, max_size=3)), min_size=2, max_size=7))
def test_quote_index_agrees_with_scanning_every_earlier_comment(rows: list[tuple[str | None, list[str]]]) -> None:
    built = tuple(Comment(f"c{k}", None, 0, k, author, " ".join(parts), 5 + k, 5 + k)
                  for k, (author, parts) in enumerate(rows))
    doc = Document("q", "q.txt", ARTICLE[0], tuple(LabelledLine(k + 1, t, LineRole.ARTICLE)
                                                   for k, t in enumerate(ARTICLE)), built)
    finder = AnswerFinder(doc, {})
    for question in doc.comments:
        for candidate in doc.comments[question.position + 1 :]:
            assert finder._quotes_another(candidate, question) == _quotes_by_scanning(finder, candidate, question)
