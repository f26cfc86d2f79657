"""The thread model: a page (`Document`) with its article and a tree of reader `Comment`s."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from commentscope.errors import CommentscopeError
from commentscope.wraps import paragraphs

log = logging.getLogger(__name__)


class LineRole(StrEnum):
    """What one line of a source page is."""

    TITLE = "title"
    ARTICLE = "article"
    COMMENT_HEADER = "comment_header"
    COMMENT_TEXT = "comment_text"
    COMMENT_META = "comment_meta"
    COMMENT_QUOTE = "comment_quote"  # another post quoted in a comment: kept with it, not in its text
    BOILERPLATE = "boilerplate"
    BLANK = "blank"


@dataclass(frozen=True, slots=True)
class LabelledLine:
    """One source line, the role the parser gave it, and the comment it belongs to."""

    number: int  # 1-based line number in the source
    text: str
    role: LineRole
    comment_id: str | None = None
    clean: str | None = None  # the line without a converter's decoration, where that differs (title, article)

    @property
    def seen(self) -> str:
        """The line as the page showed it: without lynx's link numbers, Markdown's link addresses and
        emphasis marks (`clean`), else the source text; stripped."""
        return self.text.strip() if self.clean is None else self.clean


@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment; `parent_id` is the comment it replies to (None at top level).

    Line spans exist only for text pages; `date` (ISO 8601), `source_id` (the comment's id in the
    source: WordPress comment id, Disqus post id) and `marked_staff` (the markup says the post's
    author wrote it) are filled where the source has them.
    """

    comment_id: str
    parent_id: str | None
    depth: int
    position: int
    author: str | None
    text: str
    line_start: int | None = None
    line_end: int | None = None
    date: str | None = None
    source_id: str | None = None
    marked_staff: bool = False


@dataclass(frozen=True, slots=True)
class CommentRecord:
    """A comment as a structured source states it: its own id and the id it replies to."""

    source_id: str
    parent_id: str | None
    author: str | None
    text: str
    date: str | None = None
    marked_staff: bool = False


class IntegrityError(CommentscopeError):
    """A document's reply tree is inconsistent (a parser bug, never bad input)."""


@dataclass(frozen=True)
class Document:
    """A parsed page: title, article body, boilerplate and the comment thread."""

    doc_id: str
    source: str
    title: str | None
    lines: tuple[LabelledLine, ...]
    comments: tuple[Comment, ...] = ()
    comments_closed: bool = False
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = field(default=())
    url: str | None = None
    reader: str = "text"
    article_text: str | None = None  # readers without source lines (HTML, exports) set it
    wrap_width: int | None = None  # the column a text converter wrapped the page at (`wraps`)

    def lines_with(self, role: LineRole) -> list[LabelledLine]:
        return [line for line in self.lines if line.role is role]

    @property
    def article_lines(self) -> list[LabelledLine]:
        return self.lines_with(LineRole.ARTICLE)

    @property
    def article(self) -> str:
        """The article body, one paragraph per line (a paragraph a converter wrapped, joined),
        leading indentation removed."""
        if self.article_text is not None:
            return self.article_text
        return "\n".join(text for text, _ in paragraphs(self.article_lines, self.wrap_width))

    @property
    def article_span(self) -> tuple[int, int] | None:
        """First and last source line of the article body, or None when there is none."""
        article = self.article_lines
        return (article[0].number, article[-1].number) if article else None

    @property
    def boilerplate(self) -> list[str]:
        return [line.text.strip() for line in self.lines_with(LineRole.BOILERPLATE)]

    @property
    def max_depth(self) -> int | None:
        return max((c.depth for c in self.comments), default=None)

    @cached_property
    def _by_id(self) -> dict[str, Comment]:
        return {c.comment_id: c for c in reversed(self.comments)}  # the first wins on duplicates

    @cached_property
    def _children(self) -> dict[str | None, list[Comment]]:
        children: dict[str | None, list[Comment]] = {}
        for c in self.comments:
            children.setdefault(c.parent_id, []).append(c)
        return children

    def comment(self, comment_id: str) -> Comment:
        return self._by_id[comment_id]

    def replies(self, comment_id: str | None) -> list[Comment]:
        """Direct replies to a comment (top-level comments for None), in page order."""
        return list(self._children.get(comment_id, ()))

    def subtree(self, comment_id: str) -> list[Comment]:
        """All comments below `comment_id` in the reply tree, in page order."""
        found = [c for c in _preorder(self._children, comment_id)]
        return sorted(found, key=lambda c: c.position)

    def walk(self) -> Iterator[Comment]:
        """Depth-first, pre-order walk of the reply tree (page order for parsed pages); any depth."""
        return _preorder(self._children, None)

    def check_integrity(self) -> None:
        """Raise IntegrityError unless every parent exists, precedes its replies, and depths agree."""
        seen: dict[str, Comment] = {}
        for position, c in enumerate(self.comments):
            if c.position != position:
                raise IntegrityError(f"{c.comment_id}: position {c.position}, expected {position}")
            if c.comment_id in seen:
                raise IntegrityError(f"{c.comment_id}: duplicate comment id")
            if c.parent_id is None:
                if c.depth != 0:
                    raise IntegrityError(f"{c.comment_id}: top-level comment at depth {c.depth}")
            else:
                parent = seen.get(c.parent_id)
                if parent is None:
                    raise IntegrityError(f"{c.comment_id}: parent {c.parent_id} missing or later")
                if c.depth != parent.depth + 1:
                    raise IntegrityError(f"{c.comment_id}: depth {c.depth} under depth {parent.depth}")
            if c.line_start is not None and c.line_end is not None and c.line_end < c.line_start:
                raise IntegrityError(f"{c.comment_id}: ends before it starts")
            seen[c.comment_id] = c


