"""Documents to typed rows and pandas DataFrames (no I/O): documents.csv and comments.csv."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from commentscope.corpus import PageResult
from commentscope.model import Comment, Document
from commentscope.results import CommentRow, DocumentRow
from commentscope.writers import frame


def comment_row(doc: Document, c: Comment) -> CommentRow:
    """One comment's parsed columns."""
    return CommentRow(
        doc_id=doc.doc_id, comment_id=c.comment_id, parent_id=c.parent_id or "", depth=c.depth,
        position=c.position, author=c.author or "", date=c.date or "", text=c.text,
        line_start=c.line_start, line_end=c.line_end, source_id=c.source_id or "",
        marked_staff=c.marked_staff,
    )


def document_row(result: PageResult) -> DocumentRow:
    """One input page's parsed columns, read or not."""
    doc = result.document
    return DocumentRow(
        doc_id=result.doc_id,
        source=result.source,
        format=doc.reader if doc else "",
        url=(doc.url or "") if doc else "",
        title=(doc.title or "") if doc else "",
        comment_count=len(doc.comments) if doc else 0,
        max_depth=doc.max_depth if doc else None,
        comments_closed=doc.comments_closed if doc else False,
        article_chars=len(doc.article) if doc else 0,
        boilerplate_lines=len(doc.boilerplate) if doc else 0,
        status="ok" if doc else "error",
        error=result.error or "",
    )


def comments_frame(documents: Iterable[Document]) -> pd.DataFrame:
    """One row per comment, in page order, with the columns of comments.csv."""
    return frame((comment_row(doc, c) for doc in documents for c in doc.comments), CommentRow)


def documents_frame(results: Iterable[PageResult]) -> pd.DataFrame:
    """One row per input page, parsed or not, with the columns of documents.csv."""
    return frame((document_row(result) for result in results), DocumentRow)
