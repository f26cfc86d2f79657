"""The thread model: building reply trees from id/parent records, and walking them at any depth."""

from __future__ import annotations

import pytest

from commentscope.model import CommentRecord, Thread


def rec(sid: str, parent: str | None = None, author: str | None = None) -> CommentRecord:
    return CommentRecord(source_id=sid, parent_id=parent, author=author or f"user{sid}", text=f"text {sid}")


def shape(thread: Thread) -> list[tuple[str | None, int]]:
    return [(c.source_id, c.depth) for c in thread.comments]


def test_replies_follow_their_parents_whatever_the_record_order() -> None:
    thread = Thread.from_records("d", [rec("3", "2"), rec("1"), rec("2", "1"), rec("4"), rec("5", "1")])
    assert shape(thread) == [("1", 0), ("2", 1), ("3", 2), ("5", 1), ("4", 0)]
    assert thread.warnings == ()
    ids = {c.source_id: c.comment_id for c in thread.comments}
    assert [c.parent_id for c in thread.comments] == [None, ids["1"], ids["2"], ids["1"], None]
    assert [c.position for c in thread.comments] == list(range(5))


CASES = {
    "orphan": ([rec("1"), rec("2", "gone")], [("1", 0), ("2", 0)], "missing"),
    "self-reply": ([rec("1", "1")], [("1", 0)], "itself"),
    "cycle": (
        [rec("0"), rec("1", "2"), rec("2", "1"), rec("3", "2")], [("0", 0), ("1", 0), ("2", 1), ("3", 2)], "cycle"
    ),
    "duplicate": ([rec("1"), rec("1"), rec("2", "1")], [("1", 0), ("2", 1)], "duplicate"),
}


@pytest.mark.parametrize(("records", "expected", "warning"), CASES.values(), ids=CASES.keys())
def test_broken_records_are_mended_with_a_warning(
    records: list[CommentRecord], expected: list[tuple[str, int]], warning: str
) -> None:
    thread = Thread.from_records("d", records)
    assert shape(thread) == expected
    assert len(thread.warnings) == 1 and warning in thread.warnings[0]


def test_a_very_deep_chain_builds_walks_and_checks() -> None:
    from commentscope.model import Document

    depth = 20_000
    records = [rec("0")] + [rec(str(i), str(i - 1)) for i in range(1, depth)]
    thread = Thread.from_records("d", records)
    doc = Document("d", "d", None, (), thread.comments)
    doc.check_integrity()
    assert doc.max_depth == depth - 1
    assert [c.comment_id for c in doc.walk()] == [c.comment_id for c in thread.comments]
    assert len(doc.subtree(thread.comments[0].comment_id)) == depth - 1
    assert doc.replies(thread.comments[-2].comment_id) == [thread.comments[-1]]
