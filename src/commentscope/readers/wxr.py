"""WordPress WXR exports (Tools -> Export): one Document per post, its comments as a reply tree.

What is read from where: the post's `<title>`, `<link>` (the document URL), `<content:encoded>`
(the article, markup to text) and `<wp:post_id>` (doc id `FILE-POSTID`); each `<wp:comment>`'s
id, `comment_parent` (nesting), author, `comment_date_gmt` (ISO 8601, UTC), content, type and
approval. A comment is marked staff when its `comment_user_id` is the id of the post's author
(`<dc:creator>` looked up among the channel's `<wp:author>`s), or, lacking ids, its e-mail is.
Pingbacks and trackbacks, pending, spam and trashed comments are skipped unless `--keep` asks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from commentscope.model import CommentRecord, Document
from commentscope.readers.options import ReadOptions
from commentscope.readers.records import build_document, iso_date
from commentscope.readers.xml import children, declares_entities, fields, html_to_text, iter_elements, local_name
from commentscope.sources import page_stem

WP_NS = "wordpress.org/export/"
CONTENT_NS = "purl.org/rss/1.0/modules/content/"
PING_TYPES = frozenset({"pingback", "trackback"})
NOT_READER_TYPES = frozenset({"order_note", "webhook_delivery", "action_log", "note"})  # plugins' private notes
# Namespace URI fragment -> field prefix; the excerpt namespace lies inside WordPress's, so it goes first.
SPACES = (("/excerpt/", "excerpt"), (WP_NS, "wp"), (CONTENT_NS, "content"), ("purl.org/dc/elements/", "dc"))
STATUS_KIND = {"0": "pending", "spam": "spam", "trash": "deleted", "post-trashed": "deleted"}
NOT_DOCUMENT_TYPES = frozenset({
    "attachment", "nav_menu_item", "revision", "custom_css", "customize_changeset", "oembed_cache",
    "wp_block", "wp_template", "wp_template_part", "wp_global_styles", "wp_navigation", "user_request",
    "wp_font_family", "wp_font_face",
})


@dataclass(frozen=True)
class Author:
    """A site user from the channel's `<wp:author>` list."""

    user_id: str
    email: str


class WxrReader:
    """Reads WordPress eXtended RSS exports, streaming post by post."""

    name = "wxr"
    suffixes = frozenset({".xml"})

    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()

    def sniff(self, path: Path, head: bytes) -> bool:
        # An XML file declaring entities is claimed too, so that it is refused instead of read as text.
        return (b"<rss" in head and WP_NS.encode() in head) or declares_entities(head)

    def read(self, path: Path) -> Iterator[Document]:
        authors: dict[str, Author] = {}
        stem = page_stem(path)
        for number, element in enumerate(iter_elements(path, frozenset({"item", "author"}), depth=2)):
            item = fields(element, SPACES)
            if local_name(element) == "author":
                if WP_NS in str(element.tag):
                    authors[item.get("wp:author_login", "")] = Author(
                        item.get("wp:author_id", ""), item.get("wp:author_email", "")
                    )
                continue
            doc_id = f"{stem}-{item.get('wp:post_id') or f'item{number}'}"
            document = self._post(element, item, doc_id, str(path), authors)
            if document is not None:
                yield document

    def _post(
        self, element: etree._Element, item: dict[str, str], doc_id: str, source: str, authors: dict[str, Author]
    ) -> Document | None:
        author = authors.get(item.get("dc:creator", ""))
        comments = (fields(c, SPACES) for c in children(element, WP_NS, "comment"))
        records = [r for r in (self._comment(c, author) for c in comments) if r]
        post_type = item.get("wp:post_type") or "post"
        if not records and (post_type in NOT_DOCUMENT_TYPES or item.get("wp:status") == "auto-draft"):
            return None
        return build_document(
            doc_id, source, self.name, records, title=html_to_text(item.get("title", "")), url=item.get("link"),
            article=html_to_text(item.get("content:encoded", "")),
            closed=item.get("wp:comment_status") == "closed",
        )

    def _comment(self, comment: dict[str, str], post_author: Author | None) -> CommentRecord | None:
        kind = comment.get("wp:comment_type", "")
        if kind in NOT_READER_TYPES or (kind in PING_TYPES and not self.options.keeps("pingbacks")):
            return None
        status = STATUS_KIND.get(comment.get("wp:comment_approved", "1"))
        if status is not None and not self.options.keeps(status):
            return None
        date = iso_date(comment.get("wp:comment_date_gmt", ""), utc=True) or iso_date(
            comment.get("wp:comment_date", ""), utc=False
        )
        parent = comment.get("wp:comment_parent", "")
        return CommentRecord(
            source_id=comment.get("wp:comment_id", ""),
            parent_id=None if parent in ("", "0") else parent,
            author=html_to_text(comment.get("wp:comment_author", "")) or None,
            text=html_to_text(comment.get("wp:comment_content", "")),
            date=date,
            marked_staff=_by_post_author(comment, post_author),
        )


def _by_post_author(comment: dict[str, str], author: Author | None) -> bool:
    if author is None:
        return False
    user_id = comment.get("wp:comment_user_id", "")
    if author.user_id and user_id not in ("", "0"):
        return user_id == author.user_id
    email = comment.get("wp:comment_author_email", "").casefold()
    return bool(email) and email == author.email.casefold()
