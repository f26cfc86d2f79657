"""Small hand-written pages for the answer and staff tests: every comment top level."""

from __future__ import annotations

from commentscope.model import Comment, Document, LabelledLine, LineRole


def flat_page(*comments: tuple[str, str], opening: tuple[str, ...], doc_id: str = "flat") -> Document:
    """A flat page: (author, text) comments, all top level, in the order given, under `opening`."""
    lines = tuple(LabelledLine(k + 1, text, LineRole.ARTICLE) for k, text in enumerate(opening))
    start = len(lines) + 2
    built = tuple(Comment(f"c{k}", None, 0, k, author, text, start + k, start + k)
                  for k, (author, text) in enumerate(comments))
    doc = Document(doc_id, f"{doc_id}.txt", opening[0], lines, built)
    doc.check_integrity()
    return doc
