"""Staff without markup (issue 13): roles, signatures, site tags, bylines and the answerer of
most readers, each on a small hand-written page."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.analysis.staff import _holds_word, address_names, detect_staff, opens_with
from commentscope.model import Comment, Document, LabelledLine, LineRole
from threads import flat_page


def page(*comments: tuple[str, str], opening: tuple[str, ...] = ("Muffins for beginners", "The basic recipe.")
         ) -> Document:
    return flat_page(*comments, opening=opening, doc_id="p")


STAFF_CASES = {
    "site-role-name": (
        page(("sarah", "Why is the sugar listed twice?"), ("admin", "Thanks, the second one is vanilla sugar.")),
        "admin", "site role",
    ),
    "team-signature-in-brackets": (
        page(("Marcel", "Where can I watch the LPGA live?"),
             ("Tobias Hennig", "Hi Marcel,\nonly on US pay TV.\nTobias Hennig (Team Golf Post)")),
        "Tobias Hennig", "signs a comment as the site's team",
    ),
    "team-signature-line": (
        page(("sarah", "Why is the sugar listed twice?"),
             ("Jo Baker", "Fixed, it should read vanilla sugar.\n- das MuffinRezept.net Team")),
        "Jo Baker", "signs a comment as the site's team",
    ),
    "site-tag-in-the-name": (
        page(("Mohammad", "Why does Good Ventures not fill the gaps?"),
             ("Olivia (GiveWell)", "Hi Mohammad, Good Ventures sets its own budget."),
             opening=("September open thread - The GiveWell Blog", "Ask us anything.")),
        "Olivia (GiveWell)", "carries the site's name",
    ),
    "one-word-byline-in-german": (
        page(("Jo", "Welche Liste meinst du?"), ("Mathias", "Die synchronisierte Liste."),
             opening=("Das wird man ja wohl noch sagen dürfen", "von Mathias")),
        "Mathias", "byline",
    ),
    "answers-most-readers-by-name": (
        page(("Robert Cline", "Why is the font not found on Windows?"),
             ("Santosh", "Thanks, very helpful."),
             ("Joachim", "Hi Robert, I posted an answer on YouTube."),
             ("Joachim", "Thank you Santosh!")),
        "Joachim", "names of 2 different readers",
    ),
    "addressed-by-surname": (
        page(("Thomas Habermeyer", "Nobody showed the Women's Open!"),
             ("Brigitte", "Sky dropped the fourth round."),
             ("Kai", "Hallo Herr Habermeyer, we reported in writing on Friday."),
             ("Kai", "Liebe Brigitte, the times are updated now.")),
        "Kai", "names of 2 different readers",
    ),
}


@pytest.mark.parametrize(("doc", "author", "evidence"), STAFF_CASES.values(), ids=STAFF_CASES.keys())
def test_staff_without_markup(doc: Document, author: str, evidence: str) -> None:
    staff = detect_staff(doc)
    assert list(staff) == [author]
    assert evidence in staff[author].evidence


NOT_STAFF_CASES = {
    "reader-praising-the-author": page(("Ann", "Great post - the author knows muffins."), ("Bo", "Agreed.")),
    "tie-between-two-addressers": page(("Ann", "Is butter needed?"), ("Bo", "Is milk needed?"),
                                       ("Cy", "Ann, yes."), ("Dee", "Bo, yes.")),
    "tag-of-another-site": page(("Ann", "Is it vegan?"), ("Bo (Kitchn)", "Ann, swap the butter for oil."),
                                opening=("Muffins - The Muffin Blog", "Easy.")),
}


@pytest.mark.parametrize("doc", NOT_STAFF_CASES.values(), ids=NOT_STAFF_CASES.keys())
def test_readers_are_not_staff(doc: Document) -> None:
    assert detect_staff(doc) == {}


def test_byline_staff_leave_no_room_for_guessing_from_replies() -> None:
    """A byline names the staff; busy readers who reply to many others are not added."""
    lines = (LabelledLine(1, "Tax capital inflows", LineRole.TITLE),
             LabelledLine(2, "Michael Pettis", LineRole.ARTICLE))
    comments = [Comment("q0", None, 0, 0, "Ann", "How does it work?", 4, 4),
                Comment("a0", "q0", 1, 1, "Michael Pettis", "The Fed sets it yearly.", 5, 5)]
    for k, reader in enumerate(("Bo", "Cy", "Dee")):
        comments.append(Comment(f"q{k + 1}", None, 0, len(comments), reader, "A point.", 6 + 2 * k, 6 + 2 * k))
        comments.append(Comment(f"r{k + 1}", f"q{k + 1}", 1, len(comments), "Yok", "Nonsense, read it again.",
                                7 + 2 * k, 7 + 2 * k))
    doc = Document("n", "n.txt", "Tax capital inflows", lines, tuple(comments))
    doc.check_integrity()
    assert list(detect_staff(doc)) == ["Michael Pettis"]


def test_address_names_are_every_longer_word_of_a_name() -> None:
    assert address_names("Thomas Habermeyer") == ("Thomas", "Habermeyer")
    assert address_names("@jo") == ()


def _opens_with_by_regex(text: str, name: str) -> bool:
    """The rule `opens_with` implements, written as the regular expression it replaced."""
    head = " ".join(text.split()[:6]).casefold()
    return re.search(rf"(?:^|[\s@]){re.escape(name.casefold())}\b", head) is not None


_HEAD_LETTERS = "abAB_ß.-'@ \t1é,İ"


@settings(max_examples=2000, deadline=None)
@given(text=st.text(_HEAD_LETTERS, max_size=40),
       name=st.text(_HEAD_LETTERS.replace(" ", "").replace("\t", ""), max_size=5))
def test_opens_with_reads_the_opening_once_with_the_regex_rule(text: str, name: str) -> None:
    assert opens_with(text, name) == _opens_with_by_regex(text, name)


@pytest.mark.parametrize(("text", "name", "opens"), [
    ("Hi Ann, yes", "Ann", True), ("@ann thanks", "Ann", True), ("Annabel, yes", "Ann", False),
    ("one two three four five six Ann", "Ann", False), ("Thanks, Ann. It works", "ann", True),
], ids=["greeting", "handle", "longer-name", "past-six-words", "any-case"])
def test_opens_with_examples(text: str, name: str, opens: bool) -> None:
    assert opens_with(text, name) is opens


_CASE_LETTERS = "aAsSiIkK ſıİ\u212aß.-'é"


@settings(max_examples=300, deadline=None)
@given(text=st.text(_CASE_LETTERS, max_size=30), words=st.text(_CASE_LETTERS, min_size=1, max_size=4))
def test_holds_word_tests_the_folded_text_first_with_the_regex_rule(text: str, words: str) -> None:
    """`_holds_word` skips the regex where the folded words are not in the folded text: the same
    answer as the regex alone, whatever case rules apply ('ſ' is 's', the Kelvin sign 'k')."""
    expected = re.search(rf"\b{re.escape(words)}\b", text, re.IGNORECASE) is not None
    assert _holds_word(text, words) is expected


def _nested(answerer_threads: int) -> Document:
    """A nested page with a byline author, and a team account that answers three readers by name
    after starting `answerer_threads` threads of its own."""
    lines = (LabelledLine(1, "Growing lemons from seed", LineRole.TITLE),
             LabelledLine(2, "By Florina", LineRole.ARTICLE))
    comments = [Comment("q0", None, 0, 0, "Ann", "Do they need sun?", 4, 4),
                Comment("a0", "q0", 1, 1, "Florina", "Yes, six hours a day.", 5, 5)]
    for k, reader in enumerate(("Chrissy", "Kanisha", "Paul")):
        comments.append(Comment(f"q{k + 1}", None, 0, len(comments), reader, "Why do my seeds mould?", 6, 6))
        comments.append(Comment(f"r{k + 1}", f"q{k + 1}", 1, len(comments), "YHMAG Edit@r",
                                f"Hi {reader}! Try a drier paper towel.", 7, 7))
    for k in range(answerer_threads):
        comments.append(Comment(f"t{k}", None, 0, len(comments), "YHMAG Edit@r", "A tip for all of you.", 8, 8))
    doc = Document("n", "n.txt", "Growing lemons from seed", lines, tuple(comments))
    doc.check_integrity()
    return doc


def test_a_team_account_answering_readers_by_name_is_staff_beside_the_byline() -> None:
    assert list(detect_staff(_nested(0))) == ["Florina", "YHMAG Edit@r"]
    assert list(detect_staff(_nested(3))) == ["Florina"]  # starts half its comments as threads: a reader


def _discussion(repliers: int) -> Document:
    """A page with no byline where `repliers` readers each answer three others and start no thread."""
    lines = (LabelledLine(1, "Should the kernel move to C++?", LineRole.TITLE),)
    comments: list[Comment] = []
    for k in range(3):
        comments.append(Comment(f"t{k}", None, 0, len(comments), f"asker{k}", "Why not Rust?", 2, 2))
    for r in range(repliers):
        for k in range(3):
            comments.append(Comment(f"r{r}-{k}", f"t{k}", 1, len(comments), f"busy{r}", "Because of the ABI.", 3, 3))
    doc = Document("d", "d.txt", "Should the kernel move to C++?", lines, tuple(comments))
    doc.check_integrity()
    return doc


def test_busy_repliers_are_staff_only_when_few_do_it() -> None:
    assert list(detect_staff(_discussion(1))) == ["busy0"]
    assert list(detect_staff(_discussion(3))) == []  # a forum's discussion: readers answer each other
