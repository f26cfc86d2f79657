"""Safe, streaming XML for exports: element events in flat memory, no entities, no DTD, no network.

Exports are read with lxml's pull parser and every element is cleared once handled, so a 2 GB
export needs the memory of one post. The parser never loads a DTD, never fetches anything and
never expands an entity; a file that declares entities or an external DTD (no WordPress or
Disqus export does) is refused before any content is read. Markup inside fields (post bodies,
comment messages) becomes plain text with `html_to_text`.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import IO

from lxml import etree, html

from commentscope.errors import UnreadableInputError
from commentscope.sources import GZIP_MAGIC

__all__ = [
    "attribute", "children", "declares_entities", "fields", "html_to_text", "iter_elements", "local_name", "text_of",
]

BLOCK_TAGS = frozenset({
    "p", "div", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "h1", "h2",
    "h3", "h4", "h5", "h6", "section", "article", "figure", "figcaption", "hr", "header", "footer",
})
DROPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
SHORTCODE_RE = re.compile(r"\[/?[a-z_][\w-]*(?:\s[^\]\n]*)?\]")  # WordPress [caption ...] wrappers
MARKUP_RE = re.compile(r"<[a-zA-Z/!]|&[#\w]+;")
TAG_RE = re.compile(r"<[^>]*>")
SIMPLE_TAG_RE = re.compile(r"</?(p|br|b|i|em|strong|u|s|code|blockquote)\s*/?>", re.IGNORECASE)
DROPPED_RE = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
CHUNK = 1 << 16  # bytes fed to the parser at a time
DOCTYPE_RE = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!DOCTYPE\b", re.DOTALL)
EXTERNAL_ID_RE = re.compile(rb"\b(?:SYSTEM|PUBLIC)\b")


def declares_entities(head: bytes) -> bool:
    """An XML file whose DTD declares entities: no export does, and the export reader refuses it."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"<?xml", b"<!DOCTYPE")) and b"<!ENTITY" in head


def local_name(element: etree._Element) -> str:
    """The tag without its namespace (`{http://wordpress.org/export/1.2/}comment` -> `comment`)."""
    tag = element.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return tag.rpartition("}")[2]


def children(element: etree._Element, namespace: str | None, name: str) -> Iterator[etree._Element]:
    """Direct children with local name `name` whose namespace URI contains `namespace`.

    `''` asks for no namespace, None for any.
    """
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag.rpartition("}")[2] != name:
            continue
        uri = tag[1:].partition("}")[0] if tag.startswith("{") else ""
        if namespace is None or ((namespace in uri) if namespace else not uri):
            yield child


def text_of(element: etree._Element | None, namespace: str | None, name: str) -> str:
    """The stripped text of the first such child ('' when there is none)."""
    child = None if element is None else next(children(element, namespace, name), None)
    return "" if child is None else "".join(child.itertext()).strip()


