"""Visible text of parsed HTML, one line per block (dates are read by `commentscope.dates`).

Walks are iterative (explicit stacks), so markup nested 10,000 deep reads like any other page.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import cast

from selectolax.lexbor import LexborNode

BLOCK_TAGS = frozenset(
    "p div br li ul ol dl dt dd blockquote h1 h2 h3 h4 h5 h6 pre table tr td th section article main "
    "footer header figure figcaption hr aside nav form address details summary".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template button select textarea svg iframe object embed canvas head title".split()
)
TEXT, COMMENT = "-text", "-comment"
PRE_TAGS = frozenset({"pre", "listing", "plaintext", "xmp"})
_PRE_END = object()  # the end of a pre element (a block's end too)
# A line break in a text node that the next line's indentation shows to be the template's layout
# ("Q: Could the oil be replaced\n\t\t\t\twith applesauce?"): a space on the screen. A bare line
# break may be the reader's own (sites show them with CSS `white-space: pre-line`) and is kept,
# as is every line break inside a pre element.
_LAYOUT_BREAK = re.compile(r"[ \t]*\r?\n(?:\t|[ ]{8})[ \t]*")


def node_lines(node: LexborNode, skip: Collection[int] = frozenset(), also: Collection[int] = frozenset()) -> list[str]:
    """The text of `node` as whitespace-normalised lines; subtrees below it whose mem_id is in
    `skip` or `also` vanish (`node` itself is always read, so callers need not copy `skip`)."""
    parts: list[str] = []
    stack: list[LexborNode | object | None] = list(reversed(list(node.iter(include_text=True))))
    pre = int(node.tag in PRE_TAGS)  # how many pre elements the walk is inside
    while stack:
        current = stack.pop()
        if current is None or current is _PRE_END:  # the end of a block element
            parts.append("\n")
            pre -= current is _PRE_END
            continue
        current = cast(LexborNode, current)
        tag = current.tag or ""
        if tag == TEXT:
            text = current.text_content or ""
            parts.append(text if pre or "\n" not in text else _LAYOUT_BREAK.sub(" ", text))
            continue
        if tag == COMMENT or tag in SKIP_TAGS or current.mem_id in skip or current.mem_id in also:
            continue
        if tag == "br" or tag == "hr":
            parts.append("\n")
            continue
        if tag in PRE_TAGS:
            parts.append("\n")
            stack.append(_PRE_END)
            pre += 1
        elif tag in BLOCK_TAGS:
            parts.append("\n")
            stack.append(None)
        stack.extend(reversed(list(current.iter(include_text=True))))
    text = "".join(parts).replace("\xa0", " ").replace("\u200b", "")
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def node_text(node: LexborNode, skip: Collection[int] = frozenset()) -> str:
    return "\n".join(node_lines(node, skip))


def inline_text(node: LexborNode, skip: Collection[int] = frozenset(), also: Collection[int] = frozenset()) -> str:
    """The text of `node` on one line (names, dates)."""
    return " ".join(node_lines(node, skip, also))

