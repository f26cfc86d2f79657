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

from commentscope.literals import Needs, fold

MAX_CLEAN_CHARS = 10_000  # longer lines are left as they are: bounded work per line
LINE_BREAK = re.compile(r"\r\n|\r|\n")
MD_HEADING = re.compile(r"^#{1,6}(?:\s+|$)")  # an empty heading ("#####") too
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_OPEN_LINK = re.compile(r"\]\((?:[^()\s\\]|\\.){0,800}(?:\s+\"[^\"]{0,200})?$"  # in an address or title
                        # or in a web address html2text left its spaces in (a share link's 'tweet?text=Looks good')
                        r"|\]\(https?://[^()\s]{1,400}\?[^()\\]{0,800}$")
_OPEN_QUERY = re.compile(r"\]\(https?://[^()\s]{1,400}\?[^()\\\]]{0,800}$")  # in a web address's query
_OPEN_ADDRESS = re.compile(r"\]\((?:[^()\s\\]|\\.){0,800}$")
# (html2text's link may hold images before its words: '[![](icon.png) 3 Comments](/post#comments)')
_ONE_LINK = re.compile(r"\[\d{1,5}\][^\[\]]{1,80}"
                       r"|\[(?:!\[[^\[\]]{0,80}\]\([^()\s]{0,300}\)\s*){0,3}[^\[\]]{1,80}\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")


@dataclass(frozen=True, slots=True)
class Decoration:
    """One converter convention: a regular expression and what each match becomes."""

    name: str
    regex: re.Pattern[str]
    replace: str
    markdown: bool = False  # only on pages written in Markdown (html2text)
    needs: Needs | None = None  # strings every match holds one of (`literals.needs_of`): a test before the regex


# Chinese characters and Japanese kana: each about a word, with no spaces between them (`grammar` counts
# them for prose, `analysis.language` for the script)
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
IDEOGRAPHS = re.compile(f"[{CJK_CHARS}]")


def split_lines(text: str) -> list[str]:
    """Lines as editors number them: only `\\n`, `\\r\\n` and a lone `\\r` end a line.

    `str.splitlines` also breaks at form feeds, U+2028, U+0085 and other separators, which
    makes reported line numbers drift from what an editor shows.
    """
    parts = LINE_BREAK.split(text)
    if parts and parts[-1] == "":
        parts.pop()
    return parts


MAX_LINK_LINES = 6  # html2text wraps a link over at most a few lines
# ... but a row of images, each address wrapped, runs on for as long as the row is, in lines of addresses alone
# ('![](https://a.org/wp-' / 'rating_on.gif)![](https://a.org/wp-' / ..., a review's five stars)
MAX_ADDRESS_LINES = 40


def _address_only(text: str) -> bool:
    """Whether a line holds only pieces of addresses and image marks, no words ('content/plugins/wp-')."""
    return " " not in text and ("](" in text or "/" in text)


def wrapped_links(stripped: list[str]) -> dict[int, tuple[int, str]]:
    """Markdown links that html2text wrapped over several lines, joined.

    Returns, for every line of a wrapped link, (index of its first line, the joined text). Link
    text is joined with a space, an address without one ('https://a.org/x-' + 'y)').
    """
    spans: dict[int, tuple[int, str]] = {}
    i = 0
    while i < len(stripped):
        text = stripped[i]
        if "[" not in text or not _unclosed(text):
            i += 1
            continue
        k = i
        while _unclosed(text) and k + 1 < len(stripped) and (
                k - i < MAX_LINK_LINES or (k - i < MAX_ADDRESS_LINES and _address_only(stripped[k + 1]))) and (
                stripped[k + 1] or (k + 2 < len(stripped) and stripped[k + 2] and _OPEN_QUERY.search(text))):
            k += 1
            if not stripped[k]:  # a blank line inside a share link's query ('tweet?text=So helpful!' / '' / '&url=')
                continue
            glue = "" if _OPEN_ADDRESS.search(text) and not stripped[k].startswith('"') else " "
            text = text + glue + stripped[k]
        joined = k > i and not _unclosed(text) and "](" in text
        if joined:
            for j in range(i, k + 1):
                spans[j] = (i, text)
        i = k + 1 if joined else i + 1
    return spans


def _unclosed(text: str) -> bool:
    """Whether a line ends inside a Markdown link: its text ('[26. Mai') or its address ('](https://a-')."""
    if len(text) > MAX_CLEAN_CHARS:
        return False
    if _OPEN_LINK.search(text):
        return True
    depth = 0
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
    return depth > 0


MARKDOWN_MIN_LINKS = 1  # a page with a "](address" link was written in Markdown


def is_markdown(stripped: list[str]) -> bool:
    """Whether a page is Markdown (html2text's dump): it has several '[text](address)' links."""
    found = 0
    for text in stripped:
        found += "](" in text
        if found >= MARKDOWN_MIN_LINKS:
            return True
    return False


# a line with none of '[*_(>' holds no decoration unless it ends in one of these, which `trailing_separator`
# takes off ('Ann ·' over its date; '1. •' was left whole where '(3) 1. •' was not: found by Hypothesis)
_SEPARATORS = tuple("·•|-–—")


def clean(text: str, decorations: tuple[Decoration, ...], *, markdown: bool = True) -> str:
    """`text` (one line, indentation removed) without converter decoration."""
    if not text or len(text) > MAX_CLEAN_CHARS:
        return text
    if markdown:
        text = MD_HEADING.sub("", text)
    if any(ch in text for ch in "[*_(>") or text.endswith(_SEPARATORS):
        folded = fold(text)
        for deco in decorations:
            if deco.markdown and not markdown:
                continue
            needs = deco.needs
            if needs is not None and not any(s in (folded if needs.folded else text) for s in needs.strings):
                continue  # (no match possible: the line stays as it is)
            changed = deco.regex.sub(deco.replace, text)
            if changed != text:
                text, folded = changed, fold(changed)
    if markdown and "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


def is_heading(text: str) -> bool:
    """A Markdown heading line ('## 4 Comments'), as html2text prints <h1>-<h6>."""
    return MD_HEADING.match(text) is not None


def is_one_link(rest: str) -> bool:
    """Whether a line's text (after any list marker) is a single link: lynx `[12]Recipes` or `[Recipes](/r)`."""
    return len(rest) <= 300 and _ONE_LINK.fullmatch(rest) is not None
