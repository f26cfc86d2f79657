"""Saved HTML pages (`.html`, `.htm`, `.xhtml`, gzipped too): title, URL, article body and the
comment thread, read from the markup with the rules in `data/html_comments.toml`.

Parsed with selectolax's lexbor engine: it keeps markup nested 10,000 deep and attributes of any
size, where libxml2 silently drops what lies below depth 256 (docs/readers.md has the measurements).
No network, no JavaScript: what the saved file holds is what is read.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from commentscope.errors import UnreadableInputError
from commentscope.model import Document, LabelledLine, LineRole, Thread
from commentscope.readers.html_comments import PAGE_TAGS, Extraction, FoundComment, extract, with_byline_authors
from commentscope.readers.html_records import mark_records, records_rule
from commentscope.readers.html_rules import PageSettings, Rule, load_rules, packaged_settings
from commentscope.readers.html_text import node_lines
from commentscope.sources import decode, page_stem, read_bytes

__all__ = ["HtmlReader", "explain", "parse_html"]

HTML_START_RE = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.I | re.S,
)
HTML_ANYWHERE_RE = re.compile(rb"<(?:html|body|head)[\s>]", re.I)
# a page whose start was lost (a crawl cut before <body>) still shows its markup: closing tags of blocks
BLOCK_END_RE = re.compile(rb"</(?:div|p|table|td|li|ul|script|span|a)>", re.I)
BLOCK_ENDS = 5  # ... this many of them in the first bytes of a file named .html
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
URL_RE = re.compile(r"^https?://\S+$", re.I)
LOOSE_MIN_WORDS = 3  # a comment found outside a comment section has this many words of its own ...
LOOSE_SHARE = 0.75  # ... and an author, in this share of them at least


@dataclass(frozen=True)
class HtmlPage:
    """A parsed page before it becomes a Document: what was read and by which rule."""

    title: str | None
    url: str | None
    article: list[str]
    extraction: Extraction | None
    closed: bool


class HtmlReader:
    """Reads one saved web page into one Document; comments come from the first rule that finds any."""

    name = "html"
    suffixes = frozenset({".html", ".htm", ".xhtml", ".shtml"})

    def __init__(self, rules_file: Path | None = None) -> None:
        self.rules_file = rules_file

    def sniff(self, path: Path, head: bytes) -> bool:
        if HTML_START_RE.match(head):
            return True
        suffix = Path(path.name[:-3] if path.name.lower().endswith(".gz") else path.name).suffix.lower()
        if suffix not in self.suffixes:
            return False
        return bool(HTML_ANYWHERE_RE.search(head)) or len(BLOCK_END_RE.findall(head)) >= BLOCK_ENDS

    def read(self, path: Path) -> Iterator[Document]:
        text, encoding = decode_html(read_bytes(path), str(path))
        page = parse_html(text, str(path), load_rules(self.rules_file))
        yield to_document(page, page_stem(path), str(path), encoding)


def decode_html(data: bytes, source: str) -> tuple[str, str]:
    """Page bytes as text: valid UTF-8 as UTF-8 (saved pages often keep a stale <meta charset>),
    else the charset a <meta> declares, else as text files are decoded (cp1252, latin-1)."""
    declared = META_CHARSET_RE.search(data[:8192])
    if declared and b"\x00" not in data[:8192] and data.strip():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                name = codecs.lookup(declared.group(1).decode("ascii", "replace")).name
                return data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(data, source)


def parse_html(text: str, source: str, rules: tuple[Rule, ...] | None = None) -> HtmlPage:
    """Read title, URL, article and comments from the page's markup."""
    try:
        tree = LexborHTMLParser(text)
    except (SelectolaxError, ValueError, RuntimeError) as exc:
        raise UnreadableInputError(source, f"cannot parse as HTML: {exc}") from exc
    settings = packaged_settings()
    extraction, used = None, None
    for rule in rules if rules is not None else load_rules():
        extraction, used = extract(tree, rule), rule
        if extraction is not None:
            break
    if (extraction is None or _undated(extraction)) and mark_records(tree):  # comments by their shape
        shape_rule = records_rule(_rule_named(None, "generic"))
        shaped = extract(tree, shape_rule)
        if shaped is not None and not _headers_only(shaped) and (extraction is None or _reads_more(shaped, extraction)):
            extraction, used = shaped, shape_rule
    if extraction is None:  # comment elements outside any element that says so
        loose_rule = replace(_rule_named(rules, "generic"), within=None)
        loose = extract(tree, loose_rule)
        if loose is not None and _discussion(loose):
            extraction, used = loose, loose_rule
    comment_ids = set()
    if extraction is not None:
        extraction = with_byline_authors(extraction)
    if extraction is not None and used is not None:
        comment_ids = {n.mem_id for n in tree.css(used.items)}
    return HtmlPage(
        title=_first_text(tree, settings.title),
        url=_first_url(tree, settings.url),
        article=_article(tree, settings, comment_ids),
        extraction=extraction,
        closed=tree.css_first(settings.closed) is not None,
    )


