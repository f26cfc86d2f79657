"""Staff detection and answered status on small hand-written threads."""

from __future__ import annotations

import textwrap

import pytest

from commentscope.analysis.answers import AnswerStatus, answer_status, detect_staff, is_substantive
from commentscope.model import Document
from commentscope.parse import parse_lines

HEAD = "A Title\n\nThe article body about calcium, vitamin D and bones, long enough to be prose here.\n\n"


def thread(*comments: tuple[int, str, str]) -> Document:
    """Build a page from (depth, author, text) triples, bullets indented two spaces per level."""
    parts = [HEAD]
    for depth, author, text in comments:
        pad = "  " * (depth + 1)
        parts.append(f"{pad}• {author}\n\n{pad}  {text}\n\n")
    doc = parse_lines(textwrap.dedent("".join(parts)), doc_id="t")
    doc.check_integrity()
    return doc


HELPFUL_HOST = thread(
    (0, "Ann", "Can I take vitamin D with calcium?"),
    (1, "Host Person", "Hi Ann, yes, taking them together helps absorption of calcium."),
    (0, "Bob", "What dose of magnesium do you suggest?"),
    (1, "Host Person", "Hi Bob, most adults do well with 300 mg of magnesium daily."),
    (0, "Cy", "Is walking enough exercise for bones?"),
    (1, "Host Person", "Cy, walking helps, but add some weight training twice weekly."),
    (0, "Dee", "Great article."),
)


def test_host_replying_to_many_readers_is_detected_with_evidence() -> None:
    staff = detect_staff(HELPFUL_HOST)
    assert list(staff) == ["Host Person"]
    assert "3 different readers" in staff["Host Person"].evidence
    assert "greeted 3 by name" in staff["Host Person"].evidence


def test_reader_in_a_long_back_and_forth_is_not_staff() -> None:
    doc = thread(
        (0, "Sue", "Fluoride in water weakens bones, filter it."),
        (1, "Don", "Can you send me a link for more info?"),
        (2, "Sue", "Here are a few studies on fluoride and bone strength in adults."),
        (3, "Don", "Which filters remove fluoride from tap water?"),
        (4, "Sue", "Reverse osmosis and distillation remove most fluoride; Brita does not."),
    )
    assert detect_staff(doc) == {}


def test_named_staff_match_without_credentials() -> None:
    doc = thread((0, "Ann", "A question?"), (1, "Vivian Smith, MA", "An answer with real content words."))
    assert list(detect_staff(doc, named=["vivian smith"])) == ["Vivian Smith, MA"]


CASES = {
    "staff-answer": (HELPFUL_HOST, 0, (True, "staff")),
    "unanswered": (HELPFUL_HOST, 6, (False, "")),
    "reader-answer": (
        thread((0, "Ann", "Is kefir good for bones?"), (1, "Bob", "Kefir brings calcium, vitamin K2 and probiotics.")),
        0, (True, "reader"),
    ),
    "thanks-only-is-no-answer": (
        thread((0, "Ann", "Is kefir good for bones?"), (1, "Bob", "Thanks so much, great question!")),
        0, (False, ""),
    ),
    "asker-replying-to-self": (
        thread((0, "Ann", "Is kefir good?"), (1, "Ann", "Also wondering about yoghurt and cheese and milk.")),
        0, (False, ""),
    ),
    "answer-deeper-in-subtree": (
        thread(
            (0, "Ann", "Which filter removes fluoride?"),
            (1, "Bob", "Same question here."),
            (2, "Cy", "Reverse osmosis filters remove most fluoride from drinking water."),
        ),
        0, (True, "reader"),
    ),
}


@pytest.mark.parametrize(("doc", "index", "expected"), CASES.values(), ids=CASES.keys())
def test_answer_status(doc: Document, index: int, expected: tuple[bool, str]) -> None:
    status = answer_status(doc, doc.comments[index], detect_staff(doc))
    assert (status.answered, status.answered_by) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Thank you so much!", False), ("Thanks, very helpful info.", False),
     ("Distilled water removes fluoride; Brita filters do not.", True)],
    ids=["thanks", "thanks-helpful", "content"],
)
def test_is_substantive(text: str, expected: bool) -> None:
    assert is_substantive(text) is expected


def test_byline_author_replying_is_staff() -> None:
    text = HEAD.replace("A Title\n", "A Title\n\nPosted on May 2, 2022 by Jane Doe\n") + (
        "  • Ann\n\n    Is K2 safe with warfarin?\n\n    • Jane Doe\n\n"
        "      Ask your doctor first: K2 changes how warfarin works in the blood.\n"
    )
    doc = parse_lines(text, doc_id="t")
    staff = detect_staff(doc)
    assert list(staff) == ["Jane Doe"] and "byline" in staff["Jane Doe"].evidence
    assert answer_status(doc, doc.comments[0], staff) == AnswerStatus(True, "staff")


def test_markup_that_marks_the_post_author_makes_staff() -> None:
    from commentscope.model import CommentRecord, Document, Thread

    thread = Thread.from_records("d", [
        CommentRecord("1", None, "Reader", "How much should I take?"),
        CommentRecord("2", "1", "Ann Lee", "Start low.", marked_staff=True),
    ])
    staff = detect_staff(Document("d", "d", None, (), thread.comments))
    assert list(staff) == ["Ann Lee"] and "marks" in staff["Ann Lee"].evidence
