"""Visible text of parsed HTML, one line per block (dates are read by `commentscope.dates`).

Walks are iterative (explicit stacks), so markup nested 10,000 deep reads like any other page.
"""

from __future__ import annotations

from collections.abc import Collection

from selectolax.lexbor import LexborNode

BLOCK_TAGS = frozenset(
    "p div br li ul ol dl dt dd blockquote h1 h2 h3 h4 h5 h6 pre table tr td th section article main "
    "footer header figure figcaption hr aside nav form address details summary".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template button select textarea svg iframe object embed canvas head title".split()
)
TEXT, COMMENT = "-text", "-comment"


def node_lines(node: LexborNode, skip: Collection[int] = frozenset(), also: Collection[int] = frozenset()) -> list[str]:
    """The text of `node` as whitespace-normalised lines; subtrees below it whose mem_id is in
    `skip` or `also` vanish (`node` itself is always read, so callers need not copy `skip`)."""
    parts: list[str] = []
    stack: list[LexborNode | None] = list(reversed(list(node.iter(include_text=True))))
    while stack:
        current = stack.pop()
        if current is None:  # the end of a block element
            parts.append("\n")
            continue
        tag = current.tag or ""
        if tag == TEXT:
            parts.append(current.text_content or "")
            continue
        if tag == COMMENT or tag in SKIP_TAGS or current.mem_id in skip or current.mem_id in also:
            continue
        if tag == "br" or tag == "hr":
            parts.append("\n")
            continue
        if tag in BLOCK_TAGS:
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

