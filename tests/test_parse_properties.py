"""Property tests: any text parses without crashing, and no non-blank line is lost."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commentscope.errors import UnreadableInputError
from commentscope.model import LineRole
from commentscope.parse import parse_lines, parse_page
from commentscope.sources import decode

FRAGMENTS = [
    "", "  ", "\t", "• ", "  • ", "    • ", "1. ", "  2) ", "(3) ", "- ", "* ", "◦ ", "Anna", "Bob says:",
    "Avatar Cara", "October 27, 2020 at 1:18 am", "3 days ago", "Reply", "Log in to Reply", "18 Comments",
    "Leave a Reply", "Comments on this article are closed.", "Tags:", "Get It Free Now", "Loading More",
    "This is a long sentence of article prose that goes on for quite a few words indeed.",
    "Is this a question?", "Que: what?", "Dr Smith: yes.",
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
    source_lines = text.splitlines()
    assert [line.number for line in doc.lines] == list(range(1, len(source_lines) + 1))
    for line, raw in zip(doc.lines, source_lines, strict=True):
        assert line.text == raw
        assert (line.role is LineRole.BLANK) == (not raw.strip())
        in_comment = line.role in (LineRole.COMMENT_HEADER, LineRole.COMMENT_TEXT)
        assert (line.comment_id is not None) >= in_comment


@settings(max_examples=300, deadline=None)
@given(pages)
def test_comment_text_comes_from_its_own_lines(text: str) -> None:
    doc = parse_lines(text, doc_id="p")
    for comment in doc.comments:
        owned = [ln for ln in doc.lines if ln.comment_id == comment.comment_id]
        assert owned and owned[0].number == comment.line_start
        for part in filter(None, comment.text.split("\n")):
            assert any(part in ln.text for ln in owned if ln.role is LineRole.COMMENT_TEXT)


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
        assert len(doc.lines) == len(decode(data, str(path))[0].splitlines())
