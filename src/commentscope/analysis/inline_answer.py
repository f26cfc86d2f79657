"""The site's answer written inside a reader's comment ("AUTHOR: ...", "[Editor's note: ...]",
"Reply from Anna: ..."), split from the reader's own text: the reader's part is what asks, and
the question counts as answered by staff (`answer_links`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from commentscope.analysis.staff import first_name


@dataclass(frozen=True)
class InlineAnswer:
    """A comment split into the reader's own text and the site's answer written inside it."""

    reader_text: str
    answer_text: str
    label: str  # the marker that introduced the answer, e.g. "Editor's note" or "Anna"


_MARKER = r"(?:editor|ed|moderator|mod|admin|author|webmaster|site)['’]?s?\.?\s*(?:note|reply|response|answer|comment)?"
_BRACKETED = re.compile(rf"[\[(]\s*({_MARKER})\s*[:\-–—]\s*(.+?)[\])]?\s*$", re.IGNORECASE | re.DOTALL)
_LINE_MARKERS = (
    re.compile(rf"^\s*\[?\s*({_MARKER})\s*[:\-–—]\s*(.*)$", re.IGNORECASE | re.DOTALL),
    re.compile(r"^\s*((?:reply|response|answer)\s+from\s+[^:\n]{1,40}?)\s*[:\-–—]\s*(.*)$", re.IGNORECASE | re.DOTALL),
    re.compile(r"^\s*(A|ANSWER|REPLY|RESPONSE)\s*:\s*(.*)$", re.DOTALL),
)


_MARKER_PUNCTUATION = re.compile(r"[:\-–—]")


def split_inline_answer(text: str, staff_names: tuple[str, ...] = ()) -> InlineAnswer | None:
    """The site's answer written inside a reader's comment, or None.

    A line (not the first) that opens with an editor's marker ("Editor's note:", "Reply from
    Anna:", "A:", a staff name or an all-capitals name and a colon), or a bracketed editor's note
    at the end of the comment, starts the answer; everything from there on is the answer.
    """
    return _split(text, staff_names)


@lru_cache(maxsize=1024)
def _split(text: str, staff_names: tuple[str, ...]) -> InlineAnswer | None:
    """`split_inline_answer`, remembered for recent comments: a question's comment is split
    once for its questions and again for its answer status."""
    lines = text.split("\n")
    name_marker = _name_marker(staff_names)
    for k in range(1, len(lines)):
        if not _MARKER_PUNCTUATION.search(lines[k]):
            continue  # every marker ends with a colon or a dash
        for pattern in (*_LINE_MARKERS, name_marker):
            found = pattern.match(lines[k])
            if found and found.group(2).strip():
                answer = "\n".join([found.group(2), *lines[k + 1 :]]).strip()
                return InlineAnswer("\n".join(lines[:k]).strip(), answer, found.group(1).strip(" ["))
    bracketed = _BRACKETED.search(text)
    if bracketed and bracketed.start() > 0:
        return InlineAnswer(text[: bracketed.start()].strip(), bracketed.group(2).strip(), bracketed.group(1).strip())
    return None


@lru_cache(maxsize=64)
def _name_marker(staff_names: tuple[str, ...]) -> re.Pattern[str]:
    """A staff name in any case, or a name in capitals ("AUTHOR:"), then a colon (one per page's staff)."""
    names = [n for n in (first_name(s) for s in staff_names) if n]
    staff_alternative = ("(?i:" + "|".join(re.escape(n) for n in names) + r")\b[^:\n]{0,20}|") if names else ""
    return re.compile(r"^\s*(" + staff_alternative + r"[A-Z][A-Z'’. -]{2,30})\s*:\s*(.*)$")
