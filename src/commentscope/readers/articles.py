"""Articles for comment tables: a folder of pages or a table of articles, matched by page id or URL.

A comment table holds comments only; the analyses that compare questions with the article need
the article too. `--articles DIR` reads every page in DIR with the usual readers and matches a
table's page by the page's doc id (its file name), its file stem or its URL; `--articles FILE`
reads a table with a page column and an article text column (`article`, `article_text`, `text`,
`body` or `content`), plus `title` and `url` when present.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from commentscope.errors import UnreadableInputError
from commentscope.model import Document, LineRole
from commentscope.readers.records import build_document
from commentscope.readers.tablefiles import open_table
from commentscope.sources import page_stem

COMMENT_ROLES = frozenset(
    {LineRole.COMMENT_HEADER, LineRole.COMMENT_TEXT, LineRole.COMMENT_META, LineRole.COMMENT_QUOTE}
)
PAGE_NAMES = ("page", "page_id", "doc_id", "post_id", "thread", "thread_id", "article_id", "url", "page_url", "link")
ARTICLE_NAMES = ("article", "article_text", "text", "body", "content")


class Articles:
    """Looks up the article of a table's page; the articles are read once, on first use."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self._index: dict[str, Document] | None = None

    def attach(self, document: Document, page: str) -> Document:
        """The document with its article's title, URL, article lines and text (a warning when none)."""
        article = self.find(page, document.url)
        if article is None:
            warning = f"{document.doc_id}: no article for page {page!r} in {self.location}"
            return replace(document, warnings=(*document.warnings, warning))
        return replace(
            document,
            title=document.title or article.title,
            url=document.url or article.url,
            lines=tuple(line for line in article.lines if line.role not in COMMENT_ROLES),
            article_text=article.article_text,
            comments_closed=document.comments_closed or article.comments_closed,
        )

    def find(self, page: str, url: str | None) -> Document | None:
        if self._index is None:
            self._index = self._load()
        for key in (page, url, _url_key(page), _url_key(url or "")):
            if key and key in self._index:
                return self._index[key]
        return None

    def _load(self) -> dict[str, Document]:
        if not self.location.exists():
            raise UnreadableInputError(str(self.location), "--articles: no such file or folder")
        if self.location.is_dir():
            return self._from_folder()
        return self._from_table()

    def _from_folder(self) -> dict[str, Document]:
        from commentscope.readers import input_paths, reader_for  # the registry imports this module

        index: dict[str, Document] = {}
        for path in input_paths([self.location]):
            if isinstance(path, UnreadableInputError) or reader_for(path).name == "table":
                continue
            try:
                documents = list(reader_for(path).read(path))
            except UnreadableInputError:
                continue
            for doc in documents:
                stem = page_stem(path) if len(documents) == 1 else None
                for key in (doc.doc_id, doc.url, _url_key(doc.url or ""), stem):
                    if key:
                        index.setdefault(key, doc)
        return index

    def _from_table(self) -> dict[str, Document]:
        source = str(self.location)
        index: dict[str, Document] = {}
        with open_table(self.location, _suffix(self.location)) as table:
            names = {name.strip().lower(): i for i, name in reversed(list(enumerate(table.header)))}
            page = next((names[n] for n in PAGE_NAMES if n in names), None)
            text = next((names[n] for n in ARTICLE_NAMES if n in names and names[n] != page), None)
            if page is None or text is None:
                raise UnreadableInputError(source, "--articles table needs a page column and an article column")
            title, url = names.get("title"), names.get("url")
            for row in table.rows:
                doc = build_document(
                    row[page], source, "table", [], title=row[title] if title is not None else None,
                    url=row[url] if url is not None else None, article=row[text].replace("\r\n", "\n"),
                )
                for key in (row[page], doc.url, _url_key(doc.url or "")):
                    if key:
                        index.setdefault(key, doc)
        return index


def _url_key(url: str) -> str:
    return url.strip().rstrip("/") if url.startswith(("http://", "https://")) else ""


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    return suffixes[-1] if suffixes else ".csv"