def to_document(page: HtmlPage, doc_id: str, source: str, encoding: str = "utf-8") -> Document:
    """The Document of a parsed page: its thread built from the comment records."""
    found = page.extraction.comments if page.extraction else ()
    thread = Thread.from_records(doc_id, (f.record for f in found))
    warnings = [f"{source}: {w}" for w in (page.extraction.warnings if page.extraction else ())]
    warnings += list(thread.warnings)
    if encoding not in ("utf-8", "ascii"):
        warnings.append(f"{source}: decoded as {encoding}")
    lines = [LabelledLine(1, page.title, LineRole.TITLE)] if page.title else []
    lines += [LabelledLine(len(lines) + 1, line, LineRole.ARTICLE) for line in page.article]
    return Document(
        doc_id=doc_id, source=source, title=page.title, lines=tuple(lines), comments=thread.comments,
        comments_closed=page.closed and not thread.comments, encoding=encoding, warnings=tuple(warnings),
        url=page.url, reader="html", article_text="\n".join(page.article),
    )  # fmt: skip


def explain(path: Path, rules_file: Path | None = None) -> list[str]:
    """Which element of the page became which comment, one line each (for `parse --explain`)."""
    text, encoding = decode_html(read_bytes(path), str(path))
    page = parse_html(text, str(path), load_rules(rules_file))
    doc = to_document(page, page_stem(path), str(path), encoding)
    comments = page.extraction.comments if page.extraction else ()
    found: dict[str, FoundComment] = {f.record.source_id: f for f in comments}
    rule = page.extraction.rule if page.extraction else "none"
    out = [f"   rule {rule}; title {doc.title!r}; url {doc.url}; article {len(doc.article.split())} words"]
    for comment in doc.walk():
        origin = found.get(comment.source_id or "")
        element = origin.element if origin else "?"
        staff = " staff" if comment.marked_staff else ""
        snippet = " ".join(comment.text.split())[:60]
        out.append(
            f"{comment.comment_id.rsplit('-', 1)[-1]:>5} {'  ' * comment.depth}{element} "
            f"| {comment.author or '-'} | {comment.date or '-'}{staff} | {snippet}"
        )
    return out


def _undated(extraction: Extraction) -> bool:
    """Whether a rule found comment elements but read a date in none of them: a theme whose parts
    the rule does not know ('comment-author__name', 'Submetido por NAME a DATE', a name and date in
    one line), or elements that are not the comments themselves."""
    return not any(found.record.date for found in extraction.comments)


def _reads_more(shaped: Extraction, undated: Extraction) -> bool:
    """Whether the comments found by their shape (each dated) read more than an undated rule's: more
    comments, or as many where the rule read no author either."""
    blind = not any(found.record.author for found in undated.comments)
    return len(shaped.comments) >= len(undated.comments) + (not blind)


def _headers_only(extraction: Extraction) -> bool:
    """Whether most records found by their shape hold no words beyond their own header: each text is
    words of its author line ('timgray Profile Follow Unfollow' over a reply whose body the page
    loads by script)."""
    empty = 0
    for found in extraction.comments:
        header = set((found.record.author or "").casefold().split())
        empty += set(found.record.text.casefold().split()) <= header
    return empty * 2 > len(extraction.comments)


def _discussion(extraction: Extraction) -> bool:
    """Whether comment elements found outside any element named for comments read as a discussion: two
    or more, nearly all with an author and a few words of their own (not a list of posts whose
    comment counts are classed 'comment')."""
    found = [f.record for f in extraction.comments]
    named = sum(bool(r.author) for r in found)
    worded = sum(len(r.text.split()) >= LOOSE_MIN_WORDS for r in found)
    return len(found) >= 2 and min(named, worded) >= LOOSE_SHARE * len(found)


def _rule_named(rules: tuple[Rule, ...] | None, name: str) -> Rule:
    return next(r for r in (rules if rules is not None else load_rules()) if r.name == name)


def _first_text(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> str | None:
    for selector in selectors:
        for node in tree.css(selector):
            value = node.attributes.get("content") if node.tag == "meta" else " ".join(node_lines(node))
            value = " ".join((value or "").split())
            if value:
                return value[:500]
    return None


def _first_url(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> str | None:
    for selector in selectors:
        for node in tree.css(selector):
            value = (node.attributes.get("href") or node.attributes.get("content") or "").strip()
            if URL_RE.match(value):
                return value
    return None


def _article(tree: LexborHTMLParser, settings: PageSettings, comment_ids: set[int]) -> list[str]:
    """The article's paragraphs: the first body candidate with enough words outside the comments."""
    skip = set(comment_ids)
    for selector in settings.article_drop:
        skip.update(n.mem_id for n in tree.css(selector) if n.tag not in PAGE_TAGS)
    for selector in settings.article_body:
        for node in tree.css(selector):
            if node.mem_id in skip or _inside(node, skip):
                continue
            lines = node_lines(node, skip)
            if sum(len(line.split()) for line in lines) >= settings.article_min_words:
                return lines
    body: LexborNode | None = tree.body
    return node_lines(body, skip) if body is not None else []


def _inside(node: LexborNode, marks: set[int]) -> bool:
    current = node.parent
    while current is not None:
        if current.mem_id in marks:
            return True
        current = current.parent
    return False
