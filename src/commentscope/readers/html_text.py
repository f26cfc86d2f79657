"""Visible text of parsed HTML, one line per block, and dates as pages print them, in ISO 8601 (`dates.py`).

Walks are iterative (explicit stacks), so markup nested 10,000 deep reads like any other page.
"""

from __future__ import annotations

from collections.abc import Collection

from selectolax.lexbor import LexborNode

from commentscope import dates

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


def to_iso(raw: str | None, month_first: bool = False) -> str | None:
    """A date as a page prints it (or a `datetime` attribute) in ISO 8601; None when none is found.

    Numeric dates with dots are day first (12.05.2020); with slashes (05/12/2020) they are read
    month first when `month_first` (the rule says so), else only when the date shows its order."""
    return dates.to_iso(raw, "month" if month_first else None)


def date_span(text: str) -> tuple[int, int] | None:
    """Where the first date in `text` starts and ends (to cut a date out of an author line)."""
    return dates.date_span(text)
