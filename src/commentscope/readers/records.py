"""What the structured readers (exports, tables) share: article lines, ISO dates, one Document.

A structured source has no page lines, so the article's paragraphs become numbered ARTICLE
lines (line N is paragraph N): the analyzers that look for the article passage answering a
question then work on exports and tables as they do on text pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from commentscope.model import CommentRecord, Document, LabelledLine, LineRole, Thread

DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")


def article_lines(title: str | None, article: str | None) -> tuple[LabelledLine, ...]:
    """The title (line 1) and one ARTICLE line per paragraph of the article text."""
    lines: list[LabelledLine] = []
    if title:
        lines.append(LabelledLine(1, title, LineRole.TITLE))
    for paragraph in (article or "").split("\n"):
        if paragraph.strip():
            lines.append(LabelledLine(len(lines) + 1, paragraph.strip(), LineRole.ARTICLE))
    return tuple(lines)


def iso_date(value: str, *, utc: bool) -> str | None:
    """A source date as ISO 8601 (`Z` when the source says it is UTC); None when it is no date.

    Accepts `2011-05-03 12:34:56` (WordPress), ISO 8601 with or without zone (Disqus, tables) and
    Unix epoch seconds; WordPress's `0000-00-00 00:00:00` placeholder is no date.
    """
    value = value.strip()
    if not value or value.startswith("0000-00-00"):
        return None
    if value.replace(".", "", 1).isdigit() and len(value) >= 9:
        try:
            return datetime.fromtimestamp(float(value), tz=UTC).isoformat().replace("+00:00", "Z")
        except (ValueError, OverflowError, OSError):
            return None
    if len(value) == 10 and _strptime(value, "%Y-%m-%d"):
        return value  # a day, not a moment
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = next((d for d in (_strptime(value, f) for f in DATE_FORMATS) if d), None)
    if parsed is None:
        return None
    if parsed.tzinfo is None and utc:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.isoformat().replace("+00:00", "Z")


def _strptime(value: str, form: str) -> datetime | None:
    try:
        return datetime.strptime(value, form)
    except ValueError:
        return None


def build_document(
    doc_id: str,
    source: str,
    reader: str,
    records: Iterable[CommentRecord],
    *,
    title: str | None = None,
    url: str | None = None,
    article: str | None = None,
    closed: bool = False,
    warnings: Iterable[str] = (),
) -> Document:
    """A Document whose thread is built from id/parent records (mends become warnings)."""
    thread = Thread.from_records(doc_id, records)
    return Document(
        doc_id=doc_id, source=source, title=title or None, lines=article_lines(title, article),
        comments=thread.comments, comments_closed=closed, warnings=(*warnings, *thread.warnings),
        url=url or None, reader=reader, article_text=article or None,
    )
