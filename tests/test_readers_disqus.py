"""Disqus exports: threads as documents, posts nested by parent, deleted/spam filters, merged threads."""

from __future__ import annotations

from pathlib import Path

import pytest

from commentscope.model import Document
from commentscope.readers import ReadOptions, reader_for
from commentscope.readers import grouping as grouping_module
from commentscope.readers.disqus import DisqusReader

FORUM = Path(__file__).parent / "data" / "exports" / "forum.disqus.xml"


def read(path: Path, **options: object) -> list[Document]:
    return list(DisqusReader(ReadOptions(**options)).read(path))  # type: ignore[arg-type]


def disqus(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
        f'xmlns:dsq="http://disqus.com/disqus-internals">{body}</disqus>'
    )


def thread(tid: str, link: str) -> str:
    return f'<thread dsq:id="{tid}"><link>{link}</link><title>T{tid}</title><isClosed>false</isClosed></thread>'


def post(pid: str, tid: str, parent: str = "", when: str = "2020-01-01T00:00:00Z") -> str:
    up = f'<parent dsq:id="{parent}"/>' if parent else ""
    return (
        f'<post dsq:id="{pid}"><message><![CDATA[<p>post {pid}</p>]]></message><createdAt>{when}</createdAt>'
        f'<isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>N{pid}</name></author>'
        f'<thread dsq:id="{tid}"/>{up}</post>'
    )


def test_sniffed_by_content() -> None:
    assert reader_for(FORUM).name == "disqus"


def test_threads_with_posts_become_documents() -> None:
    docs = read(FORUM)
    assert [d.doc_id for d in docs] == ["forum.disqus-500", "forum.disqus-501"]  # 503 has no posts
    first = docs[0]
    assert first.url == "https://bones.example.org/fluoride/"
    assert (first.title, first.reader) == ("Is fluoride good for bones?", "disqus")
    for doc in docs:
        doc.check_integrity()


def test_posts_nest_under_their_parents_with_author_and_date() -> None:
    first = read(FORUM)[0]
    got = [(c.source_id, c.depth, c.author, c.date) for c in first.walk()]
    assert got[:2] == [("9001", 0, "Maria", "2021-03-04T09:15:00Z"), ("9002", 1, "Vivian", "2021-03-04T11:00:00Z")]
    assert first.comments[0].text == "Does fluoride weaken bones?\n\nAsking for my mum."


def test_thread_authors_posts_are_marked_staff() -> None:
    first = read(FORUM)[0]  # thread 500 was opened by the account "vivian"
    assert {c.source_id: c.marked_staff for c in first.comments} == {"9001": False, "9002": True, "9004": False}


def test_deleted_and_spam_skipped_and_orphaned_reply_kept_top_level() -> None:
    first = read(FORUM)[0]
    assert {c.source_id for c in first.comments} == {"9001", "9002", "9004"}
    assert first.comment(next(c.comment_id for c in first.comments if c.source_id == "9004")).depth == 0
    assert any("'9003'" in w for w in first.warnings)


@pytest.mark.parametrize(("keep", "extra"), [("deleted", "9003"), ("spam", "9005")], ids=["deleted", "spam"])
def test_kept_on_request(keep: str, extra: str) -> None:
    first = read(FORUM, keep=frozenset({keep}))[0]
    assert extra in {c.source_id for c in first.comments}


def test_threads_of_one_url_are_merged_in_time_order() -> None:
    calcium = read(FORUM)[1]  # threads 501 and 502: https://…/calcium and http://www.…/calcium/
    assert [c.source_id for c in calcium.comments] == ["9011", "9010"]
    assert calcium.url == "https://bones.example.org/calcium"
    assert calcium.comments_closed  # 501 is closed


def test_posts_of_a_thread_missing_from_the_file_are_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "lost.xml"
    path.write_text(disqus(post("1", "404")), "utf-8")
    (doc,) = read(path)
    assert [c.source_id for c in doc.comments] == ["1"]
    assert doc.url is None and any("404" in w for w in doc.warnings)


@pytest.mark.parametrize("budget", [None, 3], ids=["in-memory", "spilled-to-disk"])
def test_interleaved_threads_group_the_same_in_memory_or_spilled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, budget: int | None
) -> None:
    if budget is not None:
        monkeypatch.setattr(grouping_module, "DEFAULT_BUDGET", budget)
    threads = "".join(thread(str(t), f"https://x.example/{t}") for t in range(5))
    posts = "".join(post(f"{n}{t}", str(t), parent=f"{n - 1}{t}" if n else "") for n in range(6) for t in range(5))
    path = tmp_path / "mixed.xml"
    path.write_text(disqus(threads + posts), "utf-8")
    docs = read(path)
    assert [d.url for d in docs] == [f"https://x.example/{t}" for t in range(5)]
    for t, doc in enumerate(docs):
        assert [(c.source_id, c.depth) for c in doc.comments] == [(f"{n}{t}", n) for n in range(6)]
