"""The thread model: a page (`Document`) with its article and a tree of reader `Comment`s."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from commentscope.errors import CommentscopeError


class LineRole(StrEnum):
    """What one line of a source page is."""

    TITLE = "title"
    ARTICLE = "article"
    COMMENT_HEADER = "comment_header"
    COMMENT_TEXT = "comment_text"
    COMMENT_META = "comment_meta"
    BOILERPLATE = "boilerplate"
    BLANK = "blank"


@dataclass(frozen=True, slots=True)
class LabelledLine:
    """One source line, the role the parser gave it, and the comment it belongs to."""

    number: int  # 1-based line number in the source
    text: str
    role: LineRole
    comment_id: str | None = None


@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment; `parent_id` is the comment it replies to (None at top level)."""

    comment_id: str
    parent_id: str | None
    depth: int
    position: int
    author: str | None
    text: str
    line_start: int
    line_end: int


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

    def lines_with(self, role: LineRole) -> list[LabelledLine]:
        return [line for line in self.lines if line.role is role]

    @property
    def article_lines(self) -> list[LabelledLine]:
        return self.lines_with(LineRole.ARTICLE)

    @property
    def article(self) -> str:
        """The article body, one paragraph per source line, leading indentation removed."""
        return "\n".join(line.text.strip() for line in self.article_lines)

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

    def comment(self, comment_id: str) -> Comment:
        for candidate in self.comments:
            if candidate.comment_id == comment_id:
                return candidate
        raise KeyError(comment_id)

    def replies(self, comment_id: str | None) -> list[Comment]:
        """Direct replies to a comment (top-level comments for None), in page order."""
        return [c for c in self.comments if c.parent_id == comment_id]

    def subtree(self, comment_id: str) -> list[Comment]:
        """All comments below `comment_id` in the reply tree, in page order."""
        below: set[str] = {comment_id}
        found = []
        for c in self.comments:
            if c.parent_id in below:
                below.add(c.comment_id)
                found.append(c)
        return found

    def walk(self) -> Iterator[Comment]:
        """Depth-first, pre-order walk of the reply tree (page order for parsed pages)."""

        def visit(parent: str | None) -> Iterator[Comment]:
            for child in self.replies(parent):
                yield child
                yield from visit(child.comment_id)

        yield from visit(None)

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
            if c.line_end < c.line_start:
                raise IntegrityError(f"{c.comment_id}: ends before it starts")
            seen[c.comment_id] = c
