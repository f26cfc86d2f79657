"""Replies read from time order (`chronology.py`): threads printed flat (dates: `test_dates.py`)."""

from __future__ import annotations

import pytest

from commentscope.chronology import Moment, nest_by_time
from commentscope.model import Comment


def flat(times: list[tuple[int, int]]) -> tuple[list[Comment], list[Moment | None]]:
    """A flat thread: one comment per (day, hour) of March 2020, all at the top level."""
    comments = [Comment(f"c{n}", None, 0, n, f"A{n}", "text") for n in range(len(times))]
    return comments, [(2020, 3, day, hour, 0) for day, hour in times]


NESTING = {
    # oldest first: c2 (10th, 9h) is followed by c3 (10th, 8h): c2 answers c1, c3 is top level again
    "oldest-first": ([(10, 6), (10, 7), (10, 9), (10, 8), (11, 1)], [0, 0, 1, 0, 0]),
    # ... and a reply to that reply: c3 comes after c2 and before the older c4
    "oldest-first-deeper": ([(10, 6), (10, 7), (10, 9), (10, 12), (10, 11), (10, 8)], [0, 0, 1, 2, 1, 0]),
    # newest first: a comment newer than the top-level comment above it is its reply
    "newest-first": ([(12, 9), (12, 10), (11, 8), (11, 9), (10, 1)], [0, 1, 0, 1, 0]),
    # ... with the replies newest first too: only that reading places the older reply after the newer
    "newest-first-throughout": ([(12, 9), (12, 15), (12, 11), (11, 8), (10, 1)], [0, 1, 1, 0, 0]),
    # two replies in order under a newest-first top level: siblings oldest first, or a reply to a reply
    # newest first; the readings differ and nothing tells them apart, so nothing moves
    "ambiguous": ([(12, 9), (11, 8), (11, 9), (11, 11), (10, 1)], [0, 0, 0, 0, 0]),
    # a flat thread in order: nothing moves
    "in-order": ([(10, 1), (10, 2), (10, 3), (10, 4)], [0, 0, 0, 0]),
    # a teaser list after the thread, its dates all over the place: no reading places it, nothing moves
    "stray-dates": ([(10, 6), (10, 7), (10, 9), (1, 1), (20, 1), (5, 1)], [0, 0, 0, 0, 0, 0]),
}


@pytest.mark.parametrize(("times", "depths"), NESTING.values(), ids=NESTING.keys())
def test_nest_by_time(times: list[tuple[int, int]], depths: list[int]) -> None:
    comments, moments = flat(times)
    nested = nest_by_time(comments, moments)
    assert [c.depth for c in nested] == depths
    for c in nested:  # each reply's parent is the nearest comment above it one level up
        if c.depth:
            parent = next(p for p in reversed(nested[: c.position]) if p.depth == c.depth - 1)
            assert c.parent_id == parent.comment_id


def test_replies_move_with_their_comment() -> None:
    comments, moments = flat([(10, 6), (10, 7), (10, 9), (10, 10), (10, 8)])
    comments[3] = Comment("c3", "c2", 1, 3, "A3", "text")  # the dump showed c3 indented under c2
    nested = nest_by_time(comments, moments)
    assert [(c.depth, c.parent_id) for c in nested] == [(0, None), (0, None), (1, "c1"), (2, "c2"), (0, None)]


def test_undated_threads_are_left_alone() -> None:
    comments, moments = flat([(10, 6), (10, 7), (10, 9), (10, 8)])
    moments[1] = moments[2] = None
    assert nest_by_time(comments, moments) == comments


def test_a_reply_older_than_its_parent_moves_up() -> None:
    # c2 was printed under c1 (a stray list marker read as indentation) but is older than c1: it is no
    # reply to c1; beside it, c1 is newer than c2 and so a reply to c0; c3 keeps answering c2
    comments, moments = flat([(10, 6), (10, 9), (10, 8), (10, 10)])
    comments[2] = Comment("c2", "c1", 1, 2, "A2", "text")
    comments[3] = Comment("c3", "c2", 2, 3, "A3", "text")
    nested = nest_by_time(comments, moments)
    assert [(c.depth, c.parent_id) for c in nested] == [(0, None), (1, "c0"), (0, None), (1, "c2")]


def test_a_skipped_level_is_read_without_error() -> None:
    comments, moments = flat([(10, 6), (10, 9), (10, 8), (10, 10)])
    comments[1] = Comment("c1", "c0", 2, 1, "A1", "text")  # two levels under c0 (a malformed dump)
    comments[2] = Comment("c2", "c1", 3, 2, "A2", "text")  # older than c1: up beside it, under c0
    nested = nest_by_time(comments, moments)
    assert [(c.depth, c.parent_id) for c in nested][:3] == [(0, None), (2, "c0"), (1, "c0")]
