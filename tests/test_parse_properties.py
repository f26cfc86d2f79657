"""Property tests: any text parses without crashing, and no non-blank line is lost."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from commentscope.errors import UnreadableInputError
from commentscope.grammar import Line, _classify, _classify_line, scan
from commentscope.markup import split_lines
from commentscope.model import LineRole
from commentscope.parse import parse_lines, parse_page
from commentscope.patterns import page_knowledge
from commentscope.sources import decode

FRAGMENTS = [
    "", "  ", "\t", "• ", "  • ", "    • ", "1. ", "  2) ", "(3) ", "- ", "* ", "◦ ", "Anna", "Bob says:",
    "Avatar Cara", "October 27, 2020 at 1:18 am", "3 days ago", "Reply", "Log in to Reply", "18 Comments",
    "Leave a Reply", "Comments on this article are closed.", "Tags:", "Get It Free Now", "Loading More",
    "This is a long sentence of article prose that goes on for quite a few words indeed.",
    "Is this a question?", "Que: what?", "Dr Smith: yes.",
    # what converters print: lynx links and references, Markdown, w3m bullets, avatars, glued dates
    "[12]", "[IMG]", "![Avatar](a.png) ", "[Ann](/u/ann)", "**Ann**", "## ", "\\- ", "4\\. ", "+ ", "o ", "□ ",
    "Unknown's avatar ", "AnnJune 13, 2021 at 9:02 AM", "The Yum List says:", "References",
    # characters that are not line breaks in an editor, and the three that are
    "\x0c", "\u2028", "\x85", "\r", "\r\n",
]

lines = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=3).map("".join),
    st.text(max_size=40),
)
pages = st.lists(lines, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(pages)
def test_every_nonblank_line_gets_exactly_one_role(text: str) -> None:
    doc = parse_lines(text, doc_id="p")
    doc.check_integrity()
    source_lines = split_lines(text)
    assert [line.number for line in doc.lines] == list(range(1, len(source_lines) + 1))
    for line, raw in zip(doc.lines, source_lines, strict=True):
        assert line.text == raw
        assert (line.role is LineRole.BLANK) == (not raw.strip())
        in_comment = line.role in (LineRole.COMMENT_HEADER, LineRole.COMMENT_TEXT)
        assert (line.comment_id is not None) >= in_comment


@settings(max_examples=300, deadline=None)
@given(pages)
# (found by Hypothesis: a numbered item of a separator alone, '(3) •', signed by the header under it, gave the
# comment the text '•', which the line's cleaned text, '(3)', does not hold)
@example("This is a long sentence of article prose that goes on for quite a few words indeed.\n(3) • \nBob says:")
@example("18 Comments\n(3) 1. • \nAnnJune 13, 2021 at 9:02 AM")  # ('1. •' kept its '•', which '(3) 1. •' lost)
@example("18 Comments\n• - \nBob says:")  # ('• -' lost its '-', which the item's text '-' kept)
def test_comment_text_comes_from_its_own_lines(text: str) -> None:
    doc = parse_lines(text, doc_id="p")
    cleaned = {line.number: line.clean for line in scan(text)}
    for comment in doc.comments:
        owned = [ln for ln in doc.lines if ln.comment_id == comment.comment_id]
        assert owned and owned[0].number == comment.line_start
        for part in filter(None, comment.text.split("\n")):
            assert any(part in cleaned[ln.number] for ln in owned if ln.role is LineRole.COMMENT_TEXT)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(exclude_characters="\r\n"), max_size=20), max_size=20),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_line_numbers_count_only_editor_line_breaks(parts: list[str], newline: str) -> None:
    """Form feeds, U+2028 and U+0085 inside a line do not shift the numbers of the lines after it."""
    doc = parse_lines("".join(part + newline for part in parts), doc_id="p")
    assert [line.text for line in doc.lines] == parts
    assert [line.number for line in doc.lines] == list(range(1, len(parts) + 1))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_either_parse_or_raise_our_error(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "page.txt"
    path.write_bytes(data)
    try:
        doc = parse_page(path)
    except UnreadableInputError as exc:
        assert str(path) in str(exc)
    else:
        assert len(doc.lines) == len(split_lines(decode(data, str(path))[0]))


@settings(max_examples=100, deadline=None)
@given(pages)
def test_remembered_line_classes_equal_fresh_ones(text: str) -> None:
    # the packaged tables read a short line from the classification remembered for its text; an
    # equal copy of the tables takes the uncached path, line by line
    fresh = scan(text, replace(page_knowledge()))
    assert scan(text) == fresh
    assert scan(text) == fresh  # second time from the cache


@settings(max_examples=150, deadline=None)
@given(lines, st.integers(min_value=0, max_value=8), st.booleans())
def test_remembered_classification_sets_every_field_the_rules_set(text: str, indent: int, markdown: bool) -> None:
    kb = page_knowledge()
    stripped = text.strip()
    remembered = Line(1, text, indent, stripped, rest=stripped)
    for _ in range(2):  # the first call fills the cache, the second reads it
        _classify(remembered, kb, markdown)
    ruled = Line(1, text, indent, stripped, rest=stripped)
    _classify_line(ruled, kb, markdown)
    assert remembered == ruled


def test_positions_run_on_after_a_header_without_a_body_is_dropped() -> None:
    """A head whose comment has no text (an avatar's alt text over a heading) is dropped as chrome; the
    comments after it are numbered from 0 again (Hypothesis found 'B' left at position 1)."""
    doc = parse_lines("18 Comments\n  Unknown's avatar \nGet It Free Now\n• \nB\n000000", doc_id="p")
    doc.check_integrity()
    assert [c.position for c in doc.comments] == list(range(len(doc.comments)))
