"""Visible text of parsed HTML, one line per block, and dates as pages print them, in ISO 8601.

Walks are iterative (explicit stacks), so markup nested 10,000 deep reads like any other page.
"""

from __future__ import annotations

import re
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


MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    "january jan januar janvier enero gennaio januari janeiro jänner",
    "february feb februar février fevrier febrero febbraio februari fevereiro",
    "march mar märz maerz mrz mars marzo maart março",
    "april apr avril abril aprile",
    "may mai mayo maggio mei maio",
    "june jun juni juin junio giugno junho",
    "july jul juli juillet julio luglio julho",
    "august aug août aout agosto augustus",
    "september sep sept septembre septiembre settembre setembro",
    "october oct oktober okt octobre octubre ottobre outubro",
    "november nov novembre noviembre novembro",
    "december dec dezember dez décembre decembre diciembre dicembre dezembro",
), start=1):
    MONTHS.update(dict.fromkeys(_names.split(), _number))

_MONTH = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_TIME = r"(?:\D{0,12}?\b(?P<H>\d{1,2})[:.h](?P<M>\d{2})(?::\d{2})?\s*(?P<p>[ap]\.?m\.?)?)?"
_DATES = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?P<rest>:\d{2}(?:\.\d+)?)?"
               r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"),
    re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<b>{_MONTH})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}}){_TIME}", re.I),
    re.compile(rf"\b(?P<b>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME}", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})[./](?P<m>\d{{1,2}})[./](?P<y>\d{{4}}){_TIME}"),
)  # fmt: skip


def to_iso(raw: str | None, month_first: bool = False) -> str | None:
    """A date as a page prints it (or a `datetime` attribute) in ISO 8601; None when none is found.

    Numeric dates are read day first (12.05.2020) unless `month_first` (05/12/2020)."""
    if not raw:
        return None
    raw = " ".join(raw.split())
    for pattern in _DATES:
        match = pattern.search(raw)
        if match is None:
            continue
        parts = match.groupdict()
        month = MONTHS[parts["b"].lower()] if parts.get("b") else int(parts["m"])
        day, year = int(parts["d"]), int(parts["y"])
        if month_first and pattern is _DATES[-1]:
            month, day = day, month
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        out = f"{year:04d}-{month:02d}-{day:02d}"
        if parts.get("H"):
            hour, minute = int(parts["H"]), int(parts["M"])
            ampm = (parts.get("p") or "").replace(".", "").lower()
            hour += 12 if ampm == "pm" and hour < 12 else -12 if ampm == "am" and hour == 12 else 0
            if hour < 24 and minute < 60:
                out += f"T{hour:02d}:{minute:02d}{parts.get('rest') or ''}{parts.get('tz') or ''}"
        return out
    return None


def date_span(text: str) -> tuple[int, int] | None:
    """Where the first date in `text` starts and ends (to cut a date out of an author line)."""
    hits = [m for m in (p.search(text) for p in _DATES) if m is not None]
    if not hits:
        return None
    first = min(hits, key=lambda m: m.start())
    return first.start(), first.end()
