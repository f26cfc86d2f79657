"""Replies read from time order, where the dump prints a thread without its nesting.

Threaded comment lists show top-level comments in time order (oldest first, or newest first),
each followed by its replies, and a reply is always newer than the comment it answers, its
siblings again oldest first. So in a list shown oldest first, a comment with an older comment
anywhere after it cannot be at the top level; in a list shown newest first, a comment newer than
the top-level comment above it is a reply to it. `nest_by_time` applies that to the comments the
parser put at the top level, when every comment's header carries a date (read by `dates.py`).
A reply is never older than the comment it answers either, so a comment the dump shows under a newer
one (a stray list marker read as its indentation) moves up beside it first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from commentscope.dates import Moment, find_moment
from commentscope.model import Comment

__all__ = ["Moment", "find_moment", "nest_by_time"]

MIN_COMMENTS = 3  # fewer comments show no order
MIN_DATED_SHARE = 0.9  # the share of comments whose header gives a date; the others keep their place
WINDOW = 200  # how far after a comment an older one is looked for: bounded work per comment
MAX_LEVELS = 32  # time order nests no deeper than this
MAX_MOVED_SHARE = 0.5  # a reading that moves more of the top-level comments than this is not believed


def _before(a: Moment, b: Moment) -> bool:
    """Whether a is surely earlier than b (to the minute where both give a time, else to the day)."""
    if a[3] is None or b[3] is None:
        return a[:3] < b[:3]
    return a < b


def nest_by_time(comments: Sequence[Comment], moments: Sequence[Moment | None]) -> list[Comment]:
    """The comments with top-level ones that time order shows to be replies moved under the comment they
    follow; their own replies move with them, and a reply older than the comment it is shown under moves
    up beside it first (`_lift_older`). Comments without a date keep their place; unchanged unless
    nearly every comment is dated.

    Three readings are tried: oldest first throughout, newest first at the top level with replies oldest
    first, and newest first throughout. A reading that meets a comment it cannot place (older than the
    comment before it at its level, where comments run oldest first: a teaser list after the thread, a
    misread date) is dropped; of the others, the one that leaves more comments where the dump put them wins
    (a flat list read the wrong way round would make nearly every comment a reply), and a tie between
    readings that differ leaves the thread as it is.
    """
    dated = [i for i, m in enumerate(moments) if m is not None]
    if len(comments) < MIN_COMMENTS or len(dated) < MIN_DATED_SHARE * len(comments):
        return list(comments)
    comments = _lift_older(comments, moments)
    when = {i: m for i, m in enumerate(moments) if m is not None}
    roots = [i for i in dated if comments[i].depth == 0]
    readings = [
        r
        for r in (
            _oldest_first_depths(roots, when),
            _newest_first_depths(roots, when, replies_newest_first=False),
            _newest_first_depths(roots, when, replies_newest_first=True),
        )
        if r is not None
    ]
    readings = [r for r in readings if sum(d > 0 for d in r.values()) <= MAX_MOVED_SHARE * len(roots)]
    if not readings:
        return list(comments)
    fewest = min(sum(d > 0 for d in r.values()) for r in readings)
    best = [r for r in readings if sum(d > 0 for d in r.values()) == fewest]
    if fewest == 0 or any(r != best[0] for r in best[1:]):
        return list(comments)
    return _renest(comments, best[0])


def _newest_first_depths(
    run: list[int], when: dict[int, Moment], *, replies_newest_first: bool, base: int = 0
) -> dict[int, int] | None:
    """Newest first: a comment newer than the last one at its level is in that one's replies, which run
    oldest first, or newest first again."""
    depth: dict[int, int] = {}
    groups: list[tuple[int, list[int]]] = []
    for i in run:
        if groups and base < MAX_LEVELS and _before(when[groups[-1][0]], when[i]):
            groups[-1][1].append(i)
        else:
            groups.append((i, []))
    for head, below in groups:
        depth[head] = base
        if replies_newest_first:
            deeper = _newest_first_depths(below, when, replies_newest_first=True, base=base + 1)
        else:
            deeper = _oldest_first_depths(below, when, base + 1)
        if deeper is None:
            return None
        depth.update(deeper)
    return depth


def _oldest_first_depths(run: list[int], when: dict[int, Moment], base: int = 0) -> dict[int, int] | None:
    """Oldest first: a comment is not at this level when a comment after it in the run is older than it
    and newer than the last one at this level (that one answers the last one's thread or an earlier one, so
    this one sits deeper); it goes under the last one at this level, and so on down. A comment older than
    the last one at its level cannot be placed: None."""
    depth: dict[int, int] = {}
    groups: list[tuple[int, list[int]]] = []
    for k, i in enumerate(run):
        last = when[groups[-1][0]] if groups else None
        if last is not None and _before(when[i], last):
            return None
        deeper = (
            base < MAX_LEVELS
            and last is not None
            and any(_before(when[j], when[i]) and _before(last, when[j]) for j in run[k + 1 : k + 1 + WINDOW])
        )
        if deeper:
            groups[-1][1].append(i)
        else:
            groups.append((i, []))
    for head, below in groups:
        depth[head] = base
        deeper_depths = _oldest_first_depths(below, when, base + 1)
        if deeper_depths is None:
            return None
        depth.update(deeper_depths)
    return depth


def _renest(comments: Sequence[Comment], root_depth: dict[int, int]) -> list[Comment]:
    """Each moved top-level comment under the last comment one level up; its replies shift with it."""
    out: list[Comment] = []
    shift = 0
    for i, c in enumerate(comments):
        if c.depth == 0:
            shift = root_depth.get(i, 0)
            if shift:
                parent = next(o for o in reversed(out) if o.depth == shift - 1)
                out.append(replace(c, depth=shift, parent_id=parent.comment_id))
                continue
        out.append(replace(c, depth=c.depth + shift) if shift else c)
    return out


def _lift_older(comments: Sequence[Comment], moments: Sequence[Moment | None]) -> list[Comment]:
    """The comments with each reply that is surely older than the comment it answers moved up beside that
    one (and further, while still older), its own replies with it."""
    out: list[Comment] = []
    last_at: list[int] = []  # the index of the last comment at each depth so far
    lifts: list[tuple[int, int]] = []  # (depth as printed, levels moved up) of the comments above, nested
    for i, c in enumerate(comments):
        while lifts and lifts[-1][0] >= c.depth:
            lifts.pop()
        depth = max(c.depth - (lifts[-1][1] if lifts else 0), 0)
        mine = moments[i]
        while (
            0 < depth <= len(last_at)
            and mine is not None
            and (up := moments[last_at[depth - 1]]) is not None
            and _before(mine, up)
        ):
            depth -= 1
        lifts.append((c.depth, c.depth - depth))
        del last_at[depth:]
        last_at.extend([i] * (depth + 1 - len(last_at)))  # (one entry per level, should a level be skipped)
        parent = comments[last_at[depth - 1]].comment_id if depth else None
        out.append(c if depth == c.depth else replace(c, depth=depth, parent_id=parent))
    return out
