"""Comment tables (`.csv`, `.tsv`, `.jsonl`/`.ndjson`, `.parquet`): one row per comment.

Columns are found by their common names (`COLUMN_NAMES`, first match wins) or named with
`--columns ROLE=NAME,...`. Rows are grouped into one Document per page, whatever their order
(`PageGroups` keeps memory flat by spilling to a temporary file), and each page's thread is built
from the id and parent columns with `Thread.from_records`. Articles come from `--articles`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from commentscope.errors import UnreadableInputError
from commentscope.model import CommentRecord, Document
from commentscope.readers.articles import Articles
from commentscope.readers.grouping import PageGroups
from commentscope.readers.options import ReadOptions
from commentscope.readers.records import build_document, iso_date
from commentscope.readers.tablefiles import PARQUET_MAGIC, open_table
from commentscope.sources import page_stem

TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"})
# Role -> recognised column names, most specific first (compared lower-case, `-`/space as `_`).
COLUMN_NAMES: Mapping[str, tuple[str, ...]] = {
    "page": ("page", "page_id", "doc_id", "post_id", "thread", "thread_id", "article_id", "url", "page_url", "link"),
    "id": ("comment_id", "id", "commentid", "message_id"),
    "parent": ("parent_id", "parent", "in_reply_to", "reply_to", "parent_comment_id", "in_reply_to_id",
               "comment_parent"),
    "author": ("author", "author_name", "comment_author", "user", "username", "user_name", "name"),
    "date": ("created_at", "date", "timestamp", "time", "created", "posted_at", "comment_date_gmt", "comment_date"),
    "text": ("text", "body", "message", "content", "comment", "comment_text", "comment_content"),
    "staff": ("is_staff", "staff", "marked_staff", "is_author", "by_post_author"),
    "title": ("title", "page_title", "post_title"),
    "url": ("url", "page_url", "link"),
    "source_id": ("source_id",),
}
TRUE_VALUES = frozenset({"1", "true", "t", "yes", "y"})
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")  # guarded with an apostrophe by commentscope's CSV writer
SAFE_ID_RE = re.compile(r"[\w.\-]{1,100}")


def normal_name(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


@dataclass(frozen=True)
class Columns:
    """Which column (index) plays which role; None when the table has no such column."""

    index: Mapping[str, int]

    @classmethod
    def find(cls, header: list[str], mapped: Mapping[str, str], source: str) -> Columns:
        names = {normal_name(n): i for i, n in reversed(list(enumerate(header)))}
        index: dict[str, int] = {}
        for role, name in mapped.items():
            if normal_name(name) not in names:
                raise UnreadableInputError(source, f"--columns {role}={name}: no such column (has {_listed(header)})")
            index[role] = names[normal_name(name)]
        for role, candidates in COLUMN_NAMES.items():
            if role in index:
                continue
            taken = set(index.values())
            found = next((names[c] for c in candidates if c in names and names[c] not in taken), None)
            if found is not None:
                index[role] = found
        if "text" not in index:
            raise UnreadableInputError(
                source, f"no comment text column among {_listed(header)}; name it with --columns text=COLUMN"
            )
        return cls(index)

    def get(self, row: list[str], role: str) -> str:
        i = self.index.get(role)
        return row[i] if i is not None and i < len(row) else ""


def _listed(header: list[str]) -> str:
    shown = ", ".join(repr(n[:40]) for n in header[:12])
    return shown + (f" and {len(header) - 12} more" if len(header) > 12 else "")


class TableReader:
    """Reads comment tables, one Document per page."""

    name = "table"
    suffixes = TABLE_SUFFIXES

    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()

    def sniff(self, path: Path, head: bytes) -> bool:
        return _kind(path) in TABLE_SUFFIXES or head.startswith(PARQUET_MAGIC)

    def read(self, path: Path) -> Iterator[Document]:
        source, kind = str(path), _kind(path)
        if kind not in TABLE_SUFFIXES:
            kind = ".parquet"
        with open_table(path, kind) as table, PageGroups() as pages:
            columns = Columns.find(table.header, self.options.columns, source)
            articles = Articles(self.options.articles) if self.options.articles else None
            skipped = 0
            for number, row in enumerate(table.rows):
                text = columns.get(row, "text")
                if not text.strip():
                    skipped += 1
                    continue
                pages.add(columns.get(row, "page"), [
                    columns.get(row, "id") or f"row{number + 1}", columns.get(row, "parent"),
                    columns.get(row, "author"), text, columns.get(row, "date"), columns.get(row, "staff"),
                    columns.get(row, "source_id"), columns.get(row, "title"), columns.get(row, "url"),
                ])
            if not pages.keys():
                problem = "has a header but no rows" if not skipped else "has no row with comment text"
                raise UnreadableInputError(source, problem)
            warnings = [*table.warnings, *([f"{source}: {skipped} rows without text skipped"] if skipped else [])]
            stem = page_stem(path)
            for number, (page, rows) in enumerate(pages.groups()):
                document = self._document(page, rows, number, stem, source, columns, warnings)
                warnings = []
                yield articles.attach(document, page) if articles else document

    def _document(
        self, page: str, rows: list[list[str]], number: int, stem: str, source: str, columns: Columns,
        warnings: list[str],
    ) -> Document:
        has_source_id = "source_id" in columns.index
        records = [
            CommentRecord(
                source_id=r[0], parent_id=r[1] or None, author=_unguarded(r[2]) or None, text=_unguarded(r[3]),
                date=iso_date(r[4], utc=False) or r[4].strip() or None,
                marked_staff=r[5].strip().lower() in TRUE_VALUES,
            )
            for r in rows
        ]
        is_url = page.startswith(("http://", "https://"))
        if not page:
            doc_id = stem
        elif not is_url and SAFE_ID_RE.fullmatch(page):
            doc_id = page
        else:
            doc_id = f"{stem}-p{number + 1:04d}"
        title = next((r[7] for r in rows if r[7]), None)
        url = next((r[8] for r in rows if r[8]), None) or (page if is_url else None)
        document = build_document(doc_id, source, self.name, records, title=title, url=url, warnings=warnings)
        if not has_source_id:
            return document
        source_ids: dict[str, str] = {}
        for r in rows:
            source_ids.setdefault(r[0], r[6])
        comments = tuple(replace(c, source_id=source_ids.get(c.source_id or "") or None) for c in document.comments)
        return replace(document, comments=comments)


def _unguarded(value: str) -> str:
    """Undo the apostrophe that commentscope's CSV writer puts before a formula-like cell (`'=x` -> `=x`)."""
    return value[1:] if value[:1] == "'" and value[1:2] in FORMULA_PREFIXES and value[1:2] else value


def _kind(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""