def fields(element: etree._Element, spaces: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    """The text of every direct child by key, in one pass (the first child wins on repeats).

    The key is `short:local` when the child's namespace URI contains a fragment listed in
    `spaces` (`("wordpress.org/export/", "wp")` -> `wp:comment_id`), else the bare local name.
    """
    found: dict[str, str] = {}
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        key = _field_key(tag, spaces)
        if key not in found:
            found[key] = (child.text or "").strip() if len(child) == 0 else "".join(child.itertext()).strip()
    return found


@lru_cache(maxsize=1024)
def _field_key(tag: str, spaces: tuple[tuple[str, str], ...]) -> str:
    uri, _, local = tag[1:].rpartition("}") if tag.startswith("{") else ("", "", tag)
    short = next((name for fragment, name in spaces if fragment in uri), None) if uri else None
    return f"{short}:{local}" if short else local


def attribute(element: etree._Element | None, name: str) -> str:
    """An attribute by local name, whatever its namespace (`dsq:id` -> `id`)."""
    if element is None:
        return ""
    return next((str(v) for k, v in element.attrib.items() if str(k).rpartition("}")[2] == name), "")


@contextmanager
def _open(path: Path) -> Iterator[IO[bytes]]:
    with path.open("rb") as raw:
        gzipped = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        if gzipped:
            with gzip.GzipFile(fileobj=raw) as unzipped:
                yield unzipped  # type: ignore[misc]
        else:
            yield raw


def iter_elements(path: Path, names: frozenset[str], depth: int) -> Iterator[etree._Element]:
    """The complete elements named `names` (local names) found `depth` levels below the root.

    Each element is yielded once its end tag is read; after the caller is done with it, it and
    everything before it are freed. Malformed or truncated XML raises UnreadableInputError after
    the elements read before the break; so does a file that declares entities or a DTD. The file
    is fed to a pull parser chunk by chunk, so the elements parsed before a break are yielded
    even when the break lies in the same chunk (lxml's `iterparse` drops them with libxml2 2.14).
    """
    source = str(path)
    parser = etree.XMLPullParser(
        events=("end",), resolve_entities=False, no_network=True,
        load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True,
    )
    try:
        with _open(path) as handle:
            checked = False
            chunk = handle.read(CHUNK)
            _refuse_prolog(chunk, source)
            while True:
                failure = _feed(parser, chunk)
                for _, element in parser.read_events():
                    if not checked:  # the DTD is read before the first element ends
                        _refuse_dtd(element, source)
                        checked = True
                    if _local(element.tag) in names and _depth(element) == depth:
                        yield element
                        _free(element)
                if failure is not None:
                    raise failure
                if not chunk:
                    break
                chunk = handle.read(CHUNK)
    except etree.XMLSyntaxError as exc:
        line = f" at line {exc.lineno}" if exc.lineno else ""
        raise UnreadableInputError(source, f"malformed XML{line}: {_first_line(exc.msg)}") from exc
    except etree.LxmlError as exc:
        raise UnreadableInputError(source, f"unreadable XML: {_first_line(str(exc))}") from exc
    except (OSError, EOFError) as exc:
        raise UnreadableInputError(source, f"cannot read: {exc}") from exc


def _feed(parser: etree.XMLPullParser, chunk: bytes) -> etree.XMLSyntaxError | None:
    """Feed one chunk (an empty one ends the file); a syntax error is handed back so the events
    parsed before it are read first. At the end a failure is raised at once: lxml then closes
    the open elements itself, and a truncated post must not pass for a whole one."""
    if not chunk:
        parser.close()
        return None
    try:
        parser.feed(chunk)
    except etree.XMLSyntaxError as exc:
        return exc
    return None


def _refuse_prolog(head: bytes, source: str) -> None:
    """Refuse a DOCTYPE that declares entities or names an external DTD before parsing it.

    libxml2 counts entity references even when it does not expand them and stops an entity
    bomb with its own message, in the same chunk as the DTD; so the DTD is read from the bytes.
    """
    opening = DOCTYPE_RE.match(head)
    if opening is None:
        return
    rest = head[opening.end():]
    declaration = rest[: min((i for i in (rest.find(b"["), rest.find(b">")) if i >= 0), default=len(rest))]
    subset_end = rest.find(b"]>") if rest[len(declaration):].startswith(b"[") else len(declaration)
    if EXTERNAL_ID_RE.search(declaration) or subset_end < 0 or b"<!ENTITY" in rest[:subset_end]:
        raise UnreadableInputError(
            source, "XML declares entities or an external DTD; exports never do, refused as unsafe"
        )


@lru_cache(maxsize=4096)
def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _depth(element: etree._Element) -> int:
    depth = 0
    parent = element.getparent()
    while parent is not None:
        depth += 1
        parent = parent.getparent()
    return depth


def _refuse_dtd(root: etree._Element, source: str) -> None:
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and (any(True for _ in dtd.iterentities()) or dtd.system_url):
        raise UnreadableInputError(
            source, "XML declares entities or an external DTD; exports never do, refused as unsafe"
        )
    if root.getroottree().docinfo.system_url:
        raise UnreadableInputError(source, "XML names an external DTD; exports never do, refused as unsafe")


def _free(element: etree._Element) -> None:
    """Drop a handled element's content and the already-handled siblings before it."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _first_line(message: str | None) -> str:
    return (message or "").strip().splitlines()[0] if (message or "").strip() else "parse error"


def html_to_text(markup: str) -> str:
    """Post or comment markup as plain text: paragraphs on their own lines, tags and entities gone.

    Newlines in the source count (WordPress stores paragraphs as blank lines); a text with no
    markup is returned with its whitespace tidied only.
    """
    markup = SHORTCODE_RE.sub("", markup)
    if not MARKUP_RE.search(markup):
        return _tidy(markup)
    if all(SIMPLE_TAG_RE.fullmatch(tag) for tag in TAG_RE.findall(markup)) and "<" not in TAG_RE.sub("", markup):
        return _tidy(unescape(TAG_RE.sub(_simple_tag, markup)))  # plain paragraphs: no parser needed
    stripped = _tidy(unescape(TAG_RE.sub(" ", DROPPED_RE.sub(" ", markup))))
    try:
        parts = html.fragments_fromstring(markup)
    except (etree.LxmlError, ValueError):
        return stripped
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            _collect(part, out)
    text = _tidy("".join(out))
    # The HTML parser drops what lies over 256 elements deep; then the tag-stripped text is fuller.
    return stripped if len(text.split()) < 0.9 * len(stripped.split()) else text


def _simple_tag(match: re.Match[str]) -> str:
    name = match.group(0).strip("</>").strip().lower()
    return "\n" if name == "br" else "\n\n" if name in BLOCK_TAGS else ""


def _collect(root: etree._Element, out: list[str]) -> None:
    """Text of an element tree in document order, with line breaks for block elements (no recursion)."""
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if closing:
            if tag in BLOCK_TAGS:
                out.append("\n\n")
            out.append(element.tail or "")
            continue
        if tag in DROPPED_TAGS or not isinstance(element.tag, str):
            out.append(element.tail or "")
            continue
        if tag == "br":
            out.append("\n")
        elif tag in BLOCK_TAGS:
            out.append("\n\n")
        out.append(element.text or "")
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))


def _tidy(text: str) -> str:
    """Spaces collapsed within lines, at most one blank line between paragraphs."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\xa0", " ").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
