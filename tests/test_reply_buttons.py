"""Replies read from which comments carry a reply button (`reply_buttons.py`): threads printed flat."""

from __future__ import annotations

import pytest

from commentscope.chronology import Moment
from commentscope.model import Comment
from commentscope.reply_buttons import nest_by_buttons

# (has a reply button, day of March 2020 or None): a one-level thread printed flat
CASES = {
    # top-level comments carry the button, their replies follow them without one
    "one-level": ([(True, 1), (False, 2), (False, 3), (True, 1), (False, 4), (True, 2), (True, 2)],
                  [0, 1, 1, 0, 1, 0, 0]),
    # a reply dated a day before the comment it would answer: some other reason for the missing button
    "reply-older": ([(True, 1), (False, 2), (True, 5), (False, 4), (True, 6), (False, 7)], [0] * 6),
    # undated: nothing says the buttonless comments answer anyone
    "undated": ([(True, None), (False, None), (True, None), (False, None), (True, None), (False, None)], [0] * 6),
    # one comment in ten without its button: lost by the dump, not a reply
    "few-without": ([(True, d) for d in range(1, 10)] + [(False, 12)], [0] * 10),
    # the first comment has none: the thread does not open with a top-level comment of this layout
    "first-without": ([(False, 1), (True, 2), (False, 3), (True, 4), (False, 5), (True, 6)], [0] * 6),
}


@pytest.mark.parametrize(("thread", "depths"), CASES.values(), ids=CASES.keys())
def test_nest_by_buttons(thread: list[tuple[bool, int | None]], depths: list[int]) -> None:
    comments = [Comment(f"c{n}", None, 0, n, f"A{n}", "text") for n in range(len(thread))]
    moments: list[Moment | None] = [None if day is None else (2020, 3, day, 12, 0) for _, day in thread]
    buttoned = {c.comment_id for c, (button, _) in zip(comments, thread, strict=True) if button}
    nested = nest_by_buttons(comments, moments, buttoned)
    assert [c.depth for c in nested] == depths
    for c in nested:  # a reply answers the last comment above it with a button
        if c.depth:
            above = [o for o in nested[: nested.index(c)] if o.comment_id in buttoned]
            assert c.parent_id == above[-1].comment_id


def test_a_thread_already_nested_is_left_as_it_is() -> None:
    comments = [Comment("c0", None, 0, 0, "A", "t"), Comment("c1", "c0", 1, 1, "B", "t"),
                Comment("c2", None, 0, 2, "C", "t"), Comment("c3", None, 0, 3, "D", "t"),
                Comment("c4", None, 0, 4, "E", "t"), Comment("c5", None, 0, 5, "F", "t")]
    moments: list[Moment | None] = [(2020, 3, n + 1, 12, 0) for n in range(6)]
    assert nest_by_buttons(comments, moments, {"c0", "c2", "c4"}) == comments
