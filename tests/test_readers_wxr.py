"""WordPress WXR exports: posts as documents, comment nesting, status and type filters, staff marks."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from commentscope.model import Document
from commentscope.readers import ReadOptions, reader_for
from commentscope.readers.wxr import WxrReader

EXPORTS = Path(__file__).parent / "data" / "exports"
BLOG = EXPORTS / "blog.wxr.xml"


def read(path: Path, **options: object) -> list[Document]:
    return list(WxrReader(ReadOptions(**options)).read(path))  # type: ignore[arg-type]


def wxr(items: str, authors: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
        'content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
        f"<channel><title>Site</title>{authors}{items}</channel></rss>"
    )


def comment(cid: str, parent: str = "0", text: str = "Hello there", **fields: str) -> str:
    extra = "".join(f"<wp:{k}>{v}</wp:{k}>" for k, v in fields.items())
    return (
        f"<wp:comment><wp:comment_id>{cid}</wp:comment_id><wp:comment_author>A{cid}</wp:comment_author>"
        f"<wp:comment_content><![CDATA[{text}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
        f"<wp:comment_parent>{parent}</wp:comment_parent>{extra}</wp:comment>"
    )


def item(post_id: str, comments: str, creator: str = "admin") -> str:
    return (
        f"<item><title>Post {post_id}</title><link>https://x.example/{post_id}/</link>"
        f"<dc:creator>{creator}</dc:creator><wp:post_id>{post_id}</wp:post_id>"
        f"<wp:post_type>post</wp:post_type>{comments}</item>"
    )


def test_sniffed_by_content_not_suffix(tmp_path: Path) -> None:
    plain = tmp_path / "export.txt"
    plain.write_bytes(BLOG.read_bytes())
    assert reader_for(BLOG).name == "wxr"
    assert reader_for(plain).name == "wxr"
    assert reader_for(EXPORTS / "forum.disqus.xml").name != "wxr"


def test_one_document_per_post_and_page_attachments_skipped() -> None:
    docs = read(BLOG)
    assert [d.doc_id for d in docs] == ["blog.wxr-17", "blog.wxr-2"]
    post, page = docs
    assert post.url == "https://bones.example.org/fluoride/"
    assert post.title == "Is fluoride good for bones?"
    assert post.reader == "wxr"
    assert post.article == "Fluoride hardens teeth & enamel.\n\nBones are a different story."
    assert not post.comments_closed and page.comments_closed
    assert page.comments == ()


def test_comment_parent_nesting_whatever_the_order() -> None:
    post = read(BLOG)[0]
    post.check_integrity()
    got = [(c.source_id, c.depth, c.author) for c in post.walk()]
    assert got == [("101", 0, "Maria"), ("102", 1, "Vivian"), ("103", 2, "Maria"), ("104", 0, "Ed")]
    assert post.comments[0].text == "Does fluoride in water weaken bones?\n\nI read it somewhere."


def test_dates_in_iso_8601_utc_with_local_fallback() -> None:
    dates = {c.source_id: c.date for c in read(BLOG)[0].comments}
    assert dates["101"] == "2021-03-04T09:15:00Z"
    assert dates["104"] == "2021-03-06T08:00:00"  # GMT date is 0000-00-00: local time, no zone


def test_post_authors_comments_are_marked_staff() -> None:
    staff = {c.source_id: c.marked_staff for c in read(BLOG)[0].comments}
    assert staff == {"101": False, "102": True, "103": False, "104": False}  # 104: another site user


def test_staff_by_email_when_the_export_has_no_user_ids(tmp_path: Path) -> None:
    authors = (
        "<wp:author><wp:author_login>admin</wp:author_login><wp:author_email>me@x.example</wp:author_email></wp:author>"
    )
    body = comment("1") + comment("2", "1", comment_author_email="ME@x.example")
    body += comment("3", comment_author_email="o@o")
    path = tmp_path / "e.xml"
    path.write_text(wxr(item("5", body), authors), "utf-8")
    assert [c.marked_staff for c in read(path)[0].comments] == [False, True, False]


KEEP = {
    "default": ((), {"101", "102", "103", "104"}),
    "pingbacks": (("pingbacks",), {"101", "102", "103", "104", "105"}),
    "spam": (("spam",), {"101", "102", "103", "104", "106"}),
    "pending": (("pending",), {"101", "102", "103", "104", "107"}),
    "deleted": (("deleted",), {"101", "102", "103", "104", "108"}),
}


@pytest.mark.parametrize(("keep", "expected"), KEEP.values(), ids=KEEP.keys())
def test_only_approved_comments_unless_asked(keep: tuple[str, ...], expected: set[str]) -> None:
    post = read(BLOG, keep=frozenset(keep))[0]
    assert {c.source_id for c in post.comments} == expected


def test_missing_parent_becomes_top_level_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "orphan.xml"
    path.write_text(wxr(item("9", comment("1") + comment("2", parent="77"))), "utf-8")
    doc = read(path)[0]
    assert [(c.source_id, c.depth) for c in doc.comments] == [("1", 0), ("2", 0)]
    assert any("'77'" in w and "top level" in w for w in doc.warnings)


def test_gzipped_export_reads_the_same(tmp_path: Path) -> None:
    packed = tmp_path / "blog.xml.gz"
    packed.write_bytes(gzip.compress(BLOG.read_bytes()))
    assert reader_for(packed).name == "wxr"
    assert [c.text for d in read(packed) for c in d.comments] == [c.text for d in read(BLOG) for c in d.comments]


def test_many_posts_stream_in_order(tmp_path: Path) -> None:
    path = tmp_path / "many.xml"
    path.write_text(wxr("".join(item(str(n), comment(f"{n}1") + comment(f"{n}2", f"{n}1")) for n in range(200))))
    docs = read(path)
    assert [d.doc_id for d in docs] == [f"many-{n}" for n in range(200)]
    assert all([c.depth for c in d.comments] == [0, 1] for d in docs)
