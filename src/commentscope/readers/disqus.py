"""Disqus XML exports: one Document per discussed page, its posts as a reply tree.

What is read from where: each `<thread>`'s `dsq:id`, `<link>` (the document URL), `<title>` and
`<isClosed>`; each `<post>`'s `dsq:id`, `<thread dsq:id>`, `<parent dsq:id>` (nesting),
`<author><name>`, `<createdAt>` (ISO 8601) and `<message>` (markup to text). Threads that share
one URL (Disqus makes a new one when a page's identifier changes) are merged into one document,
posts in time order; threads without posts give no document. Deleted and spam posts are skipped
unless `--keep deleted` / `--keep spam`; their replies stay, at top level, with a warning. A
post is marked staff when its author's username is the thread author's (the site's account).

Posts of all threads are interleaved in an export, so they are grouped by thread through
`PageGroups`, which spills to a temporary file beyond a memory budget.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from commentscope.errors import UnreadableInputError
from commentscope.model import CommentRecord, Document
from commentscope.readers.grouping import PageGroups
from commentscope.readers.options import ReadOptions
from commentscope.readers.records import build_document, iso_date
from commentscope.readers.xml import attribute, fields, html_to_text, iter_elements, local_name
from commentscope.sources import page_stem

URL_SCHEME_RE = re.compile(r"^https?://(www\.)?", re.IGNORECASE)


@dataclass(frozen=True)
class ThreadInfo:
    """What a `<thread>` says about its page."""

    url: str
    title: str
    closed: bool
    owner: str  # username of the thread's author (the site's account), '' when anonymous


class DisqusReader:
    """Reads Disqus XML exports (Admin -> Community -> Export), streaming."""

    name = "disqus"
    suffixes = frozenset({".xml"})

    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()

    def sniff(self, path: Path, head: bytes) -> bool:
        return b"<disqus" in head and b"disqus.com" in head

    def read(self, path: Path) -> Iterator[Document]:
        threads: dict[str, ThreadInfo] = {}
        failure: UnreadableInputError | None = None
        with PageGroups() as posts:
            try:
                for element in iter_elements(path, frozenset({"thread", "post"}), depth=1):
                    if local_name(element) == "thread":
                        threads.setdefault(attribute(element, "id"), _thread(element))
                    else:
                        self._add_post(element, posts)
            except UnreadableInputError as exc:  # keep what was read before the break
                failure = exc
            yield from self._documents(path, threads, posts)
        if failure is not None:
            raise failure

    def _add_post(self, post: etree._Element, posts: PageGroups) -> None:
        thread_id, parent_id, author = "", None, None
        for child in post:  # one pass over the post's children
            name = local_name(child)
            if name == "thread":
                thread_id = attribute(child, "id")
            elif name == "parent":
                parent_id = attribute(child, "id") or None
            elif name == "author":
                author = child
        if not thread_id:
            return
        field = fields(post)
        for kind, flag in (("deleted", "isDeleted"), ("spam", "isSpam")):
            if _true(field.get(flag, "")) and not self.options.keeps(kind):
                posts.add(thread_id, [])  # the thread still has posts, so it still gets a document
                return
        who = fields(author) if author is not None else {}
        posts.add(thread_id, [
            attribute(post, "id"), parent_id, who.get("name") or who.get("username") or None,
            html_to_text(field.get("message", "")), iso_date(field.get("createdAt", ""), utc=True),
            _username(who), thread_id,
        ])

    def _documents(self, path: Path, threads: dict[str, ThreadInfo], posts: PageGroups) -> Iterator[Document]:
        by_page: dict[str, list[str]] = {}
        in_file = {thread_id: i for i, thread_id in enumerate(threads)}
        for thread_id in sorted(posts.keys(), key=lambda t: in_file.get(t, len(in_file))):
            info = threads.get(thread_id)
            key = _page_key(info.url) if info and info.url else f"thread:{thread_id}"
            by_page.setdefault(key, []).append(thread_id)
        stem = page_stem(path)
        for thread_ids in by_page.values():
            rows = [row for thread_id in thread_ids for row in posts.take(thread_id) if row]
            if len(thread_ids) > 1:
                rows.sort(key=lambda row: row[4] or "")
            known = [threads[t] for t in thread_ids if t in threads]
            warnings = [] if known else [f"{path}: posts of thread {thread_ids[0]} whose <thread> is missing"]
            owners = {t: threads[t].owner for t in thread_ids if t in threads}
            records = [
                CommentRecord(source_id=r[0], parent_id=r[1], author=r[2], text=r[3], date=r[4],
                              marked_staff=bool(r[5]) and r[5] == owners.get(r[6]))
                for r in rows
            ]
            yield build_document(
                f"{stem}-{thread_ids[0]}", str(path), self.name, records,
                title=next((t.title for t in known if t.title), None),
                url=known[0].url if known else None,
                closed=any(t.closed for t in known),
                warnings=warnings,
            )


def _thread(element: etree._Element) -> ThreadInfo:
    field = fields(element)
    author = next((child for child in element if local_name(child) == "author"), None)
    return ThreadInfo(
        url=field.get("link", ""), title=html_to_text(field.get("title", "")), closed=_true(field.get("isClosed", "")),
        owner=_username(fields(author)) if author is not None else "",
    )


def _username(author: dict[str, str]) -> str:
    """The account name of a Disqus author; anonymous guests have none."""
    return "" if _true(author.get("isAnonymous", "")) else author.get("username", "")


def _true(value: str) -> bool:
    return value.strip().lower() == "true"


def _page_key(url: str) -> str:
    """One key for the spellings of a page's URL: http/https, `www.`, a trailing slash, a fragment."""
    url = URL_SCHEME_RE.sub("", url.strip()).split("#", 1)[0].rstrip("/")
    host, _, rest = url.partition("/")
    return f"{host.lower()}/{rest}"
