"""Whom a question is asked of (issue 13): a name set off in the first words, an @handle, a
staff member asking, a reply that speaks to "you"; and such questions open no FAQ gap."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis import addressee
from commentscope.analysis.addressee import VOCATIVE_WORDS, Addressees, _same, _vocative
from commentscope.analysis.answers import detect_staff
from commentscope.analysis.document import analyze_document
from commentscope.analysis.questions import find_questions
from commentscope.analysis.topics import TopicMatcher, load_taxonomy
from commentscope.model import Comment, Document, LabelledLine, LineRole
from threads import flat_page

ARTICLE = ("Sourdough starter basics", "Posted by Marta Lind", "Feed your starter flour and water daily.")


def asked_of(doc: Document, index: int, staff: tuple[str, ...] = ("Marta Lind",)) -> str:
    comment = doc.comments[index]
    return Addressees(doc, detect_staff(doc, staff)).asked_of(comment, find_questions(comment.text))


CASES = {
    "follow-up-naming-a-reader": (
        (("Ann", "Does rye flour work for a starter?"),
         ("Bob Rivers", "Rye works well, it ferments fast."),
         ("Ann", "Thanks for the reply, Bob. Does it need more water than wheat?")),
        "reader: Bob Rivers",
    ),
    "apology-naming-a-reader-with-a-dash": (
        (("Bo S", "Rye works well."), ("Ann", "Sorry, Bo S--I missed that. Is it the same with spelt?")),
        "reader: Bo S",
    ),
    "at-handle": (
        (("quietbaker", "I feed mine twice a day."), ("Lee", "@quietbaker how warm is your kitchen?")),
        "reader: quietbaker",
    ),
    "naming-the-author": (
        (("Marta Lind", "Welcome, bakers."), ("Cy", "Marta, can I use tap water for the starter?")),
        "staff: Marta Lind",
    ),
    "shared-first-name-goes-to-staff": (
        (("Marta Olsen", "Nice."), ("Marta Lind", "Welcome, bakers."),
         ("Cy", "Marta, can I use tap water for the starter?")),
        "staff: Marta Lind",
    ),
    "name-in-a-sentence-is-no-address": (
        (("Bo", "Rye works well."), ("Cy", "I think Bo is right, but does spelt work too?")),
        "",
    ),
    "name-beyond-the-first-words-is-no-address": (
        (("Bo", "Rye works well."), ("Cy", "My starter is slow in winter and I wonder, Bo, does spelt work?")),
        "",
    ),
    "staff-asks-the-readers": (
        (("Ann", "My starter is lively."), ("Marta Lind", "Which flour do you all use?")),
        "readers",
    ),
    "echo-of-a-reader-s-words": (
        (("Jeuys", "It is unfair to tear quotations out of their context and paint them lurid."),
         ("Bob", "Nice post."),
         ("Yoonar", "Which quotations were torn out of context? The blog links every source thread.")),
        "reader: Jeuys",
    ),
    "words-the-article-uses-are-no-echo": (
        (("Jeuys", "Does a starter need daily flour and water feeding?"),
         ("Cy", "Does the starter need flour and water every day in winter?")),
        "",
    ),
    "an-echo-later-in-the-comment-is-no-address": (
        (("Jeuys", "It is unfair to tear quotations out of their context and paint them lurid."),
         ("Yoonar", "Lovely loaf. Which quotations were torn out of context?")),
        "",
    ),
    "plain-question-asks-the-page": (
        (("Ann", "Lovely post."), ("Cy", "Can I use tap water for the starter?")),
        "",
    ),
}


@pytest.mark.parametrize(("comments", "expected"), CASES.values(), ids=CASES.keys())
def test_asked_of_in_a_flat_thread(comments: tuple[tuple[str, str], ...], expected: str) -> None:
    doc = flat_page(*comments, opening=ARTICLE)
    assert asked_of(doc, len(comments) - 1) == expected


def nested(*comments: tuple[str, str, str | None]) -> Document:
    """(author, text, parent id) comments; ids c0, c1, ..."""
    lines = tuple(LabelledLine(k + 1, t, LineRole.ARTICLE) for k, t in enumerate(ARTICLE))
    depth: dict[str, int] = {}
    built = []
    for k, (author, text, parent) in enumerate(comments):
        depth[f"c{k}"] = 0 if parent is None else depth[parent] + 1
        built.append(Comment(f"c{k}", parent, depth[f"c{k}"], k, author, text, 5 + k, 5 + k))
    doc = Document("n", "n.txt", ARTICLE[0], lines, tuple(built))
    doc.check_integrity()
    return doc


REPLY_CASES = {
    "reply-asking-you": ((("Bo", "Rye cured my slow starter.", None),
                          ("Ann", "How long did you feed it rye?", "c0")), "reader: Bo"),
    "reply-asking-the-subject": ((("Bo", "Rye cured my slow starter.", None),
                                  ("Ann", "Does rye also work for spelt starters?", "c0")), ""),
    "reply-to-staff-asking-you": ((("Marta Lind", "Use rye for a slow starter.", None),
                                   ("Ann", "How much rye do you add?", "c0")), "staff: Marta Lind"),
    "reply-to-oneself": ((("Ann", "My starter is slow.", None),
                          ("Ann", "Do you think rye would help?", "c0")), ""),
    "top-level-echo-where-readers-can-reply": (
        (("Jeuys", "It is unfair to tear quotations out of their context and paint them lurid.", None),
         ("Bob", "Nice post.", "c0"),
         ("Yoonar", "Which quotations were torn out of context? The blog links every source thread.", None)), ""),
}


@pytest.mark.parametrize(("comments", "expected"), REPLY_CASES.values(), ids=REPLY_CASES.keys())
def test_asked_of_a_reply(comments: tuple[tuple[str, str, str | None], ...], expected: str) -> None:
    assert asked_of(nested(*comments), len(comments) - 1) == expected


def test_question_asked_of_one_reader_opens_no_gap() -> None:
    """The follow-up to a reader's answer is a conversation: its row says whom it asks, and the
    gap table lists only the question asked of the site."""
    doc = flat_page(("Ann", "Does rye flour work for a starter?"),
                    ("Bob Rivers", "Rye works well, it ferments fast."),
                    ("Ann", "Thanks for the reply, Bob. Does the rye have to be organic for fermenting?"),
                    ("Cy", "Can a frozen sourdough starter be revived after a year?"),
                    opening=ARTICLE)
    result = analyze_document(doc, TopicMatcher(load_taxonomy()), ("Marta Lind",))
    rows = {q.comment_id: q.asked_of for q in result.questions}
    assert rows == {"c0": "", "c2": "reader: Bob Rivers", "c3": ""}


def _named_by_trying_every_name(addressees: Addressees, comment: Comment) -> str | None:
    """`Addressees.named` as a plain scan of every name of the page (the indexed lookup must agree)."""
    text = " ".join(comment.text.split())
    head = len(" ".join(text.split(" ")[:VOCATIVE_WORDS]))
    opening = text[: head + addressees._longest + 2].casefold()
    for folded, owner, name in addressees._names:
        if folded in opening and not _same(owner, comment.author):
            found = _vocative(name).search(text)
            if found and found.start() < head:
                return owner
    return None


NAMES = ["Al", "Bo", "Rob", "Robert", "Roberta Lee", "Dr. Sam Hill", "ann", "Ann Lee", "Sam", "Øyvind", "İsa",
         "the Roof"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES),
                          st.lists(st.sampled_from([*NAMES, "@rob", "Hi", ",", "--", "thanks", "is it", "spelt?",
                                                    "rye", "!", "ANN", "robert's"]), min_size=1, max_size=8)),
                min_size=1, max_size=6))
def test_indexed_names_agree_with_trying_every_name(rows: list[tuple[str, list[str]]]) -> None:
    doc = flat_page(*((author, " ".join(words)) for author, words in rows), opening=ARTICLE)
    addressees = Addressees(doc, detect_staff(doc, ("Sam",)))
    for few in (addressee.FEW_NAMES, 0):  # the pages here have few names: the index is forced too
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(addressee, "FEW_NAMES", few)
            for comment in doc.comments:
                assert addressees.named(comment) == _named_by_trying_every_name(addressees, comment)