def _preorder(children: dict[str | None, list[Comment]], root: str | None) -> Iterator[Comment]:
    """Pre-order walk below `root` with an explicit stack, so a 10,000-deep chain is fine."""
    stack = list(reversed(children.get(root, ())))
    while stack:
        comment = stack.pop()
        yield comment
        stack.extend(reversed(children.get(comment.comment_id, ())))


@dataclass(frozen=True)
class Thread:
    """A reply tree built from id/parent records, and what had to be mended to build it."""

    comments: tuple[Comment, ...]
    warnings: tuple[str, ...] = ()

    @classmethod
    def from_records(cls, doc_id: str, records: Iterable[CommentRecord]) -> Thread:
        """Order replies under their parents (siblings in record order), whatever the record order.

        Duplicate ids keep the first record; a reply whose parent is missing (deleted, filtered
        out) or that sits in a parent cycle becomes top level. Each mend is a warning.
        """
        by_id: dict[str, CommentRecord] = {}
        warnings: list[str] = []
        for record in records:
            if record.source_id in by_id:
                warnings.append(f"{doc_id}: duplicate comment id {record.source_id!r}, later copy dropped")
                continue
            by_id[record.source_id] = record
        order = {sid: i for i, sid in enumerate(by_id)}
        parent_of: dict[str, str | None] = {}
        for sid, record in by_id.items():
            parent = record.parent_id or None
            if parent is not None and parent not in by_id:
                warnings.append(f"{doc_id}: comment {sid!r} replies to missing {parent!r}; kept at top level")
                parent = None
            elif parent == sid:
                warnings.append(f"{doc_id}: comment {sid!r} replies to itself; kept at top level")
                parent = None
            parent_of[sid] = parent
        for sid in _cycle_breaks(parent_of, order):
            warnings.append(f"{doc_id}: comment {sid!r} is in a reply cycle; kept at top level")
            parent_of[sid] = None
        children: dict[str | None, list[str]] = {}
        for sid in by_id:
            children.setdefault(parent_of[sid], []).append(sid)
        comments: list[Comment] = []
        new_id: dict[str, str] = {}
        stack: list[tuple[str, int]] = [(sid, 0) for sid in reversed(children.get(None, []))]
        while stack:
            sid, depth = stack.pop()
            record, position = by_id[sid], len(comments)
            new_id[sid] = f"{doc_id}-c{position:03d}"
            parent = parent_of[sid]
            comments.append(Comment(
                comment_id=new_id[sid], parent_id=new_id[parent] if parent else None, depth=depth,
                position=position, author=record.author, text=record.text, date=record.date,
                source_id=sid, marked_staff=record.marked_staff,
            ))
            stack.extend((child, depth + 1) for child in reversed(children.get(sid, [])))
        return cls(tuple(comments), tuple(warnings))


def _cycle_breaks(parent_of: dict[str, str | None], order: dict[str, int]) -> list[str]:
    """One id per parent cycle (the earliest record in it), so that cutting it leaves a tree."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    breaks: list[str] = []
    for start in parent_of:
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in state:
            state[node] = 1
            path.append(node)
            node = parent_of[node]
        if node is not None and state[node] == 1:  # walked back into the current path: a cycle
            cycle = path[path.index(node):]
            breaks.append(min(cycle, key=order.__getitem__))
        for visited in path:
            state[visited] = 2
    return breaks
