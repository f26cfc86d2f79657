"""Where a page dump's headline is: the block of lines just above the article's first paragraph.

A text dump made by lynx, w3m, html2text or inscriptis opens with the site's chrome (feed links,
skip links, menus, logos, cookie notices), and the page's <title> is not printed at all. The
headline is read from the page's shape instead: blocks are runs of non-blank lines; the first
*paragraph* is a block of PARAGRAPH_WORDS or more words holding a sentence end, few of them
links; the headline is the last block above it that reads as one: 1 to HEADLINE_LINES lines (a
headline wraps too), HEADLINE_WORDS words, no sentence end, no link, list item, date or byline,
not a label ending in ':' or a sentence ending in '.', no photo caption or credit, cookie or
browser notice or reading time (`[words] not_headline`). A Markdown heading (html2text's `# ...`)
among those blocks is preferred. Above all that, the first level-one heading that reads as a
headline is the headline wherever it stands: html2text prints <h1> as `# ...`, and a site's
description, a teaser list or a cookie notice above it can read as the first paragraph. A page
without such a block keeps the older reading (its first short line), so hand-made pages that
open with their title read as before.
"""

from __future__ import annotations

import re

from commentscope.dates import find_dates
from commentscope.grammar import Line
from commentscope.patterns import word_pattern

PARAGRAPH_WORDS = 20
HEADLINE_WORDS = (3, 25)  # fewest, most
HEADLINE_LINES = 3
HEADLINE_MAX_CHARS = 250
LINKS_PER_PARAGRAPH_WORD = 1 / 8  # more links than this: a menu or a list of teasers, not a paragraph
_LINK_RE = re.compile(r"\[\d+\]|\]\(")  # lynx's numbered link, a Markdown link
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”“'’)]*\s")
_LINK_BLOCK_RE = re.compile(r"#\[\d+\]")  # lynx: '#' and the numbered links of the page's <link>s
_LINK_NUMBER_RE = re.compile(r"#?\[\d+\]")
_BYLINE = word_pattern("byline_lead")  # 'von Stefan Niggemeier', 'Posted by Ann': no headline
_NOTICE = word_pattern("not_headline")


def headline(lines: list[Line], stop: int) -> list[int] | None:
    """Indices of the headline's lines among `lines[:stop]`, or None when no block reads as one."""
    blocks = _blocks(lines, stop)
    top = next((block for block in blocks if _top_heading(lines[block[0]]) and _headline(lines, block)), None)
    if top is not None:
        return top
    first = next((k for k, block in enumerate(blocks) if _paragraph(lines, block)), None)
    if first is None:
        # a forum thread: no article above its first post, whose title (linked in lynx) stands last
        # before it, under the site's chrome
        if stop == len(lines):
            return None
        titled = [block for block in blocks if _headline(lines, block, linked=True)]
        return titled[-1] if titled else None
    found = [block for k, block in enumerate(blocks[:first])
             if _headline(lines, block) and not (0 < k < first - 1 and _item_continues(lines, blocks[k - 1:k + 2]))]
    headings = [block for block in found if lines[block[0]].heading]
    chosen = headings or found
    return chosen[-1] if chosen else None


def link_block(lines: list[Line]) -> list[int]:
    """The lines of lynx's list of the page's <link> elements at its top ('#[1]alternate [2]...'):
    chrome, and where the page's title may be read (`feed_title`)."""
    start = next((i for i, line in enumerate(lines) if line.text), None)
    if start is None or not _LINK_BLOCK_RE.match(lines[start].text):
        return []
    end = next((i for i in range(start, len(lines)) if not lines[i].text), len(lines))
    return list(range(start, end))


def feed_title(lines: list[Line], block: list[int]) -> str | None:
    """The post's title as WordPress names its comment feed in lynx's link block
    ('[3]SITE » POST TITLE Comments Feed'), or None."""
    feed = word_pattern("post_comments_feed")  # (compiled once: `word_pattern` is cached)
    for link in _LINK_NUMBER_RE.split(" ".join(lines[i].text for i in block)):
        found = feed.fullmatch(" ".join(link.split()))
        if found:
            return found.group("title")
    return None


def _top_heading(line: Line) -> bool:
    """A level-one Markdown heading (html2text's '# ...' for <h1>): the page's own headline."""
    return line.heading and line.raw.startswith("# ")


def _blocks(lines: list[Line], stop: int) -> list[list[int]]:
    """Runs of non-blank lines before `stop`."""
    blocks: list[list[int]] = []
    run: list[int] = []
    for i in range(stop):
        if lines[i].text:
            run.append(i)
        elif run:
            blocks.append(run)
            run = []
    if run:
        blocks.append(run)
    return blocks


def _paragraph(lines: list[Line], block: list[int]) -> bool:
    if any(lines[i].boilerplate or lines[i].cta or lines[i].marker for i in block):
        return False
    text = " ".join(lines[i].clean for i in block)
    words = len(text.split())
    links = sum(len(_LINK_RE.findall(lines[i].raw)) for i in block)
    sentence_end = _SENTENCE_END_RE.search(text + " ")
    return words >= PARAGRAPH_WORDS and links <= LINKS_PER_PARAGRAPH_WORD * words and sentence_end is not None


def _headline(lines: list[Line], block: list[int], *, linked: bool = False) -> bool:
    """Whether the block reads as a headline; `linked`: also one line that is a single link."""
    if linked and len(block) == 1 and lines[block[0]].one_link and not _chrome_or_item(lines[block[0]]):
        return _headline_text(lines[block[0]].clean)  # (`clean`: without the link's number or address)
    if len(block) > HEADLINE_LINES or not all(map(is_plain_line, (lines[i] for i in block))):
        return False
    return _headline_text(" ".join(lines[i].clean for i in block))


def _item_continues(lines: list[Line], around: list[list[int]]) -> bool:
    """The middle block stands aligned with the text of the list item that ends the block before
    it, and so does the block after it: the item goes on (a teaser list as w3m prints it:
    '• image-alt DATE AUTHOR', then the post's title, then 'Read More')."""
    before, block, after = around
    item = lines[before[-1]]
    marker_and_text = item.raw[item.indent:].split(None, 1)
    if item.marker is None or len(marker_and_text) < 2:
        return False
    column = len(item.raw) - len(marker_and_text[1])
    return lines[block[0]].indent == column == lines[after[0]].indent


def _chrome_or_item(line: Line) -> bool:
    """Chrome, a list item, a date or a byline."""
    return bool(line.boilerplate or line.cta or line.marker or line.meta or line.author)


def _headline_text(text: str) -> bool:
    fewest, most = HEADLINE_WORDS
    return (fewest <= len(text.split()) <= most and len(text) <= HEADLINE_MAX_CHARS
            and not text.endswith((".", ":")) and not _SENTENCE_END_RE.search(text)
            and not _BYLINE.match(text) and not is_notice(text) and find_dates(text) == [])


def is_notice(text: str) -> bool:
    """A photo's caption or credit, a cookie or browser notice, a reading time: never a title."""
    return _NOTICE.search(text) is not None


def is_plain_line(line: Line) -> bool:
    """Neither chrome nor a link, list item, date or byline."""
    return not (_chrome_or_item(line) or line.one_link or _LINK_RE.search(line.raw))
