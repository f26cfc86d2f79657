"""What HTML-to-text converters add to a page's text, and how to read past it.

lynx prints links as `[12]text` and a `References` list at the end; html2text writes Markdown
(`![alt](src)`, `[text](url)`, `**bold**`, `## heading`, `\\-` escapes); lynx and w3m print an
image without alt text as `[name]`. `clean` removes that decoration from one line so that the
grammar sees what a reader of the page sees. The conventions are data (`[[decorations]]` in
`data/page_patterns.toml`); this module applies them with bounded work per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CLEAN_CHARS = 10_000  # longer lines are left as they are: bounded work per line
LINE_BREAK = re.compile(r"\r\n|\r|\n")
MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_OPEN_LINK = re.compile(r"\]\((?:[^()\s\\]|\\.){0,800}$")
_LINK_TAIL = re.compile(r"^(?:[^()\s\\]|\\.){0,800}\)")
_ONE_LINK = re.compile(r"\[\d{1,5}\][^\[\]]{1,80}|\[[^\[\]]{1,80}\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")


@dataclass(frozen=True, slots=True)
class Decoration:
    """One converter convention: a regular expression and what each match becomes."""

    name: str
    regex: re.Pattern[str]
    replace: str


def split_lines(text: str) -> list[str]:
    """Lines as editors number them: only `\\n`, `\\r\\n` and a lone `\\r` end a line.

    `str.splitlines` also breaks at form feeds, U+2028, U+0085 and other separators, which
    makes reported line numbers drift from what an editor shows.
    """
    parts = LINE_BREAK.split(text)
    if parts and parts[-1] == "":
        parts.pop()
    return parts


def opens_link(text: str) -> bool:
    """Whether a line ends inside a Markdown link's address (html2text wrapped the line there)."""
    return "](" in text and _OPEN_LINK.search(text) is not None


def link_tail(text: str) -> str:
    """The line without the end of an address wrapped from the line before ('b?c=1) Reply' -> ' Reply')."""
    return _LINK_TAIL.sub("", text, count=1)


def clean(text: str, decorations: tuple[Decoration, ...]) -> str:
    """`text` (one line, indentation removed) without converter decoration."""
    if not text or len(text) > MAX_CLEAN_CHARS:
        return text
    text = MD_HEADING.sub("", text)
    if "[" in text or "*" in text or "_" in text:
        for deco in decorations:
            text = deco.regex.sub(deco.replace, text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


def is_heading(text: str) -> bool:
    """A Markdown heading line ('## 4 Comments'), as html2text prints <h1>-<h6>."""
    return MD_HEADING.match(text) is not None


def is_one_link(rest: str) -> bool:
    """Whether a line's text (after any list marker) is a single link: lynx `[12]Recipes` or `[Recipes](/r)`."""
    return len(rest) <= 300 and _ONE_LINK.fullmatch(rest) is not None
