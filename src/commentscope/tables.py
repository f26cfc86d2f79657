"""Documents to pandas DataFrames (no I/O): the columns of documents.csv and comments.csv."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from commentscope.corpus import PageResult
from commentscope.model import Document
from commentscope.results import COMMENT_COLUMNS, DOCUMENT_COLUMNS


def comments_frame(documents: Iterable[Document]) -> pd.DataFrame:
    """One row per comment, in page order, with the columns of comments.csv."""
    rows = [
        {
            "doc_id": doc.doc_id,
            "comment_id": c.comment_id,
            "parent_id": c.parent_id or "",
            "depth": c.depth,
            "position": c.position,
            "author": c.author or "",
            "date": c.date or "",
            "text": c.text,
            "line_start": c.line_start,
            "line_end": c.line_end,
            "source_id": c.source_id or "",
            "marked_staff": c.marked_staff,
        }
        for doc in documents
        for c in doc.comments
    ]
    return pd.DataFrame(rows, columns=COMMENT_COLUMNS).astype(
        {"depth": "int64", "position": "int64", "line_start": "Int64", "line_end": "Int64", "marked_staff": "bool"}
    )


def documents_frame(results: Iterable[PageResult]) -> pd.DataFrame:
    """One row per input page, parsed or not, with the columns of documents.csv."""
    rows = []
    for result in results:
        doc = result.document
        rows.append(
            {
                "doc_id": result.doc_id,
                "source": result.source,
                "format": doc.reader if doc else "",
                "url": (doc.url or "") if doc else "",
                "title": (doc.title or "") if doc else "",
                "comment_count": len(doc.comments) if doc else 0,
                "max_depth": doc.max_depth if doc else None,
                "comments_closed": doc.comments_closed if doc else False,
                "article_chars": len(doc.article) if doc else 0,
                "boilerplate_lines": len(doc.boilerplate) if doc else 0,
                "status": "ok" if doc else "error",
                "error": result.error or "",
            }
        )
    frame = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
    return frame.astype({"max_depth": "Int64", "comment_count": "int64", "comments_closed": "bool"})
