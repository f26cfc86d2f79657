"""Replies read from which comments carry a reply button, where the dump prints a thread flat.

A thread nested one level deep lets readers answer a top-level comment only: its reply button (and
often a reply form) stands under it, and its replies, printed after it, have none ('Claire' / DATE /
text / 'Report' 'Recommend' / 'Reply to this post', then 'Michael' / DATE / text / 'Report'
'Recommend', Carnegie's blogs). So in a thread the parser read flat, where the first comment and at
least `MIN_BUTTONED` comments carry a reply button and others do not, each comment without one is a
reply to the last comment above it with one. The dates must agree (nearly every comment dated, no
undated thread nests so): where a reply would be of an
earlier day than the comment it answers, the thread is left as it is (a page whose buttons some
comments lack for another reason; within a day, a site's clock may put an answer before the comment
it answers, as Carnegie's does once).
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import replace

from commentscope.chronology import Moment
from commentscope.model import Comment

__all__ = ["nest_by_buttons"]

MIN_BUTTONED = 3  # comments with a reply button: fewer show no pattern
MIN_UNBUTTONED = 2  # comments without one (a last comment whose button the dump cut off is no reply)
# ... and this share of them: a few comments without a button among many with one lost theirs (a web
# archive's copy of a blog, 3 of 33 without 'Antworten', all at the top level)
MIN_UNBUTTONED_SHARE = 0.2
MIN_DATED_SHARE = 0.9  # the share of comments whose header gives a date, which the nesting must agree with


def nest_by_buttons(comments: Sequence[Comment], moments: Sequence[Moment | None],
                    buttoned: Set[str]) -> list[Comment]:
    """The comments with each one that has no reply button (`buttoned`: the ids of those with one) moved
    under the last one above it with a button; unchanged unless the parser read every comment at the
    top level, the first carries a button, and the counts and the dates (`MIN_DATED_SHARE`) agree."""
    with_button = sum(c.comment_id in buttoned for c in comments)
    if (any(c.depth for c in comments) or not comments or comments[0].comment_id not in buttoned
            or with_button < MIN_BUTTONED
            or len(comments) - with_button < max(MIN_UNBUTTONED, MIN_UNBUTTONED_SHARE * len(comments))
            or sum(m is not None for m in moments) < MIN_DATED_SHARE * len(comments)):
        return list(comments)
    out: list[Comment] = []
    parent = 0
    for i, c in enumerate(comments):
        if c.comment_id in buttoned:
            parent = i
            out.append(c)
            continue
        above, mine = moments[parent], moments[i]
        if above is not None and mine is not None and mine[:3] < above[:3]:
            return list(comments)  # a reply a day older than the comment it would answer: no such thread
        out.append(replace(c, depth=1, parent_id=comments[parent].comment_id))
    return out
